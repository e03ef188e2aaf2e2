import { daysInMonth, type IsoDate } from '../calendar/iso-date';

export type MonthlyBenefitHours = { month: IsoDate; hours: number };

export const HANDOVER_HOURS = 410;

/**
 * The 2024 handover rule counts paid benefit hours month by month: the spell passes 410 hours at
 * the end of the month in which the running total reaches 410. Months are given by their first
 * day; order does not matter. Returns null while the total is below the threshold.
 */
export function monthEndReachingHours(entries: readonly MonthlyBenefitHours[], threshold = HANDOVER_HOURS): IsoDate | null {
  const sorted = [...entries].sort((a, b) => a.month.localeCompare(b.month));
  let total = 0;
  for (const entry of sorted) {
    total += entry.hours;
    if (total >= threshold) {
      const year = Number(entry.month.slice(0, 4));
      const month = Number(entry.month.slice(5, 7));
      return `${entry.month.slice(0, 8)}${String(daysInMonth(year, month)).padStart(2, '0')}`;
    }
  }
  return null;
}

/** The first day of the month a date falls in: how benefit-hour months are keyed. */
export function monthOf(date: IsoDate): IsoDate {
  return `${date.slice(0, 8)}01`;
}
