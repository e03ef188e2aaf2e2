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

/**
 * One page of a caseload in two steps inside one statement: the inner query filters, sorts and
 * pages the spells (joining the next conversation only when the light is filtered or sorted on),
 * the outer one fetches the page's details, next conversation and open task count for those
 * rows only. So a page costs the same whether it is the first or the twentieth.
 */
export async function searchCaseload(
  db: DbExecutor,
  ctx: TenantContext,
  filter: CaseloadFilter,
  paging: Pick<TCaseloadQuery, 'page' | 'pageSize' | 'sort'>,
): Promise<{ rows: CaseloadRowData[]; total: number }> {
  const needsLight = Boolean(filter.light) || paging.sort === 'light';
  const conditions: (SQL | undefined)[] = [inTenant(jobseekers, ctx)];
  if (filter.status !== 'all') conditions.push(eq(spells.status, filter.status));
  if (filter.caseworkerId === 'none') conditions.push(isNull(spells.caseworkerId));
  else if (filter.caseworkerId) conditions.push(eq(spells.caseworkerId, filter.caseworkerId));
  if (filter.unitId) conditions.push(eq(spells.unitId, filter.unitId));
  if (filter.segment === 'none') conditions.push(isNull(spells.segment));
  else if (filter.segment) conditions.push(eq(spells.segment, filter.segment));
  if (filter.targetGroup) conditions.push(eq(spells.targetGroup, filter.targetGroup));

  const innerNext = nextConversation(db, ctx);
  const innerLight = lightOf(innerNext, filter);
  if (filter.light) conditions.push(sql`${innerLight} = ${filter.light}`);
  const where = inTenant(spells, ctx, ...conditions);
  const lightRank = sql`(case ${innerLight} when 'overdue' then 0 when 'due_soon' then 1 else 2 end)`;
  const byName = [asc(sql`lower(${jobseekers.lastName})`), asc(sql`lower(${jobseekers.firstName})`)];
  const sorts: Record<TCaseloadQuery['sort'], SQL[]> = {
    light: [asc(lightRank), sql`${innerNext.latest} asc nulls last`, ...byName, asc(spells.id)],
    name: [...byName, asc(spells.id)],
    '-name': [desc(sql`lower(${jobseekers.lastName})`), desc(sql`lower(${jobseekers.firstName})`), desc(spells.id)],
    startDate: [asc(spells.startDate), asc(spells.id)],
    '-startDate': [desc(spells.startDate), desc(spells.id)],
  };
  const order = sorts[paging.sort];
  const filtered = (select: ReturnType<DbExecutor['select']>) => {
    const base = select.from(spells).innerJoin(jobseekers, eq(jobseekers.id, spells.jobseekerId));
    return needsLight ? base.leftJoinLateral(innerNext, sql`true`).where(where) : base.where(where);
  };
  const page = filtered(db.select({ spellId: sql<string>`${spells.id}`.as('page_spell_id'), position: sql<number>`row_number() over (order by ${sql.join(order, sql`, `)})`.as('position') }))
    .orderBy(...order)
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .as('page');

  const next = nextConversation(db, ctx);
  const light = lightOf(next, filter);
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
      .from(page)
      .innerJoin(spells, eq(spells.id, page.spellId))
      .innerJoin(jobseekers, eq(jobseekers.id, spells.jobseekerId))
      .leftJoin(units, and(eq(units.id, spells.unitId), eq(units.organisationId, spells.organisationId)))
      .leftJoin(staff, and(eq(staff.id, spells.caseworkerId), eq(staff.organisationId, spells.organisationId)))
      .leftJoinLateral(next, sql`true`)
      .where(inTenant(spells, ctx, inTenant(jobseekers, ctx)))
      .orderBy(asc(page.position)),
    filtered(db.select({ n: count() })),
  ]);
  return { rows: rows as CaseloadRowData[], total: Number(totals[0]?.n ?? 0) };
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
