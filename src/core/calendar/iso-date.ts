import { z } from 'zod';

/**
 * A calendar date 'YYYY-MM-DD' in Danish (Europe/Copenhagen) terms. Dates are never turned
 * into instants inside the rules: arithmetic runs on whole UTC day numbers, so no time zone or
 * daylight-saving change can shift a date.
 */
export type IsoDate = string;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Years below 1000 would need Date's two-digit-year quirks handled; no spell starts then.
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export const ZIsoDate = z.string().refine(isIsoDate, { message: 'Expected a real calendar date written YYYY-MM-DD' });

export function assertIsoDate(value: unknown, what = 'date'): asserts value is IsoDate {
  if (!isIsoDate(value)) {
    throw new RangeError(`Invalid ${what}: ${JSON.stringify(value)} is not a calendar date written YYYY-MM-DD`);
  }
}

/** Days since 1970-01-01. The date must already be known to be valid. */
export function toDayNumber(date: IsoDate): number {
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

export function fromDayNumber(dayNumber: number): IsoDate {
  // Howard Hinnant's civil_from_days: integer arithmetic only, many times faster than going
  // through Date#toISOString, which matters when thousands of spells are planned.
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate(year, month, day);
}

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOfDayNumber(dayNumber: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

export function isoWeekday(date: IsoDate): number {
  return isoWeekdayOfDayNumber(toDayNumber(date));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * The same calendar date `months` later; when that month is shorter, its last day
 * (2026-01-31 + 1 month = 2026-02-28).
 */
export function addMonthsClamped(date: IsoDate, months: number): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return formatIsoDate(targetYear, targetMonth, targetDay);
}

export function minIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/**
 * The Danish calendar date of an instant (e.g. the injected clock's "now"). Pure: the instant
 * is a parameter, the zone is fixed by law for Jobspor.
 */
const copenhagenParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Copenhagen',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

function partsOf(instant: Date) {
  const parts = copenhagenParts.formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, hour: Number(part('hour')), minute: Number(part('minute')) };
}

export function toCopenhagenIsoDate(instant: Date): IsoDate {
  return partsOf(instant).date;
}

/**
 * The instant a Danish calendar day begins (midnight in Copenhagen, summer or winter time), so
 * "from 1 March" in a filter means what a Danish user means, not midnight UTC.
 */
export function startOfCopenhagenDay(date: IsoDate): Date {
  assertIsoDate(date);
  const utcMidnight = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  // Copenhagen is 1 or 2 hours ahead of UTC; midnight there is 22:00 or 23:00 UTC the day before.
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(utcMidnight - offsetHours * 3_600_000);
    const p = partsOf(candidate);
    if (p.date === date && p.hour === 0 && p.minute === 0) return candidate;
  }
  throw new RangeError(`No Copenhagen midnight found for ${date}`);
}

/** The Danish calendar date and the minute of that day (0–1439) of an instant. */
export function toCopenhagenDateAndMinute(instant: Date): { date: IsoDate; minute: number } {
  const p = partsOf(instant);
  return { date: p.date, minute: p.hour * 60 + p.minute };
}

/**
 * The instant of a wall-clock time in Copenhagen on a Danish calendar day (`minutes` after
 * midnight, local time), summer or winter time. On the two days a year the clocks change, a time
 * that does not exist (02:30 in March) is read in winter time.
 */
export function copenhagenLocalTime(date: IsoDate, minutes: number): Date {
  assertIsoDate(date);
  const utc = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + minutes * 60_000;
  const wantHour = Math.floor(minutes / 60) % 24;
  const wantMinute = minutes % 60;
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(utc - offsetHours * 3_600_000);
    const p = partsOf(candidate);
    if (p.date === date && p.hour === wantHour && p.minute === wantMinute) return candidate;
  }
  return new Date(utc - 3_600_000);
}
