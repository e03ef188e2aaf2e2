import { addDays, daysBetween, startOfCopenhagenDay, type IsoDate } from '../calendar/iso-date';
import { measureAnswerPromise, type PromiseInquiryRecord } from '../messages/promise-kpi';
import { estimateCumulativeIncidence, estimateKaplanMeier, evaluateIncidenceAt, evaluateSurvivalAt } from '../survival';
import { satisfactionShare, type SatisfactionResponse } from '../surveys/satisfaction';
import type { TCohort, TCondition, TIndicatorDefinition, TPopulation, IndicatorUnit } from './indicator-schema';
import { agreedOrStartedBy, runningBetween, startedBy, type BusinessActivityKind } from '../business-activities';
import { hadPaidHoursInMonth } from '../wage-hours';
import { jobsSoughtPerWeek, jobsSoughtPeriods } from './jobs-sought';
import { isLongTermContinuous, isLongTermShareOfYear, type UnemploymentPeriod } from './long-term-unemployment';
import { ageBandOf, ageOnDate, isActiveOn, monthWindow, spellAsOf, type EmployerContactRecord, type IndicatorSpell } from './spell-data';

/** Fewer spells than this behind a number and it is not shown: it could point at a person. */
export const MIN_CELL_SIZE = 5;

export type IndicatorValueStatus = 'ok' | 'suppressed' | 'no_data' | 'awaiting_data';

export type IndicatorValue = {
  code: string;
  status: IndicatorValueStatus;
  unit: IndicatorUnit;
  /** Percent as 0–100, weeks with decimals, counts as whole numbers; null unless status is ok. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Spells (or persons) the number rests on; shown even when the value is suppressed. */
  n: number;
  /** 95 % limits where the indicator has them (survival shares). */
  lower: number | null;
  upper: number | null;
};

export type MeasureOptions = {
  /** The measurement day: what was known at its end counts, later events do not. */
  asOf: IsoDate;
  /** Every spell of the organisation, for histories (returns, long-term unemployment) across filters. */
  history?: readonly IndicatorSpell[];
  /** Survey invitations and answers, already confined to the same scope as the spells. */
  satisfaction?: readonly SatisfactionResponse[];
  /** Contacts with employers, already confined to the same scope (unit, staff member). */
  employerContacts?: readonly EmployerContactRecord[];
  /** Job-related inquiries under the answer promise, already confined to the same scope. */
  answerPromise?: readonly PromiseInquiryRecord[];
  /** The scorecard row's baseline date, for indicators measured as a change against the baseline. */
  baselineDate?: IsoDate | null;
};

function inPopulation(spell: IndicatorSpell, population: TPopulation, asOf: IsoDate): boolean {
  if (spell.kind !== population.spellKind || spell.startDate > asOf) return false;
  if (population.targetGroups?.length && !population.targetGroups.includes(spell.targetGroup)) return false;
  if (population.ageBands?.length && !population.ageBands.includes(ageBandOf(ageOnDate(spell.birthDate, spell.startDate)))) return false;
  return inCohort(spell, population.cohort, asOf);
}

function inCohort(spell: IndicatorSpell, cohort: TCohort, asOf: IsoDate): boolean {
  switch (cohort.basis) {
    case 'started': {
      const w = monthWindow(asOf, cohort.fromMonthsAgo, cohort.toMonthsAgo);
      return spell.startDate >= w.first && spell.startDate <= w.last;
    }
    case 'ended': {
      const w = monthWindow(asOf, cohort.fromMonthsAgo, cohort.toMonthsAgo);
      const known = spellAsOf(spell, asOf);
      return known.ended && known.endDate! >= w.first && known.endDate! <= w.last;
    }
    case 'active_on':
      return isActiveOn(spell, asOf);
    case 'marked': {
      const days = Object.values(spell.markers).filter((d) => d <= asOf);
      if (cohort.fromMonthsAgo === null) return days.length > 0;
      const w = monthWindow(asOf, cohort.fromMonthsAgo, 0);
      return days.some((d) => d >= w.first);
    }
    default:
      return cohort satisfies never;
  }
}

const activitiesOf = (spell: IndicatorSpell, kinds: readonly BusinessActivityKind[]) => (spell.businessActivities ?? []).filter((a) => kinds.includes(a.kind));

/** true = counts, false = in the denominator only, null = not asked (outside the denominator). */
function evaluateCondition(spell: IndicatorSpell, condition: TCondition, asOf: IsoDate, history: readonly IndicatorSpell[]): boolean | null {
  const held = spell.conversations.filter((c) => c.status === 'held' && c.heldOn !== null && c.heldOn <= asOf);
  switch (condition.type) {
    case 'ended_with': {
      const known = spellAsOf(spell, asOf);
      if (condition.amongServiceUsers) {
        const last = known.endDate ?? asOf;
        const used = (spell.servicesAttended ?? []).some((a) => a.recordedOn <= asOf && a.day >= spell.startDate && a.day <= last);
        if (!used) return null;
      }
      if (!known.ended) return condition.amongEnded ? null : false;
      if (!condition.reasons.includes(known.endReason as never)) return false;
      return !condition.byNoticeEnd || spell.noticeEndDate === null || known.endDate! <= spell.noticeEndDate;
    }
    case 'profiled_by_first': {
      const first = held.filter((c) => c.type === condition.conversationType).sort((a, b) => (a.heldOn! < b.heldOn! ? -1 : 1))[0];
      if (!first) return null;
      return spell.profiledOn !== null && spell.profiledOn <= first.heldOn!;
    }
    case 'talks_beyond_statutory':
      return held.filter((c) => !c.mandatory).length >= condition.min;
    case 'jobs_presented':
      if (held.length === 0) return null;
      return held.reduce((sum, c) => sum + c.jobsPresented, 0) >= condition.min;
    case 'talks_within_days': {
      const limit = addDays(spell.startDate, condition.days);
      return held.filter((c) => c.heldOn! < limit).length >= condition.min;
    }
    case 'self_booked': {
      const booked = spell.conversations.filter((c) => c.bookedOn !== null && c.bookedOn <= asOf);
      if (booked.length === 0) return null;
      return booked.some((c) => c.selfBooked);
    }
    case 'returned_within_days': {
      const known = spellAsOf(spell, asOf);
      if (!known.ended) return null;
      const limit = addDays(known.endDate!, condition.days);
      return history.some((s) => s.id !== spell.id && s.jobseekerId === spell.jobseekerId && s.kind === 'unemployment' && s.startDate >= known.endDate! && s.startDate <= limit && s.startDate <= asOf);
    }
    case 'joblog_within_days': {
      // Recorded by the measurement day, for a day inside the window: a late entry never changes a stored month.
      const from = addDays(asOf, -condition.days);
      return (spell.joblog ?? []).some((e) => e.recordedOn <= asOf && e.date <= asOf && e.date > from && (!condition.byJobseekerOnly || e.byJobseeker));
    }
    case 'placed_through_brokering':
      // Recorded by the measurement day: a hire registered later never changes a stored month.
      return (spell.placements ?? []).some((p) => p.recordedOn <= asOf);
    case 'business_activity_by_day': {
      // Day `days` counted from day 0 is the first day after the period: the period must be over,
      // and the spell must have lasted through it (one that ended in a job in week 10 is not asked).
      const limit = addDays(spell.startDate, condition.days);
      if (limit > asOf) return null;
      const known = spellAsOf(spell, asOf);
      if (known.ended && known.endDate! < limit) return null;
      const lastDay = addDays(limit, -1);
      return activitiesOf(spell, condition.kinds).some((a) => startedBy(a, lastDay, asOf));
    }
    case 'business_activity_before_end': {
      const known = spellAsOf(spell, asOf);
      if (!known.ended || !condition.reasons.includes(known.endReason as never)) return null;
      return activitiesOf(spell, condition.kinds).some((a) => agreedOrStartedBy(a, known.endDate!, asOf));
    }
    case 'business_activity_in_month': {
      const { first } = monthWindow(asOf, 1, 0);
      return activitiesOf(spell, condition.kinds).some((a) => runningBetween(a, first, asOf, asOf));
    }
    case 'paid_hours_in_month':
      return hadPaidHoursInMonth(spell.wageHours ?? [], asOf);
    default:
      return condition satisfies never;
  }
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function result(code: string, unit: IndicatorUnit, n: number, fields: Partial<IndicatorValue>): IndicatorValue {
  const base: IndicatorValue = { code, status: 'ok', unit, value: null, numerator: null, denominator: null, n, lower: null, upper: null, ...fields };
  if (base.status !== 'ok') return base;
  // A count of zero reveals no one; any other number resting on fewer than 5 spells is hidden.
  const isZeroCount = unit === 'count' && n === 0;
  if (n === 0 && !isZeroCount) return { ...base, status: 'no_data', value: null, numerator: null, denominator: null, lower: null, upper: null };
  if (n > 0 && n < MIN_CELL_SIZE) return { ...base, status: 'suppressed', value: null, numerator: null, denominator: null, lower: null, upper: null };
  return base;
}

/**
 * The value of one indicator on one day, over the spells given (already filtered). Pure: the
 * same spells and day always give the same number.
 */
export function computeIndicator(definition: TIndicatorDefinition, spells: readonly IndicatorSpell[], options: MeasureOptions): IndicatorValue {
  const { asOf } = options;
  const history = options.history ?? spells;
  const { code, unit } = definition;
  if (definition.status === 'awaiting_data' || definition.kind === 'awaiting') return { ...result(code, unit, 0, {}), status: 'awaiting_data' };

  switch (definition.kind) {
    case 'count': {
      const population = spells.filter((s) => inPopulation(s, definition.population, asOf));
      const counted = definition.condition ? population.filter((s) => evaluateCondition(s, definition.condition!, asOf, history) === true) : population;
      return result(code, unit, counted.length, { value: counted.length });
    }
    case 'employer_contact_count': {
      // Employers are not persons: a small count is shown, not hidden.
      const w = monthWindow(asOf, definition.fromMonthsAgo, definition.toMonthsAgo);
      const employers = new Set((options.employerContacts ?? []).filter((c) => c.recordedOn <= asOf && c.contactedOn >= w.first && c.contactedOn <= w.last).map((c) => c.employerId));
      return { code, status: 'ok', unit, value: employers.size, numerator: null, denominator: null, n: employers.size, lower: null, upper: null };
    }
    case 'satisfaction_share': {
      // Answers given in the window and known by the measurement day: a later answer never changes a stored month.
      const w = monthWindow(asOf, definition.fromMonthsAgo, definition.toMonthsAgo);
      const { surveyKey, trigger, audience, questionId } = definition.survey;
      const answers = (options.satisfaction ?? []).filter(
        (r) =>
          r.answeredOn !== null &&
          r.answeredOn >= w.first &&
          r.answeredOn <= w.last &&
          (surveyKey === undefined || r.surveyKey === surveyKey) &&
          (trigger === undefined || r.trigger === trigger) &&
          (audience === undefined || r.audience === audience),
      );
      // Another Likert question than satisfaction: its score stands in; answers that skipped it drop out.
      const share = satisfactionShare(questionId === undefined ? answers : answers.map((r) => ({ satisfaction: r.scores?.[questionId] ?? null })));
      return result(code, unit, share.answered, { value: share.share === null ? null : round(share.share * 100, 1), numerator: share.satisfied, denominator: share.answered });
    }
    case 'answer_promise_share': {
      // Inquiries received in the window, as known at the end of the measurement day: one still
      // inside its deadline then is not decided yet, an answer given later does not count.
      const w = monthWindow(asOf, definition.fromMonthsAgo, definition.toMonthsAgo);
      const endOfDay = startOfCopenhagenDay(addDays(asOf, 1));
      const inquiries = (options.answerPromise ?? [])
        .filter((r) => r.receivedOn >= w.first && r.receivedOn <= w.last)
        .map((r) => (r.answeredAt !== null && r.answeredAt.getTime() < endOfDay.getTime() ? r : { ...r, answeredAt: null, answerWorkingMinutes: null }));
      const kpi = measureAnswerPromise(inquiries, endOfDay);
      return result(code, unit, kpi.inquiries, { value: kpi.share === null ? null : round(kpi.share * 100, 1), numerator: kpi.answeredWithinPromise, denominator: kpi.inquiries });
    }
    case 'jobs_sought_change': {
      if (options.baselineDate && options.baselineDate >= asOf) return result(code, unit, 0, {});
      const periods = jobsSoughtPeriods(asOf, definition.months, definition.baselineMonthsBefore, options.baselineDate);
      const scope = { spellKind: definition.spellKind, targetGroups: definition.targetGroups, joblogKinds: definition.joblogKinds };
      const now = jobsSoughtPerWeek(spells, periods.current, asOf, scope);
      const before = jobsSoughtPerWeek(spells, periods.baseline, asOf, scope);
      // Both periods must rest on enough spells; a change from zero searching has no percentage.
      const n = Math.min(now.spells, before.spells);
      if (n < MIN_CELL_SIZE) return result(code, unit, n, {});
      if (now.perWeek === null || before.perWeek === null || before.perWeek === 0) return { ...result(code, unit, n, {}), status: 'no_data' };
      return result(code, unit, n, { value: round((100 * (now.perWeek - before.perWeek)) / before.perWeek, 1) });
    }
    case 'snapshot_count': {
      const population = spells.filter((s) => inPopulation(s, { ...definition.population, cohort: { basis: 'active_on' } }, asOf));
      return result(code, unit, population.length, { value: population.length });
    }
    case 'share': {
      let numerator = 0;
      let denominator = 0;
      for (const s of spells) {
        if (!inPopulation(s, definition.population, asOf)) continue;
        const hit = evaluateCondition(s, definition.condition, asOf, history);
        if (hit === null) continue;
        denominator++;
        if (hit) numerator++;
      }
      return result(code, unit, denominator, { numerator, denominator, value: denominator > 0 ? round((100 * numerator) / denominator, 1) : null });
    }
    case 'average_duration': {
      const ended = spells.filter((s) => inPopulation(s, definition.population, asOf) && spellAsOf(s, asOf).ended && !definition.excludeReasons.includes(s.endReason as never));
      const days = ended.reduce((sum, s) => sum + daysBetween(s.startDate, s.endDate!), 0);
      return result(code, unit, ended.length, { denominator: ended.length, value: ended.length > 0 ? round(days / 7 / ended.length, 1) : null });
    }
    case 'survival_share':
      return computeSurvivalShare(definition, spells, asOf);
    case 'long_term_unemployed':
      return computeLongTermUnemployed(definition, spells, history, asOf);
    default:
      return definition satisfies never;
  }
}

type SurvivalDefinition = Extract<TIndicatorDefinition, { kind: 'survival_share' }>;

/** Time and exit of each spell in a cohort as known on the measurement day: ongoing spells are censored there. */
export function survivalRows(definition: Pick<SurvivalDefinition, 'population' | 'eventReasons' | 'competingReasons'>, spells: readonly IndicatorSpell[], asOf: IsoDate) {
  const rows: { spell: IndicatorSpell; time: number; cause: string | 0 }[] = [];
  for (const s of spells) {
    if (!inPopulation(s, definition.population, asOf)) continue;
    const known = spellAsOf(s, asOf);
    if (!known.ended) {
      rows.push({ spell: s, time: daysBetween(s.startDate, asOf), cause: 0 });
      continue;
    }
    const reason = known.endReason ?? 'other';
    const cause = definition.eventReasons.includes(reason as never) ? 'event' : definition.competingReasons.includes(reason as never) ? reason : 0;
    rows.push({ spell: s, time: daysBetween(s.startDate, known.endDate!), cause });
  }
  return rows;
}

function computeSurvivalShare(definition: SurvivalDefinition, spells: readonly IndicatorSpell[], asOf: IsoDate): IndicatorValue {
  const rows = survivalRows(definition, spells, asOf);
  const n = rows.length;
  if (n < MIN_CELL_SIZE) return result(definition.code, definition.unit, n, {});
  const events = rows.filter((r) => r.cause === 'event').length;
  const time = rows.map((r) => r.time);
  const pct = (x: number | null) => (x === null ? null : round(100 * x, 1));
  if (definition.competingReasons.length === 0) {
    const fit = estimateKaplanMeier({ time, event: rows.map((r) => (r.cause === 'event' ? 1 : 0)) });
    const [at] = evaluateSurvivalAt(fit.curves[0]!, [definition.atDays]);
    return result(definition.code, definition.unit, n, {
      numerator: events,
      denominator: n,
      value: pct(1 - at!.survival),
      lower: at!.upper === null ? null : pct(1 - at!.upper),
      upper: at!.lower === null ? null : pct(1 - at!.lower),
    });
  }
  if (events === 0) return result(definition.code, definition.unit, n, { numerator: 0, denominator: n, value: 0 });
  const fit = estimateCumulativeIncidence({ time, cause: rows.map((r) => r.cause) });
  const [at] = evaluateIncidenceAt(fit.curves[0]!, 'event', [definition.atDays]);
  return result(definition.code, definition.unit, n, { numerator: events, denominator: n, value: pct(at!.incidence), lower: pct(at!.lower), upper: pct(at!.upper) });
}

function computeLongTermUnemployed(definition: Extract<TIndicatorDefinition, { kind: 'long_term_unemployed' }>, spells: readonly IndicatorSpell[], history: readonly IndicatorSpell[], asOf: IsoDate): IndicatorValue {
  // Persons, not spells: everyone with an unemployment spell running on the day (and in the filters).
  const persons = new Map<string, IndicatorSpell>();
  for (const s of spells) {
    if (s.kind !== 'unemployment' || !isActiveOn(s, asOf)) continue;
    if (definition.targetGroups?.length && !definition.targetGroups.includes(s.targetGroup)) continue;
    if (definition.ageBands?.length && !definition.ageBands.includes(ageBandOf(ageOnDate(s.birthDate, asOf)))) continue;
    persons.set(s.jobseekerId, s);
  }
  const periodsOf = new Map<string, UnemploymentPeriod[]>();
  for (const s of history) {
    if (s.kind !== 'unemployment' || !persons.has(s.jobseekerId)) continue;
    const list = periodsOf.get(s.jobseekerId) ?? [];
    const known = spellAsOf(s, asOf);
    list.push({ startDate: s.startDate, endDate: known.ended ? known.endDate : null });
    periodsOf.set(s.jobseekerId, list);
  }
  const test = definition.definition === 'continuous_52_weeks' ? isLongTermContinuous : isLongTermShareOfYear;
  let count = 0;
  for (const id of persons.keys()) if (test(periodsOf.get(id) ?? [], asOf)) count++;
  if (definition.unit === 'count') return result(definition.code, definition.unit, count, { value: count });
  return result(definition.code, definition.unit, persons.size, { numerator: count, denominator: persons.size, value: persons.size > 0 ? round((100 * count) / persons.size, 1) : null });
}
