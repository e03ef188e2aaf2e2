import { addDays, daysBetween, maxIsoDate, minIsoDate, type IsoDate } from '../calendar/iso-date';

/** A stretch of unemployment, first day to last day inclusive (null = still going). */
export type UnemploymentPeriod = { startDate: IsoDate; endDate: IsoDate | null };

/** 52 weeks. */
export const LONG_TERM_DAYS = 364;
/** A break of up to 28 days does not interrupt a run of unemployment (definition 1). */
export const MAX_BREAK_DAYS = 28;
/** Definition 2: unemployed at least 80 % of the last 52 weeks. */
export const SHARE_OF_YEAR = 0.8;

/** The last day of unemployment on or before `asOf`; a spell's end date is the first day out of it. */
function lastUnemployedDay(p: UnemploymentPeriod, asOf: IsoDate): IsoDate {
  return p.endDate === null ? asOf : minIsoDate(addDays(p.endDate, -1), asOf);
}

function isUnemployedOn(periods: readonly UnemploymentPeriod[], day: IsoDate): boolean {
  return periods.some((p) => p.startDate <= day && (p.endDate === null || p.endDate > day));
}

/**
 * Definition 1 (sammenhængende ledighed): on `asOf` the person is unemployed and has been so
 * for 52 weeks in a row, where breaks of up to 28 days do not end the run. The run is counted
 * in calendar days from its first day, short breaks included.
 */
export function isLongTermContinuous(periods: readonly UnemploymentPeriod[], asOf: IsoDate): boolean {
  if (!isUnemployedOn(periods, asOf)) return false;
  const runs = periods
    .filter((p) => p.startDate <= asOf)
    .map((p) => ({ first: p.startDate, last: lastUnemployedDay(p, asOf) }))
    .filter((p) => p.first <= p.last)
    .sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  // Join periods whose break is at most 28 days; the run that reaches asOf is the one that counts.
  let run: { first: IsoDate; last: IsoDate } | null = null;
  for (const p of runs) {
    if (run !== null && daysBetween(run.last, p.first) - 1 <= MAX_BREAK_DAYS) {
      if (p.last > run.last) run.last = p.last;
    } else run = { ...p };
  }
  return run !== null && run.last === asOf && daysBetween(run.first, asOf) + 1 >= LONG_TERM_DAYS;
}

/** Days unemployed in the 52 weeks ending on `asOf` (overlapping periods counted once). */
export function daysUnemployedInLastYear(periods: readonly UnemploymentPeriod[], asOf: IsoDate): number {
  const from = addDays(asOf, -(LONG_TERM_DAYS - 1));
  const clipped = periods
    .filter((p) => p.startDate <= asOf)
    .map((p) => ({ first: maxIsoDate(p.startDate, from), last: lastUnemployedDay(p, asOf) }))
    .filter((p) => p.first <= p.last)
    .sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  let days = 0;
  let coveredTo: IsoDate | null = null;
  for (const p of clipped) {
    const first = coveredTo !== null && p.first <= coveredTo ? addDays(coveredTo, 1) : p.first;
    if (first <= p.last) days += daysBetween(first, p.last) + 1;
    if (coveredTo === null || p.last > coveredTo) coveredTo = p.last;
  }
  return days;
}

/** Definition 2 (andel af tiden): unemployed on `asOf` and at least 80 % of the last 52 weeks. */
export function isLongTermShareOfYear(periods: readonly UnemploymentPeriod[], asOf: IsoDate): boolean {
  return isUnemployedOn(periods, asOf) && daysUnemployedInLastYear(periods, asOf) >= SHARE_OF_YEAR * LONG_TERM_DAYS;
}
