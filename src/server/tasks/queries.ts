import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connect';
import { jobseekers, staff, tasks } from '../../db/schema';
import type { TenantContext } from '../context';
import { inTenant } from '../tenancy';

export type TaskRow = {
  id: string;
  kind: string;
  title: string;
  dueDate: string;
  status: 'open' | 'done' | 'cancelled';
  overdue: boolean;
  spellId: string | null;
  jobseekerId: string | null;
  firstName: string | null;
  lastName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  unitId: string | null;
  createdAt: Date;
  completedAt: Date | null;
  completedBy: string | null;
};

function selectTasks(db: DbExecutor, today: string) {
  return db
    .select({
      id: tasks.id,
      kind: tasks.kind,
      title: tasks.title,
      dueDate: tasks.dueDate,
      status: tasks.status,
      overdue: sql<boolean>`(${tasks.status} = 'open' and ${tasks.dueDate} < ${today}::date)`,
      spellId: tasks.spellId,
      jobseekerId: tasks.jobseekerId,
      firstName: jobseekers.firstName,
      lastName: jobseekers.lastName,
      assigneeId: tasks.assigneeId,
      assigneeName: staff.name,
      unitId: tasks.unitId,
      createdAt: tasks.createdAt,
      completedAt: tasks.completedAt,
      completedBy: tasks.completedBy,
    })
    .from(tasks)
    .leftJoin(jobseekers, and(eq(jobseekers.id, tasks.jobseekerId), eq(jobseekers.organisationId, tasks.organisationId)))
    .leftJoin(staff, and(eq(staff.id, tasks.assigneeId), eq(staff.organisationId, tasks.organisationId)));
}

export type TaskFilter = { assigneeId: string | null; unitId: string | null; status: 'open' | 'done' | 'cancelled' | 'all' };

export async function searchTasks(db: DbExecutor, ctx: TenantContext, filter: TaskFilter, paging: { page: number; pageSize: number }, today: string): Promise<{ rows: TaskRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (filter.assigneeId) conditions.push(eq(tasks.assigneeId, filter.assigneeId));
  if (filter.unitId) conditions.push(eq(tasks.unitId, filter.unitId));
  if (filter.status !== 'all') conditions.push(eq(tasks.status, filter.status));
  const where = inTenant(tasks, ctx, ...conditions);
  const [rows, totals] = await Promise.all([
    selectTasks(db, today)
      .where(where)
      // Overdue first, then by due date: what needs doing now is at the top.
      .orderBy(desc(sql`(${tasks.status} = 'open' and ${tasks.dueDate} < ${today}::date)`), asc(tasks.dueDate), asc(tasks.createdAt), asc(tasks.id))
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize),
    db.select({ n: count() }).from(tasks).where(where),
  ]);
  return { rows: rows as TaskRow[], total: totals[0]?.n ?? 0 };
}

export async function findTaskById(db: DbExecutor, ctx: TenantContext, id: string, today: string): Promise<TaskRow | undefined> {
  const rows = await selectTasks(db, today).where(inTenant(tasks, ctx, eq(tasks.id, id))).limit(1);
  return rows[0] as TaskRow | undefined;
}
