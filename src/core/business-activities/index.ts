import { z } from 'zod';
import type { Label } from '../reference/label';

// Business-oriented activities (virksomhedsrettede tilbud): a work trial at an employer
// (virksomhedspraktik) or a job with a wage subsidy (løntilskud). Unlike a workshop or a course
// they are one person at one employer, so they are not offer sessions with seats: one record
// on the spell, with the day it was agreed, the day it starts and, once known, the last day.
// The spell stays active throughout: the person is still unemployed.

export const BUSINESS_ACTIVITY_KINDS = ['internship', 'wage_subsidy'] as const;
export type BusinessActivityKind = (typeof BUSINESS_ACTIVITY_KINDS)[number];
export const ZBusinessActivityKind = z.enum(BUSINESS_ACTIVITY_KINDS);

export const BUSINESS_ACTIVITY_KIND_LABELS: Record<BusinessActivityKind, Label> = {
  internship: { da: 'Virksomhedspraktik', en: 'Work trial (internship)' },
  wage_subsidy: { da: 'Løntilskud', en: 'Wage subsidy' },
};

/** Job order kinds whose hire starts a business-oriented activity instead of ending the spell. */
const JOB_ORDER_ACTIVITY: Partial<Record<string, BusinessActivityKind>> = { internship: 'internship', wage_subsidy: 'wage_subsidy' };

/**
 * What a hire on a job order of this kind means for the spell: permanent, temporary and trainee
 * jobs are ordinary jobs that end it; a wage subsidy or a work trial is an activity during it.
 */
export function hireOutcome(jobOrderKind: string): { type: 'ordinary_job' } | { type: 'business_activity'; kind: BusinessActivityKind } {
  const kind = JOB_ORDER_ACTIVITY[jobOrderKind];
  return kind ? { type: 'business_activity', kind } : { type: 'ordinary_job' };
}

/** A business-oriented activity as the indicators see it. */
export type IndicatorBusinessActivity = {
  kind: BusinessActivityKind;
  /** The day it was agreed with the person (on or before its start). */
  agreedOn: string;
  startDate: string;
  /** The last day, once known. */
  endDate: string | null;
  /** The day it was registered: a later registration never changes a stored month. */
  recordedOn: string;
};

/** Started (its first day reached) by `day`, and registered by `asOf`. */
export function startedBy(a: IndicatorBusinessActivity, day: string, asOf: string): boolean {
  return a.recordedOn <= asOf && a.startDate <= day;
}

/** Agreed or started by `day`, and registered by `asOf`: "påbegyndt eller aftalt". */
export function agreedOrStartedBy(a: IndicatorBusinessActivity, day: string, asOf: string): boolean {
  return a.recordedOn <= asOf && (a.agreedOn <= day || a.startDate <= day);
}

/** Running on any day from `first` to `last` (both included), and registered by `asOf`. */
export function runningBetween(a: IndicatorBusinessActivity, first: string, last: string, asOf: string): boolean {
  return a.recordedOn <= asOf && a.startDate <= last && (a.endDate === null || a.endDate >= first);
}

export type BusinessActivityInput = { agreedOn: string; startDate: string; endDate: string | null };
export type BusinessActivityProblem = { field: 'agreedOn' | 'startDate' | 'endDate'; message: Label };

/** How far ahead an activity may be agreed to start. */
export const MAX_DAYS_AHEAD = 365;

/**
 * Whether an activity's dates fit the spell and today: agreed no later than today, than it
 * starts and than the spell's end (if it has ended), starting no earlier than the spell and at
 * most a year ahead, and ending no earlier than it starts. The first problem per field.
 */
export function checkBusinessActivityDates(input: BusinessActivityInput, spell: { startDate: string; endDate: string | null }, today: string, latestStart: string): BusinessActivityProblem[] {
  const problems: BusinessActivityProblem[] = [];
  if (input.agreedOn > today) problems.push({ field: 'agreedOn', message: { da: 'Aftaledatoen må ikke ligge i fremtiden.', en: 'The date agreed cannot be in the future.' } });
  else if (input.agreedOn > input.startDate) problems.push({ field: 'agreedOn', message: { da: 'Aftaledatoen skal ligge før eller på startdatoen.', en: 'The date agreed must be on or before the start date.' } });
  // Agreed before a handover, it may start afterwards at the jobcentre: the agreement must fall within the spell, not the start.
  else if (spell.endDate !== null && input.agreedOn > spell.endDate) problems.push({ field: 'agreedOn', message: { da: 'Aftaledatoen ligger efter, at forløbet sluttede.', en: 'The date agreed is after the spell ended.' } });
  if (input.startDate < spell.startDate) problems.push({ field: 'startDate', message: { da: 'Startdatoen ligger før forløbets start.', en: 'The start date is before the start of the spell.' } });
  else if (input.startDate > latestStart) problems.push({ field: 'startDate', message: { da: 'Startdatoen må højst ligge et år ude i fremtiden.', en: 'The start date may be at most a year ahead.' } });
  if (input.endDate !== null && input.endDate < input.startDate) problems.push({ field: 'endDate', message: { da: 'Slutdatoen ligger før startdatoen.', en: 'The end date is before the start date.' } });
  return problems;
}
