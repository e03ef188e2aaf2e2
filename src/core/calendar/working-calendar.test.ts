import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createWorkingCalendar } from './working-calendar.js';
import { addDays, addMonthsClamped, fromDayNumber, isIsoDate, toCopenhagenIsoDate, toDayNumber } from './iso-date.js';

const calendar = createWorkingCalendar();
const withChristmasClosing = createWorkingCalendar({ closingDays: ['2026-12-24', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'] });

const dateBetween2023And2030 = fc
  .integer({ min: toDayNumber('2023-01-01'), max: toDayNumber('2030-12-31') })
  .map(fromDayNumber);

describe('working calendar', () => {
  it.each([
    ['2026-03-30', true, 'a Monday'],
    ['2026-04-04', false, 'the Saturday of Easter'],
    ['2026-04-05', false, 'påskedag'],
    ['2026-04-07', true, 'the Tuesday after Easter'],
    ['2026-12-24', true, 'juleaftensdag without closing days'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });

  it('an organisation closing day is not a working day and is called Lukkedag', () => {
    expect(withChristmasClosing.isWorkingDay('2026-12-24')).toBe(false);
    expect(withChristmasClosing.nonWorkingReason('2026-12-24')).toBe('closing_day');
    expect(withChristmasClosing.holidayName('2026-12-24')).toBe('Lukkedag');
    expect(withChristmasClosing.nonWorkingReason('2026-12-25')).toBe('public_holiday');
    expect(withChristmasClosing.nonWorkingReason('2026-12-27')).toBe('weekend');
  });

  it.each([
    // Easter 2026: Thursday 2 April to Monday 6 April are all days off.
    ['2026-04-02', '2026-04-07', '2026-04-01'],
    ['2026-04-01', '2026-04-01', '2026-04-01'],
    // Kristi himmelfartsdag 2026 is Thursday 14 May; the Friday after is a working day.
    ['2026-05-14', '2026-05-15', '2026-05-13'],
    // Pinse 2026: Sunday 24 and Monday 25 May.
    ['2026-05-23', '2026-05-26', '2026-05-22'],
    // Christmas 2026: 25 (Fri), 26, 27 (weekend).
    ['2026-12-25', '2026-12-28', '2026-12-24'],
    ['2027-01-01', '2027-01-04', '2026-12-31'],
  ])('from %s the next working day is %s and the previous is %s', (date, next, previous) => {
    expect(calendar.nextWorkingDayOnOrAfter(date)).toBe(next);
    expect(calendar.previousWorkingDayOnOrBefore(date)).toBe(previous);
  });

  it('with Christmas closing days the first working day after Christmas 2026 is 4 January 2027', () => {
    expect(withChristmasClosing.nextWorkingDayOnOrAfter('2026-12-24')).toBe('2027-01-04');
    expect(withChristmasClosing.previousWorkingDayOnOrBefore('2027-01-03')).toBe('2026-12-23');
  });

  it.each([
    ['2026-03-31', 1, '2026-04-01'],
    ['2026-03-31', 2, '2026-04-07'],
    ['2026-04-07', -2, '2026-03-31'],
    ['2026-04-04', 0, '2026-04-04'],
    ['2026-05-13', 1, '2026-05-15'],
    ['2026-12-23', 1, '2026-12-24'],
  ])('%s plus %i working days is %s', (date, n, expected) => {
    expect(calendar.addWorkingDays(date, n)).toBe(expected);
  });

  it('counts 7 working days in the two weeks around Easter 2026: 10 weekdays less 3 weekday holidays', () => {
    // 2026-03-29 (Sun) → 2026-04-12 (Sun): skærtorsdag, langfredag and 2. påskedag fall on weekdays.
    expect(calendar.workingDaysBetween('2026-03-29', '2026-04-12')).toBe(7);
    expect(calendar.workingDaysBetween('2026-04-12', '2026-03-29')).toBe(-7);
    expect(calendar.workingDaysBetween('2026-04-07', '2026-03-31')).toBe(-2);
  });

  it('rejects a malformed date instead of guessing', () => {
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(/calendar date/);
    expect(() => createWorkingCalendar({ closingDays: ['24-12-2026'] })).toThrow(/closing day/);
  });

  it('the next and previous working day are working days on the right side of the date', () => {
    fc.assert(
      fc.property(dateBetween2023And2030, (date) => {
        const next = calendar.nextWorkingDayOnOrAfter(date);
        const previous = calendar.previousWorkingDayOnOrBefore(date);
        expect(calendar.isWorkingDay(next) && calendar.isWorkingDay(previous)).toBe(true);
        expect(previous <= date && date <= next).toBe(true);
        for (let d = addDays(previous, 1); d < next; d = addDays(d, 1)) expect(calendar.isWorkingDay(d)).toBe(false);
      }),
    );
  });

  it('adding the working days between two dates leads back to the later working day', () => {
    fc.assert(
      fc.property(dateBetween2023And2030, fc.integer({ min: -60, max: 60 }), (date, n) => {
        const target = withChristmasClosing.addWorkingDays(date, n);
        if (n !== 0) expect(withChristmasClosing.isWorkingDay(target)).toBe(true);
        expect(withChristmasClosing.workingDaysBetween(date, target)).toBe(n);
      }),
    );
  });
});

describe('ISO dates', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-30', 3, '2026-06-30'],
    ['2026-05-31', 3, '2026-08-31'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2025-03-15', 16, '2026-07-15'],
  ])('%s plus %i months is %s (clamped to the end of a short month)', (date, months, expected) => {
    expect(addMonthsClamped(date, months)).toBe(expected);
  });

  it('day numbers agree with the platform calendar for every day from 1900 to 2200', () => {
    const first = Date.UTC(1900, 0, 1) / 86_400_000;
    const last = Date.UTC(2200, 11, 31) / 86_400_000;
    for (let n = first; n <= last; n += 1) {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      if (fromDayNumber(n) !== iso || toDayNumber(iso) !== n) throw new Error(`day ${n}: ${fromDayNumber(n)} vs ${iso}`);
    }
  });

  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
  });

  it('gives the Danish date of an instant, also late in the evening UTC', () => {
    expect(toCopenhagenIsoDate(new Date('2026-03-29T22:30:00Z'))).toBe('2026-03-30');
    expect(toCopenhagenIsoDate(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
    expect(toCopenhagenIsoDate(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
});

describe('the start of a Danish day', () => {
  it('is 23:00 UTC the day before in winter and 22:00 UTC in summer', async () => {
    const { startOfCopenhagenDay } = await import('./iso-date.js');
    expect(startOfCopenhagenDay('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfCopenhagenDay('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(startOfCopenhagenDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });
});
