import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connect';
import { jobPlans, joblogEntries, orgTemplates, organisations, spells, tasks } from '../../db/schema';
import { toCopenhagenIsoDate, type IsoDate } from '../../core/calendar/iso-date';
import { evaluateJoblog, type JoblogEvaluation, type JoblogRuleKind } from '../../core/joblog/evaluate';
import { ZJoblogRules, type TJoblogRules } from '../../core/joblog/rules';
import type { Clock } from '../clock';
import type { TenantContext } from '../context';
import { systemContext } from '../system-context';
import { inTenant } from '../tenancy';
import { writeDerivedTasks } from '../tasks/sync-spell-tasks';
import { queueNotification, reachJobseekers } from '../notifications/queue';
import { formatNotificationDay } from '../../core/notifications/templates';
import { appLink } from '../surveys/links';
import { TEMPLATES_DIR } from '../templates/template-files';

/** Task kinds the joblog rules raise; the same dedupe-key mechanism as the spell tasks. */
export const JOBLOG_TASK_KINDS = ['joblog_benchmark', 'joblog_requirement', 'joblog_inactive', 'joblog_sparring'] as const;
const TASK_KIND: Record<JoblogRuleKind, (typeof JOBLOG_TASK_KINDS)[number]> = {
  benchmark_red: 'joblog_benchmark',
  below_requirement: 'joblog_requirement',
  no_activity: 'joblog_inactive',
  no_interviews: 'joblog_sparring',
};

let shippedRules: TJoblogRules | null = null;
function shippedDefault(): TJoblogRules {
  shippedRules ??= ZJoblogRules.parse(JSON.parse(readFileSync(path.join(TEMPLATES_DIR, 'joblog-rules', 'default.json'), 'utf8')));
  return shippedRules;
}

/** The organisation's rules in force: the newest active version of its joblog_rules template (the shipped file if it has none). */
export async function loadJoblogRules(db: DbExecutor, ctx: TenantContext): Promise<{ templateId: string | null; version: number | null; rules: TJoblogRules }> {
  const [row] = await db
    .select({ id: orgTemplates.id, version: orgTemplates.version, definition: orgTemplates.definition })
    .from(orgTemplates)
    .where(inTenant(orgTemplates, ctx, eq(orgTemplates.kind, 'joblog_rules'), eq(orgTemplates.active, true), lte(orgTemplates.validFrom, toCopenhagenIsoDate(ctx.clock.now()))))
    .orderBy(desc(orgTemplates.validFrom), desc(orgTemplates.version))
    .limit(1);
  const parsed = row ? ZJoblogRules.safeParse(row.definition) : null;
  if (row && parsed?.success) return { templateId: row.id, version: row.version, rules: parsed.data };
  return { templateId: null, version: null, rules: shippedDefault() };
}

type MonitoredSpell = { id: string; jobseekerId: string; startDate: string; endDate: string | null; status: 'active' | 'ended'; caseworkerId: string | null; unitId: string | null };

const spellColumns = {
  id: spells.id,
  jobseekerId: spells.jobseekerId,
  startDate: spells.startDate,
  endDate: spells.endDate,
  status: spells.status,
  caseworkerId: spells.caseworkerId,
  unitId: spells.unitId,
};

/** The spell the joblog is watched over: the active one, else the newest. */
export async function findMonitoredSpell(db: DbExecutor, ctx: TenantContext, jobseekerId: string): Promise<MonitoredSpell | undefined> {
  const [spell] = await db
    .select(spellColumns)
    .from(spells)
    .where(inTenant(spells, ctx, eq(spells.jobseekerId, jobseekerId)))
    .orderBy(sql`case when ${spells.status} = 'active' then 0 else 1 end`, desc(spells.startDate))
    .limit(1);
  return spell as MonitoredSpell | undefined;
}

async function evaluateSpells(db: DbExecutor, ctx: TenantContext, list: MonitoredSpell[], rules: TJoblogRules, today: IsoDate): Promise<Map<string, JoblogEvaluation>> {
  const result = new Map<string, JoblogEvaluation>();
  if (list.length === 0) return result;
  const jobseekerIds = list.map((s) => s.jobseekerId);
  const spellIds = list.map((s) => s.id);
  const entries = await db
    .select({ jobseekerId: joblogEntries.jobseekerId, date: joblogEntries.date, kind: joblogEntries.kind, status: joblogEntries.status })
    .from(joblogEntries)
    .where(inTenant(joblogEntries, ctx, inArray(joblogEntries.jobseekerId, jobseekerIds)));
  const plans = await db
    .selectDistinctOn([jobPlans.spellId], { spellId: jobPlans.spellId, perWeek: jobPlans.searchRequirementPerWeek })
    .from(jobPlans)
    .where(inTenant(jobPlans, ctx, inArray(jobPlans.spellId, spellIds)))
    .orderBy(jobPlans.spellId, desc(jobPlans.version));
  const planBySpell = new Map(plans.map((p) => [p.spellId, p.perWeek]));
  const byJobseeker = new Map<string, typeof entries>();
  for (const e of entries) byJobseeker.set(e.jobseekerId, [...(byJobseeker.get(e.jobseekerId) ?? []), e]);
  for (const spell of list) {
    result.set(
      spell.id,
      evaluateJoblog({
        entries: byJobseeker.get(spell.jobseekerId) ?? [],
        rules,
        today,
        spellStart: spell.startDate,
        spellEnd: spell.status === 'ended' ? (spell.endDate ?? today) : null,
        planRequirementPerWeek: planBySpell.get(spell.id) ?? null,
      }),
    );
  }
  return result;
}

/** The figures and hits shown on the case page (and in the portal). */
export async function evaluateJobseekerJoblog(db: DbExecutor, ctx: TenantContext, jobseekerId: string) {
  const { templateId, version, rules } = await loadJoblogRules(db, ctx);
  const spell = await findMonitoredSpell(db, ctx, jobseekerId);
  const today = toCopenhagenIsoDate(ctx.clock.now());
  let evaluation: JoblogEvaluation;
  if (spell) {
    evaluation = (await evaluateSpells(db, ctx, [spell], rules, today)).get(spell.id)!;
  } else {
    const entries = await db
      .select({ date: joblogEntries.date, kind: joblogEntries.kind, status: joblogEntries.status })
      .from(joblogEntries)
      .where(inTenant(joblogEntries, ctx, eq(joblogEntries.jobseekerId, jobseekerId)));
    // No spell: the trend is shown, nobody is monitored.
    evaluation = { ...evaluateJoblog({ entries, rules, today, spellStart: '2000-01-01', spellEnd: null, planRequirementPerWeek: null }), hits: [] };
  }
  return { templateId, version, rules, spell: spell ? { id: spell.id, startDate: spell.startDate, status: spell.status } : null, evaluation };
}

async function applyJoblogTasks(tx: DbExecutor, ctx: TenantContext, list: MonitoredSpell[], rules: TJoblogRules, today: IsoDate, options: { nudge?: boolean } = {}) {
  if (list.length === 0) return { created: 0, updated: 0, closed: 0, nudged: 0 };
  const evaluations = await evaluateSpells(tx, ctx, list, rules, today);
  const nudged = options.nudge ? await nudgeIdleJobseekers(tx, ctx, list, evaluations) : 0;
  const rows: (typeof tasks.$inferInsert)[] = [];
  for (const spell of list) {
    for (const hit of evaluations.get(spell.id)?.hits ?? []) {
      const kind = TASK_KIND[hit.rule];
      rows.push({
        id: randomUUID(),
        organisationId: ctx.organisationId,
        spellId: spell.id,
        jobseekerId: spell.jobseekerId,
        kind,
        title: hit.title,
        dueDate: hit.dueDate,
        assigneeId: spell.caseworkerId,
        unitId: spell.unitId,
        status: 'open',
        dedupeKey: `${kind}:${spell.jobseekerId}:${hit.cause}`,
        createdAt: ctx.clock.now(),
      });
    }
  }
  return { ...(await writeDerivedTasks(tx, ctx, rows, { spellIds: list.map((s) => s.id), kinds: JOBLOG_TASK_KINDS })), nudged };
}

/**
 * A friendly reminder to the jobseeker when nothing has been logged for the rules' inactivity
 * period: once per idle stretch (the key names the day the stretch began), from the daily sweep only.
 */
async function nudgeIdleJobseekers(tx: DbExecutor, ctx: TenantContext, list: MonitoredSpell[], evaluations: Map<string, JoblogEvaluation>) {
  const idleSpells = list.flatMap((spell) => {
    const idle = evaluations.get(spell.id)?.hits.find((h) => h.rule === 'no_activity');
    return idle ? [{ spell, idle }] : [];
  });
  if (idleSpells.length === 0) return 0;
  const reachable = await reachJobseekers(tx, ctx, idleSpells.map(({ spell }) => spell.jobseekerId), 'email');
  const organisationName = (await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, ctx.organisationId)))[0]?.name ?? '';
  let nudged = 0;
  for (const { spell, idle } of idleSpells) {
    const reach = reachable.get(spell.jobseekerId);
    if (!reach) continue;
    const queued = await queueNotification(tx, ctx, {
      template: 'joblog_nudge',
      channel: reach.channel,
      recipient: reach.recipient,
      jobseekerId: spell.jobseekerId,
      language: reach.language,
      vars: { firstName: reach.firstName, organisation: organisationName, since: formatNotificationDay(idle.cause, reach.language), link: appLink('/portal/joblog') },
      idempotencyKey: `joblog_nudge:${spell.jobseekerId}:${idle.cause}`,
    });
    if (queued.created) nudged++;
  }
  return nudged;
}

/** After each joblog change (and Min Plan change), in the same transaction: the jobseeker's joblog tasks follow the rules. */
export async function syncJoblogTasks(tx: DbExecutor, ctx: TenantContext, jobseekerId: string) {
  const spell = await findMonitoredSpell(tx, ctx, jobseekerId);
  if (!spell) return { created: 0, updated: 0, closed: 0, nudged: 0 };
  const { rules } = await loadJoblogRules(tx, ctx);
  return applyJoblogTasks(tx, ctx, [spell], rules, toCopenhagenIsoDate(ctx.clock.now()));
}

/**
 * The daily run (worker, after the spell-task sweep): every active spell of every organisation in
 * batches, then open joblog tasks of ended spells are closed.
 */
export async function sweepJoblogTasks(db: Database, clock: Clock, options: { batchSize?: number; nudge?: boolean } = {}) {
  const started = performance.now();
  const batchSize = options.batchSize ?? 500;
  const total = { organisations: 0, spells: 0, created: 0, updated: 0, closed: 0, nudged: 0 };
  const orgs = await db.select({ id: organisations.id }).from(organisations).orderBy(asc(organisations.id));
  for (const org of orgs) {
    const ctx = systemContext(org.id, clock, 'daglig joblogopfølgning');
    const today = toCopenhagenIsoDate(clock.now());
    const { rules } = await loadJoblogRules(db, ctx);
    let after: string | null = null;
    for (;;) {
      const cursor: string | null = after;
      const batch: MonitoredSpell[] = await db.transaction(async (tx) => {
        const list = (await tx
          .select(spellColumns)
          .from(spells)
          .where(inTenant(spells, ctx, eq(spells.status, 'active'), cursor ? gt(spells.id, cursor) : undefined))
          .orderBy(asc(spells.id))
          .limit(batchSize)) as MonitoredSpell[];
        const r = await applyJoblogTasks(tx, ctx, list, rules, today, { nudge: options.nudge ?? true });
        total.nudged += r.nudged;
        total.created += r.created;
        total.updated += r.updated;
        total.closed += r.closed;
        return list;
      });
      total.spells += batch.length;
      if (batch.length < batchSize) break;
      after = batch.at(-1)!.id;
    }
    const endedSpells = db.select({ id: spells.id }).from(spells).where(inTenant(spells, ctx, eq(spells.status, 'ended')));
    const closed = await db
      .update(tasks)
      .set({ status: 'done', completedAt: clock.now(), completedBy: null })
      .where(and(inTenant(tasks, ctx, eq(tasks.status, 'open'), inArray(tasks.kind, [...JOBLOG_TASK_KINDS]), isNotNull(tasks.dedupeKey), inArray(tasks.spellId, endedSpells), isNull(tasks.completedBy))))
      .returning({ id: tasks.id });
    total.closed += closed.length;
    total.organisations += 1;
  }
  return { ...total, ms: Math.round(performance.now() - started) };
}
