import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connect';
import { conversations, jobseekers, spells, staff, tasks, units } from '../../db/schema';
import type { TrafficLight } from '../../core/caseload/traffic-light';
import type { TenantContext } from '../context';
import { inTenant } from '../tenancy';
import type { TCaseloadQuery } from './schemas';

export type CaseloadFilter = Omit<TCaseloadQuery, 'scope' | 'page' | 'pageSize' | 'sort'> & {
  /** Dates the traffic light is computed from: computed with the working calendar in JS. */
  today: string;
  dueSoonUntil: string;
};

export type CaseloadRowData = {
  spellId: string;
  jobseekerId: string;
  firstName: string;
  lastName: string;
  segment: string | null;
  targetGroup: string;
  status: 'active' | 'ended';
  unitId: string | null;
  unitName: string | null;
  caseworkerId: string | null;
  caseworkerName: string | null;
  startDate: string;
  next: {
    id: string | null;
    type: string | null;
    label: string | null;
    mandatory: boolean | null;
    earliest: string | null;
    latest: string | null;
    status: 'planned' | 'booked' | null;
    scheduledAt: Date | null;
  };
  light: TrafficLight;
  openTaskCount: number;
};

/**
 * The next conversation of each spell: open (planned or booked), mandatory ones first, then the
 * earliest deadline. A lateral join, so the whole page is one query.
 */
function nextConversation(db: DbExecutor, ctx: TenantContext) {
  return db
    .select({
      id: conversations.id,
      type: conversations.type,
      label: conversations.label,
      mandatory: conversations.mandatory,
      earliest: conversations.earliest,
      latest: conversations.latest,
      status: conversations.status,
      scheduledAt: conversations.scheduledAt,
    })
    .from(conversations)
    .where(inTenant(conversations, ctx, eq(conversations.spellId, spells.id), inArray(conversations.status, ['planned', 'booked'])))
    .orderBy(desc(conversations.mandatory), sql`${conversations.latest} asc nulls last`, sql`${conversations.earliest} asc nulls last`, asc(conversations.id))
    .limit(1)
    .as('next_conversation');
}

function lightOf(next: ReturnType<typeof nextConversation>, filter: CaseloadFilter) {
  return sql<TrafficLight>`(case when ${next.latest} is null then 'ok' when ${next.latest} < ${filter.today}::date then 'overdue' when ${next.latest} <= ${filter.dueSoonUntil}::date then 'due_soon' else 'ok' end)`;
}

export async function searchCaseload(
  db: DbExecutor,
  ctx: TenantContext,
  filter: CaseloadFilter,
  paging: Pick<TCaseloadQuery, 'page' | 'pageSize' | 'sort'>,
): Promise<{ rows: CaseloadRowData[]; total: number }> {
  const next = nextConversation(db, ctx);
  const light = lightOf(next, filter);
  const conditions: (SQL | undefined)[] = [inTenant(jobseekers, ctx)];
  if (filter.status !== 'all') conditions.push(eq(spells.status, filter.status));
  if (filter.caseworkerId === 'none') conditions.push(isNull(spells.caseworkerId));
  else if (filter.caseworkerId) conditions.push(eq(spells.caseworkerId, filter.caseworkerId));
  if (filter.unitId) conditions.push(eq(spells.unitId, filter.unitId));
  if (filter.segment === 'none') conditions.push(isNull(spells.segment));
  else if (filter.segment) conditions.push(eq(spells.segment, filter.segment));
  if (filter.targetGroup) conditions.push(eq(spells.targetGroup, filter.targetGroup));
  if (filter.light) conditions.push(sql`${light} = ${filter.light}`);
  const where = inTenant(spells, ctx, ...conditions);

  const lightRank = sql`(case ${light} when 'overdue' then 0 when 'due_soon' then 1 else 2 end)`;
  const byName = [asc(sql`lower(${jobseekers.lastName})`), asc(sql`lower(${jobseekers.firstName})`)];
  const sorts: Record<TCaseloadQuery['sort'], SQL[]> = {
    light: [asc(lightRank), sql`${next.latest} asc nulls last`, ...byName, asc(spells.id)],
    name: [...byName, asc(spells.id)],
    '-name': [desc(sql`lower(${jobseekers.lastName})`), desc(sql`lower(${jobseekers.firstName})`), desc(spells.id)],
    startDate: [asc(spells.startDate), asc(spells.id)],
    '-startDate': [desc(spells.startDate), desc(spells.id)],
  };
  const openTasks = sql<number>`(select count(*)::int from ${tasks} where ${inTenant(tasks, ctx, eq(tasks.spellId, spells.id), eq(tasks.status, 'open'))})`;

  const [rows, totals] = await Promise.all([
    db
      .select({
        spellId: spells.id,
        jobseekerId: spells.jobseekerId,
        firstName: jobseekers.firstName,
        lastName: jobseekers.lastName,
        segment: spells.segment,
        targetGroup: spells.targetGroup,
        status: spells.status,
        unitId: spells.unitId,
        unitName: units.name,
        caseworkerId: spells.caseworkerId,
        caseworkerName: staff.name,
        startDate: spells.startDate,
        next: {
          id: next.id,
          type: next.type,
          label: next.label,
          mandatory: next.mandatory,
          earliest: next.earliest,
          latest: next.latest,
          status: next.status,
          scheduledAt: next.scheduledAt,
        },
        light,
        openTaskCount: openTasks,
      })
      .from(spells)
      .innerJoin(jobseekers, eq(jobseekers.id, spells.jobseekerId))
      .leftJoin(units, and(eq(units.id, spells.unitId), eq(units.organisationId, spells.organisationId)))
      .leftJoin(staff, and(eq(staff.id, spells.caseworkerId), eq(staff.organisationId, spells.organisationId)))
      .leftJoinLateral(next, sql`true`)
      .where(where)
      .orderBy(...sorts[paging.sort])
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize),
    db
      .select({ n: count() })
      .from(spells)
      .innerJoin(jobseekers, eq(jobseekers.id, spells.jobseekerId))
      .leftJoinLateral(next, sql`true`)
      .where(where),
  ]);
  return { rows: rows as CaseloadRowData[], total: totals[0]?.n ?? 0 };
}

export async function findStaffInOrganisation(db: DbExecutor, ctx: TenantContext, id: string) {
  const rows = await db
    .select({ id: staff.id, role: staff.role, unitId: staff.unitId, active: staff.active })
    .from(staff)
    .where(inTenant(staff, ctx, eq(staff.id, id)))
    .limit(1);
  return rows[0];
}

export async function lockSpells(db: DbExecutor, ctx: TenantContext, ids: string[]) {
  return db
    .select({ id: spells.id, jobseekerId: spells.jobseekerId, caseworkerId: spells.caseworkerId, unitId: spells.unitId, version: spells.version })
    .from(spells)
    .where(inTenant(spells, ctx, inArray(spells.id, ids)))
    .for('update');
}
