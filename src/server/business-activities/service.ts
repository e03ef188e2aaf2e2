import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connect';
import { businessActivities, employers, jobOrders, jobProposals } from '../../db/schema';
import { addDays } from '../../core/calendar/iso-date';
import { BUSINESS_ACTIVITY_KIND_LABELS, checkBusinessActivityDates, MAX_DAYS_AHEAD } from '../../core/business-activities';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { writeAudit } from '../audit/write-audit';
import { inTenant } from '../tenancy';
import { findSpell } from '../spells/queries';
import { todayOf } from '../calendar/org-calendar';
import type { TCreateBusinessActivity, TEndBusinessActivity } from './schemas';

type Row = typeof businessActivities.$inferSelect;

function present(a: Row & { employerName: string | null; jobOrder: { id: string; title: string } | null }) {
  return {
    id: a.id,
    spellId: a.spellId,
    kind: a.kind,
    kindLabel: BUSINESS_ACTIVITY_KIND_LABELS[a.kind],
    employerId: a.employerId,
    employerName: a.employerName,
    proposalId: a.proposalId,
    /** The job order of the hire that started it, so the case page can link to it. */
    jobOrder: a.jobOrder,
    agreedOn: a.agreedOn,
    startDate: a.startDate,
    endDate: a.endDate,
    note: a.note,
    version: a.version,
  };
}

async function listOf(tx: DbExecutor, ctx: TenantContext, spellId: string) {
  const rows = await tx
    .select({ activity: businessActivities, employerName: employers.name, jobOrderId: jobOrders.id, jobOrderTitle: jobOrders.title })
    .from(businessActivities)
    .leftJoin(employers, eq(employers.id, businessActivities.employerId))
    .leftJoin(jobProposals, eq(jobProposals.id, businessActivities.proposalId))
    .leftJoin(jobOrders, eq(jobOrders.id, jobProposals.jobOrderId))
    .where(inTenant(businessActivities, ctx, eq(businessActivities.spellId, spellId)))
    .orderBy(asc(businessActivities.startDate), asc(businessActivities.createdAt));
  return rows.map((r) => present({ ...r.activity, employerName: r.employerName, jobOrder: r.jobOrderId ? { id: r.jobOrderId, title: r.jobOrderTitle! } : null }));
}

/**
 * Business-oriented activities on a spell (work trial, wage subsidy): registered here by the
 * caseworker, or started by a hire on a job order of that kind (src/server/brokering/proposals.ts).
 */
export function createBusinessActivityService({ db }: { db: Database }) {
  return {
    async list(ctx: TenantContext, spellId: string) {
      return db.transaction(async (tx) => {
        const spell = await findSpell(tx, ctx, spellId);
        if (!spell) throw new AppError('not_found');
        const list = await listOf(tx, ctx, spellId);
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'business_activities', subjectId: spellId, jobseekerId: spell.jobseekerId });
        return list;
      });
    },

    async create(ctx: TenantContext, spellId: string, input: TCreateBusinessActivity) {
      return db.transaction(async (tx) => {
        const spell = await findSpell(tx, ctx, spellId);
        if (!spell) throw new AppError('not_found');
        const today = todayOf(ctx);
        // Unless told, agreed as late as it can have been: today, or by the start, or by the spell's end.
        const agreedOn = input.agreedOn ?? [today, input.startDate, spell.endDate ?? today].sort()[0]!;
        const dates = { agreedOn, startDate: input.startDate, endDate: input.endDate ?? null };
        const problems = checkBusinessActivityDates(dates, spell, today, addDays(today, MAX_DAYS_AHEAD));
        const fields: Record<string, { da: string; en: string }> = {};
        for (const p of problems) fields[p.field] = p.message;
        if (input.employerId) {
          const [employer] = await tx.select({ id: employers.id }).from(employers).where(inTenant(employers, ctx, eq(employers.id, input.employerId)));
          if (!employer) fields.employerId = { da: 'Vælg en virksomhed fra organisationens liste.', en: 'Choose an employer from the organisation’s list.' };
        }
        if (Object.keys(fields).length > 0) throw new AppError('validation_failed', fields);
        const id = randomUUID();
        await tx.insert(businessActivities).values({
          id,
          organisationId: ctx.organisationId,
          spellId,
          jobseekerId: spell.jobseekerId,
          kind: input.kind,
          employerId: input.employerId ?? null,
          ...dates,
          note: input.note ?? null,
          createdBy: ctx.actor.kind === 'staff' ? ctx.actor.id : null,
        });
        await writeAudit(tx, ctx, { action: 'create', subjectType: 'business_activity', subjectId: id, jobseekerId: spell.jobseekerId, details: { kind: input.kind, ...dates } });
        return (await listOf(tx, ctx, spellId)).find((a) => a.id === id)!;
      });
    },

    /** Set the last day (the activity ended, or was cut short). */
    async end(ctx: TenantContext, id: string, input: TEndBusinessActivity) {
      return db.transaction(async (tx) => {
        const [row] = await tx.select().from(businessActivities).where(inTenant(businessActivities, ctx, eq(businessActivities.id, id))).for('update');
        if (!row) throw new AppError('not_found');
        if (row.version !== input.version) throw new AppError('version_conflict');
        if (input.endDate < row.startDate) throw new AppError('validation_failed', { endDate: { da: 'Slutdatoen ligger før startdatoen.', en: 'The end date is before the start date.' } });
        await tx
          .update(businessActivities)
          .set({ endDate: input.endDate, version: row.version + 1 })
          .where(inTenant(businessActivities, ctx, eq(businessActivities.id, id)));
        await writeAudit(tx, ctx, { action: 'update', subjectType: 'business_activity', subjectId: id, jobseekerId: row.jobseekerId, details: { fields: ['endDate'], endDate: input.endDate } });
        return (await listOf(tx, ctx, row.spellId)).find((a) => a.id === id)!;
      });
    },
  };
}
export type BusinessActivityService = ReturnType<typeof createBusinessActivityService>;
