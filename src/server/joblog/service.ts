import { createHash, randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connect';
import { toCopenhagenIsoDate } from '../../core/calendar/iso-date';
import { jobseekers, joblogAttachments, joblogEntries, spells } from '../../db/schema';
import type { TenantContext } from '../context';
import { AppError, fieldError } from '../errors';
import { writeAudit } from '../audit/write-audit';
import { inTenant } from '../tenancy';
import { emitSyncEvent } from '../sync/emit';
import { evaluateJobseekerJoblog, syncJoblogTasks } from './monitoring';
import { ATTACHMENT_MAX_BYTES, type TAttachmentBody, type TJoblogEntry, type TJoblogEntryBody, type TJoblogEntryPatch, type TJoblogListQuery, type TJoblogOverview } from './schemas';

type EntryRow = typeof joblogEntries.$inferSelect & { attachmentName: string | null; attachmentType: string | null; attachmentSize: number | null };

function present(row: EntryRow): TJoblogEntry {
  return {
    id: row.id,
    jobseekerId: row.jobseekerId,
    spellId: row.spellId,
    date: row.date,
    employer: row.employer,
    jobTitle: row.jobTitle,
    kind: row.kind,
    source: row.source,
    status: row.status,
    note: row.note,
    version: row.version,
    createdByKind: row.createdByKind,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    attachment: row.attachmentName !== null ? { fileName: row.attachmentName, contentType: row.attachmentType!, size: row.attachmentSize! } : null,
  };
}

/** What the sync event carries: the entry without its note or the attachment's contents. */
function syncData(entry: TJoblogEntry): Record<string, unknown> {
  return {
    entryId: entry.id,
    jobseekerId: entry.jobseekerId,
    date: entry.date,
    employer: entry.employer,
    jobTitle: entry.jobTitle,
    kind: entry.kind,
    source: entry.source,
    status: entry.status,
    hasAttachment: entry.attachment !== null,
    version: entry.version,
    registeredBy: entry.createdByKind,
  };
}

const SORT_COLUMNS = { date: joblogEntries.date, employer: sql`lower(${joblogEntries.employer})`, status: joblogEntries.status, kind: joblogEntries.kind } as const;

function selectEntries(db: DbExecutor) {
  return db
    .select({
      ...{
        id: joblogEntries.id,
        organisationId: joblogEntries.organisationId,
        jobseekerId: joblogEntries.jobseekerId,
        spellId: joblogEntries.spellId,
        date: joblogEntries.date,
        employer: joblogEntries.employer,
        jobTitle: joblogEntries.jobTitle,
        kind: joblogEntries.kind,
        source: joblogEntries.source,
        status: joblogEntries.status,
        note: joblogEntries.note,
        version: joblogEntries.version,
        createdByKind: joblogEntries.createdByKind,
        createdBy: joblogEntries.createdBy,
        createdAt: joblogEntries.createdAt,
        updatedAt: joblogEntries.updatedAt,
      },
      attachmentName: joblogAttachments.fileName,
      attachmentType: joblogAttachments.contentType,
      attachmentSize: joblogAttachments.size,
    })
    .from(joblogEntries)
    .leftJoin(joblogAttachments, and(eq(joblogAttachments.entryId, joblogEntries.id), eq(joblogAttachments.organisationId, joblogEntries.organisationId)));
}

/**
 * A jobseeker acting for themselves reaches only their own joblog; staff reach any jobseeker of
 * their organisation. Anything else is simply not found.
 */
function assertOwn(ctx: TenantContext, jobseekerId: string) {
  if (ctx.actor.kind === 'jobseeker' && ctx.actor.id !== jobseekerId) throw new AppError('not_found');
}

async function loadJobseeker(tx: DbExecutor, ctx: TenantContext, jobseekerId: string) {
  assertOwn(ctx, jobseekerId);
  const [row] = await tx.select({ id: jobseekers.id }).from(jobseekers).where(inTenant(jobseekers, ctx, eq(jobseekers.id, jobseekerId)));
  if (!row) throw new AppError('not_found');
  return row;
}

async function loadEntry(tx: DbExecutor, ctx: TenantContext, entryId: string, lock = false): Promise<EntryRow> {
  if (lock) await tx.select({ id: joblogEntries.id }).from(joblogEntries).where(inTenant(joblogEntries, ctx, eq(joblogEntries.id, entryId))).for('update');
  const [row] = await selectEntries(tx).where(inTenant(joblogEntries, ctx, eq(joblogEntries.id, entryId)));
  if (!row) throw new AppError('not_found');
  assertOwn(ctx, row.jobseekerId);
  return row as EntryRow;
}

/** The spell that was running on the entry's date (the newest, if two overlap). */
async function spellOn(tx: DbExecutor, ctx: TenantContext, jobseekerId: string, date: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: spells.id })
    .from(spells)
    .where(inTenant(spells, ctx, eq(spells.jobseekerId, jobseekerId), lte(spells.startDate, date), or(isNull(spells.endDate), gte(spells.endDate, date))))
    .orderBy(desc(spells.startDate))
    .limit(1);
  return row?.id ?? null;
}

function checkDate(ctx: TenantContext, date: string) {
  // A joblog records what has been done, not plans.
  if (date > toCopenhagenIsoDate(ctx.clock.now())) throw fieldError('date', 'Datoen må ikke ligge i fremtiden.', 'The date cannot be in the future.');
  if (date < '2000-01-01') throw fieldError('date', 'Datoen er for langt tilbage.', 'The date is too far back.');
}

const actorKind = (ctx: TenantContext): 'staff' | 'jobseeker' => (ctx.actor.kind === 'jobseeker' ? 'jobseeker' : 'staff');

export function createJoblogService({ db }: { db: Database }) {
  async function afterChange(tx: DbExecutor, ctx: TenantContext, type: 'joblog.entry.created' | 'joblog.entry.updated' | 'joblog.entry.deleted', entry: TJoblogEntry) {
    await emitSyncEvent(tx, ctx, { type, subjectType: 'joblog_entry', subjectId: entry.id, jobseekerId: entry.jobseekerId, data: type === 'joblog.entry.deleted' ? { entryId: entry.id, jobseekerId: entry.jobseekerId } : syncData(entry) });
    await syncJoblogTasks(tx, ctx, entry.jobseekerId);
  }

  return {
    async listEntries(ctx: TenantContext, jobseekerId: string, query: TJoblogListQuery) {
      return db.transaction(async (tx) => {
        await loadJobseeker(tx, ctx, jobseekerId);
        const where = inTenant(joblogEntries, ctx, eq(joblogEntries.jobseekerId, jobseekerId));
        const [{ total }] = (await tx.select({ total: count() }).from(joblogEntries).where(where)) as [{ total: number }];
        const desc_ = query.sort.startsWith('-');
        const column = SORT_COLUMNS[query.sort.replace('-', '') as keyof typeof SORT_COLUMNS];
        const order: SQL[] = [desc_ ? sql`${column} desc` : sql`${column} asc`, desc(joblogEntries.date), asc(joblogEntries.id)];
        const rows = await selectEntries(tx)
          .where(where)
          .orderBy(...order)
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize);
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'joblog', subjectId: jobseekerId, jobseekerId });
        return { items: (rows as EntryRow[]).map(present), total: Number(total), page: query.page, pageSize: query.pageSize };
      });
    },

    async getEntry(ctx: TenantContext, entryId: string) {
      return db.transaction(async (tx) => {
        const row = await loadEntry(tx, ctx, entryId);
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'joblog_entry', subjectId: entryId, jobseekerId: row.jobseekerId });
        return present(row);
      });
    },

    async createEntry(ctx: TenantContext, jobseekerId: string, input: TJoblogEntryBody): Promise<TJoblogEntry> {
      checkDate(ctx, input.date);
      return db.transaction(async (tx) => {
        await loadJobseeker(tx, ctx, jobseekerId);
        const id = randomUUID();
        const now = ctx.clock.now();
        await tx.insert(joblogEntries).values({
          id,
          organisationId: ctx.organisationId,
          jobseekerId,
          spellId: await spellOn(tx, ctx, jobseekerId, input.date),
          date: input.date,
          employer: input.employer,
          jobTitle: input.jobTitle,
          kind: input.kind,
          source: input.source ?? null,
          status: input.status,
          note: input.note ?? null,
          createdByKind: actorKind(ctx),
          createdBy: ctx.actor.id,
          createdAt: now,
          updatedAt: now,
        });
        const entry = present(await loadEntry(tx, ctx, id));
        await writeAudit(tx, ctx, { action: 'create', subjectType: 'joblog_entry', subjectId: id, jobseekerId, details: { onBehalf: ctx.actor.kind === 'staff' } });
        await afterChange(tx, ctx, 'joblog.entry.created', entry);
        return entry;
      });
    },

    async updateEntry(ctx: TenantContext, entryId: string, input: TJoblogEntryPatch): Promise<TJoblogEntry> {
      if (input.date) checkDate(ctx, input.date);
      return db.transaction(async (tx) => {
        const current = await loadEntry(tx, ctx, entryId, true);
        if (current.version !== input.version) throw new AppError('version_conflict');
        const { version: _v, ...changes } = input;
        const fields = (Object.keys(changes) as (keyof typeof changes)[]).filter((k) => changes[k] !== undefined && changes[k] !== current[k]);
        if (fields.length > 0) {
          await tx
            .update(joblogEntries)
            .set({
              ...Object.fromEntries(fields.map((k) => [k, changes[k] ?? null])),
              ...(changes.date ? { spellId: await spellOn(tx, ctx, current.jobseekerId, changes.date) } : {}),
              version: current.version + 1,
              updatedAt: ctx.clock.now(),
            })
            .where(inTenant(joblogEntries, ctx, eq(joblogEntries.id, entryId)));
          await writeAudit(tx, ctx, { action: 'update', subjectType: 'joblog_entry', subjectId: entryId, jobseekerId: current.jobseekerId, details: { fields } });
        }
        const entry = present(await loadEntry(tx, ctx, entryId));
        if (fields.length > 0) await afterChange(tx, ctx, 'joblog.entry.updated', entry);
        return entry;
      });
    },

    async deleteEntry(ctx: TenantContext, entryId: string, version: number): Promise<void> {
      await db.transaction(async (tx) => {
        const current = await loadEntry(tx, ctx, entryId, true);
        if (current.version !== version) throw new AppError('version_conflict');
        await tx.delete(joblogAttachments).where(inTenant(joblogAttachments, ctx, eq(joblogAttachments.entryId, entryId)));
        await tx.delete(joblogEntries).where(inTenant(joblogEntries, ctx, eq(joblogEntries.id, entryId)));
        await writeAudit(tx, ctx, { action: 'delete', subjectType: 'joblog_entry', subjectId: entryId, jobseekerId: current.jobseekerId });
        await afterChange(tx, ctx, 'joblog.entry.deleted', present(current));
      });
    },

    /** Attach (or replace) the application: stored in the database, checked for size and type. */
    async putAttachment(ctx: TenantContext, entryId: string, input: TAttachmentBody): Promise<TJoblogEntry> {
      const content = Buffer.from(input.contentBase64, 'base64');
      if (content.length === 0) throw fieldError('contentBase64', 'Filen er tom.', 'The file is empty.');
      if (content.length > ATTACHMENT_MAX_BYTES) throw fieldError('contentBase64', 'Filen er større end 5 MB.', 'The file is larger than 5 MB.');
      if (input.contentType === 'application/pdf' && content.subarray(0, 5).toString('latin1') !== '%PDF-') {
        throw fieldError('contentBase64', 'Filen er ikke en PDF.', 'The file is not a PDF.');
      }
      const fileName = [...input.fileName].map((c) => (c < ' ' || c === '/' || c === '\\' || c === '"' ? '_' : c)).join('');
      return db.transaction(async (tx) => {
        const current = await loadEntry(tx, ctx, entryId, true);
        await tx.delete(joblogAttachments).where(inTenant(joblogAttachments, ctx, eq(joblogAttachments.entryId, entryId)));
        await tx.insert(joblogAttachments).values({
          id: randomUUID(),
          organisationId: ctx.organisationId,
          entryId,
          fileName,
          contentType: input.contentType,
          size: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          content,
          createdAt: ctx.clock.now(),
        });
        await tx.update(joblogEntries).set({ version: current.version + 1, updatedAt: ctx.clock.now() }).where(inTenant(joblogEntries, ctx, eq(joblogEntries.id, entryId)));
        await writeAudit(tx, ctx, { action: 'update', subjectType: 'joblog_entry', subjectId: entryId, jobseekerId: current.jobseekerId, details: { fields: ['attachment'] } });
        const entry = present(await loadEntry(tx, ctx, entryId));
        await afterChange(tx, ctx, 'joblog.entry.updated', entry);
        return entry;
      });
    },

    async getAttachment(ctx: TenantContext, entryId: string) {
      return db.transaction(async (tx) => {
        const entry = await loadEntry(tx, ctx, entryId);
        const [file] = await tx.select().from(joblogAttachments).where(inTenant(joblogAttachments, ctx, eq(joblogAttachments.entryId, entryId)));
        if (!file) throw new AppError('not_found');
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'joblog_attachment', subjectId: entryId, jobseekerId: entry.jobseekerId });
        return { fileName: file.fileName, contentType: file.contentType, content: file.content };
      });
    },

    async deleteAttachment(ctx: TenantContext, entryId: string): Promise<TJoblogEntry> {
      return db.transaction(async (tx) => {
        const current = await loadEntry(tx, ctx, entryId, true);
        const removed = await tx.delete(joblogAttachments).where(inTenant(joblogAttachments, ctx, eq(joblogAttachments.entryId, entryId))).returning({ id: joblogAttachments.id });
        if (removed.length === 0) throw new AppError('not_found');
        await tx.update(joblogEntries).set({ version: current.version + 1, updatedAt: ctx.clock.now() }).where(inTenant(joblogEntries, ctx, eq(joblogEntries.id, entryId)));
        await writeAudit(tx, ctx, { action: 'update', subjectType: 'joblog_entry', subjectId: entryId, jobseekerId: current.jobseekerId, details: { fields: ['attachment'] } });
        const entry = present(await loadEntry(tx, ctx, entryId));
        await afterChange(tx, ctx, 'joblog.entry.updated', entry);
        return entry;
      });
    },

    /** The monthly trend against the benchmark and the requirement, the Danish weeks and the rule hits. */
    async getOverview(ctx: TenantContext, jobseekerId: string): Promise<TJoblogOverview> {
      return db.transaction(async (tx) => {
        await loadJobseeker(tx, ctx, jobseekerId);
        const { templateId, version, rules, spell, evaluation } = await evaluateJobseekerJoblog(tx, ctx, jobseekerId);
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'joblog', subjectId: jobseekerId, jobseekerId, details: { view: 'overview' } });
        return {
          spell,
          rules: {
            templateId,
            version,
            greenPerWeek: rules.benchmark.greenPerWeek,
            inactivityDays: rules.inactivity.days,
            noInterviewsMinApplications: rules.noInterviews.minApplications,
            noInterviewsWindowDays: rules.noInterviews.windowDays,
          },
          requirementPerWeek: evaluation.requirementPerWeek,
          requirementSource: evaluation.requirementSource,
          months: evaluation.months,
          weeks: evaluation.weeks,
          lastEntryDate: evaluation.lastEntryDate,
          hits: evaluation.hits.map(({ rule, title, dueDate, params }) => ({ rule, title, dueDate, params })),
        };
      });
    },
  };
}

export type JoblogService = ReturnType<typeof createJoblogService>;
