import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { copenhagenLocalTime, fromDayNumber, isoWeekday, toCopenhagenIsoDate, toDayNumber, addDays } from '../calendar/iso-date.js';
import { createWorkingCalendar } from '../calendar/working-calendar.js';
import { minutesOfDay, timeOfDay, type AvailabilityException, type WeeklyAvailability } from './availability.js';
import { computeFreeSlots } from './slots.js';

const calendar = createWorkingCalendar({ closingDays: ['2026-12-31'] });
const block = (over: Partial<WeeklyAvailability> = {}): WeeklyAvailability => ({ weekday: 1, start: '09:00', end: '12:00', slotMinutes: 45, place: 'Afdeling Nord', modes: ['in_person', 'phone'], validFrom: null, validTo: null, ...over });
const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const hhmm = (d: Date) => clock.format(d);

describe('computeFreeSlots', () => {
  it('cuts a Monday morning into 45-minute slots in Copenhagen time, dropping the remainder', () => {
    const slots = computeFreeSlots({ from: '2026-11-09', to: '2026-11-09', calendar, weekly: [block()], exceptions: [], busy: [] });
    expect(slots.map((s) => hhmm(s.start))).toEqual(['09:00', '09:45', '10:30', '11:15']);
    expect(slots[0]).toMatchObject({ day: '2026-11-09', place: 'Afdeling Nord', modes: ['in_person', 'phone'] });
    expect(slots[0]!.start.toISOString()).toBe('2026-11-09T08:00:00.000Z');
  });

  it('uses summer time in summer', () => {
    const slots = computeFreeSlots({ from: '2026-06-01', to: '2026-06-01', calendar, weekly: [block()], exceptions: [], busy: [] });
    expect(slots[0]!.start.toISOString()).toBe('2026-06-01T07:00:00.000Z');
  });

  it('gives no slots on public holidays, closing days and days off, and adds extra slots on a date', () => {
    const weekly = [1, 2, 3, 4, 5].map((weekday) => block({ weekday, start: '09:00', end: '10:00', slotMinutes: 60 }));
    const exceptions: AvailabilityException[] = [
      { day: '2026-12-22', kind: 'day_off' },
      { day: '2026-12-23', kind: 'extra', start: '13:00', end: '14:00', slotMinutes: 30, place: null, modes: ['video'] },
    ];
    const slots = computeFreeSlots({ from: '2026-12-21', to: '2027-01-01', calendar, weekly, exceptions, busy: [] });
    // 24 and 25 and 26 Dec: closing? 24 Dec is a working day in law; 25/26 are holidays; 31 Dec is the organisation's closing day; 1 Jan a holiday.
    expect([...new Set(slots.map((s) => s.day))]).toEqual(['2026-12-21', '2026-12-23', '2026-12-24', '2026-12-28', '2026-12-29', '2026-12-30']);
    expect(slots.filter((s) => s.day === '2026-12-23').map((s) => hhmm(s.start))).toEqual(['09:00', '13:00', '13:30']);
  });

  it('leaves out slots touching a booked talk and slots before the notice', () => {
    const busy = [{ start: copenhagenLocalTime('2026-11-09', 9 * 60 + 30), end: copenhagenLocalTime('2026-11-09', 10 * 60 + 15) }];
    const slots = computeFreeSlots({ from: '2026-11-09', to: '2026-11-16', calendar, weekly: [block()], exceptions: [], busy, notBefore: copenhagenLocalTime('2026-11-09', 10 * 60) });
    expect(slots.map((s) => `${s.day} ${hhmm(s.start)}`)).toEqual(['2026-11-09 10:30', '2026-11-09 11:15', '2026-11-16 09:00', '2026-11-16 09:45', '2026-11-16 10:30', '2026-11-16 11:15']);
  });

  it('respects the dates a weekly block is valid', () => {
    const slots = computeFreeSlots({ from: '2026-11-02', to: '2026-11-30', calendar, weekly: [block({ validFrom: '2026-11-10', validTo: '2026-11-23', end: '09:45' })], exceptions: [], busy: [] });
    expect(slots.map((s) => s.day)).toEqual(['2026-11-16', '2026-11-23']);
  });

  // Properties over random availability, exceptions, bookings and periods.
  const time = fc.integer({ min: 7 * 4, max: 17 * 4 }).map((q) => q * 15);
  const blockArb = fc.record({ weekday: fc.integer({ min: 1, max: 5 }), startMinutes: time, length: fc.integer({ min: 10, max: 300 }), slotMinutes: fc.constantFrom(15, 20, 30, 45, 60) }).map(
    (b): WeeklyAvailability => block({ weekday: b.weekday, start: timeOfDay(b.startMinutes), end: timeOfDay(Math.min(b.startMinutes + b.length, 20 * 60)), slotMinutes: b.slotMinutes }),
  );
  const from = fc.integer({ min: toDayNumber('2024-01-01'), max: toDayNumber('2030-12-01') }).map(fromDayNumber);
  const scenario = fc.record({
    from,
    length: fc.integer({ min: 0, max: 40 }),
    weekly: fc.array(blockArb, { maxLength: 6 }),
    dayOffOffsets: fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 5 }),
    extras: fc.array(fc.record({ offset: fc.integer({ min: 0, max: 40 }), block: blockArb }), { maxLength: 3 }),
    busy: fc.array(fc.record({ offset: fc.integer({ min: 0, max: 40 }), startMinutes: time, minutes: fc.integer({ min: 15, max: 120 }) }), { maxLength: 6 }),
    closing: fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 4 }),
  });

  it('never gives a slot on a non-working day or a day off, never two overlapping slots, never one outside the availability or touching a booking', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const to = addDays(s.from, s.length);
        const cal = createWorkingCalendar({ closingDays: s.closing.map((o) => addDays(s.from, o)) });
        const exceptions: AvailabilityException[] = [
          ...s.dayOffOffsets.map((o) => ({ day: addDays(s.from, o), kind: 'day_off' as const })),
          ...s.extras.map((e) => ({ day: addDays(s.from, e.offset), kind: 'extra' as const, start: e.block.start, end: e.block.end, slotMinutes: e.block.slotMinutes, place: null, modes: e.block.modes })),
        ];
        const busy = s.busy.map((b) => {
          const start = copenhagenLocalTime(addDays(s.from, b.offset), b.startMinutes);
          return { start, end: new Date(start.getTime() + b.minutes * 60_000) };
        });
        const slots = computeFreeSlots({ from: s.from, to, calendar: cal, weekly: s.weekly, exceptions, busy });
        const daysOff = new Set(exceptions.filter((e) => e.kind === 'day_off').map((e) => e.day));
        for (const [i, slot] of slots.entries()) {
          expect(cal.isWorkingDay(slot.day)).toBe(true);
          expect(daysOff.has(slot.day)).toBe(false);
          expect(toCopenhagenIsoDate(slot.start)).toBe(slot.day);
          expect(slot.day >= s.from && slot.day <= to).toBe(true);
          const next = slots[i + 1];
          if (next) expect(slot.end.getTime()).toBeLessThanOrEqual(next.start.getTime());
          for (const b of busy) expect(slot.start < b.end && b.start < slot.end).toBe(false);
          const startMin = minutesOfDay(hhmm(slot.start));
          const endMin = startMin + (slot.end.getTime() - slot.start.getTime()) / 60_000;
          const inside = [...s.weekly.filter((w) => w.weekday === isoWeekday(slot.day)), ...exceptions.filter((e) => e.kind === 'extra' && e.day === slot.day)].some(
            (w) => 'start' in w && minutesOfDay(w.start) <= startMin && endMin <= minutesOfDay(w.end),
          );
          expect(inside).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
