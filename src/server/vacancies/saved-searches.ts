import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, inArray, lte } from 'drizzle-orm';
import type { Database } from '../../db/connect';
import { jobseekers, organisations, savedSearches, vacancies } from '../../db/schema';
import { toCopenhagenIsoDate } from '../../core/calendar/iso-date';
import { vacancyMatchesSearch } from '../../core/vacancies/saved-search';
import type { Clock } from '../clock';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { writeAudit } from '../audit/write-audit';
import { queueNotification } from '../notifications/queue';
import { systemContext } from '../system-context';
import { inTenant } from '../tenancy';

export type TSavedSearchBody = { occupationCodes: string[]; municipalityCode: number | null; radiusKm: number; freeText: string | null };
export type TSavedSearchUpdate = TSavedSearchBody & { digestPaused?: boolean };
type DigestVacancy = Pick<typeof vacancies.$inferSelect, 'id' | 'title' | 'employerName' | 'municipalityCode' | 'deadline' | 'url'>;

/** At most this many vacancies are listed in one digest (the count says how many in all). */
export const DIGEST_MAX_LISTED = 20;

function present(s: typeof savedSearches.$inferSelect, listed: ReadonlyMap<string, DigestVacancy> = new Map()) {
  return {
    id: s.id,
    occupationCodes: s.occupationCodes,
    municipalityCode: s.municipalityCode,
    radiusKm: s.radiusKm,
    freeText: s.freeText,
    digestPaused: s.digestPaused,
    createdAt: s.createdAt.toISOString(),
    // A vacancy removed since the digest is simply left out; the count is what the e-mail said.
    lastDigest: s.lastDigestAt
      ? { at: s.lastDigestAt.toISOString(), count: s.lastDigestCount, vacancies: s.lastDigestVacancyIds.flatMap((id) => (listed.has(id) ? [listed.get(id)!] : [])) }
      : null,
  };
}

async function loadDigestVacancies(tx: Pick<Database, 'select'>, ctx: TenantContext, ids: readonly string[]): Promise<Map<string, DigestVacancy>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: vacancies.id, title: vacancies.title, employerName: vacancies.employerName, municipalityCode: vacancies.municipalityCode, deadline: vacancies.deadline, url: vacancies.url })
    .from(vacancies)
    .where(inTenant(vacancies, ctx, inArray(vacancies.id, [...ids])));
  return new Map(rows.map((v) => [v.id, v]));
}

function jobseekerOf(ctx: TenantContext): string {
  if (ctx.actor.kind !== 'jobseeker') throw new AppError('forbidden');
  return ctx.actor.id;
}

/** The jobseeker's own saved searches (portal); the actor is the jobseeker, so another's is not found. */
export function createSavedSearchService({ db }: { db: Database }) {
  return {
    /** The searches with what each one's last digest listed (one query for all their vacancies). */
    async list(ctx: TenantContext) {
      const jobseekerId = jobseekerOf(ctx);
      return db.transaction(async (tx) => {
        const rows = await tx.select().from(savedSearches).where(inTenant(savedSearches, ctx, eq(savedSearches.jobseekerId, jobseekerId))).orderBy(asc(savedSearches.createdAt), asc(savedSearches.id));
        const ids = [...new Set(rows.flatMap((r) => r.lastDigestVacancyIds))];
        const listed = await loadDigestVacancies(tx, ctx, ids);
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'saved_search', jobseekerId, details: { count: rows.length } });
        return { items: rows.map((r) => present(r, listed)) };
      });
    },
    async create(ctx: TenantContext, body: TSavedSearchBody) {
      const jobseekerId = jobseekerOf(ctx);
      return db.transaction(async (tx) => {
        const now = ctx.clock.now();
        const [row] = await tx
          .insert(savedSearches)
          .values({ id: randomUUID(), organisationId: ctx.organisationId, jobseekerId, occupationCodes: [...new Set(body.occupationCodes)], municipalityCode: body.municipalityCode, radiusKm: body.radiusKm, freeText: body.freeText, digestedUntil: now, createdAt: now })
          .returning();
        await writeAudit(tx, ctx, { action: 'create', subjectType: 'saved_search', subjectId: row!.id, jobseekerId });
        return present(row!);
      });
    },
    /**
     * Replaces the criteria and, when given, pauses or resumes the daily e-mail. Resuming moves
     * `digested_until` to now: what was imported during the pause is not sent afterwards.
     */
    async update(ctx: TenantContext, id: string, body: TSavedSearchUpdate) {
      const jobseekerId = jobseekerOf(ctx);
      return db.transaction(async (tx) => {
        const where = inTenant(savedSearches, ctx, eq(savedSearches.id, id), eq(savedSearches.jobseekerId, jobseekerId));
        const [current] = await tx.select().from(savedSearches).where(where).for('update');
        if (!current) throw new AppError('not_found');
        const paused = body.digestPaused ?? current.digestPaused;
        const resumed = current.digestPaused && !paused;
        const [row] = await tx
          .update(savedSearches)
          .set({
            occupationCodes: [...new Set(body.occupationCodes)],
            municipalityCode: body.municipalityCode,
            radiusKm: body.radiusKm,
            freeText: body.freeText,
            digestPaused: paused,
            ...(resumed ? { digestedUntil: ctx.clock.now() } : {}),
          })
          .where(where)
          .returning();
        const changed = (['occupationCodes', 'municipalityCode', 'radiusKm', 'freeText', 'digestPaused'] as const).filter((k) => JSON.stringify(current[k]) !== JSON.stringify(row![k]));
        await writeAudit(tx, ctx, { action: 'update', subjectType: 'saved_search', subjectId: id, jobseekerId, details: { changed } });
        return present(row!, await loadDigestVacancies(tx, ctx, row!.lastDigestVacancyIds));
      });
    },
    async remove(ctx: TenantContext, id: string) {
      const jobseekerId = jobseekerOf(ctx);
      await db.transaction(async (tx) => {
        const gone = await tx.delete(savedSearches).where(inTenant(savedSearches, ctx, eq(savedSearches.id, id), eq(savedSearches.jobseekerId, jobseekerId))).returning({ id: savedSearches.id });
        if (gone.length === 0) throw new AppError('not_found');
        await writeAudit(tx, ctx, { action: 'delete', subjectType: 'saved_search', subjectId: id, jobseekerId });
      });
    },
  };
}
export type SavedSearchService = ReturnType<typeof createSavedSearchService>;

/**
 * The daily digest (worker job vacancy-digest): for each saved search, the vacancies imported
 * since its last digest that match it, in one e-mail to the jobseeker via queueNotification
 * (key vacancy_digest:<search>:<Copenhagen date>, so a second run the same day sends nothing).
 * A search is moved on only when its digest is queued (or nothing matched), one transaction each.
 */
export async function runVacancyDigests(db: Database, clock: Clock): Promise<{ searches: number; queued: number }> {
  const now = clock.now();
  const today = toCopenhagenIsoDate(now);
  const searches = await db
    .select({ s: savedSearches, email: jobseekers.email, firstName: jobseekers.firstName, organisation: organisations.name })
    .from(savedSearches)
    .innerJoin(jobseekers, eq(jobseekers.id, savedSearches.jobseekerId))
    .innerJoin(organisations, eq(organisations.id, savedSearches.organisationId))
    .where(and(lte(savedSearches.digestedUntil, now), eq(savedSearches.digestPaused, false)))
    .orderBy(asc(savedSearches.id));
  let queued = 0;
  for (const { s, email, firstName, organisation } of searches) {
    const ctx = systemContext(s.organisationId, clock, 'vacancy_digest');
    await db.transaction(async (tx) => {
      const fresh = await tx
        .select()
        .from(vacancies)
        .where(inTenant(vacancies, ctx, gt(vacancies.createdAt, s.digestedUntil), lte(vacancies.createdAt, now), s.occupationCodes.length === 1 ? eq(vacancies.occupationCode, s.occupationCodes[0]!) : undefined))
        .orderBy(asc(vacancies.createdAt), asc(vacancies.id));
      const hits = fresh.filter((v) => vacancyMatchesSearch(s, v));
      let moveOn = true;
      let queuedNow = false;
      if (hits.length > 0 && email) {
        const list = hits
          .slice(0, DIGEST_MAX_LISTED)
          .map((v) => `• ${v.title} – ${v.employerName}${v.deadline ? ` (${v.deadline})` : ''}${v.url ? `\n  ${v.url}` : ''}`)
          .join('\n');
        const result = await queueNotification(tx, ctx, {
          template: 'vacancy_digest',
          channel: 'email',
          recipient: email,
          jobseekerId: s.jobseekerId,
          vars: { firstName, count: hits.length, list, organisation },
          idempotencyKey: `vacancy_digest:${s.id}:${today}`,
        });
        if (result.created) {
          queued++;
          queuedNow = true;
          await writeAudit(tx, ctx, { action: 'create', subjectType: 'vacancy_digest', subjectId: s.id, jobseekerId: s.jobseekerId, details: { vacancies: hits.length } });
        } else moveOn = false; // today's digest went out already: these wait for tomorrow's
      }
      const listed = hits.slice(0, DIGEST_MAX_LISTED).map((v) => v.id);
      const digestRecord = queuedNow ? { lastDigestAt: now, lastDigestCount: hits.length, lastDigestVacancyIds: listed } : {};
      if (moveOn) await tx.update(savedSearches).set({ digestedUntil: now, ...digestRecord }).where(and(eq(savedSearches.id, s.id), eq(savedSearches.organisationId, s.organisationId)));
    });
  }
  return { searches: searches.length, queued };
}
