import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  EDUCATION_LEVELS,
  EDUCATION_LEVEL_CODES,
  LANGUAGES,
  LANGUAGE_CODES,
  ORGANISATION_KINDS,
  ORGANISATION_KIND_CODES,
  SPELL_END_REASONS,
  SPELL_END_REASON_CODES,
  TARGET_GROUPS,
  TARGET_GROUP_CODES,
  ZEducationLevel,
  ZLanguageCode,
  ZOrganisationKind,
  ZSpellEndReason,
  ZTargetGroup,
  findEducationLevel,
  findLanguage,
  findSpellEndReason,
  findTargetGroup,
  isEducationLevel,
  isLanguageCode,
  isOrganisationKind,
  isSpellEndReason,
  isTargetGroup,
  listTargetGroupsFor,
  meetsEducationLevel,
  type Label,
} from './index';

type ListCase = {
  name: string;
  codes: readonly string[];
  list: readonly { code: string; label: Label }[];
  schema: z.ZodType;
  is: (value: unknown) => boolean;
};

const LISTS: ListCase[] = [
  { name: 'target groups', codes: TARGET_GROUP_CODES, list: TARGET_GROUPS, schema: ZTargetGroup, is: isTargetGroup },
  { name: 'education levels', codes: EDUCATION_LEVEL_CODES, list: EDUCATION_LEVELS, schema: ZEducationLevel, is: isEducationLevel },
  { name: 'spell end reasons', codes: SPELL_END_REASON_CODES, list: SPELL_END_REASONS, schema: ZSpellEndReason, is: isSpellEndReason },
  { name: 'languages', codes: LANGUAGE_CODES, list: LANGUAGES, schema: ZLanguageCode, is: isLanguageCode },
  { name: 'organisation kinds', codes: ORGANISATION_KIND_CODES, list: ORGANISATION_KINDS, schema: ZOrganisationKind, is: isOrganisationKind },
];

describe.each(LISTS)('$name', ({ codes, list, schema, is }) => {
  it('has one entry per code, in the order of the codes', () => {
    expect(list.map((e) => e.code)).toEqual([...codes]);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('shows every entry with a distinct Danish and English label', () => {
    for (const entry of list) {
      expect(entry.label.da.trim(), entry.code).not.toBe('');
      expect(entry.label.en.trim(), entry.code).not.toBe('');
    }
    expect(new Set(list.map((e) => e.label.da)).size).toBe(list.length);
    expect(new Set(list.map((e) => e.label.en)).size).toBe(list.length);
  });

  it('accepts its own codes and nothing else, in the schema and the type guard', () => {
    for (const code of codes) {
      expect(schema.safeParse(code).success, code).toBe(true);
      expect(is(code), code).toBe(true);
    }
    for (const wrong of ['', 'unknown', 'toString', 'constructor', '__proto__', 42, null, undefined]) {
      expect(schema.safeParse(wrong).success, String(wrong)).toBe(false);
      expect(is(wrong), String(wrong)).toBe(false);
    }
  });
});

describe('target groups', () => {
  it('lets the a-kasse see only dagpenge recipients, and the jobcentre every group', () => {
    expect(listTargetGroupsFor('akasse').map((g) => g.code)).toEqual(['unemployment_insurance']);
    expect(listTargetGroupsFor('jobcenter')).toHaveLength(TARGET_GROUPS.length);
  });

  it.each([
    ['unemployment_insurance', 'Dagpenge (forsikret ledig)'],
    ['cash_benefit_activity_ready', 'Kontanthjælp, aktivitetsparat'],
    ['resource_course', 'Ressourceforløb'],
    ['job_clarification_course', 'Jobafklaringsforløb'],
  ])('shows %s as "%s"', (code, da) => {
    expect(findTargetGroup(code)?.label.da).toBe(da);
  });

  it('finds nothing for an unknown code', () => {
    expect(findTargetGroup('kontanthjaelp')).toBeUndefined();
  });
});

describe('education levels', () => {
  it.each([
    ['master', 'bachelor', true],
    ['bachelor', 'professional_bachelor', true],
    ['vocational', 'upper_secondary', true],
    ['upper_secondary', 'vocational', true],
    ['primary', 'vocational', false],
    ['short_cycle_higher', 'bachelor', false],
    ['phd', 'master', true],
  ] as const)('%s meets a requirement of %s: %s', (level, minimum, expected) => {
    expect(meetsEducationLevel(level, minimum)).toBe(expected);
  });

  it('lists levels from lowest to highest', () => {
    const isced = EDUCATION_LEVELS.map((l) => l.iscedLevel);
    expect(isced).toEqual([...isced].sort((a, b) => a - b));
    expect(findEducationLevel('professional_bachelor')?.label.da).toContain('professionsbachelor');
  });
});

describe('spell end reasons', () => {
  it('has the six reasons a spell can end for', () => {
    expect([...SPELL_END_REASON_CODES].sort()).toEqual(['became_unemployed', 'education', 'handed_over', 'moved', 'ordinary_job', 'other', 'sickness']);
    expect(findSpellEndReason('ordinary_job')?.label.da).toBe('Ordinært job');
  });
});

describe('languages', () => {
  it('uses two-letter ISO 639-1 codes and covers the common languages in Denmark', () => {
    for (const code of LANGUAGE_CODES) expect(code).toMatch(/^[a-z]{2}$/);
    for (const code of ['da', 'en', 'de', 'pl', 'ro', 'ar', 'tr', 'uk', 'so', 'ur', 'fa']) expect(isLanguageCode(code), code).toBe(true);
    expect(findLanguage('da')?.label).toEqual({ da: 'Dansk', en: 'Danish' });
  });
});
