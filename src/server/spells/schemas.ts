import { z } from 'zod';
import { msg } from '../validation';

const isoDate = () => z.iso.date(msg('date'));

export const ZCreateSpell = z
  .object({
    kind: z.enum(['unemployment', 'notice']),
    startDate: isoDate(),
    registrationDate: isoDate().optional(),
    noticeEndDate: isoDate().nullable().optional(),
    targetGroup: z.string().min(1, msg('required')).max(60),
    unitId: z.uuid(msg('uuid')).nullable().optional(),
    caseworkerId: z.uuid(msg('uuid')).nullable().optional(),
  })
  .strict()
  .meta({ examples: [{ kind: 'unemployment', startDate: '2026-11-02', targetGroup: 'unemployment_insurance' }] });
export type TCreateSpell = z.infer<typeof ZCreateSpell>;

export const ZUpdateSpell = z
  .object({
    version: z.number({ message: msg('required') }).int().positive(),
    targetGroup: z.string().min(1).max(60).optional(),
    unitId: z.uuid(msg('uuid')).nullable().optional(),
    caseworkerId: z.uuid(msg('uuid')).nullable().optional(),
  })
  .strict()
  .meta({ examples: [{ version: 1, targetGroup: 'unemployment_insurance' }] });
export type TUpdateSpell = z.infer<typeof ZUpdateSpell>;

export const ZEndSpell = z
  .object({ endDate: isoDate(), endReason: z.string().min(1, msg('required')).max(40), version: z.number().int().positive() })
  .strict()
  .meta({ examples: [{ endDate: '2026-12-01', endReason: 'education', version: 1 }] });

export const ZConvertNotice = z
  .object({ firstDayOfUnemployment: isoDate(), version: z.number().int().positive() })
  .strict()
  .meta({ examples: [{ firstDayOfUnemployment: '2026-12-01', version: 1 }] });

export const ZBenefitHours = z
  .object({
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, msg('month')),
    hours: z.number({ message: msg('hours') }).min(0, msg('hours')).max(744, msg('hours')),
  })
  .strict()
  .meta({ examples: [{ month: '2026-11', hours: 160.33 }] });

export const ZProfilingAnswers = z
  .object({ answers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])) })
  .strict()
  .meta({ examples: [{ answers: { expected_time_to_job: 'within_3_months' } }] });

export const ZSegmentDecision = z
  .object({ segment: z.string().min(1, msg('required')).max(60), reason: z.string().trim().max(2000).optional() })
  .strict()
  .meta({ examples: [{ segment: 'hk-2', reason: 'Lang ledighed tidligere og ønsker sparring.' }] });

export const ZSpellSummary = z.object({
  id: z.uuid(),
  jobseekerId: z.uuid(),
  kind: z.enum(['unemployment', 'notice']),
  startDate: z.string(),
  registrationDate: z.string(),
  noticeEndDate: z.string().nullable(),
  targetGroup: z.string(),
  unitId: z.uuid().nullable(),
  caseworkerId: z.uuid().nullable(),
  segment: z.string().nullable(),
  cadence: z.object({ id: z.uuid(), key: z.string(), name: z.string(), version: z.number() }).nullable(),
  status: z.enum(['active', 'ended']),
  endDate: z.string().nullable(),
  endReason: z.string().nullable(),
  passed410On: z.string().nullable(),
  handoverDate: z.string().nullable(),
  version: z.number(),
});
