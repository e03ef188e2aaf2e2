import { z } from 'zod';

/** What a joblog entry records: the kind of job-search act … */
export const JOBLOG_KINDS = ['advertised', 'unsolicited', 'network', 'other_activity'] as const;
export type JoblogKind = (typeof JOBLOG_KINDS)[number];
/** … and how it went. */
export const JOBLOG_STATUSES = ['sent', 'interview', 'rejected', 'hired'] as const;
export type JoblogStatus = (typeof JOBLOG_STATUSES)[number];

/**
 * The organisation's joblog monitoring rules (templates/joblog-rules/default.json, stored and
 * versioned as an org template of kind 'joblog_rules'). Numbers, not code: an a-kasse that asks
 * for 3 a week edits the template.
 */
export const ZJoblogRules = z
  .object({
    id: z.string().min(1),
    name: z.object({ da: z.string().min(1), en: z.string().min(1) }).strict(),
    validFrom: z.string().optional(),
    /** Which kinds count as a job search in the averages (other activities are shown, not counted, by default). */
    countedKinds: z.array(z.enum(JOBLOG_KINDS)).min(1),
    /** STAR's benchmark: green at or above this many searches a week on average in a calendar month, light green above 0, red at none. */
    benchmark: z.object({ greenPerWeek: z.number().positive().max(50) }).strict(),
    /** The organisation's own requirement; when `usePlan`, the number in the jobseeker's current Min Plan wins. */
    requirement: z.object({ defaultPerWeek: z.number().min(0).max(50).nullable(), usePlan: z.boolean() }).strict(),
    /** No entry for this many days raises a task. */
    inactivity: z.object({ days: z.number().int().min(1).max(365) }).strict(),
    /** At least this many applications within `windowDays` and not one interview: offer sparring on the applications. */
    noInterviews: z.object({ minApplications: z.number().int().min(1).max(500), windowDays: z.number().int().min(7).max(365) }).strict(),
    /** A month with fewer days than this inside the spell is shown but not judged (a spell starting on the 28th). */
    minDaysToJudge: z.number().int().min(1).max(31),
    /** How many calendar months the trend shows, the current one included. */
    trendMonths: z.number().int().min(1).max(24),
  })
  .strict();
export type TJoblogRules = z.infer<typeof ZJoblogRules>;
