import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connect';
import { wageHours } from '../../db/schema';
import { checkWageHoursMonth, WAGE_HOURS_SOURCE_LABELS } from '../../core/wage-hours';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { writeAudit } from '../audit/write-audit';
import { inTenant } from '../tenancy';
import { findSpell } from '../spells/queries';
import { todayOf } from '../calendar/org-calendar';
import { isMonth, type TSetWageHours } from './schemas';

type Row = typeof wageHours.$inferSelect;

function present(r: Row) {
  return {
    month: r.month.slice(0, 7),
    hours: r.hours,
    source: r.source,
    sourceLabel: WAGE_HOURS_SOURCE_LABELS[r.source],
    createdAt: r.createdAt.toISOString(),
  };
}

async function listOf(tx: DbExecutor, ctx: TenantContext, spellId: string) {
  const rows = await tx.select().from(wageHours).where(inTenant(wageHours, ctx, eq(wageHours.spellId, spellId))).orderBy(asc(wageHours.month));
  return rows.map(present);
}

/**
 * Ordinary paid hours (løntimer) per month on a spell, for the seed 004 share with paid hours.
 * One figure per month: setting a month again replaces it (a corrected eIndkomst report).
 */
export function createWageHoursService({ db }: { db: Database }) {
  return {
    async list(ctx: TenantContext, spellId: string) {
      return db.transaction(async (tx) => {
        const spell = await findSpell(tx, ctx, spellId);
        if (!spell) throw new AppError('not_found');
        const list = await listOf(tx, ctx, spellId);
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'wage_hours', subjectId: spellId, jobseekerId: spell.jobseekerId });
        return list;
      });
    },

    async set(ctx: TenantContext, spellId: string, input: TSetWageHours) {
      return db.transaction(async (tx) => {
        const spell = await findSpell(tx, ctx, spellId);
        if (!spell) throw new AppError('not_found');
        const problems = checkWageHoursMonth(input.month, spell, todayOf(ctx));
        if (problems.length > 0) throw new AppError('validation_failed', Object.fromEntries(problems.map((p) => [p.field, p.message])));
        const month = `${input.month}-01`;
        const [before] = await tx.select().from(wageHours).where(inTenant(wageHours, ctx, and(eq(wageHours.spellId, spellId), eq(wageHours.month, month)))).for('update');
        const values = { hours: input.hours, source: input.source, createdBy: ctx.actor.kind === 'staff' ? ctx.actor.id : null, createdAt: new Date() };
        if (before) {
          // Replaced, with a new registration time: the indicators read the figure as known on a day.
          await tx.update(wageHours).set(values).where(inTenant(wageHours, ctx, eq(wageHours.id, before.id)));
        } else {
          // Two first registrations of the same month at once: the later one replaces the other.
          await tx
            .insert(wageHours)
            .values({ id: randomUUID(), organisationId: ctx.organisationId, spellId, jobseekerId: spell.jobseekerId, month, ...values })
            .onConflictDoUpdate({ target: [wageHours.spellId, wageHours.month], set: values });
        }
        await writeAudit(tx, ctx, {
          action: before ? 'update' : 'create',
          subjectType: 'wage_hours',
          subjectId: spellId,
          jobseekerId: spell.jobseekerId,
          details: { month: input.month, hours: input.hours, source: input.source, ...(before ? { previousHours: before.hours } : {}) },
        });
        return (await listOf(tx, ctx, spellId)).find((r) => r.month === input.month)!;
      });
    },

    /** Remove a month registered by mistake. */
    async remove(ctx: TenantContext, spellId: string, month: string) {
      return db.transaction(async (tx) => {
        const spell = await findSpell(tx, ctx, spellId);
        if (!spell) throw new AppError('not_found');
        if (!isMonth(month)) throw new AppError('validation_failed', { month: { da: 'Skriv måneden som ÅÅÅÅ-MM.', en: 'Enter the month as YYYY-MM.' } });
        const deleted = await tx
          .delete(wageHours)
          .where(inTenant(wageHours, ctx, and(eq(wageHours.spellId, spellId), eq(wageHours.month, `${month}-01`))))
          .returning({ hours: wageHours.hours });
        if (deleted.length === 0) throw new AppError('not_found');
        await writeAudit(tx, ctx, { action: 'delete', subjectType: 'wage_hours', subjectId: spellId, jobseekerId: spell.jobseekerId, details: { month, previousHours: deleted[0]!.hours } });
      });
    },
  };
}
export type WageHoursService = ReturnType<typeof createWageHoursService>;
