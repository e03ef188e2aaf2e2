import {
  assertIsoDate,
  fromDayNumber,
  isoWeekdayOfDayNumber,
  toDayNumber,
  type IsoDate,
} from './iso-date.js';
import { getDanishPublicHolidayByDayNumber } from './danish-holidays.js';

export type NonWorkingReason = 'weekend' | 'public_holiday' | 'closing_day';

export interface WorkingCalendar {
  readonly closingDays: readonly IsoDate[];
  isWorkingDay(date: IsoDate): boolean;
  /** Why a day is not a working day; undefined on a working day. */
  nonWorkingReason(date: IsoDate): NonWorkingReason | undefined;
  /** The public holiday's Danish name, 'Lukkedag' for an organisation's closing day, else undefined. */
  holidayName(date: IsoDate): string | undefined;
  nextWorkingDayOnOrAfter(date: IsoDate): IsoDate;
  previousWorkingDayOnOrBefore(date: IsoDate): IsoDate;
  /**
   * Moves `n` working days forward (n > 0) or back (n < 0); the start day itself is not
   * counted, so the result is always a working day. n = 0 returns the date unchanged.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /**
   * Working days passed going from `from` to `to`, counting `to` but not `from`: from < d ≤ to,
   * or minus the count of to ≤ d < from when `to` is earlier. So
   * addWorkingDays(from, workingDaysBetween(from, to)) === to whenever `to` is a working day.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
}

export interface WorkingCalendarOptions {
  /** The organisation's own closing days (e.g. 2026-12-24, 2026-12-31), ISO dates. */
  closingDays?: readonly IsoDate[];
}

export const CLOSING_DAY_NAME = 'Lukkedag';

export function createWorkingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  const closingDays = [...new Set(options.closingDays ?? [])].sort();
  closingDays.forEach((day) => assertIsoDate(day, 'closing day'));
  const closingDayNumbers = new Set(closingDays.map(toDayNumber));

  const isPublicHoliday = getDanishPublicHolidayByDayNumber;

  function reasonFor(dayNumber: number): NonWorkingReason | undefined {
    if (isoWeekdayOfDayNumber(dayNumber) >= 6) return 'weekend';
    if (isPublicHoliday(dayNumber) !== undefined) return 'public_holiday';
    if (closingDayNumbers.has(dayNumber)) return 'closing_day';
    return undefined;
  }

  const isWorkingDayNumber = (dayNumber: number) => reasonFor(dayNumber) === undefined;

  function parse(date: IsoDate): number {
    assertIsoDate(date);
    return toDayNumber(date);
  }

  // Closing days are a finite list and holidays are at most a few days in a row, so the
  // scans below always stop.
  function stepToWorkingDay(dayNumber: number, step: 1 | -1): number {
    let current = dayNumber;
    while (!isWorkingDayNumber(current)) current += step;
    return current;
  }

  return {
    closingDays,
    isWorkingDay: (date) => isWorkingDayNumber(parse(date)),
    nonWorkingReason: (date) => reasonFor(parse(date)),
    holidayName(date) {
      const dayNumber = parse(date);
      return isPublicHoliday(dayNumber) ?? (closingDayNumbers.has(dayNumber) ? CLOSING_DAY_NAME : undefined);
    },
    nextWorkingDayOnOrAfter: (date) => fromDayNumber(stepToWorkingDay(parse(date), 1)),
    previousWorkingDayOnOrBefore: (date) => fromDayNumber(stepToWorkingDay(parse(date), -1)),
    addWorkingDays(date, n) {
      if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays needs a whole number of days, got ${n}`);
      let current = parse(date);
      const step = n > 0 ? 1 : -1;
      for (let remaining = Math.abs(n); remaining > 0; ) {
        current += step;
        if (isWorkingDayNumber(current)) remaining -= 1;
      }
      return fromDayNumber(current);
    },
    workingDaysBetween(from, to) {
      const a = parse(from);
      const b = parse(to);
      let count = 0;
      if (a <= b) {
        for (let day = a + 1; day <= b; day += 1) if (isWorkingDayNumber(day)) count += 1;
        return count;
      }
      for (let day = b; day < a; day += 1) if (isWorkingDayNumber(day)) count += 1;
      return count === 0 ? 0 : -count;
    },
  };
}
