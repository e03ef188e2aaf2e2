import { z } from 'zod';
import { ZIsoDate, type IsoDate } from '../calendar/iso-date.js';

/** How a talk can be held. */
export const BOOKING_MODES = ['in_person', 'phone', 'video'] as const;
export type BookingMode = (typeof BOOKING_MODES)[number];

const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
/** A time of day in Copenhagen, 'HH:MM' (24-hour clock). */
export const ZTimeOfDay = z.string().regex(TIME_PATTERN, { message: 'Expected a time written HH:MM' });

export function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function timeOfDay(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

const ZHours = {
  start: ZTimeOfDay,
  end: ZTimeOfDay,
  slotMinutes: z.number().int().min(10).max(240),
  place: z.string().trim().max(300).nullable(),
  modes: z.array(z.enum(BOOKING_MODES)).min(1).max(3),
};

/** A recurring weekly block in which a caseworker can be booked, cut into slots of `slotMinutes`. */
export const ZWeeklyAvailability = z.object({
  /** ISO weekday: 1 = Monday … 5 = Friday (weekends are never working days). */
  weekday: z.number().int().min(1).max(5),
  ...ZHours,
  validFrom: ZIsoDate.nullable(),
  validTo: ZIsoDate.nullable(),
});
export type WeeklyAvailability = z.infer<typeof ZWeeklyAvailability>;

/** A date the caseworker is away (no slots at all), or a date with extra slots. */
export type AvailabilityException = { day: IsoDate; kind: 'day_off' } | ({ day: IsoDate; kind: 'extra' } & Pick<WeeklyAvailability, 'start' | 'end' | 'slotMinutes' | 'place' | 'modes'>);

export type AvailabilityProblem = 'end_before_start' | 'shorter_than_slot' | 'valid_to_before_from' | 'overlaps';

/** What is wrong with one block of hours on its own (end after start, room for one slot, dates in order). */
export function checkHours(block: { start: string; end: string; slotMinutes: number; validFrom?: IsoDate | null; validTo?: IsoDate | null }): AvailabilityProblem | undefined {
  const start = minutesOfDay(block.start);
  const end = minutesOfDay(block.end);
  if (end <= start) return 'end_before_start';
  if (end - start < block.slotMinutes) return 'shorter_than_slot';
  if (block.validFrom && block.validTo && block.validTo < block.validFrom) return 'valid_to_before_from';
  return undefined;
}

function datesMeet(a: Pick<WeeklyAvailability, 'validFrom' | 'validTo'>, b: Pick<WeeklyAvailability, 'validFrom' | 'validTo'>): boolean {
  const aFrom = a.validFrom ?? '0000-01-01';
  const bFrom = b.validFrom ?? '0000-01-01';
  const aTo = a.validTo ?? '9999-12-31';
  const bTo = b.validTo ?? '9999-12-31';
  return aFrom <= bTo && bFrom <= aTo;
}

/** True when two weekly blocks share a weekday, overlapping hours and overlapping validity. */
export function weeklyBlocksOverlap(a: WeeklyAvailability, b: WeeklyAvailability): boolean {
  return a.weekday === b.weekday && minutesOfDay(a.start) < minutesOfDay(b.end) && minutesOfDay(b.start) < minutesOfDay(a.end) && datesMeet(a, b);
}
