import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, fromDayNumber, toDayNumber } from '../calendar/iso-date.js';
import { createWorkingCalendar } from '../calendar/working-calendar.js';
import { planConversations } from './plan-conversations.js';
import { replanConversations, type HeldConversation } from './replan-conversations.js';
import { seededCadence, seededCadences } from './seeded-cadences.fixture.js';

const calendar = createWorkingCalendar();

interface HeldRow extends HeldConversation {
  note: string;
}

describe('re-planning on a new cadence', () => {
  it('moving from HK group 1 to group 2 in week 4 keeps the held CV talk and adds the obligatory extra contact', () => {
    const held: HeldRow[] = [{ id: 'c1', type: 'cv_contact', heldOn: '2026-04-08', note: 'CV-samtale holdt' }];
    const result = replanConversations({
      held,
      newCadence: seededCadence('hk-2'),
      firstDayOfUnemployment: '2026-03-30',
      calendar,
      today: '2026-04-22',
    });
    expect(result.held).toBe(held);
    expect(result.satisfied.map((s) => [s.conversation.key, s.heldConversationId])).toEqual([['cv-contact-1', 'c1']]);
    expect(result.planned.map((p) => [p.key, p.earliest, p.latest, p.status])).toEqual([
      ['extra-contact', '2026-04-13', '2026-05-15', 'open'],
      ['availability-contact-2', '2026-05-26', '2026-05-29', 'open'],
      ['joint-meeting', '2026-06-16', '2026-06-30', 'open'],
    ]);
  });

  it('moving BUPL-A to the at-risk track in week 5 shows the week-4 sparring talk as overdue with its own dates', () => {
    const result = replanConversations({
      held: [{ id: 'c1', type: 'cv_contact', heldOn: '2026-04-01' }],
      newCadence: seededCadence('bupl-at-risk'),
      firstDayOfUnemployment: '2026-03-30',
      calendar,
      today: '2026-04-28',
    });
    expect(result.planned.map((p) => [p.key, p.earliest, p.latest, p.status])).toEqual([
      ['sparring-week-4', '2026-04-20', '2026-04-24', 'overdue'],
      ['sparring-week-6', '2026-05-04', '2026-05-08', 'open'],
      ['availability-contact', '2026-05-18', '2026-05-22', 'open'],
      ['sparring-week-10', '2026-06-01', '2026-06-05', 'open'],
      ['joint-meeting', '2026-06-15', '2026-06-19', 'open'],
    ]);
    expect(result.planned.map((p) => p.sequence)).toEqual([2, 3, 4, 5, 6]);
  });

  it('an optional talk whose time has passed is dropped rather than shown as overdue', () => {
    const result = replanConversations({
      held: [],
      newCadence: seededCadence('hk-1'),
      firstDayOfUnemployment: '2026-03-30',
      calendar,
      today: '2026-07-01',
    });
    expect(result.planned.map((p) => [p.key, p.status])).toEqual([
      ['cv-contact-1', 'overdue'],
      ['availability-contact-2', 'overdue'],
      ['joint-meeting', 'overdue'],
    ]);
  });

  it('a contact talk held early in the course is not taken for the talk at 16 months', () => {
    const result = replanConversations({
      held: [
        { id: 'a', type: 'contact', heldOn: '2026-07-08' },
        { id: 'b', type: 'contact', heldOn: '2026-08-20' },
        { id: 'c', type: 'contact', heldOn: '2026-09-10' },
      ],
      newCadence: seededCadence('dk-2026-akasse'),
      firstDayOfUnemployment: '2026-07-01',
      calendar,
      today: '2026-10-01',
    });
    expect(result.satisfied.map((s) => [s.conversation.key, s.heldConversationId])).toEqual([
      ['first-talk', 'a'],
      ['second-talk', 'b'],
    ]);
    expect(result.planned.map((p) => p.key)).toEqual(['talk-16-months']);
  });

  it('weekly progression talks already held count one for each week, in order', () => {
    const result = replanConversations({
      held: [
        { id: 'w1', type: 'progression', heldOn: '2026-04-01' },
        { id: 'w2', type: 'progression', heldOn: '2026-04-09' },
      ],
      newCadence: seededCadence('jobviften-dagpenge'),
      firstDayOfUnemployment: '2026-03-30',
      calendar,
      today: '2026-04-13',
    });
    expect(result.satisfied.map((s) => [s.conversation.key, s.conversation.occurrence, s.heldConversationId])).toEqual([
      ['progression', 1, 'w1'],
      ['progression', 2, 'w2'],
    ]);
    expect(result.planned.map((p) => [p.key, p.occurrence, p.status])).toEqual([
      ['info-meeting', 1, 'overdue'],
      ['placement-talk', 1, 'overdue'],
      ['progression', 3, 'open'],
      ['progression', 4, 'open'],
      ['progression', 5, 'open'],
      ['closing', 1, 'open'],
    ]);
  });

  it('a talk held in the notice period, before day 0, does not replace a statutory one', () => {
    const result = replanConversations({
      held: [{ id: 'n', type: 'cv_contact', heldOn: '2026-03-20' }],
      newCadence: seededCadence('hk-1'),
      firstDayOfUnemployment: '2026-03-30',
      calendar,
      today: '2026-03-30',
    });
    expect(result.satisfied).toEqual([]);
    expect(result.planned[0]).toMatchObject({ key: 'cv-contact-1', status: 'open' });
  });
});

// ---- properties over every seeded cadence, start dates 2023–2030 ----

const startDate = fc.integer({ min: toDayNumber('2023-01-01'), max: toDayNumber('2030-12-31') }).map(fromDayNumber);
const cadenceArb = fc.constantFrom(...seededCadences);
const closingOffsets = fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { maxLength: 12 });

describe('re-planning properties', () => {
  it('held talks never change, new windows lie on working days, and latest is never before earliest', () => {
    fc.assert(
      fc.property(
        cadenceArb,
        cadenceArb,
        startDate,
        closingOffsets,
        fc.integer({ min: 0, max: 500 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: -20, max: 20 }), fc.boolean())),
        (oldCadence, newCadence, start, closing, todayOffset, picks) => {
          const cal = createWorkingCalendar({ closingDays: closing.map((d) => addDays(start, d)) });
          const today = addDays(start, todayOffset);
          // Held talks: picked from the old cadence's plan, held near their window, up to today.
          const oldPlan = planConversations({ cadence: oldCadence, firstDayOfUnemployment: start, calendar: cal });
          const held: HeldRow[] = picks
            .map(([index, drift, early], n) => {
              const planned = oldPlan[index % oldPlan.length]!;
              return { id: `h${n}`, type: planned.type, heldOn: addDays(early ? planned.earliest : planned.latest, drift), note: `n${n}` };
            })
            .filter((h) => h.heldOn <= today);
          const before = structuredClone(held);

          const result = replanConversations({ held, newCadence, firstDayOfUnemployment: start, calendar: cal, today });

          expect(result.held).toBe(held);
          expect(held).toEqual(before);
          const fullPlan = planConversations({ cadence: newCadence, firstDayOfUnemployment: start, calendar: cal });
          for (const p of result.planned) {
            expect(cal.isWorkingDay(p.earliest)).toBe(true);
            expect(cal.isWorkingDay(p.latest)).toBe(true);
            expect(p.earliest <= p.latest).toBe(true);
            expect(p.earliest >= start).toBe(true);
            expect(p.status).toBe(p.latest < today ? 'overdue' : 'open');
            expect(p.mandatory || p.status === 'open').toBe(true);
            expect(fullPlan[p.sequence - 1]).toMatchObject({ key: p.key, occurrence: p.occurrence, earliest: p.earliest, latest: p.latest });
          }
          const usedHeld = result.satisfied.map((s) => s.heldConversationId);
          expect(new Set(usedHeld).size).toBe(usedHeld.length);
          for (const s of result.satisfied) {
            const h = held.find((x) => x.id === s.heldConversationId)!;
            expect(h.type).toBe(s.conversation.type);
            expect(h.heldOn <= s.conversation.latest).toBe(true);
          }
          const droppedOptional = fullPlan.filter((p) => !p.mandatory && p.latest < today).length;
          const accounted = result.planned.length + result.satisfied.length;
          expect(accounted).toBeGreaterThanOrEqual(fullPlan.length - droppedOptional);
          expect(accounted).toBeLessThanOrEqual(fullPlan.length);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a first plan on any seeded cadence has every window on working days, in deadline order', () => {
    fc.assert(
      fc.property(cadenceArb, startDate, closingOffsets, (cadence, start, closing) => {
        const cal = createWorkingCalendar({ closingDays: closing.map((d) => addDays(start, d)) });
        const plan = planConversations({ cadence, firstDayOfUnemployment: start, calendar: cal });
        const expectedCount = cadence.conversations.reduce((n, c) => n + (c.repeat?.times ?? 1), 0);
        expect(plan).toHaveLength(expectedCount);
        plan.forEach((p, index) => {
          expect(cal.isWorkingDay(p.earliest) && cal.isWorkingDay(p.latest)).toBe(true);
          expect(p.earliest <= p.latest).toBe(true);
          expect(p.earliest >= start).toBe(true);
          if (index > 0) expect(plan[index - 1]!.latest <= p.latest).toBe(true);
        });
      }),
      { numRuns: 400 },
    );
  });
});
