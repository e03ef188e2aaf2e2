import { addDays, daysBetween, daysInMonth, maxIsoDate, minIsoDate, type IsoDate } from '../calendar/iso-date.js';
import { isoWeekKey } from '../caseload/iso-week.js';
import { formatDanishDate } from '../caseload/danish-date.js';
import type { JoblogKind, JoblogStatus, TJoblogRules } from './rules.js';

export interface JoblogEntryFact {
  date: IsoDate;
  kind: JoblogKind;
  status: JoblogStatus;
}

export type BenchmarkLevel = 'green' | 'light_green' | 'red';

export interface JoblogMonth {
  /** 'YYYY-MM' */
  month: string;
  /** The part of the month that is measured: inside the spell and not after today. */
  from: IsoDate;
  to: IsoDate;
  days: number;
  /** Searches (counted kinds) dated in the measured part. */
  searches: number;
  /** All entries, other activities included. */
  entries: number;
  /** searches / (days / 7), rounded to 2 decimals. */
  perWeek: number;
  benchmark: BenchmarkLevel;
  /** null when there is no requirement. */
  meetsRequirement: boolean | null;
  /** The month is still running (today falls in it). */
  provisional: boolean;
  /** Too few days inside the spell to judge (fewer than rules.minDaysToJudge). */
  judged: boolean;
}

export interface JoblogWeek {
  /** ISO week, Danish style: Monday to Sunday, numbered by its Thursday ('2026-W53'). */
  week: string;
  from: IsoDate;
  to: IsoDate;
  searches: number;
}

export type JoblogRuleKind = 'benchmark_red' | 'below_requirement' | 'no_activity' | 'no_interviews';

export interface JoblogRuleHit {
  rule: JoblogRuleKind;
  /** Stable per cause (appended to the jobseeker id in tasks.dedupe_key). */
  cause: string;
  /** Danish task title. */
  title: string;
  dueDate: IsoDate;
  /** The numbers behind the hit, for the screen to say it in the user's language. */
  params: Record<string, string | number>;
}

export interface JoblogEvaluation {
  requirementPerWeek: number | null;
  requirementSource: 'plan' | 'organisation' | null;
  months: JoblogMonth[];
  weeks: JoblogWeek[];
  lastEntryDate: IsoDate | null;
  hits: JoblogRuleHit[];
}

export interface EvaluateJoblogInput {
  entries: readonly JoblogEntryFact[];
  rules: TJoblogRules;
  today: IsoDate;
  /** The spell the monitoring runs over; months and weeks before it start are not judged. */
  spellStart: IsoDate;
  spellEnd: IsoDate | null;
  /** searchRequirementPerWeek of the current Min Plan, if any. */
  planRequirementPerWeek: number | null;
}

const WEEKS_SHOWN = 8;
/** Days the caseworker gets to act on a hit. */
const DUE_AFTER_DAYS = 7;

const MONTH_NAMES = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

export function firstDayOfMonth(month: string): IsoDate {
  return `${month}-01`;
}

export function lastDayOfMonth(month: string): IsoDate {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function danishMonth(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** STAR's benchmark on a month's weekly average. */
export function benchmarkLevel(perWeek: number, greenPerWeek: number): BenchmarkLevel {
  if (perWeek >= greenPerWeek) return 'green';
  if (perWeek > 0) return 'light_green';
  return 'red';
}

/** The requirement in force: Min Plan's number when the rules say so and the plan has one, else the organisation's. */
export function requirementOf(rules: TJoblogRules, planRequirementPerWeek: number | null): { perWeek: number | null; source: 'plan' | 'organisation' | null } {
  if (rules.requirement.usePlan && planRequirementPerWeek !== null) return { perWeek: planRequirementPerWeek, source: 'plan' };
  if (rules.requirement.defaultPerWeek !== null) return { perWeek: rules.requirement.defaultPerWeek, source: 'organisation' };
  return { perWeek: null, source: null };
}

/** The Monday of the ISO week a date falls in. */
export function mondayOf(date: IsoDate): IsoDate {
  const weekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  return addDays(date, 1 - weekday);
}

/**
 * Monthly and weekly job-search figures for one jobseeker and the rule hits they give. Months are
 * calendar months measured over the days inside the spell up to today, so a spell starting on the
 * 10th is judged on 21 or 22 days, not 30; the benchmark and the requirement are judged on the last
 * completed month (the running month is shown as provisional). Pure: today is an argument.
 */
export function evaluateJoblog({ entries, rules, today, spellStart, spellEnd, planRequirementPerWeek }: EvaluateJoblogInput): JoblogEvaluation {
  const counted = new Set<JoblogKind>(rules.countedKinds);
  const { perWeek: requirementPerWeek, source: requirementSource } = requirementOf(rules, planRequirementPerWeek);
  const end = spellEnd !== null ? minIsoDate(spellEnd, today) : today;
  const sorted = [...entries].filter((e) => e.date <= today).sort((a, b) => a.date.localeCompare(b.date));

  const months: JoblogMonth[] = [];
  const currentMonth = monthOf(today);
  for (let i = rules.trendMonths - 1; i >= 0; i -= 1) {
    const month = addMonths(currentMonth, -i);
    const from = maxIsoDate(firstDayOfMonth(month), spellStart);
    const to = minIsoDate(lastDayOfMonth(month), end);
    if (from > to) continue;
    const days = daysBetween(from, to) + 1;
    const inMonth = sorted.filter((e) => e.date >= from && e.date <= to);
    const searches = inMonth.filter((e) => counted.has(e.kind)).length;
    const perWeek = round2(searches / (days / 7));
    months.push({
      month,
      from,
      to,
      days,
      searches,
      entries: inMonth.length,
      perWeek,
      benchmark: benchmarkLevel(perWeek, rules.benchmark.greenPerWeek),
      meetsRequirement: requirementPerWeek === null ? null : perWeek >= requirementPerWeek,
      provisional: month === currentMonth && (spellEnd === null || spellEnd >= today),
      judged: days >= rules.minDaysToJudge,
    });
  }

  const weeks: JoblogWeek[] = [];
  const thisMonday = mondayOf(today);
  for (let i = WEEKS_SHOWN - 1; i >= 0; i -= 1) {
    const from = addDays(thisMonday, -7 * i);
    const to = addDays(from, 6);
    if (to < spellStart) continue;
    weeks.push({ week: isoWeekKey(from), from, to, searches: sorted.filter((e) => e.date >= from && e.date <= to && counted.has(e.kind)).length });
  }

  const lastEntryDate = sorted.at(-1)?.date ?? null;
  const hits: JoblogRuleHit[] = [];
  const spellActive = spellEnd === null || spellEnd >= today;
  if (spellActive) {
    const lastMonth = months.find((m) => m.month === addMonths(currentMonth, -1));
    if (lastMonth && lastMonth.judged) {
      const due = addDays(firstDayOfMonth(currentMonth), DUE_AFTER_DAYS);
      if (lastMonth.benchmark === 'red') {
        hits.push({
          rule: 'benchmark_red',
          cause: lastMonth.month,
          title: `Ingen jobsøgning i jobloggen i ${danishMonth(lastMonth.month)} (STAR's pejlemærke: rød)`,
          dueDate: due,
          params: { month: lastMonth.month, searches: 0 },
        });
      } else if (requirementPerWeek !== null && lastMonth.meetsRequirement === false) {
        hits.push({
          rule: 'below_requirement',
          cause: lastMonth.month,
          title: `Jobsøgning under kravet i ${danishMonth(lastMonth.month)}: ${String(lastMonth.perWeek).replace('.', ',')} om ugen mod ${String(requirementPerWeek).replace('.', ',')}`,
          dueDate: due,
          params: { month: lastMonth.month, perWeek: lastMonth.perWeek, requirement: requirementPerWeek },
        });
      }
    }

    const idleSince = lastEntryDate !== null && lastEntryDate >= spellStart ? lastEntryDate : spellStart;
    const idleDays = daysBetween(idleSince, today);
    if (idleDays >= rules.inactivity.days) {
      hits.push({
        rule: 'no_activity',
        cause: idleSince,
        title: lastEntryDate !== null && lastEntryDate >= spellStart ? `Ingen aktivitet i jobloggen siden ${formatDanishDate(idleSince)}` : `Ingen aktivitet i jobloggen siden forløbet startede ${formatDanishDate(idleSince)}`,
        dueDate: addDays(idleSince, rules.inactivity.days + DUE_AFTER_DAYS),
        params: { since: idleSince, days: idleDays },
      });
    }

    // Many applications and no interview: the applications may need work, not the jobseeker a sanction.
    const lastInterview = [...sorted].reverse().find((e) => e.status === 'interview' || e.status === 'hired')?.date ?? null;
    const windowStart = maxIsoDate(addDays(today, -rules.noInterviews.windowDays + 1), spellStart);
    const applications = sorted.filter((e) => e.date >= windowStart && e.kind !== 'other_activity' && (lastInterview === null || e.date > lastInterview));
    if (applications.length >= rules.noInterviews.minApplications && !(lastInterview !== null && lastInterview >= windowStart)) {
      const anchor = lastInterview ?? spellStart;
      hits.push({
        rule: 'no_interviews',
        cause: anchor,
        title: `Tilbyd sparring på ansøgningerne: ${applications.length} ansøgninger uden en jobsamtale (et tilbud om hjælp, ikke en sanktion)`,
        dueDate: addDays(applications[rules.noInterviews.minApplications - 1]!.date, DUE_AFTER_DAYS),
        params: { applications: applications.length, days: rules.noInterviews.windowDays },
      });
    }
  }
  return { requirementPerWeek, requirementSource, months, weeks, lastEntryDate, hits };
}
