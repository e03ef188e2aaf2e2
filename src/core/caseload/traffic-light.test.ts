import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createWorkingCalendar } from '../calendar/working-calendar.js';
import { addDays, fromDayNumber, toDayNumber } from '../calendar/iso-date.js';
import { TRAFFIC_LIGHT_ORDER, dueSoonLimit, trafficLight } from './traffic-light.js';

const calendar = createWorkingCalendar();
const closingAfterEaster = createWorkingCalendar({ closingDays: ['2026-04-07'] });

describe('traffic light of the next deadline', () => {
  it.each([
    // Monday 2 November 2026: five working days on is Monday 9 November.
    ['2026-11-02', '2026-10-30', 'overdue', 'a deadline last Friday is overdue'],
    ['2026-11-02', '2026-11-01', 'overdue', 'a deadline yesterday (a Sunday) is overdue'],
    ['2026-11-02', '2026-11-02', 'due_soon', 'a deadline today is due soon, not overdue'],
    ['2026-11-02', '2026-11-09', 'due_soon', 'a deadline five working days on is due soon'],
    ['2026-11-02', '2026-11-10', 'ok', 'a deadline six working days on is fine'],
    // Friday 6 November: the weekend does not count, so the limit is Friday 13 November.
    ['2026-11-06', '2026-11-13', 'due_soon', 'over a weekend, five working days reach the next Friday'],
    ['2026-11-06', '2026-11-16', 'ok', 'the Monday after that is fine'],
    // Wednesday 1 April 2026, before Easter: 2, 3 and 6 April are holidays, so the limit is 13 April.
    ['2026-04-01', '2026-04-13', 'due_soon', 'over Easter the holidays stretch "soon" to 13 April'],
    ['2026-04-01', '2026-04-14', 'ok', 'the day after is fine'],
    // Kristi himmelfartsdag, Thursday 14 May 2026.
    ['2026-05-13', '2026-05-21', 'due_soon', 'Kristi himmelfartsdag does not count as a working day'],
    ['2026-05-13', '2026-05-22', 'ok', 'a day beyond is fine'],
  ])('today %s, latest %s → %s (%s)', (today, latest, expected) => {
    expect(trafficLight({ latest, today, calendar })).toBe(expected);
  });

  it('a conversation without a deadline is fine', () => {
    expect(trafficLight({ latest: null, today: '2026-11-02', calendar })).toBe('ok');
  });

  it('an organisation closing day also pushes "due soon" further', () => {
    expect(dueSoonLimit('2026-04-01', calendar)).toBe('2026-04-13');
    expect(dueSoonLimit('2026-04-01', closingAfterEaster)).toBe('2026-04-14');
    expect(trafficLight({ latest: '2026-04-14', today: '2026-04-01', calendar: closingAfterEaster })).toBe('due_soon');
  });

  const day = fc.integer({ min: toDayNumber('2024-01-01'), max: toDayNumber('2030-12-31') }).map(fromDayNumber);

  it('is overdue exactly when the deadline is before today', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -60, max: 60 }), (today, offset) => {
        const latest = addDays(today, offset);
        expect(trafficLight({ latest, today, calendar }) === 'overdue').toBe(offset < 0);
      }),
    );
  });

  it('a later deadline is never more urgent than an earlier one', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -30, max: 30 }), fc.integer({ min: 0, max: 30 }), (today, offset, extra) => {
        const earlier = addDays(today, offset);
        const later = addDays(earlier, extra);
        expect(TRAFFIC_LIGHT_ORDER[trafficLight({ latest: earlier, today, calendar })]).toBeLessThanOrEqual(TRAFFIC_LIGHT_ORDER[trafficLight({ latest: later, today, calendar })]);
      }),
    );
  });

  it('"due soon" always spans exactly five working days after today', () => {
    fc.assert(
      fc.property(day, (today) => {
        const limit = dueSoonLimit(today, calendar);
        expect(calendar.workingDaysBetween(today, limit)).toBe(5);
        expect(calendar.isWorkingDay(limit)).toBe(true);
      }),
    );
  });
});
