import Holidays from 'date-holidays';
import { toDayNumber, type IsoDate } from './iso-date.js';

/**
 * Danish public holidays (helligdage) as the library states them, type 'public' only: the
 * observances it also lists (juleaftensdag, grundlovsdag, 1. maj, …) are ordinary working days
 * by law unless an organisation closes, which it says with its own closing days. The library
 * drops store bededag from 2024 (lov nr. 133 af 28.02.2023); a test asserts that.
 *
 * Holidays are computed once per year and kept for the life of the process: they depend on
 * nothing but the year, and planning runs for thousands of spells.
 */
let danishHolidays: Holidays | undefined;
const holidaysByYear = new Map<number, ReadonlyMap<IsoDate, string>>();

export function getDanishPublicHolidays(year: number): ReadonlyMap<IsoDate, string> {
  const cached = holidaysByYear.get(year);
  if (cached) return cached;
  danishHolidays ??= new Holidays('DK');
  const holidays = new Map<IsoDate, string>();
  for (const holiday of danishHolidays.getHolidays(year, 'da')) {
    // `date` is the local date of the holiday ('YYYY-MM-DD 00:00:00'); `start` is an instant
    // and would land on the day before in UTC.
    if (holiday.type === 'public') holidays.set(holiday.date.slice(0, 10), holiday.name);
  }
  holidaysByYear.set(year, holidays);
  return holidays;
}

const holidaysByDayNumber = new Map<number, string>();
const yearsIndexedByDayNumber = new Set<number>();

/**
 * The holiday's name for a day number (days since 1970-01-01), or undefined. The hot path of
 * the working calendar: one map lookup once the year is loaded.
 */
export function getDanishPublicHolidayByDayNumber(dayNumber: number): string | undefined {
  // A cheap year estimate that can be one off around New Year, so the neighbours are loaded too.
  const approximateYear = Math.floor(dayNumber / 365.2425) + 1970;
  for (let year = approximateYear - 1; year <= approximateYear + 1; year += 1) {
    if (yearsIndexedByDayNumber.has(year)) continue;
    for (const [date, name] of getDanishPublicHolidays(year)) holidaysByDayNumber.set(toDayNumber(date), name);
    yearsIndexedByDayNumber.add(year);
  }
  return holidaysByDayNumber.get(dayNumber);
}
