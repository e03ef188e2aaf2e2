import { addDays, daysBetween, isoWeekday, type IsoDate } from '../calendar/iso-date.js';

/**
 * The ISO 8601 week a date falls in, written '2026-W45'. The week belongs to the year of its
 * Thursday, so 2026-12-31 (a Thursday) is 2026-W53 and 2027-01-01 is too.
 */
export function isoWeekKey(date: IsoDate): string {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = Number(thursday.slice(0, 4));
  const firstThursday = addDays(`${year}-01-01`, (4 - isoWeekday(`${year}-01-01`) + 7) % 7);
  const week = 1 + daysBetween(firstThursday, thursday) / 7;
  return `${year}-W${week < 10 ? '0' : ''}${week}`;
}
