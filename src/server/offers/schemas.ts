import { z } from 'zod';
import { ABSENCE_REASONS, OFFER_KINDS, ZEligibilityRules } from '../../core/offers';
import { msg } from '../validation';

const isoDate = () => z.iso.date(msg('date'));
const version = () => z.number({ message: msg('required') }).int().positive();
const text = (max: number) => z.string().trim().min(1, msg('required')).max(max);

export const ZId = z.object({ id: z.uuid() });

export const ZCreateOffer = z
  .object({
    kind: z.enum(OFFER_KINDS),
    title: text(200),
    description: z.string().trim().max(5000).optional(),
    trade: z.string().trim().max(200).optional(),
    durationWeeks: z.number().int().min(1).max(52).optional(),
    themes: z.array(text(200)).max(20).optional(),
    eligibility: ZEligibilityRules.default({}),
    requiresApproval: z.boolean().optional(),
    openForReferrals: z.boolean().optional(),
  })
  .strict()
  .meta({
    examples: [
      {
        kind: 'job_club',
        title: 'Jobklub Handel & kontor',
        trade: 'Handel & kontor',
        eligibility: { targetGroups: ['cash_benefit_job_ready'], situation: 'unemployed' },
        openForReferrals: false,
      },
    ],
  });
export type TCreateOffer = z.infer<typeof ZCreateOffer>;

export const ZUpdateOffer = z
  .object({
    version: version(),
    title: text(200).optional(),
    description: z.string().trim().max(5000).nullable().optional(),
    themes: z.array(text(200)).max(20).optional(),
    eligibility: ZEligibilityRules.optional(),
    openForReferrals: z.boolean().optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .meta({ examples: [{ version: 1, title: 'Jobklub Handel & kontor (formiddag)', active: true }] });
export type TUpdateOffer = z.infer<typeof ZUpdateOffer>;

export const ZCreateSession = z
  .object({
    title: z.string().trim().max(200).optional(),
    startsAt: z.iso.datetime({ offset: true, message: msg('datetime') }),
    endsAt: z.iso.datetime({ offset: true, message: msg('datetime') }),
    lastDay: isoDate().optional(),
    place: text(300),
    theme: z.string().trim().max(200).optional(),
    capacity: z.number().int().min(1).max(1000),
    overbookingPercent: z.number().int().min(0).max(100).default(0),
    cancellationDeadlineHours: z.number().int().min(0).max(24 * 30).default(24),
    unitId: z.uuid(msg('uuid')).nullable().optional(),
  })
  .strict()
  .meta({ examples: [{ startsAt: '2026-11-10T09:00:00+01:00', endsAt: '2026-11-10T15:00:00+01:00', place: 'Jobviften, lokale 1', capacity: 31, overbookingPercent: 10 }] });
export type TCreateSession = z.infer<typeof ZCreateSession>;

export const ZUpdateSession = z
  .object({
    version: version(),
    place: text(300).optional(),
    capacity: z.number().int().min(1).max(1000).optional(),
    overbookingPercent: z.number().int().min(0).max(100).optional(),
    cancellationDeadlineHours: z.number().int().min(0).max(24 * 30).optional(),
  })
  .strict()
  .meta({ examples: [{ version: 1, capacity: 32 }] });
export type TUpdateSession = z.infer<typeof ZUpdateSession>;

export const ZSessionListQuery = z
  .object({ from: isoDate().optional(), to: isoDate().optional(), offerId: z.uuid(msg('uuid')).optional() })
  .strict();

export const ZEnrol = z
  .object({ jobseekerId: z.uuid(msg('uuid')) })
  .strict()
  .meta({ examples: [{ jobseekerId: '00000000-0000-4000-8000-000000000000' }] });

export const ZCancelEnrolment = z
  .object({ reason: text(500) })
  .strict()
  .meta({ examples: [{ reason: 'Har fået job' }] });

export const ZRollCallQuery = z.object({ day: isoDate().optional() }).strict();

export const ZAttendance = z
  .object({
    enrolmentId: z.uuid(msg('uuid')),
    day: isoDate(),
    status: z.enum(['present', 'absent']),
    absenceReason: z.enum(ABSENCE_REASONS).optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .strict()
  .meta({ examples: [{ enrolmentId: '00000000-0000-4000-8000-000000000000', day: '2026-11-02', status: 'absent', absenceReason: 'no_notice' }] });
export type TAttendance = z.infer<typeof ZAttendance>;

const month = () => z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, msg('month'));

export const ZAbsenceReportQuery = z
  .object({ month: month(), unitId: z.uuid(msg('uuid')).optional(), format: z.enum(['json', 'xlsx', 'pdf']).default('json') })
  .strict();

export const ZSendAbsenceReport = z
  .object({ month: month(), unitId: z.uuid(msg('uuid')) })
  .strict()
  .meta({ examples: [{ month: '2026-10', unitId: '00000000-0000-4000-8000-000000000000' }] });

export const ZProgressionTalk = z
  .object({
    kind: z.enum(['progression', 'closing']).default('progression'),
    heldOn: isoDate().optional(),
    durationMinutes: z.number().int().min(1).max(120),
    searchStatus: z.string().trim().max(2000).optional(),
    agreements: z.array(text(300)).max(10).default([]),
    followUps: z.array(z.object({ activityId: z.string().min(1).max(40), status: z.enum(['done', 'open', 'dropped']) }).strict()).max(20).default([]),
    handover: z.enum(['job_by_own_effort', 'business_placement', 'back_to_caseworker']).optional(),
  })
  .strict()
  .meta({ examples: [{ kind: 'progression', durationMinutes: 18, searchStatus: 'Har søgt 4 job.', agreements: ['Søg 3 stillinger inden næste jobklub'], followUps: [] }] });
export type TProgressionTalk = z.infer<typeof ZProgressionTalk>;

export const ZSendReferral = z
  .object({ offerId: z.uuid(msg('uuid')), reason: text(2000) })
  .strict()
  .meta({ examples: [{ offerId: '00000000-0000-4000-8000-000000000000', reason: 'Medlemmet ønsker et målrettet jobsøgningsforløb.' }] });

export const ZReferralBox = z.object({ box: z.enum(['inbox', 'outbox']).default('outbox') }).strict();

export const ZDecideReferral = z
  .object({ version: version(), decision: z.enum(['accepted', 'declined']), note: z.string().trim().max(2000).optional() })
  .strict()
  .meta({ examples: [{ version: 1, decision: 'accepted', note: 'Velkommen på næste hold.' }] });

export const ZEnrolReferral = z
  .object({ version: version(), sessionId: z.uuid(msg('uuid')) })
  .strict()
  .meta({ examples: [{ version: 2, sessionId: '00000000-0000-4000-8000-000000000000' }] });

export const ZCompleteReferral = z
  .object({ version: version(), outcome: z.enum(['completed', 'dropped_out', 'in_job']) })
  .strict()
  .meta({ examples: [{ version: 3, outcome: 'completed' }] });

export const ZStartJourney = z
  .object({ journeyKey: z.string().regex(/^[a-z0-9-]{1,60}$/) })
  .strict()
  .meta({ examples: [{ journeyKey: 'job-search-guide' }] });
