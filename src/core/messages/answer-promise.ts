import { z } from 'zod';
import { addDays, copenhagenLocalTime, toCopenhagenDateAndMinute, type IsoDate } from '../calendar/iso-date';
import type { WorkingCalendar } from '../calendar/working-calendar';

const ZWallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected HH:MM');

/**
 * The answer promise on inquiries (BUPL-A: "24-hour answer on job inquiries"), counted in working
 * hours: only between dayStart and dayEnd (Danish time) on the organisation's working days, so
 * weekends, public holidays and its closing days do not count. Data: templates/messages/answer-promise.json.
 */
export const ZAnswerPromise = z
  .object({
    promiseWorkingHours: z.number().positive().max(24 * 30),
    dayStart: ZWallTime,
    dayEnd: ZWallTime,
    categoriesWithPromise: z.array(z.enum(['job', 'other'])),
  })
  .strict()
  .refine((c) => minuteOf(c.dayStart) < minuteOf(c.dayEnd), { message: 'dayStart must be before dayEnd', path: ['dayEnd'] });
export type AnswerPromise = z.infer<typeof ZAnswerPromise>;

function minuteOf(wall: string): number {
  return Number(wall.slice(0, 2)) * 60 + Number(wall.slice(3, 5));
}

/**
 * The instant `hours` working hours after `from`. Time before the working day starts counts from
 * its start; time after it ends (or on a day off) from the next working day's start.
 */
export function addWorkingHours(from: Date, hours: number, promise: Pick<AnswerPromise, 'dayStart' | 'dayEnd'>, calendar: WorkingCalendar): Date {
  const start = minuteOf(promise.dayStart);
  const end = minuteOf(promise.dayEnd);
  let remaining = Math.round(hours * 60);
  let { date, minute } = toCopenhagenDateAndMinute(from);
  // A calendar has at most a few days off in a row; the bound only guards against a bad one.
  for (let guard = 0; guard < 10_000; guard++) {
    if (!calendar.isWorkingDay(date) || minute >= end) {
      date = nextDay(date);
      minute = start;
      continue;
    }
    if (minute < start) minute = start;
    const available = end - minute;
    if (remaining <= available) return copenhagenLocalTime(date, minute + remaining);
    remaining -= available;
    date = nextDay(date);
    minute = start;
  }
  throw new RangeError('No working time found within 10,000 days');
}

/** Working minutes between two instants (0 when `to` is not after `from`): the answer time the KPIs record. */
export function workingMinutesBetween(from: Date, to: Date, promise: Pick<AnswerPromise, 'dayStart' | 'dayEnd'>, calendar: WorkingCalendar): number {
  if (to.getTime() <= from.getTime()) return 0;
  const start = minuteOf(promise.dayStart);
  const end = minuteOf(promise.dayEnd);
  const a = toCopenhagenDateAndMinute(from);
  const b = toCopenhagenDateAndMinute(to);
  let total = 0;
  for (let date = a.date; date <= b.date; date = nextDay(date)) {
    if (!calendar.isWorkingDay(date)) continue;
    const lo = Math.max(start, date === a.date ? a.minute : 0);
    const hi = Math.min(end, date === b.date ? b.minute : 24 * 60);
    if (hi > lo) total += hi - lo;
  }
  return total;
}

function nextDay(date: IsoDate): IsoDate {
  return addDays(date, 1);
}

/** Whether an inquiry of this category carries the promise. */
export function carriesPromise(promise: AnswerPromise, category: 'job' | 'other'): boolean {
  return promise.categoriesWithPromise.includes(category);
}
