import { addDays, assertIsoDate, type IsoDate } from '../calendar/iso-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { ConversationType, TCadence } from './cadence-schema.js';
import { getDayZero, planConversations, type PlannedConversation } from './plan-conversations.js';

/** A conversation that has taken place. Extra fields (ids, notes) pass through untouched. */
export interface HeldConversation {
  id: string;
  type: ConversationType;
  heldOn: IsoDate;
}

export const EARLY_HELD_TOLERANCE_DAYS = 14;

export type ReplanStatus = 'open' | 'overdue';

export interface ReplannedConversation extends PlannedConversation {
  /** 'overdue': the window ended before today and nothing held satisfies it. */
  status: ReplanStatus;
}

export interface SatisfiedConversation {
  conversation: PlannedConversation;
  heldConversationId: string;
}

export interface ReplanConversationsInput<H extends HeldConversation> {
  held: readonly H[];
  newCadence: TCadence;
  firstDayOfUnemployment: IsoDate;
  calendar: WorkingCalendar;
  today: IsoDate;
  courseStart?: IsoDate;
}

export interface ReplanResult<H extends HeldConversation> {
  /** The held conversations, the very same objects, never changed. */
  held: readonly H[];
  /** New-cadence conversations that a held conversation already covers. */
  satisfied: SatisfiedConversation[];
  /** What is still to be held under the new cadence, sorted by latest date. */
  planned: ReplannedConversation[];
}

/**
 * Re-plans a spell on a new cadence (a segment change, a new law, a switch of track).
 *
 * - Held conversations never change and are never planned again.
 * - A held conversation covers a new-cadence conversation of the same type when it was held
 *   inside its window or up to EARLY_HELD_TOLERANCE_DAYS before the window opened (a talk
 *   held a little early is not asked for again; a talk months earlier is not the later
 *   one, e.g. an early contact talk is not the 16-month talk). Each held conversation covers
 *   at most one; they are matched in deadline order, the earliest fitting held one first.
 * - What is not covered is planned with the new cadence's dates, even when its window has
 *   already ended: it keeps its dates and is marked 'overdue' when mandatory, so the
 *   caseworker sees the debt and acts. An optional conversation whose window has ended is
 *   dropped: it was an offer for a time that has passed.
 * - Only conversations held on or after day 0 count (a talk in the notice period does not
 *   replace a statutory one); earlier ones are still returned untouched in `held`.
 * - Sequence numbers are those of the full new plan, so they stay stable across re-plans.
 */
export function replanConversations<H extends HeldConversation>(input: ReplanConversationsInput<H>): ReplanResult<H> {
  const { held, today } = input;
  assertIsoDate(today, 'today');
  const dayZero = getDayZero({ cadence: input.newCadence, firstDayOfUnemployment: input.firstDayOfUnemployment, courseStart: input.courseStart });
  held.forEach((conversation) => assertIsoDate(conversation.heldOn, `held date of conversation ${conversation.id}`));

  const plan = planConversations({
    cadence: input.newCadence,
    firstDayOfUnemployment: input.firstDayOfUnemployment,
    calendar: input.calendar,
    courseStart: dayZero,
  });

  const unused = held
    .filter((conversation) => conversation.heldOn >= dayZero)
    .sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : 0));
  const satisfied: SatisfiedConversation[] = [];
  const planned: ReplannedConversation[] = [];

  for (const conversation of plan) {
    const heldFrom = addDays(conversation.earliest, -EARLY_HELD_TOLERANCE_DAYS);
    const index = unused.findIndex(
      (h) => h.type === conversation.type && h.heldOn >= heldFrom && h.heldOn <= conversation.latest,
    );
    if (index >= 0) {
      const [match] = unused.splice(index, 1);
      satisfied.push({ conversation, heldConversationId: match!.id });
      continue;
    }
    const ended = conversation.latest < today;
    if (ended && !conversation.mandatory) continue;
    planned.push({ ...conversation, status: ended ? 'overdue' : 'open' });
  }

  return { held, satisfied, planned };
}
