import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, lte } from 'drizzle-orm';
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

/** At most this many vacancies are listed in one digest (the count says how many in all). */
export const DIGEST_MAX_LISTED = 20;

function present(s: typeof savedSearches.$inferSelect) {
  return { id: s.id, occupationCodes: s.occupationCodes, municipalityCode: s.municipalityCode, radiusKm: s.radiusKm, freeText: s.freeText, createdAt: s.createdAt.toISOString() };
}

function jobseekerOf(ctx: TenantContext): string {
  if (ctx.actor.kind !== 'jobseeker') throw new AppError('forbidden');
  return ctx.actor.id;
}

/** The jobseeker's own saved searches (portal); the actor is the jobseeker, so another's is not found. */
export function createSavedSearchService({ db }: { db: Database }) {
  return {
    async list(ctx: TenantContext) {
      const rows = await db.select().from(savedSearches).where(inTenant(savedSearches, ctx, eq(savedSearches.jobseekerId, jobseekerOf(ctx)))).orderBy(asc(savedSearches.createdAt), asc(savedSearches.id));
      return { items: rows.map(present) };
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
    .where(lte(savedSearches.digestedUntil, now))
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
          await writeAudit(tx, ctx, { action: 'create', subjectType: 'vacancy_digest', subjectId: s.id, jobseekerId: s.jobseekerId, details: { vacancies: hits.length } });
        } else moveOn = false; // today's digest went out already: these wait for tomorrow's
      }
      if (moveOn) await tx.update(savedSearches).set({ digestedUntil: now }).where(and(eq(savedSearches.id, s.id), eq(savedSearches.organisationId, s.organisationId)));
    });
  }
  return { searches: searches.length, queued };
}
