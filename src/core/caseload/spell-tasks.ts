import { addDays, maxIsoDate, type IsoDate } from '../calendar/iso-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { formatDanishDate } from './danish-date.js';

/** The tasks Jobspor raises by itself from a spell's state; staff may add other kinds. */
export const SPELL_TASK_KINDS = ['book_cv_talk', 'overdue_talk', 'no_show_follow_up', 'handover_due', 'segment_missing'] as const;
export type SpellTaskKind = (typeof SPELL_TASK_KINDS)[number];

export function isSpellTaskKind(kind: string): kind is SpellTaskKind {
  return (SPELL_TASK_KINDS as readonly string[]).includes(kind);
}

export type ConversationStatus = 'planned' | 'booked' | 'held' | 'no_show' | 'cancelled' | 'exempted' | 'superseded';

export interface TaskSpell {
  id: string;
  status: 'active' | 'ended';
  startDate: IsoDate;
  segment: string | null;
}

export interface TaskConversation {
  id: string;
  type: string;
  label: string;
  mandatory: boolean;
  status: ConversationStatus;
  earliest: IsoDate | null;
  latest: IsoDate | null;
  /** The Danish date of the booked time, if any. */
  scheduledOn: IsoDate | null;
}

export interface DerivedSpellTask {
  kind: SpellTaskKind;
  /** Stable per cause, so raising the same task twice is a no-op (tasks.dedupe_key). */
  dedupeKey: string;
  title: string;
  dueDate: IsoDate;
  conversationId: string | null;
}

/** Handover within this many working days raises the handover task. */
export const HANDOVER_NOTICE_WORKING_DAYS = 10;
/** Days after a no-show by which availability should be assessed. */
export const NO_SHOW_FOLLOWUP_WORKING_DAYS = 2;
/** Without a CV talk to go by, the segment is due as the first talk is: within 2 weeks. */
const SEGMENT_DUE_DAYS = 14;
/** A CV talk should be booked this many working days before its window closes. */
const BOOK_BEFORE_LATEST_WORKING_DAYS = 5;

export function spellTaskDedupeKey(kind: SpellTaskKind, subjectId: string): string {
  const prefix: Record<SpellTaskKind, string> = {
    book_cv_talk: 'book_cv',
    overdue_talk: 'overdue',
    no_show_follow_up: 'no_show',
    handover_due: 'handover',
    segment_missing: 'segment',
  };
  return `${prefix[kind]}:${subjectId}`;
}

export interface DeriveSpellTasksInput {
  spell: TaskSpell;
  conversations: readonly TaskConversation[];
  today: IsoDate;
  calendar: WorkingCalendar;
  /** When the case passes to the jobcenter (passed 410 hours, or the cadence's estimate); null if never. */
  handoverDate: IsoDate | null;
}

const isOpen = (c: TaskConversation) => c.status === 'planned' || c.status === 'booked';

/**
 * The tasks a spell should have today. Derived from state alone, so the sweep and the services
 * can run it any number of times: a task whose cause has gone is simply not in the result.
 * An ended spell needs no tasks.
 */
export function deriveSpellTasks({ spell, conversations, today, calendar, handoverDate }: DeriveSpellTasksInput): DerivedSpellTask[] {
  if (spell.status !== 'active') return [];
  const tasks: DerivedSpellTask[] = [];
  const ordered = [...conversations].sort((a, b) => (a.latest ?? '9999').localeCompare(b.latest ?? '9999') || a.id.localeCompare(b.id));
  for (const c of ordered) {
    const overdue = c.mandatory && isOpen(c) && c.latest !== null && c.latest < today;
    if (overdue) {
      tasks.push({
        kind: 'overdue_talk',
        dedupeKey: spellTaskDedupeKey('overdue_talk', c.id),
        title: `Fristen for ${c.label} er overskredet (senest ${formatDanishDate(c.latest!)})`,
        dueDate: c.latest!,
        conversationId: c.id,
      });
    } else if (c.type === 'cv_contact' && c.status === 'planned') {
      // An overdue CV talk is already on the list above; one task per talk is enough.
      const bookBy = c.latest === null ? today : maxIsoDate(spell.startDate, calendar.addWorkingDays(c.latest, -BOOK_BEFORE_LATEST_WORKING_DAYS));
      tasks.push({
        kind: 'book_cv_talk',
        dedupeKey: spellTaskDedupeKey('book_cv_talk', c.id),
        title: c.latest === null ? `Book ${c.label}` : `Book ${c.label} (skal holdes senest ${formatDanishDate(c.latest)})`,
        dueDate: bookBy,
        conversationId: c.id,
      });
    }
    if (c.status === 'no_show') {
      const missedOn = c.scheduledOn ?? c.latest ?? today;
      tasks.push({
        kind: 'no_show_follow_up',
        dedupeKey: spellTaskDedupeKey('no_show_follow_up', c.id),
        title: `Udeblevet fra ${c.label} den ${formatDanishDate(missedOn)}: vurdér rådighed`,
        dueDate: calendar.addWorkingDays(missedOn, NO_SHOW_FOLLOWUP_WORKING_DAYS),
        conversationId: c.id,
      });
    }
  }
  if (handoverDate !== null && handoverDate <= calendar.addWorkingDays(today, HANDOVER_NOTICE_WORKING_DAYS)) {
    tasks.push({
      kind: 'handover_due',
      dedupeKey: spellTaskDedupeKey('handover_due', spell.id),
      title: `Overdragelse til jobcenteret senest ${formatDanishDate(handoverDate)}`,
      dueDate: handoverDate,
      conversationId: null,
    });
  }
  if (spell.segment === null) {
    const firstCvTalk = ordered.find((c) => c.type === 'cv_contact' && c.latest !== null);
    tasks.push({
      kind: 'segment_missing',
      dedupeKey: spellTaskDedupeKey('segment_missing', spell.id),
      title: 'Vælg segment (gruppe) for forløbet',
      dueDate: firstCvTalk?.latest ?? calendar.previousWorkingDayOnOrBefore(addDays(spell.startDate, SEGMENT_DUE_DAYS)),
      conversationId: null,
    });
  }
  return tasks;
}
