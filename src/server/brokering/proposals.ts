import { randomUUID } from 'node:crypto';
import { asc, count, eq, notInArray } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connect';
import { businessActivities, employers, jobOrders, jobProposals, jobseekers, spells, tasks } from '../../db/schema';
import { hireOutcome } from '../../core/business-activities';
import { checkMove, isFilled, MAX_ACTIVE_PROPOSALS_PER_POSITION, nextSteps, type NotHiredReason, type ProposalStep } from '../../core/brokering/proposals';
import { addDays } from '../../core/calendar/iso-date';
import type { TenantContext } from '../context';
import { AppError, fieldError } from '../errors';
import { writeAudit } from '../audit/write-audit';
import { inTenant } from '../tenancy';
import { todayOf } from '../calendar/org-calendar';
import { findActiveSpellOfJobseeker } from '../spells/queries';
import type { SpellService } from '../spells/service';
import { scheduleSurveyAfter } from '../surveys/schedule';
import type { TCreateProposal, TMoveProposal } from './schemas';

type ProposalRow = typeof jobProposals.$inferSelect;

/** Days the broker has to call the employer after a not-hired outcome. */
export const NOT_HIRED_FOLLOW_UP_DAYS = 2;

function present(p: ProposalRow, person: { firstName: string; lastName: string }) {
  return {
    id: p.id,
    jobOrderId: p.jobOrderId,
    jobseekerId: p.jobseekerId,
    jobseekerName: `${person.firstName} ${person.lastName}`,
    spellId: p.spellId,
    step: p.step as ProposalStep,
    nextSteps: nextSteps(p.step as ProposalStep),
    matchScore: p.matchScore,
    note: p.note,
    notHiredReason: (p.notHiredReason as NotHiredReason | null) ?? null,
    notHiredNote: p.notHiredNote,
    hiredStartDate: p.hiredStartDate,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}
export type ProposalView = ReturnType<typeof present>;

async function loadOrder(tx: DbExecutor, ctx: TenantContext, id: string, lock: boolean) {
  const q = tx.select().from(jobOrders).where(inTenant(jobOrders, ctx, eq(jobOrders.id, id)));
  const [order] = lock ? await q.for('update') : await q;
  if (!order) throw new AppError('not_found');
  return order;
}

async function listOf(tx: DbExecutor, ctx: TenantContext, jobOrderId: string) {
  const rows = await tx
    .select({ p: jobProposals, firstName: jobseekers.firstName, lastName: jobseekers.lastName })
    .from(jobProposals)
    .innerJoin(jobseekers, eq(jobseekers.id, jobProposals.jobseekerId))
    .where(inTenant(jobProposals, ctx, eq(jobProposals.jobOrderId, jobOrderId)))
    .orderBy(asc(jobProposals.createdAt), asc(jobProposals.id));
  return rows.map((r) => present(r.p, r));
}

export function createProposalService({ db, spells: spellService }: { db: Database; spells: Pick<SpellService, 'endSpellIn'> }) {
  return {
    async list(ctx: TenantContext, jobOrderId: string) {
      return db.transaction(async (tx) => {
        await loadOrder(tx, ctx, jobOrderId, false);
        const items = await listOf(tx, ctx, jobOrderId);
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'job_proposal', details: { jobOrderId, results: items.length } });
        return { items };
      });
    },

    /** Propose a jobseeker with an active spell for an open order (at most 3 open proposals per position). */
    async propose(ctx: TenantContext, jobOrderId: string, input: TCreateProposal) {
      return db.transaction(async (tx) => {
        // The order row is locked, so two brokers proposing at once count each other.
        const order = await loadOrder(tx, ctx, jobOrderId, true);
        if (order.status !== 'open') throw fieldError('jobOrderId', 'Jobordren er ikke åben; der kan ikke foreslås kandidater.', 'The job order is not open; no candidates can be proposed.');
        const [person] = await tx.select({ id: jobseekers.id }).from(jobseekers).where(inTenant(jobseekers, ctx, eq(jobseekers.id, input.jobseekerId)));
        if (!person) throw fieldError('jobseekerId', 'Den jobsøgende findes ikke i organisationen.', 'The jobseeker does not exist in the organisation.');
        const spell = await findActiveSpellOfJobseeker(tx, ctx, input.jobseekerId);
        if (!spell) throw fieldError('jobseekerId', 'Den jobsøgende har ikke et aktivt forløb og kan ikke foreslås.', 'The jobseeker has no active spell and cannot be proposed.');
        const [already] = await tx
          .select({ id: jobProposals.id })
          .from(jobProposals)
          .where(inTenant(jobProposals, ctx, eq(jobProposals.jobOrderId, jobOrderId), eq(jobProposals.jobseekerId, input.jobseekerId)));
        if (already) throw fieldError('jobseekerId', 'Den jobsøgende er allerede foreslået til denne jobordre.', 'The jobseeker is already proposed for this job order.');
        const [{ open } = { open: 0 }] = await tx
          .select({ open: count() })
          .from(jobProposals)
          .where(inTenant(jobProposals, ctx, eq(jobProposals.jobOrderId, jobOrderId), notInArray(jobProposals.step, ['hired', 'not_hired'])));
        const max = MAX_ACTIVE_PROPOSALS_PER_POSITION * order.positions;
        if (Number(open) >= max)
          throw fieldError('jobseekerId', `Der er allerede ${max} åbne forslag til jobordren. Afslut et, før du foreslår flere.`, `The job order already has ${max} open proposals. Close one before proposing more.`);
        const now = ctx.clock.now();
        const id = randomUUID();
        await tx.insert(jobProposals).values({
          id,
          organisationId: ctx.organisationId,
          jobOrderId,
          jobseekerId: input.jobseekerId,
          spellId: spell.id,
          matchScore: input.matchScore ?? null,
          note: input.note ?? null,
          proposedBy: ctx.actor.kind === 'staff' ? ctx.actor.id : null,
          createdAt: now,
          updatedAt: now,
        });
        await writeAudit(tx, ctx, { action: 'create', subjectType: 'job_proposal', subjectId: id, jobseekerId: input.jobseekerId, details: { jobOrderId, matchScore: input.matchScore ?? null } });
        const items = await listOf(tx, ctx, jobOrderId);
        return items.find((p) => p.id === id)!;
      });
    },

    /**
     * Move a proposal one or more steps on (or back, as a correction with a reason). Not hired
     * raises a follow-up task with the employer; hired on a permanent, temporary or trainee job
     * ends the spell as ordinary_job on the start date through the spell service and sends the
     * placement surveys, while hired on a wage subsidy or work trial starts that business-oriented
     * activity on the spell, which stays active. A hire fills the order when its positions are
     * taken — all in one transaction.
     */
    async move(ctx: TenantContext, id: string, input: TMoveProposal) {
      return db.transaction(async (tx) => {
        const [found] = await tx.select({ jobOrderId: jobProposals.jobOrderId }).from(jobProposals).where(inTenant(jobProposals, ctx, eq(jobProposals.id, id)));
        if (!found) throw new AppError('not_found');
        // Order first, then the proposal: the same lock order as propose.
        const order = await loadOrder(tx, ctx, found.jobOrderId, true);
        const [p] = await tx.select().from(jobProposals).where(inTenant(jobProposals, ctx, eq(jobProposals.id, id))).for('update');
        if (!p) throw new AppError('not_found');
        const from = p.step as ProposalStep;
        const to = input.step;
        const check = checkMove(from, to, input.correctionReason);
        if (!check.ok) throw new AppError('validation_failed', { [check.field]: check.message });
        if (to === 'not_hired' && !input.notHiredReason) throw fieldError('notHiredReason', 'Vælg, hvorfor kandidaten ikke blev ansat.', 'Choose why the candidate was not hired.');
        if (to === 'hired') {
          if (!input.hiredStartDate) throw fieldError('hiredStartDate', 'Skriv den første arbejdsdag.', 'Enter the first working day.');
          if (input.hiredStartDate > addDays(todayOf(ctx), 365)) throw fieldError('hiredStartDate', 'Den første arbejdsdag må højst ligge et år ude i fremtiden.', 'The first working day may be at most a year ahead.');
          if (order.status !== 'open') throw fieldError('step', 'Jobordren er ikke længere åben; der kan ikke ansættes flere.', 'The job order is no longer open; no more can be hired.');
          const [spell] = await tx.select({ status: spells.status, startDate: spells.startDate }).from(spells).where(inTenant(spells, ctx, eq(spells.id, p.spellId)));
          if (!spell || spell.status !== 'active') throw fieldError('step', 'Den jobsøgendes forløb er allerede afsluttet.', 'The jobseeker’s spell has already ended.');
          if (input.hiredStartDate < spell.startDate) throw fieldError('hiredStartDate', 'Den første arbejdsdag ligger før forløbets start.', 'The first working day is before the start of the spell.');
        }
        if (p.version !== input.version) throw new AppError('version_conflict');

        const now = ctx.clock.now();
        await tx
          .update(jobProposals)
          .set({
            step: to,
            notHiredReason: to === 'not_hired' ? input.notHiredReason! : null,
            notHiredNote: to === 'not_hired' ? (input.notHiredNote ?? null) : null,
            hiredStartDate: to === 'hired' ? input.hiredStartDate! : null,
            hiredAt: to === 'hired' ? now : null,
            version: p.version + 1,
            updatedAt: now,
          })
          .where(inTenant(jobProposals, ctx, eq(jobProposals.id, id)));
        await writeAudit(tx, ctx, {
          action: 'update',
          subjectType: 'job_proposal',
          subjectId: id,
          jobseekerId: p.jobseekerId,
          details: { from, to, correction: check.correction, correctionReason: check.correction ? input.correctionReason : undefined, notHiredReason: to === 'not_hired' ? input.notHiredReason : undefined },
        });

        if (to === 'not_hired') {
          const [employer] = await tx.select({ name: employers.name }).from(employers).where(inTenant(employers, ctx, eq(employers.id, order.employerId)));
          const [person] = await tx.select({ firstName: jobseekers.firstName, lastName: jobseekers.lastName }).from(jobseekers).where(inTenant(jobseekers, ctx, eq(jobseekers.id, p.jobseekerId)));
          const assignee = order.brokerId ?? (ctx.actor.kind === 'staff' ? ctx.actor.id : null);
          await tx
            .insert(tasks)
            .values({
              id: randomUUID(),
              organisationId: ctx.organisationId,
              jobseekerId: p.jobseekerId,
              kind: 'employer_follow_up',
              title: `Følg op hos ${employer?.name ?? 'arbejdsgiveren'}: ${person ? `${person.firstName} ${person.lastName}` : 'kandidaten'} blev ikke ansat som ${order.title}`,
              dueDate: addDays(todayOf(ctx), NOT_HIRED_FOLLOW_UP_DAYS),
              assigneeId: assignee,
              dedupeKey: `proposal_not_hired:${id}`,
            })
            .onConflictDoNothing();
        }

        if (to === 'hired') {
          const outcome = hireOutcome(order.kind);
          if (outcome.type === 'ordinary_job') await spellService.endSpellIn(tx, ctx, p.spellId, { endDate: input.hiredStartDate!, endReason: 'ordinary_job', version: 'current' });
          else {
            // A wage subsidy or a work trial is an activity during unemployment: the spell goes on.
            const activityId = randomUUID();
            const today = todayOf(ctx);
            const agreedOn = input.hiredStartDate! < today ? input.hiredStartDate! : today;
            await tx.insert(businessActivities).values({
              id: activityId,
              organisationId: ctx.organisationId,
              spellId: p.spellId,
              jobseekerId: p.jobseekerId,
              kind: outcome.kind,
              employerId: order.employerId,
              proposalId: id,
              agreedOn,
              startDate: input.hiredStartDate!,
              createdBy: ctx.actor.kind === 'staff' ? ctx.actor.id : null,
            });
            await writeAudit(tx, ctx, { action: 'create', subjectType: 'business_activity', subjectId: activityId, jobseekerId: p.jobseekerId, details: { kind: outcome.kind, proposalId: id, startDate: input.hiredStartDate } });
          }
          const [{ hires } = { hires: 0 }] = await tx.select({ hires: count() }).from(jobProposals).where(inTenant(jobProposals, ctx, eq(jobProposals.jobOrderId, order.id), eq(jobProposals.step, 'hired')));
          if (isFilled(order.positions, Number(hires))) {
            await tx.update(jobOrders).set({ status: 'filled', version: order.version + 1, updatedAt: now }).where(inTenant(jobOrders, ctx, eq(jobOrders.id, order.id)));
            await writeAudit(tx, ctx, { action: 'update', subjectType: 'job_order', subjectId: order.id, details: { fields: ['status'], status: 'filled', hires: Number(hires) } });
          }
          const [spell] = await tx.select({ unitId: spells.unitId, caseworkerId: spells.caseworkerId }).from(spells).where(inTenant(spells, ctx, eq(spells.id, p.spellId)));
          // The placement surveys ask about a new job; a work trial or wage subsidy is not one.
          if (outcome.type === 'ordinary_job')
            await scheduleSurveyAfter(tx, ctx, {
              trigger: 'placement',
              jobseekerId: p.jobseekerId,
              employerContact: order.contactEmail || order.contactPhone ? { email: order.contactEmail, phone: order.contactPhone } : null,
              subjectId: id,
              unitId: spell?.unitId ?? null,
              caseworkerId: spell?.caseworkerId ?? null,
            });
        }
        const items = await listOf(tx, ctx, order.id);
        return items.find((x) => x.id === id)!;
      });
    },
  };
}
export type ProposalService = ReturnType<typeof createProposalService>;

