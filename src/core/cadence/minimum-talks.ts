import { addMonthsClamped, assertIsoDate, type IsoDate } from '../calendar/iso-date.js';
import type { ConversationType, TMinimumTalkRule } from './cadence-schema.js';

export type MinimumTalkStatus = 'met' | 'pending' | 'missed';

export interface MinimumTalkEvaluation {
  rule: TMinimumTalkRule;
  /** Last day a talk counts: the same date `withinMonths` months after day 0, clamped. */
  deadline: IsoDate;
  required: number;
  counted: number;
  status: MinimumTalkStatus;
}

export interface EvaluateMinimumTalksInput {
  rules: readonly TMinimumTalkRule[];
  dayZero: IsoDate;
  held: ReadonlyArray<{ type: ConversationType; heldOn: IsoDate }>;
  today: IsoDate;
}

/**
 * Whether one spell meets the cadence's minimum-talk rules. A rule with a `minimumShare` is
 * met by the organisation when enough of its spells meet it; per spell it is evaluated the
 * same way, and the share (and exemptions with their reasons) is counted over spells.
 */
export function evaluateMinimumTalks({ rules, dayZero, held, today }: EvaluateMinimumTalksInput): MinimumTalkEvaluation[] {
  assertIsoDate(dayZero, 'day 0');
  assertIsoDate(today, 'today');
  return rules.map((rule) => {
    const deadline = addMonthsClamped(dayZero, rule.withinMonths);
    const counted = held.filter(
      (talk) => talk.heldOn >= dayZero && talk.heldOn <= deadline && (rule.types === undefined || rule.types.includes(talk.type)),
    ).length;
    const status: MinimumTalkStatus = counted >= rule.count ? 'met' : today > deadline ? 'missed' : 'pending';
    return { rule, deadline, required: rule.count, counted, status };
  });
}
