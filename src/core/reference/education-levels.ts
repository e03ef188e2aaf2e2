import { z } from 'zod';
import type { Label } from './label';

// Highest completed education, in the Danish levels, ordered from lowest to highest.
export const EDUCATION_LEVEL_CODES = [
  'primary',
  'upper_secondary',
  'vocational',
  'short_cycle_higher',
  'professional_bachelor',
  'bachelor',
  'master',
  'phd',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVEL_CODES)[number];
export const ZEducationLevel = z.enum(EDUCATION_LEVEL_CODES);

export type EducationLevelInfo = {
  code: EducationLevel;
  label: Label;
  /** ISCED 2011 level, for comparing "at least this level" across the two level-3 tracks. */
  iscedLevel: 2 | 3 | 5 | 6 | 7 | 8;
};

const INFO: Record<EducationLevel, Omit<EducationLevelInfo, 'code'>> = {
  primary: { label: { da: 'Grundskole', en: 'Primary and lower secondary school' }, iscedLevel: 2 },
  upper_secondary: { label: { da: 'Gymnasial uddannelse', en: 'General upper secondary education' }, iscedLevel: 3 },
  vocational: { label: { da: 'Erhvervsuddannelse', en: 'Vocational education and training' }, iscedLevel: 3 },
  short_cycle_higher: { label: { da: 'Kort videregående uddannelse', en: 'Short-cycle higher education' }, iscedLevel: 5 },
  professional_bachelor: {
    label: { da: 'Mellemlang videregående uddannelse (professionsbachelor)', en: 'Medium-cycle higher education (professional bachelor)' },
    iscedLevel: 6,
  },
  bachelor: { label: { da: 'Bachelor (universitet)', en: "Bachelor's degree (university)" }, iscedLevel: 6 },
  master: { label: { da: 'Lang videregående uddannelse (kandidat)', en: "Long-cycle higher education (master's degree)" }, iscedLevel: 7 },
  phd: { label: { da: 'Ph.d.', en: 'PhD' }, iscedLevel: 8 },
};

export const EDUCATION_LEVELS: readonly EducationLevelInfo[] = EDUCATION_LEVEL_CODES.map((code) => ({ code, ...INFO[code] }));

export function isEducationLevel(value: unknown): value is EducationLevel {
  return typeof value === 'string' && Object.hasOwn(INFO, value);
}

export function findEducationLevel(code: string): EducationLevelInfo | undefined {
  return isEducationLevel(code) ? { code, ...INFO[code] } : undefined;
}

/** True when `level` is at the ISCED level of `minimum` or above (vocational meets upper secondary). */
export function meetsEducationLevel(level: EducationLevel, minimum: EducationLevel): boolean {
  return INFO[level].iscedLevel >= INFO[minimum].iscedLevel;
}
