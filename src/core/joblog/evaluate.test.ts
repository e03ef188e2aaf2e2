import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../calendar/iso-date.js';
import { addMonths, benchmarkLevel, evaluateJoblog, lastDayOfMonth, mondayOf, type JoblogEntryFact } from './evaluate.js';
import { ZJoblogRules, type TJoblogRules } from './rules.js';

const rules: TJoblogRules = ZJoblogRules.parse(JSON.parse(readFileSync(new URL('../../../templates/joblog-rules/default.json', import.meta.url), 'utf8')));

const sent = (date: string, over: Partial<JoblogEntryFact> = {}): JoblogEntryFact => ({ date, kind: 'advertised', status: 'sent', ...over });
const evaluate = (entries: JoblogEntryFact[], over: Partial<Parameters<typeof evaluateJoblog>[0]> = {}) =>
  evaluateJoblog({ entries, rules, today: '2026-12-03', spellStart: '2026-06-01', spellEnd: null, planRequirementPerWeek: null, ...over });

describe('STAR benchmark on a calendar month', () => {
  it('is green at 1.5 searches a week on average, light green above none, red at none', () => {
    expect(benchmarkLevel(1.5, 1.5)).toBe('green');
    expect(benchmarkLevel(1.49, 1.5)).toBe('light_green');
    expect(benchmarkLevel(0.1, 1.5)).toBe('light_green');
    expect(benchmarkLevel(0, 1.5)).toBe('red');
  });

  it('averages November over its 30 days: 7 searches are 1.63 a week (green), 6 are 1.4 (light green)', () => {
    const seven = Array.from({ length: 7 }, (_, i) => sent(`2026-11-${String(i * 4 + 1).padStart(2, '0')}`));
    const nov = evaluate(seven).months.find((m) => m.month === '2026-11')!;
    expect(nov).toMatchObject({ days: 30, searches: 7, perWeek: 1.63, benchmark: 'green', provisional: false, judged: true });
    const six = evaluate(seven.slice(1)).months.find((m) => m.month === '2026-11')!;
    expect(six).toMatchObject({ perWeek: 1.4, benchmark: 'light_green' });
  });

  it('counts an entry on the last day of a month in that month, and one on the first day in the next', () => {
    const result = evaluate([sent('2026-10-31'), sent('2026-11-01')]);
    expect(result.months.find((m) => m.month === '2026-10')!.searches).toBe(1);
    expect(result.months.find((m) => m.month === '2026-11')!.searches).toBe(1);
  });

  it('measures February in a leap year over 29 days', () => {
    const result = evaluate([sent('2028-02-29')], { today: '2028-03-02', spellStart: '2028-01-01' });
    expect(result.months.find((m) => m.month === '2028-02')).toMatchObject({ days: 29, searches: 1, perWeek: 0.24 });
  });

  it('judges the month a spell started in only over the days inside the spell', () => {
    const result = evaluate([sent('2026-11-20'), sent('2026-11-25')], { spellStart: '2026-11-17' });
    const nov = result.months.find((m) => m.month === '2026-11')!;
    expect(nov).toMatchObject({ from: '2026-11-17', to: '2026-11-30', days: 14, perWeek: 1, benchmark: 'light_green' });
    expect(result.months[0]!.month).toBe('2026-11');
  });

  it('does not judge a month with fewer than a week inside the spell', () => {
    const result = evaluate([], { spellStart: '2026-11-28' });
    expect(result.months.find((m) => m.month === '2026-11')!.judged).toBe(false);
    expect(result.hits.map((h) => h.rule)).not.toContain('benchmark_red');
  });

  it('shows the running month as provisional and never raises a month task for it', () => {
    const result = evaluate(Array.from({ length: 9 }, (_, i) => sent(`2026-11-${10 + i}`)));
    const dec = result.months.at(-1)!;
    expect(dec).toMatchObject({ month: '2026-12', days: 3, searches: 0, provisional: true });
    expect(result.hits).toEqual([]);
  });

  it('does not count other activities as searches, but lists them as entries', () => {
    const result = evaluate([sent('2026-11-03', { kind: 'other_activity' })]);
    expect(result.months.find((m) => m.month === '2026-11')).toMatchObject({ searches: 0, entries: 1, benchmark: 'red' });
  });

  it('shows as many months as the rules ask, oldest first, across a year boundary', () => {
    const result = evaluate([], { today: '2027-01-15', spellStart: '2020-01-01' });
    expect(result.months.map((m) => m.month)).toEqual(['2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01']);
  });
});

describe('Danish (ISO) weeks', () => {
  it('starts a week on Monday', () => {
    expect(mondayOf('2026-11-29')).toBe('2026-11-23'); // a Sunday
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
  });

  it('counts a week that spans two months once, under its ISO number', () => {
    const result = evaluate([sent('2026-11-29'), sent('2026-11-30'), sent('2026-12-01')]);
    const byWeek = Object.fromEntries(result.weeks.map((w) => [w.week, w.searches]));
    expect(byWeek['2026-W48']).toBe(1);
    expect(byWeek['2026-W49']).toBe(2);
  });

  it('numbers the turn of 2026/27 as week 53, and 2027-01-04 as week 1', () => {
    const result = evaluate([sent('2026-12-31'), sent('2027-01-01'), sent('2027-01-04')], { today: '2027-01-05' });
    const byWeek = Object.fromEntries(result.weeks.map((w) => [w.week, w.searches]));
    expect(byWeek['2026-W53']).toBe(2);
    expect(byWeek['2027-W01']).toBe(1);
    expect(result.weeks.at(-1)).toMatchObject({ week: '2027-W01', from: '2027-01-04', to: '2027-01-10' });
  });
});

describe('rule hits', () => {
  it('raises a red-benchmark task for a completed month with no search', () => {
    const result = evaluate([sent('2026-10-20'), sent('2026-12-01')]);
    expect(result.hits).toEqual([
      { rule: 'benchmark_red', cause: '2026-11', title: "Ingen jobsøgning i jobloggen i november 2026 (STAR's pejlemærke: rød)", dueDate: '2026-12-08', params: { month: '2026-11', searches: 0 } },
    ]);
  });

  it('measures the organisation’s requirement of 2 a week on last month', () => {
    const six = Array.from({ length: 6 }, (_, i) => sent(`2026-11-${String(i * 5 + 1).padStart(2, '0')}`));
    const result = evaluate(six);
    expect(result.requirementSource).toBe('organisation');
    expect(result.hits).toMatchObject([{ rule: 'below_requirement', cause: '2026-11', params: { perWeek: 1.4, requirement: 2 } }]);
    expect(result.hits[0]!.title).toBe('Jobsøgning under kravet i november 2026: 1,4 om ugen mod 2');
  });

  it('uses the requirement in Min Plan when there is one', () => {
    const six = Array.from({ length: 6 }, (_, i) => sent(`2026-11-${String(i * 5 + 1).padStart(2, '0')}`));
    const result = evaluate(six, { planRequirementPerWeek: 1 });
    expect(result).toMatchObject({ requirementPerWeek: 1, requirementSource: 'plan', hits: [] });
  });

  it('raises "no activity" after 30 days without an entry, keyed by the last entry so a new quiet spell is a new task', () => {
    expect(evaluate([sent('2026-11-04')]).hits.map((h) => h.rule)).not.toContain('no_activity');
    const hit = evaluate([sent('2026-11-03')]).hits.find((h) => h.rule === 'no_activity')!;
    expect(hit).toMatchObject({ cause: '2026-11-03', params: { since: '2026-11-03', days: 30 }, dueDate: '2026-12-10' });
    expect(hit.title).toBe('Ingen aktivitet i jobloggen siden 3. november 2026');
  });

  it('counts inactivity from the spell start when there is no entry yet', () => {
    const hit = evaluate([], { spellStart: '2026-10-20' }).hits.find((h) => h.rule === 'no_activity')!;
    expect(hit.cause).toBe('2026-10-20');
  });

  it('suggests sparring, not a sanction, after 10 applications in 60 days without an interview', () => {
    const ten = Array.from({ length: 10 }, (_, i) => sent(addDays('2026-11-01', i * 3)));
    const hit = evaluate(ten).hits.find((h) => h.rule === 'no_interviews')!;
    expect(hit.title).toContain('sparring');
    expect(hit.title).toContain('ikke en sanktion');
    expect(hit.params).toEqual({ applications: 10, days: 60 });
    const withInterview = [...ten.slice(0, 9), sent('2026-11-28', { status: 'interview' })];
    expect(evaluate(withInterview).hits.map((h) => h.rule)).not.toContain('no_interviews');
  });

  it('raises nothing for an ended spell', () => {
    expect(evaluate([], { spellEnd: '2026-11-30' }).hits).toEqual([]);
  });

  it('never raises both red and below-requirement for the same month', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 40 }), (offsets) => {
        const entries = offsets.map((o) => sent(addDays('2026-06-01', o)));
        const monthly = evaluate(entries).hits.filter((h) => h.rule === 'benchmark_red' || h.rule === 'below_requirement');
        expect(monthly.length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('knows the length of every month', () => {
    expect(lastDayOfMonth('2026-02')).toBe('2026-02-28');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });
});
