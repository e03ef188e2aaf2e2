import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connect';
import { jobPlans, spells, staff } from '../../db/schema';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { writeAudit } from '../audit/write-audit';
import { inTenant } from '../tenancy';
import { isUniqueViolation } from '../../db/errors';
import type { TPlanBody } from './schemas';
import { emitSyncEvent } from '../sync/emit';
import { syncJoblogTasks } from '../joblog/monitoring';

/** Min Plan went to a new version: sync it out, and the joblog requirement may have changed. */
async function afterPlanVersion(tx: DbExecutor, ctx: TenantContext, spell: { id: string; jobseekerId: string }, plan: typeof jobPlans.$inferInsert) {
  await emitSyncEvent(tx, ctx, {
    type: 'plan.version.created',
    subjectType: 'job_plan',
    subjectId: plan.id,
    jobseekerId: spell.jobseekerId,
    data: {
      planId: plan.id,
      spellId: spell.id,
      jobseekerId: spell.jobseekerId,
      version: plan.version,
      jobGoals: plan.jobGoals,
      activities: plan.activities,
      searchRequirementPerWeek: plan.searchRequirementPerWeek ?? null,
      searchStrategy: plan.searchStrategy ?? null,
      createdBy: plan.createdByKind,
    },
  });
  await syncJoblogTasks(tx, ctx, spell.jobseekerId);
}

export type PlanVersion = {
  id: string;
  version: number;
  jobGoals: { title: string; occupationCode?: string | null }[];
  activities: { id: string; title: string; dueDate: string | null; status: 'open' | 'done' | 'dropped' }[];
  searchRequirementPerWeek: number | null;
  searchStrategy: string | null;
  changeNote: string | null;
  createdByKind: 'staff' | 'jobseeker';
  createdByName: string | null;
  createdAt: string;
};

export function createPlanService({ db }: { db: Database }) {
  async function loadSpell(tx: DbExecutor, ctx: TenantContext, spellId: string) {
    const [spell] = await tx.select({ id: spells.id, jobseekerId: spells.jobseekerId, status: spells.status }).from(spells).where(inTenant(spells, ctx, eq(spells.id, spellId)));
    if (!spell) throw new AppError('not_found');
    return spell;
  }

  async function versions(tx: DbExecutor, ctx: TenantContext, spellId: string): Promise<PlanVersion[]> {
    const rows = await tx
      .select({
        id: jobPlans.id,
        version: jobPlans.version,
        jobGoals: jobPlans.jobGoals,
        activities: jobPlans.activities,
        searchRequirementPerWeek: jobPlans.searchRequirementPerWeek,
        searchStrategy: jobPlans.searchStrategy,
        changeNote: jobPlans.changeNote,
        createdByKind: jobPlans.createdByKind,
        createdByName: staff.name,
        createdAt: jobPlans.createdAt,
      })
      .from(jobPlans)
      .leftJoin(staff, eq(staff.id, jobPlans.createdBy))
      .where(inTenant(jobPlans, ctx, eq(jobPlans.spellId, spellId)))
      .orderBy(desc(jobPlans.version));
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  }

  return {
    async getPlan(ctx: TenantContext, spellId: string, purpose: 'read' | 'export' = 'read') {
      return db.transaction(async (tx) => {
        const spell = await loadSpell(tx, ctx, spellId);
        const all = await versions(tx, ctx, spellId);
        await writeAudit(tx, ctx, { action: purpose, subjectType: 'job_plan', subjectId: spellId, jobseekerId: spell.jobseekerId });
        return { current: all[0] ?? null, versions: all };
      });
    },

    /** Every change of Min Plan is a new version; a stale basedOnVersion means someone changed it meanwhile. */
    async savePlan(ctx: TenantContext, spellId: string, input: TPlanBody, by: 'staff' | 'jobseeker' = 'staff') {
      try {
        await db.transaction(async (tx) => {
          const spell = await loadSpell(tx, ctx, spellId);
          if (spell.status !== 'active') throw new AppError('unprocessable', { status: { da: 'Forløbet er afsluttet.', en: 'The spell has ended.' } });
          const [latest] = await tx.select({ version: jobPlans.version }).from(jobPlans).where(inTenant(jobPlans, ctx, eq(jobPlans.spellId, spellId))).orderBy(desc(jobPlans.version)).limit(1);
          const current = latest?.version ?? 0;
          if (current !== input.basedOnVersion) throw new AppError('version_conflict');
          const plan: typeof jobPlans.$inferInsert = {
            id: randomUUID(),
            organisationId: ctx.organisationId,
            spellId,
            version: current + 1,
            jobGoals: input.jobGoals.map((g) => ({ title: g.title, occupationCode: g.occupationCode ?? null })),
            activities: input.activities.map((a) => ({ id: a.id ?? randomUUID().slice(0, 8), title: a.title, dueDate: a.dueDate ?? null, status: a.status })),
            searchRequirementPerWeek: input.searchRequirementPerWeek ?? null,
            searchStrategy: input.searchStrategy ?? null,
            changeNote: input.changeNote ?? null,
            createdByKind: by,
            createdBy: ctx.actor.id,
            createdAt: ctx.clock.now(),
          };
          await tx.insert(jobPlans).values(plan);
          await writeAudit(tx, ctx, { action: current === 0 ? 'create' : 'update', subjectType: 'job_plan', subjectId: spellId, jobseekerId: spell.jobseekerId, details: { version: current + 1 } });
          await afterPlanVersion(tx, ctx, spell, plan);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('version_conflict');
        throw error;
      }
      return this.getPlan(ctx, spellId);
    },
  };
}

export type PlanService = ReturnType<typeof createPlanService>;

/**
 * Adds agreed activities to Min Plan (and updates the status of earlier ones) as a new version,
 * inside the caller's transaction — for use cases that change the plan as part of something else
 * (a job-club progression talk). Returns the new version and the ids of the added activities.
 */
export async function appendPlanActivities(
  tx: DbExecutor,
  ctx: TenantContext,
  spellId: string,
  change: { add: { title: string; dueDate: string | null }[]; statuses?: { activityId: string; status: 'open' | 'done' | 'dropped' }[]; changeNote: string },
): Promise<{ version: number; activityIds: string[] }> {
  const [spell] = await tx.select({ id: spells.id, jobseekerId: spells.jobseekerId, status: spells.status }).from(spells).where(inTenant(spells, ctx, eq(spells.id, spellId)));
  if (!spell) throw new AppError('not_found');
  if (spell.status !== 'active') throw new AppError('unprocessable', { status: { da: 'Forløbet er afsluttet.', en: 'The spell has ended.' } });
  const [latest] = await tx.select().from(jobPlans).where(inTenant(jobPlans, ctx, eq(jobPlans.spellId, spellId))).orderBy(desc(jobPlans.version)).limit(1).for('update');
  const statusById = new Map((change.statuses ?? []).map((s) => [s.activityId, s.status]));
  const activities = (latest?.activities ?? []).map((a) => ({ ...a, status: statusById.get(a.id) ?? a.status }));
  const added = change.add.map((a) => ({ id: randomUUID().slice(0, 8), title: a.title, dueDate: a.dueDate, status: 'open' as const }));
  const version = (latest?.version ?? 0) + 1;
  const plan: typeof jobPlans.$inferInsert = {
    id: randomUUID(),
    organisationId: ctx.organisationId,
    spellId,
    version,
    jobGoals: latest?.jobGoals ?? [],
    activities: [...activities, ...added],
    searchRequirementPerWeek: latest?.searchRequirementPerWeek ?? null,
    searchStrategy: latest?.searchStrategy ?? null,
    changeNote: change.changeNote,
    createdByKind: ctx.actor.kind === 'jobseeker' ? 'jobseeker' : 'staff',
    createdBy: ctx.actor.id,
    createdAt: ctx.clock.now(),
  };
  await tx.insert(jobPlans).values(plan);
  await writeAudit(tx, ctx, { action: version === 1 ? 'create' : 'update', subjectType: 'job_plan', subjectId: spellId, jobseekerId: spell.jobseekerId, details: { version } });
  await afterPlanVersion(tx, ctx, spell, plan);
  return { version, activityIds: added.map((a) => a.id) };
}
