import { addDays, type IsoDate } from '../calendar/iso-date';
import type { Label } from '../reference/label';

export const ABSENCE_REASONS = ['no_notice', 'sick', 'child_sick', 'job_interview', 'work', 'approved_leave', 'other'] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

export const ABSENCE_REASON_LABELS: Record<AbsenceReason, Label> = {
  no_notice: { da: 'Udeblevet uden afbud', en: 'Absent without notice' },
  sick: { da: 'Syg', en: 'Sick' },
  child_sick: { da: 'Barns sygdom', en: "Child's illness" },
  job_interview: { da: 'Jobsamtale', en: 'Job interview' },
  work: { da: 'Arbejde', en: 'Work' },
  approved_leave: { da: 'Godkendt fravær', en: 'Approved leave' },
  other: { da: 'Anden grund', en: 'Other reason' },
};

/**
 * Absence for a job interview, work or with approval is part of getting a job or agreed in
 * advance; the availability team is asked to look only at the rest.
 */
export function countsTowardAvailability(reason: AbsenceReason): boolean {
  switch (reason) {
    case 'job_interview':
    case 'work':
    case 'approved_leave':
      return false;
    case 'no_notice':
    case 'sick':
    case 'child_sick':
    case 'other':
      return true;
    default:
      return reason satisfies never;
  }
}

export type RepeatedAbsenceRule = { count: number; withinDays: number };
export const DEFAULT_REPEATED_ABSENCE: RepeatedAbsenceRule = { count: 2, withinDays: 30 };

/**
 * Whether the absences ending on `latest` amount to repeated absence: at least `count` counting
 * absences within the `withinDays` days up to and including that day. Returns the first day of
 * the window's absences, which names the episode: a third absence inside the same window is the
 * same episode (no second task); one that pushes the first out of the window starts a new one.
 */
export function findRepeatedAbsence(
  absences: readonly { day: IsoDate; reason: AbsenceReason }[],
  latest: IsoDate,
  rule: RepeatedAbsenceRule = DEFAULT_REPEATED_ABSENCE,
): { repeated: false } | { repeated: true; days: IsoDate[]; episodeStart: IsoDate } {
  const from = addDays(latest, -(rule.withinDays - 1));
  const days = [...new Set(absences.filter((a) => countsTowardAvailability(a.reason) && a.day >= from && a.day <= latest).map((a) => a.day))].sort();
  if (days.length < rule.count) return { repeated: false };
  return { repeated: true, days, episodeStart: days[0]! };
}

/** The first and last day of a month given as YYYY-MM. */
export function monthRange(month: string): { from: IsoDate; to: IsoDate } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}
