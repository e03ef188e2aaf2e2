import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkEligibility, type EligibilityFacts } from './eligibility';
import { ZEligibilityRules } from './catalogue';

const unemployed = (over: Partial<NonNullable<EligibilityFacts['spell']>> = {}): EligibilityFacts['spell'] => ({ kind: 'unemployment', segment: 'hk-2', targetGroup: 'unemployment_insurance', ...over });

describe('checkEligibility', () => {
  const cases: { name: string; rules: object; facts: EligibilityFacts; failed: string[] }[] = [
    { name: 'an offer without rules admits anyone, even without a spell', rules: {}, facts: { birthDate: '1990-01-01', spell: null }, failed: [] },
    { name: 'the 25–29 course admits a 29-year-old on the day before the 30th birthday', rules: { minAge: 25, maxAge: 29 }, facts: { birthDate: '1996-11-03', spell: unemployed() }, failed: [] },
    { name: 'the 25–29 course refuses someone who turned 30 today', rules: { minAge: 25, maxAge: 29 }, facts: { birthDate: '1996-11-02', spell: unemployed() }, failed: ['age'] },
    { name: 'the 55+ course refuses a 54-year-old', rules: { minAge: 55 }, facts: { birthDate: '1972-01-01', spell: unemployed() }, failed: ['age'] },
    { name: 'a group-2 offer refuses a member in group 1', rules: { segments: ['hk-2'] }, facts: { birthDate: '1980-01-01', spell: unemployed({ segment: 'hk-1' }) }, failed: ['segment'] },
    { name: 'a group-2 offer refuses a member not yet placed in a group', rules: { segments: ['hk-2'] }, facts: { birthDate: '1980-01-01', spell: unemployed({ segment: null }) }, failed: ['segment'] },
    { name: 'a notice-period offer refuses an unemployed member', rules: { situation: 'notice' }, facts: { birthDate: '1980-01-01', spell: unemployed() }, failed: ['situation'] },
    { name: 'a notice-period offer admits a member under notice', rules: { situation: 'notice' }, facts: { birthDate: '1980-01-01', spell: unemployed({ kind: 'notice' }) }, failed: [] },
    { name: 'a cash-benefit job club refuses a dagpenge recipient', rules: { targetGroups: ['cash_benefit_job_ready'] }, facts: { birthDate: '1980-01-01', spell: unemployed() }, failed: ['target_group'] },
    { name: 'a segment rule needs an active spell', rules: { segments: ['hk-2'] }, facts: { birthDate: '1980-01-01', spell: null }, failed: ['active_spell'] },
    { name: 'several failed rules are all named', rules: { segments: ['hk-3'], minAge: 55, situation: 'notice' }, facts: { birthDate: '1990-01-01', spell: unemployed() }, failed: ['segment', 'situation', 'age'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = checkEligibility(ZEligibilityRules.parse(c.rules), c.facts, '2026-11-02');
      expect(result.eligible ? [] : result.failures.map((f) => f.rule)).toEqual(c.failed);
    });
  }

  it('gives the age failure in Danish with the person’s age', () => {
    const result = checkEligibility({ minAge: 55 }, { birthDate: '1980-06-01', spell: unemployed() }, '2026-11-02');
    expect(result).toEqual({ eligible: false, failures: [{ rule: 'age', message: { da: 'Tilbuddet er for personer på 55 år og derover; den jobsøgende er 46 år.', en: 'The offer is for people aged 55 and over; the jobseeker is 46.' } }] });
  });

  it('admits exactly the ages inside the range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 18, max: 70 }), fc.integer({ min: 18, max: 70 }), fc.integer({ min: 1950, max: 2008 }), (a, b, year) => {
        const [minAge, maxAge] = a <= b ? [a, b] : [b, a];
        const age = 2026 - year; // born 1 January, so the birthday has passed on 2 November
        const result = checkEligibility({ minAge, maxAge }, { birthDate: `${year}-01-01`, spell: null }, '2026-11-02');
        expect(result.eligible).toBe(age >= minAge && age <= maxAge);
      }),
    );
  });
});
