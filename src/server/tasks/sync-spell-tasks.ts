import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, inArray, isNotNull, isNull, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connect';
import { conversations, orgTemplates, organisations, spells, tasks } from '../../db/schema';
import { deriveSpellTasks, SPELL_TASK_KINDS, type TaskConversation } from '../../core/caseload/spell-tasks';
import { toCopenhagenIsoDate, type IsoDate } from '../../core/calendar/iso-date';
import type { WorkingCalendar } from '../../core/calendar/working-calendar';
import { estimateHandoverDate, ZHandoverRule } from '../../core/cadence';
import { loadOrgCalendar } from '../calendar/org-calendar';
import type { Clock } from '../clock';
import type { TenantContext } from '../context';
import { systemContext } from '../system-context';
import { inTenant } from '../tenancy';

export type TaskSyncResult = { spells: number; created: number; updated: number; closed: number };

const EMPTY: TaskSyncResult = { spells: 0, created: 0, updated: 0, closed: 0 };

type SpellSource = {
  id: string;
  jobseekerId: string;
  status: 'active' | 'ended';
  startDate: string;
  segment: string | null;
  caseworkerId: string | null;
  unitId: string | null;
  passed410On: string | null;
  handoverRule: unknown;
};

function selectSpellSources(db: DbExecutor, ctx: TenantContext, ...conditions: (SQL | undefined)[]) {
  return db
    .select({
      id: spells.id,
      jobseekerId: spells.jobseekerId,
      status: spells.status,
      startDate: spells.startDate,
      segment: spells.segment,
      caseworkerId: spells.caseworkerId,
      unitId: spells.unitId,
      passed410On: spells.passed410On,
      handoverRule: sql<unknown>`${orgTemplates.definition} -> 'handover'`,
    })
    .from(spells)
    .leftJoin(orgTemplates, and(eq(orgTemplates.id, spells.cadenceTemplateId), eq(orgTemplates.organisationId, spells.organisationId)))
    .where(inTenant(spells, ctx, ...conditions));
}

async function loadConversations(db: DbExecutor, ctx: TenantContext, spellIds: string[]): Promise<Map<string, TaskConversation[]>> {
  const bySpell = new Map<string, TaskConversation[]>();
  if (spellIds.length === 0) return bySpell;
  const rows = await db
    .select({
      id: conversations.id,
      spellId: conversations.spellId,
      type: conversations.type,
      label: conversations.label,
      mandatory: conversations.mandatory,
      status: conversations.status,
      earliest: conversations.earliest,
      latest: conversations.latest,
      scheduledAt: conversations.scheduledAt,
    })
    .from(conversations)
    .where(inTenant(conversations, ctx, inArray(conversations.spellId, spellIds)));
  for (const { spellId, scheduledAt, ...c } of rows) {
    const list = bySpell.get(spellId) ?? [];
    list.push({ ...c, scheduledOn: scheduledAt ? toCopenhagenIsoDate(new Date(scheduledAt)) : null });
    bySpell.set(spellId, list);
  }
  return bySpell;
}

/** The known date the 410 hours were passed; else the cadence's estimate; null when the case stays. */
function handoverDateOf(spell: SpellSource): IsoDate | null {
  if (spell.passed410On) return spell.passed410On;
  const rule = ZHandoverRule.safeParse(spell.handoverRule);
  if (!rule.success) return null;
  return estimateHandoverDate({ rule: rule.data, dayZero: spell.startDate }) ?? null;
}

const INSERT_CHUNK = 500;

/**
 * Brings the derived tasks of a batch of spells in line with their state: inserts the missing
 * ones, updates open ones whose title, due date or assignee changed, reopens ones the system
 * closed when their cause comes back, and closes open derived tasks whose cause has gone. A task
 * a person closed (completed_by set) stays closed. Two statements per batch, whatever its size.
 */
async function applyDerivedTasks(tx: DbExecutor, ctx: TenantContext, sources: SpellSource[], calendar: WorkingCalendar, today: IsoDate): Promise<TaskSyncResult> {
  if (sources.length === 0) return EMPTY;
  const conversationsBySpell = await loadConversations(
    tx,
    ctx,
    sources.filter((s) => s.status === 'active').map((s) => s.id),
  );
  const rows: (typeof tasks.$inferInsert)[] = [];
  for (const spell of sources) {
    const derived = deriveSpellTasks({ spell, conversations: conversationsBySpell.get(spell.id) ?? [], today, calendar, handoverDate: handoverDateOf(spell) });
    for (const task of derived) {
      rows.push({
        id: randomUUID(),
        organisationId: ctx.organisationId,
        spellId: spell.id,
        jobseekerId: spell.jobseekerId,
        kind: task.kind,
        title: task.title,
        dueDate: task.dueDate,
        assigneeId: spell.caseworkerId,
        unitId: spell.unitId,
        status: 'open',
        dedupeKey: task.dedupeKey,
        createdAt: ctx.clock.now(),
      });
    }
  }
  const written = await writeDerivedTasks(tx, ctx, rows, { spellIds: sources.map((s) => s.id), kinds: SPELL_TASK_KINDS });
  return { spells: sources.length, ...written };
}

/**
 * The one way derived tasks are written (spell tasks here, joblog tasks in src/server/joblog):
 * upsert by (organisation, dedupe key) — insert the missing, update open ones whose title, due
 * date or assignee changed, reopen ones the system closed — then close the open tasks of the
 * given kinds on the given spells whose key is no longer derived. A task a person closed
 * (completed_by set) stays closed.
 */
export async function writeDerivedTasks(
  tx: DbExecutor,
  ctx: TenantContext,
  rows: (typeof tasks.$inferInsert)[],
  scope: { spellIds: string[]; kinds: readonly string[] },
): Promise<{ created: number; updated: number; closed: number }> {
  let created = 0;
  let updated = 0;
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const written = await tx
      .insert(tasks)
      .values(rows.slice(i, i + INSERT_CHUNK))
      .onConflictDoUpdate({
        target: [tasks.organisationId, tasks.dedupeKey],
        targetWhere: sql`${tasks.dedupeKey} is not null`,
        set: {
          status: 'open',
          completedAt: sql`case when ${tasks.status} = 'open' then ${tasks.completedAt} else null end`,
          title: sql`excluded.title`,
          dueDate: sql`excluded.due_date`,
          assigneeId: sql`excluded.assignee_id`,
          unitId: sql`excluded.unit_id`,
        },
        setWhere: sql`(${tasks.status} = 'open' and (${tasks.title}, ${tasks.dueDate}, ${tasks.assigneeId}, ${tasks.unitId}) is distinct from (excluded.title, excluded.due_date, excluded.assignee_id, excluded.unit_id))
          or (${tasks.status} <> 'open' and ${tasks.completedBy} is null)`,
      })
      .returning({ inserted: sql<boolean>`(xmax = 0)` });
    for (const w of written) {
      if (w.inserted) created += 1;
      else updated += 1;
    }
  }
  const closed = await tx
    .update(tasks)
    .set({ status: 'done', completedAt: ctx.clock.now(), completedBy: null })
    .where(
      inTenant(
        tasks,
        ctx,
        inArray(tasks.spellId, scope.spellIds),
        eq(tasks.status, 'open'),
        inArray(tasks.kind, [...scope.kinds]),
        isNotNull(tasks.dedupeKey),
        rows.length > 0
          ? notInArray(
              tasks.dedupeKey,
              rows.map((r) => r.dedupeKey!),
            )
          : undefined,
      ),
    )
    .returning({ id: tasks.id });
  return { created, updated, closed: closed.length };
}

/**
 * Call after every change to a spell or its conversations, in the same transaction: derives the
 * spell's tasks (book the CV talk, overdue talk, no-show follow-up, handover due, segment
 * missing) and writes the difference. Safe to call any number of times.
 */
export async function syncSpellTasks(tx: DbExecutor, ctx: TenantContext, spellId: string): Promise<TaskSyncResult> {
  const sources = (await selectSpellSources(tx, ctx, eq(spells.id, spellId))) as SpellSource[];
  if (sources.length === 0) return EMPTY;
  const calendar = await loadOrgCalendar(tx, ctx);
  return applyDerivedTasks(tx, ctx, sources, calendar, toCopenhagenIsoDate(ctx.clock.now()));
}

export type SweepResult = TaskSyncResult & { organisations: number; ms: number };

/**
 * The daily run over every organisation: active spells in batches (keyset on id, one transaction
 * per batch), then the open derived tasks of ended spells are closed in one statement.
 */
export async function sweepAllSpellTasks(db: Database, clock: Clock, options: { batchSize?: number } = {}): Promise<SweepResult> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 500;
  const total = { organisations: 0, spells: 0, created: 0, updated: 0, closed: 0 };
  const orgs = await db.select({ id: organisations.id }).from(organisations).orderBy(asc(organisations.id));
  for (const org of orgs) {
    const ctx = systemContext(org.id, clock, 'daglig opgavekørsel');
    const today = toCopenhagenIsoDate(clock.now());
    const calendar = await loadOrgCalendar(db, ctx);
    let after: string | null = null;
    for (;;) {
      const cursor: string | null = after;
      const result: { done: boolean; last: string | null; r: TaskSyncResult } = await db.transaction(async (tx) => {
        const sources = (await selectSpellSources(tx, ctx, eq(spells.status, 'active'), cursor ? gt(spells.id, cursor) : undefined)
          .orderBy(asc(spells.id))
          .limit(batchSize)) as SpellSource[];
        const r = await applyDerivedTasks(tx, ctx, sources, calendar, today);
        return { done: sources.length < batchSize, last: sources.at(-1)?.id ?? null, r };
      });
      total.spells += result.r.spells;
      total.created += result.r.created;
      total.updated += result.r.updated;
      total.closed += result.r.closed;
      if (result.done || !result.last) break;
      after = result.last;
    }
    const endedSpells = db
      .select({ id: spells.id })
      .from(spells)
      .where(inTenant(spells, ctx, eq(spells.status, 'ended')));
    const closed = await db
      .update(tasks)
      .set({ status: 'done', completedAt: clock.now(), completedBy: null })
      .where(inTenant(tasks, ctx, eq(tasks.status, 'open'), inArray(tasks.kind, [...SPELL_TASK_KINDS]), isNotNull(tasks.dedupeKey), inArray(tasks.spellId, endedSpells), isNull(tasks.completedBy)))
      .returning({ id: tasks.id });
    total.closed += closed.length;
    total.organisations += 1;
  }
  return { ...total, ms: Math.round(performance.now() - started) };
}
