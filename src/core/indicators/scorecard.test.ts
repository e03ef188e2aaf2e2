import { describe, expect, it } from 'vitest';
import { judgeAgainstTarget, listMonths, previousMonth, targetInForce } from './scorecard';
import { monthWindow } from './spell-data';

describe('scorecard months and targets', () => {
  it('lists months across a new year', () => {
    expect(listMonths('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
  it('the snapshot made on the 1st covers the month before', () => {
    expect(previousMonth('2026-03-01')).toBe('2026-02');
    expect(previousMonth('2026-01-01')).toBe('2025-12');
  });
  it('a month is measured against the next milestone, and after the last one against that', () => {
    const milestones = [
      { date: '2026-08-31', value: 50 },
      { date: '2027-01-31', value: 60 },
    ];
    expect(targetInForce(milestones, '2026-03')?.value).toBe(50);
    expect(targetInForce(milestones, '2026-08')?.value).toBe(50);
    expect(targetInForce(milestones, '2026-09')?.value).toBe(60);
    expect(targetInForce(milestones, '2027-05')?.value).toBe(60);
    expect(targetInForce([], '2027-05')).toBeNull();
  });
  it.each([
    [52, 50, 'higher_is_better', 5, 'met'],
    [46, 50, 'higher_is_better', 5, 'near'],
    [40, 50, 'higher_is_better', 5, 'not_met'],
    [18, 18.8, 'lower_is_better', 1, 'met'],
    [19.5, 18.8, 'lower_is_better', 1, 'near'],
    [20, 18.8, 'lower_is_better', 1, 'not_met'],
    [null, 50, 'higher_is_better', 5, 'none'],
  ] as const)('value %s against target %s (%s, near within %s) is %s', (value, target, direction, tolerance, light) => {
    expect(judgeAgainstTarget(value, target, direction, tolerance)).toBe(light);
  });
  it('windows are whole calendar months, the current one up to the measurement day', () => {
    expect(monthWindow('2026-02-28', 1, 0)).toEqual({ first: '2026-02-01', last: '2026-02-28' });
    expect(monthWindow('2026-03-31', 3, 0)).toEqual({ first: '2026-01-01', last: '2026-03-31' });
    expect(monthWindow('2026-03-31', 15, 3)).toEqual({ first: '2025-01-01', last: '2025-12-31' });
    expect(monthWindow('2026-03-15', 1, 0)).toEqual({ first: '2026-03-01', last: '2026-03-15' });
    expect(monthWindow('2026-03-15', 15, 3)).toEqual({ first: '2025-01-01', last: '2025-12-31' });
  });
});
