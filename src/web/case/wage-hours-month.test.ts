import { describe, expect, it } from 'vitest';
import { defaultWageHoursMonth, newestFirst } from './wage-hours-month';

describe('the month a new paid-hours figure starts on', () => {
  it('is last month, the one eIndkomst has just reported', () => {
    expect(defaultWageHoursMonth({ startDate: '2026-03-10', endDate: null }, '2026-11-12')).toBe('2026-10');
  });
  it('is December of last year in January', () => {
    expect(defaultWageHoursMonth({ startDate: '2025-06-01', endDate: null }, '2026-01-05')).toBe('2025-12');
  });
  it('is this month for a spell that started this month', () => {
    expect(defaultWageHoursMonth({ startDate: '2026-11-03', endDate: null }, '2026-11-12')).toBe('2026-11');
  });
  it('is the last month of a spell that ended months ago', () => {
    expect(defaultWageHoursMonth({ startDate: '2025-02-01', endDate: '2026-05-20' }, '2026-11-12')).toBe('2026-05');
  });
  it('is last month for a spell that ends this month', () => {
    expect(defaultWageHoursMonth({ startDate: '2026-01-05', endDate: '2026-11-30' }, '2026-11-12')).toBe('2026-10');
  });
});

describe('the list of months with paid hours', () => {
  it('shows the newest month first, across a new year', () => {
    const months = [{ month: '2025-11' }, { month: '2026-01' }, { month: '2025-12' }];
    expect(newestFirst(months).map((m) => m.month)).toEqual(['2026-01', '2025-12', '2025-11']);
  });
  it('leaves the list it was given as it was', () => {
    const months = [{ month: '2025-11' }, { month: '2026-01' }];
    newestFirst(months);
    expect(months.map((m) => m.month)).toEqual(['2025-11', '2026-01']);
  });
});
