import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../calendar/working-calendar.js';
import { computeRawWindow, fitWindowToWorkingDays, resolveWindow, ZConversationWindow, type TConversationWindow } from './windows.js';

const calendar = createWorkingCalendar();

describe('window rules in calendar days', () => {
  // Day 0 = Monday 2026-01-05; day 7N is the same weekday N weeks on.
  const rows: Array<[string, TConversationWindow, string, string]> = [
    ['on day 3 is a single day', { kind: 'on_day', day: 3 }, '2026-01-08', '2026-01-08'],
    ['within 10 days runs from day 0 to day 10', { kind: 'within_days', days: 10 }, '2026-01-05', '2026-01-15'],
    ['within 2 weeks runs from day 0 to day 14', { kind: 'within_weeks', weeks: 2 }, '2026-01-05', '2026-01-19'],
    ['in week 1 is days 0 to 6', { kind: 'in_week', week: 1 }, '2026-01-05', '2026-01-11'],
    ['in week 9 is days 56 to 62', { kind: 'in_week', week: 9 }, '2026-03-02', '2026-03-08'],
    ['between weeks 3 and 7 is days 14 to 48', { kind: 'between_weeks', from: 3, to: 7 }, '2026-01-19', '2026-02-22'],
    ['at 8 weeks is the week up to day 56', { kind: 'at_weeks', weeks: 8 }, '2026-02-23', '2026-03-02'],
    ['at 6 weeks with 2 weeks before is days 28 to 42', { kind: 'at_weeks', weeks: 6, weeksBefore: 2 }, '2026-02-02', '2026-02-16'],
    ['at 1 week with 3 weeks before never starts before day 0', { kind: 'at_weeks', weeks: 1, weeksBefore: 3 }, '2026-01-05', '2026-01-12'],
    ['within 3 months ends on the same date 3 months on', { kind: 'within_months', months: 3 }, '2026-01-05', '2026-04-05'],
    ['at 16 months is the week up to the same date 16 months on', { kind: 'at_months', months: 16 }, '2027-04-28', '2027-05-05'],
  ];

  it.each(rows)('%s', (_name, window, earliest, latest) => {
    expect(computeRawWindow(window, '2026-01-05')).toEqual({ earliest, latest });
  });

  it('within 1 month from 31 January ends on the last day of February', () => {
    expect(computeRawWindow({ kind: 'within_months', months: 1 }, '2026-01-31').latest).toBe('2026-02-28');
    expect(computeRawWindow({ kind: 'within_months', months: 1 }, '2028-01-31').latest).toBe('2028-02-29');
  });
});

describe('windows on working days', () => {
  it('a deadline on a holiday moves to the working day before, an earliest date to the working day after', () => {
    // Raw 2026-04-03 (langfredag) → 2026-05-14 (Kristi himmelfartsdag).
    expect(fitWindowToWorkingDays({ earliest: '2026-04-03', latest: '2026-05-14' }, calendar, '2026-04-01')).toEqual({
      earliest: '2026-04-07',
      latest: '2026-05-13',
      collapsed: false,
    });
  });

  it('a window entirely inside Easter collapses onto the last working day before Easter', () => {
    expect(fitWindowToWorkingDays({ earliest: '2026-04-02', latest: '2026-04-06' }, calendar, '2026-03-30')).toEqual({
      earliest: '2026-04-01',
      latest: '2026-04-01',
      collapsed: true,
    });
  });

  it('a window inside Easter that starts on day 0 collapses onto the first working day after Easter instead', () => {
    expect(fitWindowToWorkingDays({ earliest: '2026-04-02', latest: '2026-04-06' }, calendar, '2026-04-02')).toEqual({
      earliest: '2026-04-07',
      latest: '2026-04-07',
      collapsed: true,
    });
  });

  it('a week filled by Christmas and closing days collapses onto the working day before it', () => {
    const closed = createWorkingCalendar({ closingDays: ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'] });
    expect(resolveWindow({ window: { kind: 'in_week', week: 2 }, dayZero: '2026-12-21', calendar: closed })).toEqual({
      earliest: '2026-12-24',
      latest: '2026-12-24',
      collapsed: true,
    });
  });

  it('a weekly repeat shifts the window by whole weeks before fitting it to working days', () => {
    // Week 1 from Monday 2026-03-30, shifted one week: 2026-04-06 (2. påskedag) → 2026-04-12.
    expect(resolveWindow({ window: { kind: 'in_week', week: 1 }, dayZero: '2026-03-30', calendar, shiftDays: 7 })).toEqual({
      earliest: '2026-04-07',
      latest: '2026-04-10',
      collapsed: false,
    });
  });
});

describe('window schema', () => {
  it('accepts each kind and rejects nonsense', () => {
    expect(ZConversationWindow.safeParse({ kind: 'between_weeks', from: 3, to: 7 }).success).toBe(true);
    expect(ZConversationWindow.safeParse({ kind: 'between_weeks', from: 7, to: 3 }).success).toBe(false);
    expect(ZConversationWindow.safeParse({ kind: 'in_week', week: 0 }).success).toBe(false);
    expect(ZConversationWindow.safeParse({ kind: 'in_week', week: 2.5 }).success).toBe(false);
    expect(ZConversationWindow.safeParse({ kind: 'within_fortnights', fortnights: 1 }).success).toBe(false);
    expect(ZConversationWindow.safeParse({ kind: 'within_weeks', weeks: 2, extra: 1 }).success).toBe(false);
  });
});
