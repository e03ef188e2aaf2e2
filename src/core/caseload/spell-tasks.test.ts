import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createWorkingCalendar } from '../calendar/working-calendar.js';
import { deriveSpellTasks, type ConversationStatus, type TaskConversation, type TaskSpell } from './spell-tasks.js';

const calendar = createWorkingCalendar();
const today = '2026-11-02'; // a Monday
const spell: TaskSpell = { id: 'spell-1', status: 'active', startDate: '2026-10-19', segment: 'hk-1' };

function talk(over: Partial<TaskConversation> & { id: string }): TaskConversation {
  return { type: 'contact', label: 'Kontaktsamtale', mandatory: true, status: 'planned', earliest: '2026-10-19', latest: '2026-11-02', scheduledOn: null, ...over };
}
const cv = (over: Partial<TaskConversation> = {}) => talk({ id: 'cv', type: 'cv_contact', label: 'CV-samtale', latest: '2026-11-02', ...over });
const derive = (conversations: TaskConversation[], extra: Partial<Parameters<typeof deriveSpellTasks>[0]> = {}) =>
  deriveSpellTasks({ spell, conversations, today, calendar, handoverDate: null, ...extra });

describe('tasks derived from a spell', () => {
  it('asks to book a planned CV talk, five working days before its window closes', () => {
    const tasks = derive([cv({ latest: '2026-11-13' })]);
    expect(tasks).toEqual([
      { kind: 'book_cv_talk', dedupeKey: 'book_cv:cv', title: 'Book CV-samtale (skal holdes senest 13. november 2026)', dueDate: '2026-11-06', conversationId: 'cv' },
    ]);
  });

  it('never asks to book before the spell started', () => {
    expect(derive([cv({ latest: '2026-10-21' })], { today: '2026-10-19' })[0]!.dueDate).toBe('2026-10-19');
  });

  it('asks for nothing once the CV talk is booked and still within its window', () => {
    expect(derive([cv({ status: 'booked', latest: '2026-11-13' })])).toEqual([]);
  });

  it('marks a mandatory talk overdue the day after its latest date, and then no longer asks to book it', () => {
    expect(derive([cv({ latest: '2026-11-02' })]).map((t) => t.kind)).toEqual(['book_cv_talk']);
    const tasks = derive([cv({ latest: '2026-10-30' })]);
    expect(tasks).toEqual([{ kind: 'overdue_talk', dedupeKey: 'overdue:cv', title: 'Fristen for CV-samtale er overskredet (senest 30. oktober 2026)', dueDate: '2026-10-30', conversationId: 'cv' }]);
  });

  it('marks a booked talk overdue too when its window has closed', () => {
    expect(derive([talk({ id: 'k', status: 'booked', latest: '2026-10-30' })]).map((t) => t.dedupeKey)).toEqual(['overdue:k']);
  });

  it('does not raise overdue for an optional talk, nor for held, exempted, cancelled or replaced ones', () => {
    const statuses: ConversationStatus[] = ['held', 'exempted', 'cancelled', 'superseded'];
    const conversations = [talk({ id: 'optional', mandatory: false, latest: '2026-10-01' }), ...statuses.map((status) => talk({ id: status, status, latest: '2026-10-01' }))];
    expect(derive(conversations)).toEqual([]);
  });

  it('raises a follow-up on a no-show, due two working days after the missed talk', () => {
    const tasks = derive([talk({ id: 'ns', status: 'no_show', scheduledOn: '2026-10-30', latest: '2026-11-06' })]);
    expect(tasks).toEqual([
      { kind: 'no_show_follow_up', dedupeKey: 'no_show:ns', title: 'Udeblevet fra Kontaktsamtale den 30. oktober 2026: vurdér rådighed', dueDate: '2026-11-03', conversationId: 'ns' },
    ]);
  });

  it.each([
    ['2026-11-16', true, 'ten working days ahead'],
    ['2026-11-17', false, 'eleven working days ahead'],
    ['2026-10-31', true, 'already passed while the spell is still open'],
  ])('raises the handover task when the handover date %s is %s (%s)', (handoverDate, expected) => {
    const tasks = derive([], { handoverDate });
    expect(tasks.some((t) => t.kind === 'handover_due' && t.dedupeKey === 'handover:spell-1' && t.dueDate === handoverDate)).toBe(expected);
  });

  it('asks for a segment on an active spell without one, due when the CV talk is', () => {
    const tasks = deriveSpellTasks({ spell: { ...spell, segment: null }, conversations: [cv({ status: 'booked', latest: '2026-11-13' })], today, calendar, handoverDate: null });
    expect(tasks).toEqual([{ kind: 'segment_missing', dedupeKey: 'segment:spell-1', title: 'Vælg segment (gruppe) for forløbet', dueDate: '2026-11-13', conversationId: null }]);
  });

  it('without a CV talk the segment is due two weeks after day 0, on a working day', () => {
    // Day 0 Sunday 22 March 2026 → 5 April is påskedag; the working day before is 1 April.
    const tasks = deriveSpellTasks({ spell: { ...spell, startDate: '2026-03-22', segment: null }, conversations: [], today: '2026-03-23', calendar, handoverDate: null });
    expect(tasks[0]!.dueDate).toBe('2026-04-01');
  });

  it('an ended spell needs no tasks at all', () => {
    expect(deriveSpellTasks({ spell: { ...spell, status: 'ended', segment: null }, conversations: [cv({ latest: '2026-10-01' })], today, calendar, handoverDate: '2026-11-03' })).toEqual([]);
  });

  const statusArb = fc.constantFrom<ConversationStatus>('planned', 'booked', 'held', 'no_show', 'cancelled', 'exempted', 'superseded');
  const conversationsArb = fc.uniqueArray(
    fc.record({
      id: fc.uuid(),
      type: fc.constantFrom('cv_contact', 'contact', 'availability'),
      label: fc.constantFrom('CV-samtale', 'Kontaktsamtale'),
      mandatory: fc.boolean(),
      status: statusArb,
      earliest: fc.constant('2026-10-01'),
      latest: fc.option(fc.integer({ min: 0, max: 80 }).map((d) => calendar.previousWorkingDayOnOrBefore(`2026-10-${String(1 + (d % 28)).padStart(2, '0')}`)), { nil: null }),
      scheduledOn: fc.option(fc.constant('2026-10-15'), { nil: null }),
    }),
    { selector: (c) => c.id, maxLength: 8 },
  );

  it('gives each cause one task: dedupe keys are unique, and the result does not depend on the order of talks', () => {
    fc.assert(
      fc.property(conversationsArb, fc.boolean(), (conversations, segmentKnown) => {
        const s = { ...spell, segment: segmentKnown ? 'hk-1' : null };
        const a = deriveSpellTasks({ spell: s, conversations, today, calendar, handoverDate: '2026-11-10' });
        const b = deriveSpellTasks({ spell: s, conversations: [...conversations].reverse(), today, calendar, handoverDate: '2026-11-10' });
        expect(new Set(a.map((t) => t.dedupeKey)).size).toBe(a.length);
        expect([...b].sort((x, y) => x.dedupeKey.localeCompare(y.dedupeKey))).toEqual([...a].sort((x, y) => x.dedupeKey.localeCompare(y.dedupeKey)));
      }),
    );
  });

  it('raises an overdue task exactly for the mandatory open talks whose deadline has passed', () => {
    fc.assert(
      fc.property(conversationsArb, (conversations) => {
        const overdue = derive(conversations).filter((t) => t.kind === 'overdue_talk').map((t) => t.conversationId).sort();
        const expected = conversations.filter((c) => c.mandatory && (c.status === 'planned' || c.status === 'booked') && c.latest !== null && c.latest < today).map((c) => c.id).sort();
        expect(overdue).toEqual(expected);
      }),
    );
  });
});
