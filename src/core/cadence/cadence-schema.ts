import { z } from 'zod';
import { ZIsoDate } from '../calendar/iso-date.js';
import { ZConversationWindow } from './windows.js';

export const CONVERSATION_TYPES = [
  'cv_contact',
  'contact',
  'availability',
  'sparring',
  'extra_contact',
  'progression',
  'joint_meeting',
  'closing',
  'info_meeting',
  'placement_talk',
] as const;
export const ZConversationType = z.enum(CONVERSATION_TYPES);
export type ConversationType = z.infer<typeof ZConversationType>;

export const CONVERSATION_MODES = ['in_person', 'phone', 'video', 'any'] as const;
export const ZConversationMode = z.enum(CONVERSATION_MODES);
export type ConversationMode = z.infer<typeof ZConversationMode>;

export const ZOrganisationKind = z.enum(['akasse', 'jobcenter']);
export type OrganisationKind = z.infer<typeof ZOrganisationKind>;

/** A conversation held again every `everyWeeks` weeks, `times` times in all (the first included). */
export const ZConversationRepeat = z.strictObject({
  everyWeeks: z.int().min(1).max(52),
  times: z.int().min(2).max(104),
});

export const ZCadenceConversation = z.strictObject({
  /** Stable within the cadence and across its versions; planned conversations carry it. */
  key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens'),
  type: ZConversationType,
  /** Danish label shown to staff and jobseeker. */
  label: z.string().min(1),
  window: ZConversationWindow,
  mandatory: z.boolean(),
  mode: ZConversationMode,
  repeat: ZConversationRepeat.optional(),
  /** A stated upper bound on the length, e.g. Jobviften's ≤ 20-minute talks. */
  maxMinutes: z.int().min(1).max(480).optional(),
});
export type TCadenceConversation = z.infer<typeof ZCadenceConversation>;

/**
 * When the case passes to the jobcenter. Hours of paid dagpenge cannot be known from dates
 * alone, so 'hours' is kept as data and only estimated (see estimateHandoverDate).
 */
export const ZHandoverRule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('hours'), hours: z.int().min(1) }),
  z.strictObject({ kind: z.literal('months'), months: z.int().min(1) }),
  z.strictObject({ kind: z.literal('weeks'), weeks: z.int().min(1) }),
  /** The organisation keeps the case (e.g. a jobcenter's own course). */
  z.strictObject({ kind: z.literal('none') }),
]);
export type THandoverRule = z.infer<typeof ZHandoverRule>;

/**
 * "At least `count` talks within the first `withinMonths` months." When the law allows
 * exempting part of the group, `minimumShare` is the share the rule must hold for (0.75 =
 * up to 25 % may be exempted) and `exemptionRequiresReason` says a reason must be kept.
 */
export const ZMinimumTalkRule = z.strictObject({
  count: z.int().min(1),
  withinMonths: z.int().min(1),
  /** Which conversation types count; all types when left out. */
  types: z.array(ZConversationType).min(1).optional(),
  minimumShare: z.number().gt(0).max(1).optional(),
  exemptionRequiresReason: z.boolean().optional(),
  /** Danish explanation and source. */
  description: z.string().min(1),
});
export type TMinimumTalkRule = z.infer<typeof ZMinimumTalkRule>;

export const ZCadence = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens'),
    /** Bumped when the template changes; plans record which version they came from. */
    version: z.int().min(1),
    name: z.string().min(1),
    description: z.string().min(1),
    organisationKind: ZOrganisationKind,
    /** The segment (group, track, target group) the cadence is for, e.g. 'hk-2', 'dagpenge'. */
    segment: z.string().min(1),
    /**
     * Day 0 of the windows: the first day of unemployment, or the start of a course
     * (Jobviften counts from its info meeting).
     */
    anchor: z.enum(['first_day_of_unemployment', 'course_start']),
    validFrom: ZIsoDate,
    validTo: ZIsoDate.optional(),
    /** Where the rules come from (seed, law), for the reader of the template. */
    source: z.string().min(1),
    conversations: z.array(ZCadenceConversation).min(1),
    handover: ZHandoverRule,
    minimumTalks: z.array(ZMinimumTalkRule).default([]),
  })
  .superRefine((cadence, ctx) => {
    const seen = new Set<string>();
    cadence.conversations.forEach((conversation, index) => {
      if (seen.has(conversation.key)) {
        ctx.addIssue({ code: 'custom', path: ['conversations', index, 'key'], message: `duplicate key '${conversation.key}'` });
      }
      seen.add(conversation.key);
    });
    if (cadence.validTo !== undefined && cadence.validTo < cadence.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'validTo is before validFrom' });
    }
  });

export type TCadence = z.infer<typeof ZCadence>;
/** What a template file may leave out (defaults applied by ZCadence.parse). */
export type TCadenceInput = z.input<typeof ZCadence>;

export function isCadenceValidOn(cadence: Pick<TCadence, 'validFrom' | 'validTo'>, date: string): boolean {
  return cadence.validFrom <= date && (cadence.validTo === undefined || date <= cadence.validTo);
}
