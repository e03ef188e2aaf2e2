import { eq } from 'drizzle-orm';
import type { Database } from '../../db/connect';
import { tasks } from '../../db/schema';
import { toCopenhagenIsoDate } from '../../core/calendar/iso-date';
import { writeAudit } from '../audit/write-audit';
import { resolveScope } from '../caseload/service';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { inTenant } from '../tenancy';
import { findTaskById, searchTasks, type TaskRow } from './queries';
import type { TTask, TTaskListQuery, TTaskPatch } from './schemas';

function presentTask(row: TaskRow): TTask {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    dueDate: row.dueDate,
    status: row.status,
    overdue: Boolean(row.overdue),
    spellId: row.spellId,
    jobseeker: row.jobseekerId && row.firstName !== null && row.lastName !== null ? { id: row.jobseekerId, firstName: row.firstName, lastName: row.lastName } : null,
    assignee: row.assigneeId && row.assigneeName !== null ? { id: row.assigneeId, name: row.assigneeName } : null,
    unitId: row.unitId,
    createdAt: new Date(row.createdAt).toISOString(),
    completedAt: row.completedAt ? new Date(row.completedAt).toISOString() : null,
    completedBy: row.completedBy,
  };
}

export function createTaskService({ db }: { db: Database }) {
  return {
    async listTasks(ctx: TenantContext, query: TTaskListQuery) {
      const scope = resolveScope(ctx, { scope: query.scope, caseworkerId: query.assigneeId, unitId: query.unitId });
      const today = toCopenhagenIsoDate(ctx.clock.now());
      return db.transaction(async (tx) => {
        const { rows, total } = await searchTasks(tx, ctx, { assigneeId: scope.caseworkerId, unitId: scope.unitId, status: query.status }, query, today);
        // Tasks name jobseekers, so the list is a search in the audit log.
        await writeAudit(tx, ctx, {
          action: 'search',
          subjectType: 'task',
          details: { criteria: { ...query, assigneeId: scope.caseworkerId, unitId: scope.unitId }, total, resultIds: [...new Set(rows.map((r) => r.jobseekerId).filter(Boolean))] },
        });
        return { items: rows.map(presentTask), total, page: query.page, pageSize: query.pageSize, today };
      });
    },

    /** Done, cancelled, or open again (undo). Closing records who and when; reopening clears both. */
    async setTaskStatus(ctx: TenantContext, id: string, input: TTaskPatch): Promise<TTask> {
      const today = toCopenhagenIsoDate(ctx.clock.now());
      return db.transaction(async (tx) => {
        const current = await findTaskById(tx, ctx, id, today);
        if (!current) throw new AppError('not_found');
        if (current.status !== input.status) {
          const closing = input.status !== 'open';
          await tx
            .update(tasks)
            .set({ status: input.status, completedAt: closing ? ctx.clock.now() : null, completedBy: closing && ctx.actor.kind === 'staff' ? ctx.actor.id : null })
            .where(inTenant(tasks, ctx, eq(tasks.id, id)));
          await writeAudit(tx, ctx, { action: 'update', subjectType: 'task', subjectId: id, jobseekerId: current.jobseekerId, details: { fields: ['status'], from: current.status, to: input.status } });
        }
        const updated = await findTaskById(tx, ctx, id, today);
        return presentTask(updated!);
      });
    },
  };
}

export type TaskService = ReturnType<typeof createTaskService>;
