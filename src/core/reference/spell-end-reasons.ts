import { z } from 'zod';
import type { Label } from './label';

// Why a spell (ledighedsforløb) ended. Only ordinary_job counts as "in job" in the KPIs;
// handed_over ends the a-kasse's part, not the unemployment.
export const SPELL_END_REASON_CODES = ['ordinary_job', 'education', 'handed_over', 'moved', 'sickness', 'became_unemployed', 'other'] as const;
export type SpellEndReason = (typeof SPELL_END_REASON_CODES)[number];
export const ZSpellEndReason = z.enum(SPELL_END_REASON_CODES);

export type SpellEndReasonInfo = { code: SpellEndReason; label: Label };

const INFO: Record<SpellEndReason, Label> = {
  ordinary_job: { da: 'Ordinært job', en: 'Ordinary job' },
  education: { da: 'Uddannelse', en: 'Education' },
  handed_over: { da: 'Overdraget til jobcenter', en: 'Handed over to the jobcentre' },
  moved: { da: 'Flyttet', en: 'Moved' },
  sickness: { da: 'Sygdom', en: 'Sickness' },
  // A notice spell that ends without a job continues as an unemployment spell.
  became_unemployed: { da: 'Opsigelsen udløb uden job', en: 'Notice ended without a job' },
  other: { da: 'Andet', en: 'Other' },
};

export const SPELL_END_REASONS: readonly SpellEndReasonInfo[] = SPELL_END_REASON_CODES.map((code) => ({ code, label: INFO[code] }));

export function isSpellEndReason(value: unknown): value is SpellEndReason {
  return typeof value === 'string' && Object.hasOwn(INFO, value);
}

export function findSpellEndReason(code: string): SpellEndReasonInfo | undefined {
  return isSpellEndReason(code) ? { code, label: INFO[code] } : undefined;
}
