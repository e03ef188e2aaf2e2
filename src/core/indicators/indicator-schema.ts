import { z } from 'zod';
import { SPELL_END_REASON_CODES } from '../reference/spell-end-reasons';
import { ZBusinessActivityKind } from '../business-activities';
import { JOBLOG_KINDS } from '../joblog/rules';

// An indicator is data (templates/indicators/*.json): what is counted, over which spells,
// and how. The kinds are the ones the seeds' scorecards use; anything the seeds count from
// features not built yet is in the library as `awaiting_data`, naming the feature.

const ZLabel = z.object({ da: z.string().min(1), en: z.string().min(1) }).strict();
const ZEndReason = z.enum(SPELL_END_REASON_CODES);

export const AGE_BAND_CODES = ['under_25', '25_29', '30_39', '40_49', '50_54', '55_plus'] as const;
export type AgeBand = (typeof AGE_BAND_CODES)[number];
export const ZAgeBand = z.enum(AGE_BAND_CODES);

/** Features that will feed indicators once they exist. */
export const DATA_FEATURE_CODES = ['joblog', 'surveys', 'placements', 'employer_contacts', 'offers'] as const;
export type DataFeature = (typeof DATA_FEATURE_CODES)[number];

/**
 * Which spells an indicator looks at, relative to the measurement date D. Windows are in whole
 * months back from D: `fromMonthsAgo: 12, toMonthsAgo: 0` is (D − 12 months, D].
 */
export const ZCohort = z.discriminatedUnion('basis', [
  z.object({ basis: z.literal('started'), fromMonthsAgo: z.number().int().min(1).max(120), toMonthsAgo: z.number().int().min(0).max(119).default(0) }).strict(),
  z.object({ basis: z.literal('ended'), fromMonthsAgo: z.number().int().min(1).max(120), toMonthsAgo: z.number().int().min(0).max(119).default(0) }).strict(),
  z.object({ basis: z.literal('active_on') }).strict(),
  z.object({ basis: z.literal('marked'), fromMonthsAgo: z.number().int().min(1).max(240).nullable().default(null) }).strict(),
]);
export type TCohort = z.infer<typeof ZCohort>;

export const ZPopulation = z
  .object({
    spellKind: z.enum(['unemployment', 'notice']).default('unemployment'),
    targetGroups: z.array(z.string().min(1)).optional(),
    /** Age at the spell's start. */
    ageBands: z.array(ZAgeBand).optional(),
    cohort: ZCohort,
  })
  .strict();
export type TPopulation = z.infer<typeof ZPopulation>;

/**
 * What a spell must show to count in a share's numerator. A condition can also say a spell does
 * not belong in the denominator at all (e.g. "profiled by the CV talk" asks only spells whose CV
 * talk was held).
 */
export const ZCondition = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('ended_with'),
      reasons: z.array(ZEndReason).min(1),
      /** Only on or before the notice spell's last day of employment. */
      byNoticeEnd: z.boolean().default(false),
      /** Ask only spells that have ended (a share of ended spells), not every spell in the cohort. */
      amongEnded: z.boolean().default(false),
      /** Ask only spells in which the person attended at least one offer (a service) by the measurement day. */
      amongServiceUsers: z.boolean().default(false),
    })
    .strict(),
  z.object({ type: z.literal('profiled_by_first'), conversationType: z.string().min(1) }).strict(),
  z.object({ type: z.literal('talks_beyond_statutory'), min: z.number().int().min(1).default(1) }).strict(),
  z.object({ type: z.literal('jobs_presented'), min: z.number().int().min(1).default(1) }).strict(),
  z.object({ type: z.literal('talks_within_days'), days: z.number().int().min(1).max(3650), min: z.number().int().min(1) }).strict(),
  z.object({ type: z.literal('self_booked') }).strict(),
  z.object({ type: z.literal('returned_within_days'), days: z.number().int().min(1).max(3650) }).strict(),
  /** Job search recorded in the joblog for a day in the last `days` days (by the jobseeker themself, unless told otherwise). */
  z.object({ type: z.literal('joblog_within_days'), days: z.number().int().min(1).max(3650), byJobseekerOnly: z.boolean().default(true) }).strict(),
  /** The spell ended in a hire the organisation brokered (a proposal marked hired), recorded by the measurement day. */
  z.object({ type: z.literal('placed_through_brokering') }).strict(),
  /**
   * A business-oriented activity (work trial, wage subsidy) started within the first `days` days
   * of the spell. Asks only spells still running on that day, and only once the day has passed.
   */
  z.object({ type: z.literal('business_activity_by_day'), days: z.number().int().min(1).max(3650), kinds: z.array(ZBusinessActivityKind).min(1) }).strict(),
  /**
   * A business-oriented activity started or agreed on or before the spell's last day. Asks only
   * spells that ended with one of `reasons` (e.g. handed over to the jobcentre, so not in a job).
   */
  z.object({ type: z.literal('business_activity_before_end'), reasons: z.array(ZEndReason).min(1), kinds: z.array(ZBusinessActivityKind).min(1) }).strict(),
  /** A business-oriented activity running on some day of the measurement day's month, up to that day. */
  z.object({ type: z.literal('business_activity_in_month'), kinds: z.array(ZBusinessActivityKind).min(1) }).strict(),
  /** Ordinary paid hours (løntimer) > 0 registered for the measurement day's month, by that day. */
  z.object({ type: z.literal('paid_hours_in_month') }).strict(),
]);
export type TCondition = z.infer<typeof ZCondition>;

const base = {
  code: z.string().regex(/^[a-z0-9_]+$/).max(60),
  name: ZLabel,
  description: ZLabel,
  /** Where the seeds ask for it, for the reader who wants the source. */
  source: z.string().optional(),
  direction: z.enum(['higher_is_better', 'lower_is_better']),
  status: z.enum(['available', 'awaiting_data']).default('available'),
  /** For `awaiting_data`: the feature whose data the indicator needs. */
  awaitingFeature: z.enum(DATA_FEATURE_CODES).optional(),
  /** How far from the target still counts as "near" (in the indicator's unit); see scorecard.ts. */
  nearTolerance: z.number().min(0).optional(),
};

export const ZIndicatorDefinition = z
  .discriminatedUnion('kind', [
    z.object({ ...base, kind: z.literal('count'), unit: z.literal('count').default('count'), population: ZPopulation, condition: ZCondition.optional() }).strict(),
    z.object({ ...base, kind: z.literal('share'), unit: z.literal('percent').default('percent'), population: ZPopulation, condition: ZCondition }).strict(),
    z
      .object({
        ...base,
        kind: z.literal('survival_share'),
        unit: z.literal('percent').default('percent'),
        population: ZPopulation,
        /** Days from the spell's start: 91 = 13 weeks, 182 = 26 weeks. */
        atDays: z.number().int().min(1).max(3650),
        eventReasons: z.array(ZEndReason).min(1),
        /** Exits that end the spell without the event: competing risks (Aalen–Johansen) instead of censoring. */
        competingReasons: z.array(ZEndReason).default([]),
      })
      .strict(),
    z
      .object({
        ...base,
        kind: z.literal('average_duration'),
        unit: z.literal('weeks').default('weeks'),
        population: ZPopulation,
        excludeReasons: z.array(ZEndReason).default([]),
      })
      .strict(),
    z
      .object({
        ...base,
        kind: z.literal('satisfaction_share'),
        unit: z.literal('percent').default('percent'),
        /** Which survey answers count: by survey key (templates/surveys), or by trigger and audience. */
        survey: z
          .object({
            surveyKey: z.string().min(1).optional(),
            trigger: z.enum(['conversation_held', 'offer_completed', 'placement', 'quarterly']).optional(),
            audience: z.enum(['jobseeker', 'employer']).optional(),
            /** A Likert question of the survey other than its satisfaction question (4–5 counts, as for satisfaction). */
            questionId: z.string().min(1).optional(),
          })
          .strict(),
        /** Answers given in these whole months back from the measurement day (see monthWindow). */
        fromMonthsAgo: z.number().int().min(1).max(36).default(1),
        toMonthsAgo: z.number().int().min(0).max(35).default(0),
      })
      .strict(),
    z
      .object({
        ...base,
        kind: z.literal('answer_promise_share'),
        unit: z.literal('percent').default('percent'),
        /** Inquiries received in these whole months back from the measurement day (see monthWindow). */
        fromMonthsAgo: z.number().int().min(1).max(36).default(1),
        toMonthsAgo: z.number().int().min(0).max(35).default(0),
      })
      .strict(),
    z
      .object({
        ...base,
        kind: z.literal('employer_contact_count'),
        unit: z.literal('count').default('count'),
        /** Distinct employers with a contact in these whole months back from the measurement day. */
        fromMonthsAgo: z.number().int().min(1).max(36).default(12),
        toMonthsAgo: z.number().int().min(0).max(35).default(0),
      })
      .strict(),
    z
      .object({
        ...base,
        kind: z.literal('jobs_sought_change'),
        unit: z.literal('percent').default('percent'),
        spellKind: z.enum(['unemployment', 'notice']).default('unemployment'),
        targetGroups: z.array(z.string().min(1)).optional(),
        /** Joblog entries of these kinds are jobs sought; other job-search acts are not. */
        joblogKinds: z.array(z.enum(JOBLOG_KINDS)).min(1),
        /** The measured period: this many whole months back from the measurement day (see monthWindow), the month so far included. */
        months: z.number().int().min(1).max(12),
        /** The baseline period: the same number of months, this many months earlier — unless the scorecard row gives a baseline date. */
        baselineMonthsBefore: z.number().int().min(1).max(60),
      })
      .strict(),
    z.object({ ...base, kind: z.literal('snapshot_count'), unit: z.literal('count').default('count'), population: ZPopulation }).strict(),
    z
      .object({
        ...base,
        kind: z.literal('long_term_unemployed'),
        unit: z.enum(['count', 'percent']).default('count'),
        definition: z.enum(['continuous_52_weeks', 'share_of_52_weeks']),
        /** Age on the measurement date. */
        ageBands: z.array(ZAgeBand).optional(),
        targetGroups: z.array(z.string().min(1)).optional(),
      })
      .strict(),
    z.object({ ...base, kind: z.literal('awaiting'), unit: z.enum(['count', 'percent', 'weeks']) }).strict(),
  ])
  .superRefine((d, ctx) => {
    if ((d.status === 'awaiting_data') !== (d.awaitingFeature !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['awaitingFeature'], message: 'awaitingFeature is given exactly when status is awaiting_data' });
    }
    if (d.kind === 'awaiting' && d.status !== 'awaiting_data') ctx.addIssue({ code: 'custom', path: ['status'], message: 'an indicator of kind awaiting has status awaiting_data' });
  });
export type TIndicatorDefinition = z.infer<typeof ZIndicatorDefinition>;
export type IndicatorKind = TIndicatorDefinition['kind'];
export type IndicatorUnit = TIndicatorDefinition['unit'];
