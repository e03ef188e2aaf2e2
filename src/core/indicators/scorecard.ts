import { addMonthsClamped, type IsoDate } from '../calendar/iso-date';
import type { IndicatorUnit } from './indicator-schema';
import { lastDayOfMonth } from './spell-data';

export type Milestone = { date: IsoDate; value: number };
export type TrafficLight = 'met' | 'near' | 'not_met' | 'none';
export type Direction = 'higher_is_better' | 'lower_is_better';

/** 'YYYY-MM' of a day. */
export function monthOf(day: IsoDate): string {
  return day.slice(0, 7);
}

export function monthEnd(month: string): IsoDate {
  return lastDayOfMonth(`${month}-01`);
}

/** The months from `first` to `last` inclusive, as 'YYYY-MM'. */
export function listMonths(first: string, last: string): string[] {
  const months: string[] = [];
  for (let m = first; m <= last; m = addMonthsClamped(`${m}-01`, 1).slice(0, 7)) months.push(m);
  return months;
}

export function previousMonth(day: IsoDate): string {
  return addMonthsClamped(`${day.slice(0, 7)}-01`, -1).slice(0, 7);
}

/**
 * The minimum target a month is held against: the first milestone on or after the month's
 * end (the one the organisation is working towards), after the last milestone the last one.
 */
export function targetInForce(milestones: readonly Milestone[], month: string): Milestone | null {
  if (milestones.length === 0) return null;
  const sorted = [...milestones].sort((a, b) => (a.date < b.date ? -1 : 1));
  const end = monthEnd(month);
  return sorted.find((m) => m.date >= end) ?? sorted.at(-1)!;
}

/** How far from the target is still "near": 5 points for a percentage, 10 % of the target otherwise. */
export function defaultNearTolerance(unit: IndicatorUnit, target: number): number {
  return unit === 'percent' ? 5 : Math.abs(target) * 0.1;
}

/** Met, near (within the tolerance) or not met; 'none' when there is no value or no target. */
export function judgeAgainstTarget(value: number | null, target: number | null, direction: Direction, tolerance: number): TrafficLight {
  if (value === null || target === null) return 'none';
  const gap = direction === 'higher_is_better' ? target - value : value - target;
  if (gap <= 0) return 'met';
  return gap <= tolerance ? 'near' : 'not_met';
}
