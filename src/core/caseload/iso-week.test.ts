import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getISOWeek, getISOWeekYear } from 'date-fns';
import { fromDayNumber, toDayNumber } from '../calendar/iso-date.js';
import { isoWeekKey } from './iso-week.js';

describe('ISO week of a date', () => {
  it.each([
    ['2026-11-02', '2026-W45'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-W53'],
  ])('%s lies in week %s', (date, expected) => {
    expect(isoWeekKey(date)).toBe(expected);
  });

  it('agrees with date-fns for every day from 2000 to 2060', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2060-12-31') }), (n) => {
        const date = fromDayNumber(n);
        const local = new Date(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
        expect(isoWeekKey(date)).toBe(`${getISOWeekYear(local)}-W${String(getISOWeek(local)).padStart(2, '0')}`);
      }),
    );
  });
});
