import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../clock';
import { requirePermission, tenantContext } from '../plugins/auth';
import type { TaskService } from './service';
import { ZTask, ZTaskListQuery, ZTaskPage, ZTaskPatch } from './schemas';

export function registerTaskRoutes(app: FastifyInstance, deps: { tasks: TaskService; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tasks'];

  r.get(
    '/api/v1/tasks',
    {
      preHandler: requirePermission('caseload.read'),
      schema: {
        tags,
        summary: 'Task list: overdue first and marked',
        description: 'Defaults as for the caseload: a caseworker’s own open tasks, a manager’s unit’s. Tasks such as "book the CV talk" and "overdue talk" are raised and closed by Jobspor as the spell changes; a task a person closed stays closed.',
        querystring: ZTaskListQuery,
        response: { 200: ZTaskPage },
      },
    },
    async (request) => deps.tasks.listTasks(tenantContext(request, deps.clock), request.query),
  );

  r.patch(
    '/api/v1/tasks/:id',
    {
      preHandler: requirePermission('task.write'),
      schema: {
        tags,
        summary: 'Mark a task done or cancelled, or open it again (undo)',
        params: z.object({ id: z.uuid() }),
        body: ZTaskPatch,
        response: { 200: ZTask },
      },
    },
    async (request) => deps.tasks.setTaskStatus(tenantContext(request, deps.clock), request.params.id, request.body),
  );
}
