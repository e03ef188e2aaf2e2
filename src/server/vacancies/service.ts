import { createHash, randomUUID } from 'node:crypto';
import { desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/connect';
import { vacancies, vacancyImports } from '../../db/schema';
import { FeedFormatError, parseVacancyFeed, type FeedFormat, type FeedRejection, type FeedVacancy } from '../../core/vacancies/feed';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { writeAudit } from '../audit/write-audit';
import { inTenant } from '../tenancy';

export type VacancyImportInput = { source: string; format: FeedFormat; content: string };
export type VacancyImportReport = {
  importId: string;
  source: string;
  format: FeedFormat;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: FeedRejection[];
};

/** A stable fingerprint of a vacancy's values: equal hash = unchanged on re-import. */
export function vacancyHash(v: FeedVacancy): string {
  const ordered = [v.externalId, v.title, v.employerName, v.cvr, v.occupationCode, v.occupationText, v.municipalityCode, v.description, v.deadline, v.url];
  return createHash('sha256').update(JSON.stringify(ordered)).digest('hex');
}

const CHUNK = 500;

export function createVacancyImportService({ db }: { db: Database }) {
  return {
    /**
     * Import a feed in one transaction: rejected rows are reported with line and reason and
     * skipped; every good row is created, updated or left unchanged (keyed on organisation +
     * source + external id). A file that cannot be read at all imports nothing.
     */
    async importFeed(ctx: TenantContext, input: VacancyImportInput): Promise<VacancyImportReport> {
      let parsed;
      try {
        parsed = parseVacancyFeed(input.content, input.format);
      } catch (error) {
        if (error instanceof FeedFormatError) throw new AppError('validation_failed', { content: error.reason });
        throw error;
      }
      const now = ctx.clock.now();
      const importId = randomUUID();
      return db.transaction(async (tx) => {
        const existing = new Map<string, { id: string; contentHash: string }>();
        const ids = parsed.rows.map((r) => r.vacancy.externalId);
        for (let i = 0; i < ids.length; i += CHUNK) {
          const found = await tx
            .select({ id: vacancies.id, externalId: vacancies.externalId, contentHash: vacancies.contentHash })
            .from(vacancies)
            .where(inTenant(vacancies, ctx, eq(vacancies.source, input.source), inArray(vacancies.externalId, ids.slice(i, i + CHUNK))))
            .for('update');
          for (const f of found) existing.set(f.externalId, f);
        }
        let created = 0;
        let updated = 0;
        let unchanged = 0;
        const toInsert: (typeof vacancies.$inferInsert)[] = [];
        const toUpdate: { id: string; values: Partial<typeof vacancies.$inferInsert> }[] = [];
        for (const { vacancy } of parsed.rows) {
          const hash = vacancyHash(vacancy);
          const before = existing.get(vacancy.externalId);
          const values = { ...vacancy, contentHash: hash };
          if (!before) {
            created++;
            toInsert.push({ id: randomUUID(), organisationId: ctx.organisationId, source: input.source, ...values, firstImportId: importId, lastImportId: importId, createdAt: now, updatedAt: now });
          } else if (before.contentHash !== hash) {
            updated++;
            toUpdate.push({ id: before.id, values: { ...values, lastImportId: importId, updatedAt: now } });
          } else unchanged++;
        }
        await tx.insert(vacancyImports).values({
          id: importId,
          organisationId: ctx.organisationId,
          source: input.source,
          format: input.format,
          importedBy: ctx.actor.kind === 'staff' ? ctx.actor.id : null,
          created,
          updated,
          unchanged,
          rejected: parsed.rejected.length,
          rejections: parsed.rejected,
          createdAt: now,
        });
        for (let i = 0; i < toInsert.length; i += CHUNK) await tx.insert(vacancies).values(toInsert.slice(i, i + CHUNK));
        for (const u of toUpdate) await tx.update(vacancies).set(u.values).where(inTenant(vacancies, ctx, eq(vacancies.id, u.id)));
        await writeAudit(tx, ctx, {
          action: 'create',
          subjectType: 'vacancy_import',
          subjectId: importId,
          details: { source: input.source, format: input.format, created, updated, unchanged, rejected: parsed.rejected.length },
        });
        return { importId, source: input.source, format: input.format, created, updated, unchanged, rejected: parsed.rejected.length, rejections: parsed.rejected };
      });
    },

    /** The latest imports, newest first (counts only). */
    async listImports(ctx: TenantContext, limit = 20) {
      const rows = await db.select().from(vacancyImports).where(inTenant(vacancyImports, ctx)).orderBy(desc(vacancyImports.createdAt), desc(vacancyImports.id)).limit(limit);
      return rows.map((r) => ({ importId: r.id, source: r.source, format: r.format, created: r.created, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected, at: r.createdAt.toISOString() }));
    },

    /** Imported vacancies of one source (or all), newest first. */
    async listVacancies(ctx: TenantContext, query: { source?: string; limit: number }) {
      const rows = await db
        .select()
        .from(vacancies)
        .where(inTenant(vacancies, ctx, query.source ? eq(vacancies.source, query.source) : undefined))
        .orderBy(desc(vacancies.createdAt), vacancies.externalId)
        .limit(query.limit);
      return rows.map((v) => ({
        id: v.id,
        source: v.source,
        externalId: v.externalId,
        title: v.title,
        employerName: v.employerName,
        cvr: v.cvr,
        occupationCode: v.occupationCode,
        municipalityCode: v.municipalityCode,
        deadline: v.deadline,
        url: v.url,
      }));
    },
  };
}
export type VacancyImportService = ReturnType<typeof createVacancyImportService>;
