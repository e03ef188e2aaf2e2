import { z } from 'zod';
import { addDays, addMonthsClamped, maxIsoDate, type IsoDate } from '../calendar/iso-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';

/**
 * When a conversation must be held, counted from day 0 = the first day of unemployment (or
 * the start of a course, see the cadence's `anchor`). "Week N" is days 7(N−1) … 7N−1.
 *
 * | kind            | earliest                           | latest                          |
 * | --------------- | ---------------------------------- | ------------------------------- |
 * | on_day          | day N                              | day N                           |
 * | within_days     | day 0                              | day N                           |
 * | within_weeks    | day 0                              | day 7N ("senest efter N uger")  |
 * | in_week         | day 7(N−1)                         | day 7N−1                        |
 * | between_weeks   | day 7(from−1) (start of week from) | day 7·to−1 (end of week to)     |
 * | at_weeks        | latest − 7·weeksBefore (default 1) | day 7N ("ved N ugers ledighed") |
 * | within_months   | day 0                              | same date N months on, clamped  |
 * | at_months       | latest − 7·weeksBefore (default 1) | same date N months on, clamped  |
 *
 * "At N weeks/months" in the seeds names a deadline, not a range; a window of one week before
 * it is our default so a caseworker has room to book, and a template can widen it.
 * An earliest date never falls before day 0.
 */
const weeks = z.int().min(1).max(260);
const months = z.int().min(1).max(60);

export const ZConversationWindow = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('on_day'), day: z.int().min(0).max(2000) }),
    z.strictObject({ kind: z.literal('within_days'), days: z.int().min(0).max(2000) }),
    z.strictObject({ kind: z.literal('within_weeks'), weeks }),
    z.strictObject({ kind: z.literal('in_week'), week: weeks }),
    z.strictObject({ kind: z.literal('between_weeks'), from: weeks, to: weeks }),
    z.strictObject({ kind: z.literal('at_weeks'), weeks, weeksBefore: weeks.optional() }),
    z.strictObject({ kind: z.literal('within_months'), months }),
    z.strictObject({ kind: z.literal('at_months'), months, weeksBefore: weeks.optional() }),
  ])
  .superRefine((window, ctx) => {
    if (window.kind === 'between_weeks' && window.from > window.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `week ${window.to} is before week ${window.from}` });
    }
  });

export type TConversationWindow = z.infer<typeof ZConversationWindow>;

export interface DateWindow {
  earliest: IsoDate;
  latest: IsoDate;
}

export interface ResolvedWindow extends DateWindow {
  /**
   * True when no working day lay inside the raw window (e.g. a one-day window on
   * langfredag, or a week filled by closing days), so both dates were moved out of it.
   */
  collapsed: boolean;
}

/** The window in calendar days, before working days are considered. */
export function computeRawWindow(window: TConversationWindow, dayZero: IsoDate): DateWindow {
  const day = (n: number) => addDays(dayZero, n);
  switch (window.kind) {
    case 'on_day':
      return { earliest: day(window.day), latest: day(window.day) };
    case 'within_days':
      return { earliest: dayZero, latest: day(window.days) };
    case 'within_weeks':
      return { earliest: dayZero, latest: day(7 * window.weeks) };
    case 'in_week':
      return { earliest: day(7 * (window.week - 1)), latest: day(7 * window.week - 1) };
    case 'between_weeks':
      return { earliest: day(7 * (window.from - 1)), latest: day(7 * window.to - 1) };
    case 'at_weeks': {
      const latest = day(7 * window.weeks);
      return { earliest: maxIsoDate(dayZero, addDays(latest, -7 * (window.weeksBefore ?? 1))), latest };
    }
    case 'within_months':
      return { earliest: dayZero, latest: addMonthsClamped(dayZero, window.months) };
    case 'at_months': {
      const latest = addMonthsClamped(dayZero, window.months);
      return { earliest: maxIsoDate(dayZero, addDays(latest, -7 * (window.weeksBefore ?? 1))), latest };
    }
    default:
      return window satisfies never;
  }
}

/**
 * Moves a calendar window onto working days: an earliest date on a day off moves to the
 * working day after, a latest date to the working day before, so a deadline is never later
 * than the rule says.
 *
 * When that leaves earliest after latest (no working day inside the window), both become the
 * last working day before the window, so the deadline still is not missed; if that day lies
 * before `notBefore` (day 0: the spell had not started), both become the first working day
 * after the window instead. Either way earliest = latest and `collapsed` is true.
 */
export function fitWindowToWorkingDays(raw: DateWindow, calendar: WorkingCalendar, notBefore: IsoDate): ResolvedWindow {
  const earliest = calendar.nextWorkingDayOnOrAfter(raw.earliest);
  const latest = calendar.previousWorkingDayOnOrBefore(raw.latest);
  if (earliest <= latest) return { earliest, latest, collapsed: false };
  const day = latest >= notBefore ? latest : earliest;
  return { earliest: day, latest: day, collapsed: true };
}

export interface ResolveWindowInput {
  window: TConversationWindow;
  dayZero: IsoDate;
  calendar: WorkingCalendar;
  /** Added to both raw dates; used for repeated (e.g. weekly) conversations. */
  shiftDays?: number;
}

export function resolveWindow({ window, dayZero, calendar, shiftDays = 0 }: ResolveWindowInput): ResolvedWindow {
  const raw = computeRawWindow(window, dayZero);
  const shifted = { earliest: addDays(raw.earliest, shiftDays), latest: addDays(raw.latest, shiftDays) };
  return fitWindowToWorkingDays(shifted, calendar, dayZero);
}
