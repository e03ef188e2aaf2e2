import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { monthEndReachingHours, monthOf } from './benefit-hours';

describe('the 410-hour handover date', () => {
  it('is the end of the month in which the running total reaches 410 hours', () => {
    expect(
      monthEndReachingHours([
        { month: '2026-01-01', hours: 150 },
        { month: '2026-02-01', hours: 148 },
        { month: '2026-03-01', hours: 160 },
      ]),
    ).toBe('2026-03-31');
  });

  it('counts exactly 410 hours as reached', () => {
    expect(monthEndReachingHours([{ month: '2026-01-01', hours: 200 }, { month: '2026-02-01', hours: 210 }])).toBe('2026-02-28');
  });

  it('uses the last day of February in a leap year', () => {
    expect(monthEndReachingHours([{ month: '2028-01-01', hours: 300 }, { month: '2028-02-01', hours: 111 }])).toBe('2028-02-29');
  });

  it('is not reached while the total is below 410 hours', () => {
    expect(monthEndReachingHours([{ month: '2026-01-01', hours: 160 }, { month: '2026-02-01', hours: 160 }])).toBeNull();
  });

  it('does not depend on the order the months were registered in', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ m: fc.integer({ min: 1, max: 12 }), hours: fc.integer({ min: 0, max: 170 }) }), { maxLength: 12 }), (rows) => {
        const unique = [...new Map(rows.map((r) => [r.m, r])).values()].map((r) => ({ month: `2026-${String(r.m).padStart(2, '0')}-01`, hours: r.hours }));
        expect(monthEndReachingHours([...unique].reverse())).toBe(monthEndReachingHours(unique));
      }),
    );
  });

  it('keys a date by the first day of its month', () => {
    expect(monthOf('2026-07-19')).toBe('2026-07-01');
  });
});
