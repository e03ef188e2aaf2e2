import { describe, expect, it } from 'vitest';
import { getDanishPublicHolidays } from './danish-holidays.js';
import { createWorkingCalendar } from './working-calendar.js';

// Worked out by hand from the Easter dates (2023-04-09, 2024-03-31, 2025-04-20, 2026-04-05,
// 2027-03-28): skærtorsdag −3, langfredag −2, 2. påskedag +1, store bededag +26 (until 2023),
// Kristi himmelfartsdag +39, pinsedag +49, 2. pinsedag +50.
const holidaysByYear: Record<number, Array<[string, string]>> = {
  2023: [
    ['2023-01-01', 'nytårsdag'], ['2023-04-06', 'skærtorsdag'], ['2023-04-07', 'langfredag'],
    ['2023-04-09', 'påskedag'], ['2023-04-10', '2. påskedag'], ['2023-05-05', 'store bededag'],
    ['2023-05-18', 'Kristi himmelfartsdag'], ['2023-05-28', 'pinsedag'], ['2023-05-29', '2. pinsedag'],
    ['2023-12-25', 'juledag'], ['2023-12-26', '2. juledag'],
  ],
  2024: [
    ['2024-01-01', 'nytårsdag'], ['2024-03-28', 'skærtorsdag'], ['2024-03-29', 'langfredag'],
    ['2024-03-31', 'påskedag'], ['2024-04-01', '2. påskedag'],
    ['2024-05-09', 'Kristi himmelfartsdag'], ['2024-05-19', 'pinsedag'], ['2024-05-20', '2. pinsedag'],
    ['2024-12-25', 'juledag'], ['2024-12-26', '2. juledag'],
  ],
  2025: [
    ['2025-01-01', 'nytårsdag'], ['2025-04-17', 'skærtorsdag'], ['2025-04-18', 'langfredag'],
    ['2025-04-20', 'påskedag'], ['2025-04-21', '2. påskedag'],
    ['2025-05-29', 'Kristi himmelfartsdag'], ['2025-06-08', 'pinsedag'], ['2025-06-09', '2. pinsedag'],
    ['2025-12-25', 'juledag'], ['2025-12-26', '2. juledag'],
  ],
  2026: [
    ['2026-01-01', 'nytårsdag'], ['2026-04-02', 'skærtorsdag'], ['2026-04-03', 'langfredag'],
    ['2026-04-05', 'påskedag'], ['2026-04-06', '2. påskedag'],
    ['2026-05-14', 'Kristi himmelfartsdag'], ['2026-05-24', 'pinsedag'], ['2026-05-25', '2. pinsedag'],
    ['2026-12-25', 'juledag'], ['2026-12-26', '2. juledag'],
  ],
  2027: [
    ['2027-01-01', 'nytårsdag'], ['2027-03-25', 'skærtorsdag'], ['2027-03-26', 'langfredag'],
    ['2027-03-28', 'påskedag'], ['2027-03-29', '2. påskedag'],
    ['2027-05-06', 'Kristi himmelfartsdag'], ['2027-05-16', 'pinsedag'], ['2027-05-17', '2. pinsedag'],
    ['2027-12-25', 'juledag'], ['2027-12-26', '2. juledag'],
  ],
};

const calendar = createWorkingCalendar();

describe('Danish public holidays', () => {
  const rows = Object.values(holidaysByYear).flat();

  it.each(rows)('%s (%s) is a public holiday and not a working day', (date) => {
    expect(getDanishPublicHolidays(Number(date.slice(0, 4))).has(date)).toBe(true);
    expect(calendar.isWorkingDay(date)).toBe(false);
    expect(calendar.holidayName(date)).toBeTypeOf('string');
  });

  it.each(Object.entries(holidaysByYear))('%s has exactly the listed public holidays and no others', (year, expected) => {
    expect([...getDanishPublicHolidays(Number(year)).keys()].sort()).toEqual(expected.map(([date]) => date).sort());
  });

  it('store bededag 2023-05-05 is still a holiday', () => {
    expect(calendar.holidayName('2023-05-05')).toBe('Store Bededag');
    expect(calendar.isWorkingDay('2023-05-05')).toBe(false);
  });

  it('the Friday that would have been store bededag is an ordinary working day from 2024', () => {
    for (const date of ['2024-04-26', '2025-05-16', '2026-05-01', '2027-04-23']) {
      expect(calendar.isWorkingDay(date)).toBe(true);
      expect(calendar.holidayName(date)).toBeUndefined();
    }
  });

  it('days the library lists only as observances (juleaftensdag, grundlovsdag, 1. maj) are working days', () => {
    for (const date of ['2025-12-24', '2025-06-05', '2025-05-01', '2026-12-24', '2026-12-31']) {
      expect(calendar.isWorkingDay(date)).toBe(true);
    }
  });
});
