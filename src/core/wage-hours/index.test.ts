import { describe, expect, it } from 'vitest';
import { checkWageHoursMonth, hadPaidHoursInMonth } from '.';

describe('paid hours in a month', () => {
  const entries = [
    { month: '2026-10-01', hours: 0 },
    { month: '2026-09-01', hours: 20 },
    { month: '2026-11-01', hours: 8 },
  ];
  it('needs hours > 0 in the month of the day', () => {
    expect(hadPaidHoursInMonth(entries, '2026-10-31')).toBe(false); // zero hours in October
    expect(hadPaidHoursInMonth(entries, '2026-09-30')).toBe(true);
    expect(hadPaidHoursInMonth(entries, '2026-09-01')).toBe(true);
    expect(hadPaidHoursInMonth(entries, '2026-11-30')).toBe(true);
    expect(hadPaidHoursInMonth([], '2026-11-30')).toBe(false);
  });
});

describe('which months can be set', () => {
  const spell = { startDate: '2026-03-15', endDate: '2026-09-10' };
  it('from the spell’s first month to its last, never after this month', () => {
    expect(checkWageHoursMonth('2026-03', spell, '2026-11-27')).toEqual([]);
    expect(checkWageHoursMonth('2026-09', spell, '2026-11-27')).toEqual([]);
    expect(checkWageHoursMonth('2026-02', spell, '2026-11-27')[0]?.field).toBe('month');
    expect(checkWageHoursMonth('2026-10', spell, '2026-11-27')[0]?.message.da).toMatch(/efter forløbets slutning/);
    expect(checkWageHoursMonth('2026-11', { startDate: '2026-03-15', endDate: null }, '2026-11-27')).toEqual([]);
    expect(checkWageHoursMonth('2026-12', { startDate: '2026-03-15', endDate: null }, '2026-11-27')[0]?.message.da).toMatch(/efter denne måned/);
  });
});
