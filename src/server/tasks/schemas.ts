import { z } from 'zod';
import { pagingFields, zPage } from '../paging';
import { msg } from '../validation';

export const ZTaskStatus = z.enum(['open', 'done', 'cancelled']);

export const ZTaskListQuery = z.object({
  /** Whose tasks when no assignee or unit is named: as for the caseload. */
  scope: z.enum(['mine', 'unit', 'organisation']).optional(),
  assigneeId: z.uuid(msg('uuid')).optional(),
  unitId: z.uuid(msg('uuid')).optional(),
  status: z.enum(['open', 'done', 'cancelled', 'all']).default('open'),
  ...pagingFields(50, 200),
});
export type TTaskListQuery = z.infer<typeof ZTaskListQuery>;

export const ZTask = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  dueDate: z.string(),
  status: ZTaskStatus,
  /** Open and past its due date. */
  overdue: z.boolean(),
  spellId: z.uuid().nullable(),
  jobseeker: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() }).nullable(),
  assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  unitId: z.uuid().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  /** Who closed it; null when Jobspor closed it because its cause went away. */
  completedBy: z.uuid().nullable(),
});
export type TTask = z.infer<typeof ZTask>;

export const ZTaskPage = zPage(ZTask).extend({ today: z.string() });

export const ZTaskPatch = z
  .object({ status: ZTaskStatus })
  .strict()
  .meta({ examples: [{ status: 'done' }] });
export type TTaskPatch = z.infer<typeof ZTaskPatch>;
