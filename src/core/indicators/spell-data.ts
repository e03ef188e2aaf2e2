import { z } from 'zod';
import { addDays, addMonthsClamped, daysBetween, type IsoDate } from '../calendar/iso-date';
import { ZAgeBand, type AgeBand } from './indicator-schema';
import type { IndicatorBusinessActivity } from '../business-activities';
import type { IndicatorWageHours } from '../wage-hours';
import type { JoblogKind } from '../joblog/rules';

/** A conversation as the indicators see it. */
export type IndicatorConversation = {
  type: string;
  status: string;
  mandatory: boolean;
  selfBooked: boolean;
  heldOn: IsoDate | null;
  /** The day it was booked (self-booked or not), if it ever was. */
  bookedOn: IsoDate | null;
  jobsPresented: number;
};

/** One spell with what the indicators need: plain data, loaded once per measurement. */
export type IndicatorSpell = {
  id: string;
  jobseekerId: string;
  kind: 'unemployment' | 'notice';
  startDate: IsoDate;
  endDate: IsoDate | null;
  endReason: string | null;
  noticeEndDate: IsoDate | null;
  targetGroup: string;
  unitId: string | null;
  caseworkerId: string | null;
  segment: string | null;
  municipalityCode: number | null;
  birthDate: IsoDate;
  /** The first day a profiling questionnaire was answered, if any. */
  profiledOn: IsoDate | null;
  /** Marker id → the day the spell was marked. */
  markers: Record<string, IsoDate>;
  conversations: IndicatorConversation[];
  /** Days the person attended an offer (workshop, course, job club …) with attendance recorded by then. */
  servicesAttended?: { day: IsoDate; recordedOn: IsoDate }[];
  /** The jobseeker's joblog entries: the search's date, the day it was recorded, and by whom. */
  joblog?: IndicatorJoblogEntry[];
  /** Hires through the organisation's job brokering that ended this spell: the first working day and the day it was recorded. */
  placements?: IndicatorPlacement[];
  /** Business-oriented activities (work trial, wage subsidy) on this spell. */
  businessActivities?: IndicatorBusinessActivity[];
  /** Ordinary paid hours per month on this spell. */
  wageHours?: IndicatorWageHours[];
};

export type IndicatorPlacement = { startDate: IsoDate; recordedOn: IsoDate };

export type IndicatorJoblogEntry = { date: IsoDate; recordedOn: IsoDate; byJobseeker: boolean; kind?: JoblogKind };

/** One logged contact with an employer: who (their unit), which employer, when it happened and was recorded. */
export type EmployerContactRecord = { employerId: string; contactedOn: IsoDate; recordedOn: IsoDate; unitId: string | null; caseworkerId: string | null };

export const ZIndicatorFilters = z
  .object({
    unitIds: z.array(z.uuid()).optional(),
    caseworkerIds: z.array(z.uuid()).optional(),
    segments: z.array(z.string().min(1).max(60)).optional(),
    targetGroups: z.array(z.string().min(1).max(60)).optional(),
    ageBands: z.array(ZAgeBand).optional(),
    municipalityCodes: z.array(z.number().int()).optional(),
    markerIds: z.array(z.uuid()).optional(),
  })
  .strict();
export type TIndicatorFilters = z.infer<typeof ZIndicatorFilters>;

/** Whole years of age on a day. */
export function ageOnDate(birthDate: IsoDate, on: IsoDate): number {
  let age = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (on.slice(5) < birthDate.slice(5)) age -= 1;
  return age;
}

export function ageBandOf(age: number): AgeBand {
  if (age < 25) return 'under_25';
  if (age < 30) return '25_29';
  if (age < 40) return '30_39';
  if (age < 50) return '40_49';
  if (age < 55) return '50_54';
  return '55_plus';
}

const has = <T>(list: readonly T[] | undefined, value: T) => list === undefined || list.length === 0 || list.includes(value);

/**
 * Spells passing the filters. Several values in one filter are alternatives (unit A or B);
 * different filters all apply. Age band is the age when the spell started; a marker counts
 * once the spell carries it on the measurement day.
 */
export function filterSpells(spells: readonly IndicatorSpell[], filters: TIndicatorFilters, asOf: IsoDate): IndicatorSpell[] {
  return spells.filter(
    (s) =>
      (filters.unitIds?.length ? s.unitId !== null && filters.unitIds.includes(s.unitId) : true) &&
      (filters.caseworkerIds?.length ? s.caseworkerId !== null && filters.caseworkerIds.includes(s.caseworkerId) : true) &&
      (filters.segments?.length ? s.segment !== null && filters.segments.includes(s.segment) : true) &&
      has(filters.targetGroups, s.targetGroup) &&
      has(filters.ageBands, ageBandOf(ageOnDate(s.birthDate, s.startDate))) &&
      (filters.municipalityCodes?.length ? s.municipalityCode !== null && filters.municipalityCodes.includes(s.municipalityCode) : true) &&
      (filters.markerIds?.length ? filters.markerIds.some((m) => s.markers[m] !== undefined && s.markers[m]! <= asOf) : true),
  );
}

/** What was known of a spell on a day: an end after that day is not yet an end. */
export function spellAsOf(spell: IndicatorSpell, asOf: IsoDate): { ended: boolean; endDate: IsoDate | null; endReason: string | null } {
  if (spell.endDate !== null && spell.endDate <= asOf) return { ended: true, endDate: spell.endDate, endReason: spell.endReason };
  return { ended: false, endDate: null, endReason: null };
}

export function isActiveOn(spell: IndicatorSpell, day: IsoDate): boolean {
  return spell.startDate <= day && (spell.endDate === null || spell.endDate > day);
}

/**
 * A window of whole calendar months back from D: `from 1, to 0` is D's month up to D (the month
 * so far), `from 12, to 0` the 11 months before it as well, `from 15, to 3` the twelve calendar
 * months that ended three months before D's month. On a month's last day these are complete months.
 */
export function monthWindow(asOf: IsoDate, fromMonthsAgo: number, toMonthsAgo: number): { first: IsoDate; last: IsoDate } {
  const firstOfMonth = `${asOf.slice(0, 8)}01`;
  const first = addMonthsClamped(firstOfMonth, -(fromMonthsAgo - 1));
  const last = toMonthsAgo === 0 ? asOf : lastDayOfMonth(addMonthsClamped(firstOfMonth, -toMonthsAgo));
  return { first, last };
}

export function lastDayOfMonth(day: IsoDate): IsoDate {
  return addDays(addMonthsClamped(`${day.slice(0, 8)}01`, 1), -1);
}

export function isLastDayOfMonth(day: IsoDate): boolean {
  return lastDayOfMonth(day) === day;
}

export function spellDays(from: IsoDate, to: IsoDate): number {
  return daysBetween(from, to);
}
