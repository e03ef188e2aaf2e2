import { z } from 'zod';
import { msg } from '../validation';

export const ZComplianceQuery = z.object({
  unitId: z.uuid(msg('uuid')).optional(),
  /** Spells whose day 0 falls from `from` to `to` (both included); the last 12 months by default. */
  from: z.iso.date(msg('date')).optional(),
  to: z.iso.date(msg('date')).optional(),
});
export type TComplianceQuery = z.infer<typeof ZComplianceQuery>;

const ZTalkOutcome = z.enum(['on_time', 'early', 'late', 'undated', 'missed', 'pending', 'exempted', 'not_due']);

export const ZSpellCompliance = z.object({
  spellId: z.uuid(),
  startDate: z.string(),
  today: z.string(),
  talks: z.array(
    z.object({
      conversationId: z.uuid(),
      type: z.string(),
      label: z.string(),
      status: z.string(),
      earliest: z.string().nullable(),
      latest: z.string().nullable(),
      heldOn: z.string().nullable(),
      outcome: ZTalkOutcome,
      onTime: z.boolean(),
      exempted: z.boolean(),
    }),
  ),
  onTime: z.enum(['on_time', 'not_on_time', 'pending', 'not_applicable']),
  twoTalks: z.object({ status: z.enum(['met', 'missed', 'pending', 'not_applicable']), counted: z.number().int(), deadline: z.string() }),
  exempted: z.boolean(),
});

const ZShare = z.object({ met: z.number().int(), failed: z.number().int(), pending: z.number().int(), notApplicable: z.number().int(), share: z.number().nullable() });
const ZExempted = z.object({ count: z.number().int(), share: z.number().nullable(), ceiling: z.number(), overCeiling: z.boolean() });

export const ZComplianceSummary = z.object({
  today: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  unitId: z.uuid().nullable(),
  spells: z.number().int(),
  onTime: ZShare,
  twoTalksInThreeMonths: ZShare,
  exempted: ZExempted,
  /** The ceiling applies to the organisation as a whole, so its figure is given even for a unit. */
  organisationExempted: ZExempted.extend({ spells: z.number().int() }),
});
