import { describe, expect, it } from 'vitest';
import { parseCpr, passesModulus11 } from '../identity/cpr';
import { isValidCvr, isValidPNumber } from '../identity/cvr';
import { isEducationLevel } from '../reference/education-levels';
import { isLanguageCode } from '../reference/languages';
import { MUNICIPALITIES, findRegionOfMunicipality } from '../reference/municipalities';
import { MUNICIPALITY_POPULATION } from '../reference/municipality-population';
import { findOccupation, isOccupationCode, OCCUPATIONS } from '../reference/occupations';
import { generateEmployers, generateJobOrders, generateJobseekers, type SyntheticOptions } from './generate';
import { GROUP_PROFILES } from './profiles';
import { createSeededRandom } from './random';

const options: SyntheticOptions = { seed: 42, today: '2026-11-02', organisationId: '00000000-0000-4000-8000-000000000001', organisationKind: 'akasse' };
const people = [...generateJobseekers(options, 3000)];
const employers = generateEmployers(options, 200);
const orders = generateJobOrders(options, employers, 300);

describe('synthetic data generator', () => {
  it('gives the same records for the same seed, other records for another seed', () => {
    expect([...generateJobseekers(options, 50)]).toEqual(people.slice(0, 50));
    expect(generateEmployers(options, 200)).toEqual(employers);
    expect(generateJobOrders(options, employers, 300)).toEqual(orders);
    const other = [...generateJobseekers({ ...options, seed: 43 }, 50)];
    expect(other.map((p) => p.jobseeker.id)).not.toEqual(people.slice(0, 50).map((p) => p.jobseeker.id));
  });

  it('makes unique, well-formed fictitious CPR numbers that match birth date and sex, for people of working age', () => {
    const cprs = new Set(people.map((p) => p.jobseeker.cpr));
    expect(cprs.size).toBe(people.length);
    for (const { jobseeker } of people) {
      const parsed = parseCpr(jobseeker.cpr, { today: options.today });
      expect(parsed).toMatchObject({ ok: true, birthDate: jobseeker.birthDate, sex: jobseeker.sex });
      expect(passesModulus11(jobseeker.cpr)).toBe(false);
      const age = 2026 - Number(jobseeker.birthDate.slice(0, 4));
      expect(age).toBeGreaterThanOrEqual(17);
      expect(age).toBeLessThanOrEqual(67);
    }
  });

  it('skips a CPR number the caller says is taken', () => {
    const first = people[0]!.jobseeker.cpr;
    const [again] = [...generateJobseekers(options, 1, (cpr) => cpr === first)];
    expect(again!.jobseeker.cpr).not.toBe(first);
  });

  it('makes employers with valid, unique CVR numbers and P-numbers, and job orders at their workplaces', () => {
    expect(new Set(employers.map((e) => e.cvr)).size).toBe(employers.length);
    for (const e of employers) {
      expect(isValidCvr(e.cvr), e.cvr).toBe(true);
      for (const p of e.pNumbers) expect(isValidPNumber(p), p).toBe(true);
      expect(isOccupationCode(e.mainOccupationCode)).toBe(true);
    }
    const byId = new Map(employers.map((e) => [e.id, e]));
    for (const o of orders) {
      const employer = byId.get(o.employerId)!;
      expect(o.municipalityCode).toBe(employer.municipalityCode);
      expect(o.occupationCode.slice(0, 2)).toBe(employer.mainOccupationCode.slice(0, 2));
      expect(o.responseDueAt.getTime() - o.createdAt.getTime()).toBe(o.responseHours * 3_600_000);
      expect(o.description.length).toBeGreaterThan(40);
    }
    expect(orders.filter((o) => o.status === 'open').length / orders.length).toBeGreaterThan(0.8);
  });

  it('uses only known occupation codes', () => {
    for (const { cv } of people) {
      for (const code of [...cv.occupationsWanted, ...cv.occupationsHeld]) expect(isOccupationCode(code), code).toBe(true);
      expect(cv.languages.every(isLanguageCode)).toBe(true);
    }
    for (const o of orders) expect(isOccupationCode(o.occupationCode)).toBe(true);
  });

  it('has a skills profile for every occupation group and a population for every municipality', () => {
    for (const o of OCCUPATIONS) expect(GROUP_PROFILES[o.code.slice(0, 2)], o.code).toBeDefined();
    for (const m of MUNICIPALITIES) expect(MUNICIPALITY_POPULATION.get(m.code), m.name).toBeGreaterThan(0);
    const total = [...MUNICIPALITY_POPULATION.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(5_800_000);
    expect(total).toBeLessThan(6_100_000);
  });

  it('writes free text the way people do: Danish sentences that name the occupation, often by a synonym', () => {
    const synonymUsed = people.filter(({ cv }) => {
      const o = findOccupation(cv.occupationsWanted[0]!)!;
      return o.synonyms.some((s) => cv.summary.includes(s));
    }).length;
    expect(synonymUsed / people.length).toBeGreaterThan(0.3);
    const namesWanted = ({ cv }: (typeof people)[number]) => {
      const o = findOccupation(cv.occupationsWanted[0]!)!;
      const text = cv.summary.toLocaleLowerCase('da-DK');
      return [o.title.da, ...o.synonyms].some((name) => text.includes(name.toLocaleLowerCase('da-DK')));
    };
    expect(people.every(namesWanted)).toBe(true);
    expect(people.some(({ cv }) => /\bSSA\b/.test(cv.summary))).toBe(true);
  });

  it('spreads people like the population: Copenhagen most, the capital region about a third, small islands rare', () => {
    const share = (f: (code: number) => boolean) => people.filter((p) => f(p.jobseeker.municipalityCode)).length / people.length;
    expect(share((c) => c === 101)).toBeGreaterThan(0.08);
    expect(share((c) => c === 101)).toBeLessThan(0.14);
    expect(share((c) => findRegionOfMunicipality(c)?.code === 1084)).toBeGreaterThan(0.26);
    expect(share((c) => findRegionOfMunicipality(c)?.code === 1084)).toBeLessThan(0.38);
    expect(share((c) => c === 825 || c === 741 || c === 563)).toBeLessThan(0.01);
  });

  it('gives plausible spells, risk bands and CVs', () => {
    const n = people.length;
    const active = people.filter((p) => p.spell.status === 'active').length / n;
    expect(active).toBeGreaterThan(0.85);
    expect(active).toBeLessThan(0.99);
    const bands = people.flatMap((p) => (p.assessment ? [p.assessment.band] : []));
    const high = bands.filter((b) => b === 'high').length / bands.length;
    expect(high).toBeGreaterThan(0.1);
    expect(high).toBeLessThan(0.2);
    for (const p of people) {
      expect(p.spell.jobseekerId).toBe(p.jobseeker.id);
      expect(p.spell.startDate <= options.today).toBe(true);
      if (p.assessment) expect(p.assessment.chosenSegment).toBe(p.spell.segment);
      else expect(p.spell.segment).toBeNull();
      if (p.spell.endDate) expect(p.spell.endDate > p.spell.startDate && p.spell.endDate < options.today).toBe(true);
      expect(isEducationLevel(p.jobseeker.educationLevel)).toBe(true);
    }
    expect(people.filter((p) => p.spell.kind === 'notice').length).toBeGreaterThan(0);
    // Care and warehouse work are common, managers rare.
    const wants = (prefix: string) => people.filter((p) => p.cv.occupationsWanted[0]!.startsWith(prefix)).length / n;
    expect(wants('532')).toBeGreaterThan(wants('1'));
    expect(wants('9333')).toBeGreaterThan(0.02);
    expect(people.filter((p) => p.cv.drivingLicences.includes('B')).length / n).toBeGreaterThan(0.6);
  });

  it('keeps the seeded random source in range and uniform enough', () => {
    const random = createSeededRandom(7);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[random.int(0, 3)]!++;
    for (const c of counts) expect(c).toBeGreaterThan(850);
  });
});
