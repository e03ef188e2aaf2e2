import { addDays, copenhagenLocalTime, isoWeekday, type IsoDate } from '../calendar/iso-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { minutesOfDay, type AvailabilityException, type BookingMode, type WeeklyAvailability } from './availability.js';

/** A bookable time of one caseworker. */
export type Slot = { start: Date; end: Date; day: IsoDate; place: string | null; modes: BookingMode[] };

/** A time the caseworker is already taken (a booked talk). */
export type BusyInterval = { start: Date; end: Date };

export type SlotQuery = {
  /** First and last day to list, inclusive. */
  from: IsoDate;
  to: IsoDate;
  calendar: WorkingCalendar;
  weekly: readonly WeeklyAvailability[];
  exceptions: readonly AvailabilityException[];
  busy: readonly BusyInterval[];
  /** Slots starting before this instant are left out (now, or the minimum notice). */
  notBefore?: Date;
};

const MAX_DAYS = 400;

function cut(day: IsoDate, block: Pick<WeeklyAvailability, 'start' | 'end' | 'slotMinutes' | 'place' | 'modes'>): Slot[] {
  const slots: Slot[] = [];
  const end = minutesOfDay(block.end);
  // Slots lie on working days only, and the clocks change on a Sunday night, so one offset holds all day.
  const midnight = copenhagenLocalTime(day, 0).getTime();
  for (let m = minutesOfDay(block.start); m + block.slotMinutes <= end; m += block.slotMinutes) {
    const start = new Date(midnight + m * 60_000);
    slots.push({ start, end: new Date(start.getTime() + block.slotMinutes * 60_000), day, place: block.place, modes: [...block.modes] });
  }
  return slots;
}

const overlaps = (a: { start: Date; end: Date }, b: { start: Date; end: Date }) => a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();

/**
 * The free slots of one caseworker between two days: the weekly blocks valid on each working day
 * (weekends, public holidays and the organisation's closing days have none), plus extra blocks on
 * single dates, minus days off and minus every slot touching a booked talk. Where blocks overlap,
 * the earlier slot is kept, so no two slots ever overlap. Sorted by start.
 */
export function computeFreeSlots(query: SlotQuery): Slot[] {
  const { calendar, weekly, exceptions, busy } = query;
  const daysOff = new Set(exceptions.filter((e) => e.kind === 'day_off').map((e) => e.day));
  const candidates: Slot[] = [];
  let day = query.from;
  for (let n = 0; day <= query.to && n < MAX_DAYS; n += 1, day = addDays(day, 1)) {
    if (!calendar.isWorkingDay(day) || daysOff.has(day)) continue;
    const weekday = isoWeekday(day);
    for (const block of weekly) {
      if (block.weekday !== weekday) continue;
      if (block.validFrom && day < block.validFrom) continue;
      if (block.validTo && day > block.validTo) continue;
      candidates.push(...cut(day, block));
    }
    for (const extra of exceptions) if (extra.kind === 'extra' && extra.day === day) candidates.push(...cut(day, extra));
  }
  candidates.sort((a, b) => a.start.getTime() - b.start.getTime() || b.end.getTime() - a.end.getTime());
  const free: Slot[] = [];
  for (const slot of candidates) {
    if (query.notBefore && slot.start.getTime() < query.notBefore.getTime()) continue;
    const previous = free[free.length - 1];
    if (previous && overlaps(previous, slot)) continue;
    if (busy.some((b) => overlaps(b, slot))) continue;
    free.push(slot);
  }
  return free;
}

/** The free slot starting at this instant, if there is one. */
export function findSlot(slots: readonly Slot[], start: Date): Slot | undefined {
  return slots.find((s) => s.start.getTime() === start.getTime());
}
