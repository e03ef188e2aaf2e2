import { z } from 'zod';
import type { Label } from '../reference/label';

/** The kinds of offer (tilbud) the seeds describe; an organisation's catalogue is data of these kinds. */
export const OFFER_KINDS = [
  'workshop',
  'job_cafe',
  'job_club',
  'theme_meeting',
  'info_meeting',
  'mentor',
  'coaching',
  'course',
  'fast_upskilling',
  'trainee',
  'webinar',
] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];
export const ZOfferKind = z.enum(OFFER_KINDS);

export const OFFER_KIND_LABELS: Record<OfferKind, Label> = {
  workshop: { da: 'Workshop', en: 'Workshop' },
  job_cafe: { da: 'Jobcafé', en: 'Job café' },
  job_club: { da: 'Jobklub', en: 'Job club' },
  theme_meeting: { da: 'Temamøde', en: 'Theme meeting' },
  info_meeting: { da: 'Informationsmøde', en: 'Info meeting' },
  mentor: { da: 'Mentorordning', en: 'Mentor programme' },
  coaching: { da: 'Coaching', en: 'Coaching' },
  course: { da: 'Kursus', en: 'Course' },
  fast_upskilling: { da: 'Hurtig opkvalificering', en: 'Fast upskilling' },
  trainee: { da: 'Traineeforløb', en: 'Trainee place' },
  webinar: { da: 'Webinar', en: 'Webinar' },
};

/** Which situation the person must be in: given notice (opsagt), unemployed, or either. */
export const SITUATIONS = ['notice', 'unemployed', 'any'] as const;
export type Situation = (typeof SITUATIONS)[number];

/**
 * Who may take part, as data. Every rule left out admits everyone; a rule on segment, target
 * group or situation needs an active spell to be checked against.
 */
export const ZEligibilityRules = z
  .object({
    segments: z.array(z.string().trim().min(1).max(60)).max(20).optional(),
    minAge: z.number().int().min(15).max(80).optional(),
    maxAge: z.number().int().min(15).max(80).optional(),
    targetGroups: z.array(z.string().trim().min(1).max(60)).max(20).optional(),
    situation: z.enum(SITUATIONS).optional(),
  })
  .strict()
  .refine((r) => r.minAge === undefined || r.maxAge === undefined || r.minAge <= r.maxAge, { path: ['maxAge'], message: 'maxAge must not be below minAge' });
export type EligibilityRules = z.infer<typeof ZEligibilityRules>;

/** Jobviften: 13 weeks for cash benefit, 5 weeks for dagpenge, one day a week. */
export function jobClubWeeks(targetGroup: string): number {
  return targetGroup === 'unemployment_insurance' ? 5 : 13;
}

/** A mentor programme lasts at most 2 months (BUPL-A). */
export const MENTOR_MAX_MONTHS = 2;

/** Theme meetings rotate through their themes: the n-th meeting (0-based) takes theme n mod count. */
export function themeForMeeting(themes: readonly string[], meetingIndex: number): string | null {
  if (themes.length === 0) return null;
  const i = ((meetingIndex % themes.length) + themes.length) % themes.length;
  return themes[i]!;
}
