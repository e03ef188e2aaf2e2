import type { IsoDate } from '../calendar/iso-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';

export type TrafficLight = 'overdue' | 'due_soon' | 'ok';

/** "Due soon" is a deadline within this many working days from today. */
export const DUE_SOON_WORKING_DAYS = 5;

export const TRAFFIC_LIGHT_ORDER: Record<TrafficLight, number> = { overdue: 0, due_soon: 1, ok: 2 };

/**
 * The last date that still counts as due soon. Counting working days means a deadline on the
 * Monday after a long Easter weekend is "soon" on the Wednesday before, as it is in practice.
 */
export function dueSoonLimit(today: IsoDate, calendar: WorkingCalendar): IsoDate {
  return calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS);
}

export interface TrafficLightInput {
  /** The last day the next conversation may be held; null when it has no deadline. */
  latest: IsoDate | null;
  today: IsoDate;
  calendar: WorkingCalendar;
}

/**
 * Red when the deadline has passed, yellow when it falls within the next 5 working days
 * (today included), green otherwise. The SQL of the caseload list applies the same two
 * boundaries, computed here, so the list and this rule cannot disagree.
 */
export function trafficLight({ latest, today, calendar }: TrafficLightInput): TrafficLight {
  if (latest === null) return 'ok';
  if (latest < today) return 'overdue';
  if (latest <= dueSoonLimit(today, calendar)) return 'due_soon';
  return 'ok';
}
