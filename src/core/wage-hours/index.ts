import { z } from 'zod';
import type { Label } from '../reference/label';

// Ordinary paid working hours (løntimer) per calendar month on a spell: hours of ordinary work,
// with pay, that the person had alongside the benefit. Not the hours of unemployment counted for
// the 410-hour rule (benefit_hours). Seed 004 follows the share with paid hours per target group.

export const WAGE_HOURS_SOURCES = ['eindkomst', 'jobseeker', 'employer'] as const;
export type WageHoursSource = (typeof WAGE_HOURS_SOURCES)[number];
export const ZWageHoursSource = z.enum(WAGE_HOURS_SOURCES);

export const WAGE_HOURS_SOURCE_LABELS: Record<WageHoursSource, Label> = {
  eindkomst: { da: 'eIndkomst', en: 'eIncome register' },
  jobseeker: { da: 'Oplyst af borgeren', en: 'Reported by the jobseeker' },
  employer: { da: 'Oplyst af arbejdsgiveren', en: 'Reported by the employer' },
};

/** The most hours a calendar month can hold (31 × 24). */
export const MAX_WAGE_HOURS = 744;

/** One month's paid hours as the indicators see them. */
export type IndicatorWageHours = {
  /** The month's first day. */
  month: string;
  hours: number;
};

/**
 * Paid hours > 0 in the month of `asOf`. Unlike other indicator data, whenever registered: a
 * month's hours are reported after it (eIndkomst by about the 10th of the next month), so the
 * figure taken on the 1st is provisional and a later revision of the month counts them.
 */
export function hadPaidHoursInMonth(entries: readonly IndicatorWageHours[], asOf: string): boolean {
  const month = `${asOf.slice(0, 7)}-01`;
  return entries.some((e) => e.month === month && e.hours > 0);
}

export type WageHoursProblem = { field: 'month'; message: Label };

/**
 * A month can be set once the spell has reached it, and not after it ended (`month` is YYYY-MM).
 * Future months are refused: hours are reported after they were worked.
 */
export function checkWageHoursMonth(month: string, spell: { startDate: string; endDate: string | null }, today: string): WageHoursProblem[] {
  const first = `${month}-01`;
  if (month > today.slice(0, 7)) return [{ field: 'month', message: { da: 'Måneden ligger efter denne måned. Løntimer registreres, når de er præsteret.', en: 'The month is after this month. Paid hours are registered once worked.' } }];
  if (month < spell.startDate.slice(0, 7)) return [{ field: 'month', message: { da: 'Måneden ligger før forløbets start.', en: 'The month is before the spell started.' } }];
  if (spell.endDate !== null && first > spell.endDate) return [{ field: 'month', message: { da: 'Måneden ligger efter forløbets slutning.', en: 'The month is after the spell ended.' } }];
  return [];
}
