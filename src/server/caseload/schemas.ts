import { z } from 'zod';
import { pagingFields } from '../paging';
import { msg } from '../validation';

export const ZTrafficLight = z.enum(['overdue', 'due_soon', 'ok']);

export const ZCaseloadSort = z.enum(['light', 'name', '-name', 'startDate', '-startDate']);

export const ZCaseloadQuery = z.object({
  /**
   * Whose spells when no caseworker or unit is named: 'mine' (default for caseworkers), 'unit'
   * (the caller's unit; default for managers with one), 'organisation' (default for managers without).
   */
  scope: z.enum(['mine', 'unit', 'organisation']).optional(),
  /** A caseworker's spells, or 'none' for spells nobody holds yet. */
  caseworkerId: z.union([z.uuid(msg('uuid')), z.literal('none')]).optional(),
  unitId: z.uuid(msg('uuid')).optional(),
  /** A segment, or 'none' for spells not yet segmented. */
  segment: z.string().trim().min(1).max(60).optional(),
  targetGroup: z.string().trim().min(1).max(60).optional(),
  status: z.enum(['active', 'ended', 'all']).default('active'),
  light: ZTrafficLight.optional(),
  ...pagingFields(25, 200),
  sort: ZCaseloadSort.default('light'),
});
export type TCaseloadQuery = z.infer<typeof ZCaseloadQuery>;

export const ZNextConversation = z.object({
  id: z.uuid(),
  type: z.string(),
  label: z.string(),
  mandatory: z.boolean(),
  earliest: z.string().nullable(),
  latest: z.string().nullable(),
  status: z.enum(['planned', 'booked']),
  scheduledAt: z.string().nullable(),
});

export const ZCaseloadRow = z.object({
  spellId: z.uuid(),
  jobseeker: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() }),
  segment: z.string().nullable(),
  targetGroup: z.string(),
  status: z.enum(['active', 'ended']),
  unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  caseworker: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  startDate: z.string(),
  nextConversation: ZNextConversation.nullable(),
  light: ZTrafficLight,
  openTaskCount: z.number().int(),
});
export type TCaseloadRow = z.infer<typeof ZCaseloadRow>;

export const ZCaseloadPage = z.object({
  items: z.array(ZCaseloadRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The dates the lights were computed from: overdue before `today`, due soon up to `dueSoonUntil`. */
  today: z.string(),
  dueSoonUntil: z.string(),
  /** The caseworker and unit the list was narrowed to, after defaults. */
  scope: z.object({ caseworkerId: z.string().nullable(), unitId: z.uuid().nullable() }),
});

export const ZReassign = z
  .object({
    spellIds: z.array(z.uuid(msg('uuid'))).min(1, msg('required')).max(500),
    caseworkerId: z.uuid(msg('uuid')),
  })
  .strict()
  .meta({ examples: [{ spellIds: ['5b1f7c9e-2d4a-4f7e-9a51-3c2d8e6f1a20'], caseworkerId: '0f6e2d3c-8b7a-4c5d-9e1f-2a3b4c5d6e7f' }] });
export type TReassign = z.infer<typeof ZReassign>;
