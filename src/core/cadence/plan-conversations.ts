import {
  addDays,
  addMonthsClamped,
  assertIsoDate,
  daysInMonth,
  isoWeekday,
  type IsoDate,
} from '../calendar/iso-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { ConversationMode, ConversationType, TCadence, THandoverRule } from './cadence-schema.js';
import { resolveWindow } from './windows.js';

export interface PlannedConversation {
  /** The cadence conversation it comes from. */
  key: string;
  /** 1 for a single conversation; 1 … times for a repeated one. */
  occurrence: number;
  /** 1-based position in the plan, which is sorted by latest date. */
  sequence: number;
  type: ConversationType;
  label: string;
  /** First working day on which it may be held. */
  earliest: IsoDate;
  /** Last working day on which it may be held (the deadline). */
  latest: IsoDate;
  mandatory: boolean;
  mode: ConversationMode;
  maxMinutes?: number;
  /** No working day lay inside the rule's window; see fitWindowToWorkingDays. */
  windowCollapsed: boolean;
}

export interface PlanConversationsInput {
  cadence: TCadence;
  firstDayOfUnemployment: IsoDate;
  calendar: WorkingCalendar;
  /**
   * Day 0 for a cadence anchored on 'course_start' (e.g. the day of Jobviften's info
   * meeting). Left out, the first day of unemployment is used.
   */
  courseStart?: IsoDate;
}

export function getDayZero(input: Pick<PlanConversationsInput, 'cadence' | 'firstDayOfUnemployment' | 'courseStart'>): IsoDate {
  const dayZero = input.cadence.anchor === 'course_start' ? (input.courseStart ?? input.firstDayOfUnemployment) : input.firstDayOfUnemployment;
  assertIsoDate(dayZero, input.cadence.anchor === 'course_start' ? 'course start' : 'first day of unemployment');
  return dayZero;
}

/**
 * The conversations a cadence asks for, with their windows on working days, sorted by
 * deadline (then earliest date, then the order in the template).
 */
export function planConversations(input: PlanConversationsInput): PlannedConversation[] {
  const { cadence, calendar } = input;
  const dayZero = getDayZero(input);
  const unsorted: Array<Omit<PlannedConversation, 'sequence'> & { order: number }> = [];

  cadence.conversations.forEach((conversation, order) => {
    const times = conversation.repeat?.times ?? 1;
    for (let occurrence = 1; occurrence <= times; occurrence += 1) {
      const shiftDays = (occurrence - 1) * 7 * (conversation.repeat?.everyWeeks ?? 0);
      const window = resolveWindow({ window: conversation.window, dayZero, calendar, shiftDays });
      unsorted.push({
        key: conversation.key,
        occurrence,
        type: conversation.type,
        label: times > 1 ? `${conversation.label} (${occurrence} af ${times})` : conversation.label,
        earliest: window.earliest,
        latest: window.latest,
        mandatory: conversation.mandatory,
        mode: conversation.mode,
        ...(conversation.maxMinutes !== undefined ? { maxMinutes: conversation.maxMinutes } : {}),
        windowCollapsed: window.collapsed,
        order,
      });
    }
  });

  unsorted.sort(
    (a, b) =>
      compare(a.latest, b.latest) || compare(a.earliest, b.earliest) || a.order - b.order || a.occurrence - b.occurrence,
  );
  return unsorted.map(({ order: _order, ...planned }, index) => ({ ...planned, sequence: index + 1 }));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface EstimateHandoverInput {
  rule: THandoverRule;
  dayZero: IsoDate;
  /** Hours of dagpenge a week; 37 for full-time insured. */
  hoursPerWeek?: number;
}

/**
 * When the case is expected to pass to the jobcenter; undefined when it does not.
 * For an hours rule: dagpenge hours accrue on weekdays (hoursPerWeek / 5 a day, holidays
 * included, as they are paid), and the responsibility passes at the end of the month in
 * which the paid hours exceed the limit. That is an estimate: the real figure comes from
 * the payments, and the caller should use it once known.
 */
export function estimateHandoverDate({ rule, dayZero, hoursPerWeek = 37 }: EstimateHandoverInput): IsoDate | undefined {
  assertIsoDate(dayZero, 'day 0');
  switch (rule.kind) {
    case 'none':
      return undefined;
    case 'months':
      return addMonthsClamped(dayZero, rule.months);
    case 'weeks':
      return addDays(dayZero, 7 * rule.weeks);
    case 'hours': {
      if (!(hoursPerWeek > 0)) throw new RangeError(`hoursPerWeek must be positive, got ${hoursPerWeek}`);
      const hoursPerWeekday = hoursPerWeek / 5;
      let paid = 0;
      let day = dayZero;
      for (;;) {
        if (isoWeekday(day) <= 5) paid += hoursPerWeekday;
        if (paid > rule.hours) break;
        day = addDays(day, 1);
      }
      const year = Number(day.slice(0, 4));
      const month = Number(day.slice(5, 7));
      return `${day.slice(0, 8)}${String(daysInMonth(year, month)).padStart(2, '0')}`;
    }
    default:
      return rule satisfies never;
  }
}
