import { addDays, addMonthsClamped, daysBetween, minIsoDate, type IsoDate } from '../calendar/iso-date';
import type { JoblogKind } from '../joblog/rules';
import { monthWindow, spellAsOf, type IndicatorSpell } from './spell-data';

export type JobsSoughtRate = {
  /** Jobs sought (joblog entries of the counted kinds) on days the person's spell was running. */
  entries: number;
  /** Days of those spells inside the period, as weeks. */
  weeks: number;
  /** Spells that ran on at least one day of the period. */
  spells: number;
  /** entries / weeks, or null with no weeks. */
  perWeek: number | null;
};

export type JobsSoughtScope = { spellKind: 'unemployment' | 'notice'; targetGroups?: readonly string[]; joblogKinds: readonly JoblogKind[] };

/**
 * Jobs sought per week of unemployment in a period (both days included), as known on `asOf`:
 * an entry counts when it is dated on a day the person's spell was running in the period and
 * was recorded by `asOf`; a week is seven such spell days. Per spell-week rather than per
 * person, so a month with more people out of work does not look like more searching.
 */
export function jobsSoughtPerWeek(spells: readonly IndicatorSpell[], period: { first: IsoDate; last: IsoDate }, asOf: IsoDate, scope: JobsSoughtScope): JobsSoughtRate {
  let entries = 0;
  let days = 0;
  let counted = 0;
  const last = minIsoDate(period.last, asOf);
  for (const s of spells) {
    if (s.kind !== scope.spellKind) continue;
    if (scope.targetGroups?.length && !scope.targetGroups.includes(s.targetGroup)) continue;
    const known = spellAsOf(s, asOf);
    const from = s.startDate > period.first ? s.startDate : period.first;
    // The end date is the first day out of unemployment, so the spell's last day is the one before.
    const to = known.ended ? minIsoDate(last, addDays(known.endDate!, -1)) : last;
    if (to < from) continue;
    counted++;
    days += daysBetween(from, to) + 1;
    for (const e of s.joblog ?? []) if (e.recordedOn <= asOf && e.date >= from && e.date <= to && e.kind !== undefined && scope.joblogKinds.includes(e.kind)) entries++;
  }
  const weeks = days / 7;
  return { entries, weeks, spells: counted, perWeek: days === 0 ? null : entries / weeks };
}

/**
 * The periods a change in jobs sought compares: the `months` whole months back from the
 * measurement day (the month so far included), against the same stretch up to the baseline date
 * when one is given, else `baselineMonthsBefore` months earlier.
 */
export function jobsSoughtPeriods(asOf: IsoDate, months: number, baselineMonthsBefore: number, baselineDate?: IsoDate | null): { current: { first: IsoDate; last: IsoDate }; baseline: { first: IsoDate; last: IsoDate } } {
  const baselineDay = baselineDate ?? addMonthsClamped(asOf, -baselineMonthsBefore);
  return { current: monthWindow(asOf, months, 0), baseline: monthWindow(baselineDay, months, 0) };
}
