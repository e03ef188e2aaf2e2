import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../calendar/iso-date';
import { daysUnemployedInLastYear, isLongTermContinuous, isLongTermShareOfYear } from './long-term-unemployment';

const D = '2026-10-31';

describe('long-term unemployment, 52 weeks in a row', () => {
  it.each([
    ['unemployed for exactly 364 days on the day counts', [{ startDate: addDays(D, -363), endDate: null }], true],
    ['one day short of 52 weeks does not count', [{ startDate: addDays(D, -362), endDate: null }], false],
    [
      'a 28-day job in between does not break the run',
      [
        { startDate: addDays(D, -400), endDate: addDays(D, -200) },
        { startDate: addDays(D, -172), endDate: null },
      ],
      true,
    ],
    [
      'a 29-day break starts a new run',
      [
        { startDate: addDays(D, -400), endDate: addDays(D, -200) },
        { startDate: addDays(D, -171), endDate: null },
      ],
      false,
    ],
    ['someone no longer unemployed on the day is not counted', [{ startDate: addDays(D, -500), endDate: addDays(D, -1) }], false],
  ])('%s', (_name, periods, expected) => {
    expect(isLongTermContinuous(periods, D)).toBe(expected);
  });
});

describe('long-term unemployment, 80 % of the last 52 weeks', () => {
  it('counts someone unemployed 292 of the last 364 days who is unemployed today', () => {
    // 200 days, a break of 72 days, then 92 days up to and including today.
    const periods = [
      { startDate: addDays(D, -363), endDate: addDays(D, -163) },
      { startDate: addDays(D, -91), endDate: null },
    ];
    expect(daysUnemployedInLastYear(periods, D)).toBe(292);
    expect(isLongTermShareOfYear(periods, D)).toBe(true);
    expect(isLongTermContinuous(periods, D)).toBe(false);
  });

  it('does not count 291 days', () => {
    const periods = [
      { startDate: addDays(D, -363), endDate: addDays(D, -164) },
      { startDate: addDays(D, -91), endDate: null },
    ];
    expect(daysUnemployedInLastYear(periods, D)).toBe(291);
    expect(isLongTermShareOfYear(periods, D)).toBe(false);
  });

  it('never counts a day twice when spells overlap, and never more than 364 days', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ from: fc.integer({ min: 0, max: 800 }), len: fc.integer({ min: 1, max: 500 }), open: fc.boolean() }), { maxLength: 6 }), (raw) => {
        const periods = raw.map((p) => ({ startDate: addDays(D, -p.from), endDate: p.open ? null : addDays(D, -p.from + p.len) }));
        const days = daysUnemployedInLastYear(periods, D);
        expect(days).toBeGreaterThanOrEqual(0);
        expect(days).toBeLessThanOrEqual(364);
        // Someone long-term unemployed in a row is also unemployed ≥ 80 % of the year.
        if (isLongTermContinuous(periods, D)) expect(days).toBeGreaterThanOrEqual(364 - 28 * Math.max(0, periods.length - 1));
      }),
    );
  });
});
