import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seededCadence } from '../cadence/seeded-cadences.fixture.js';
import {
  DK_2026_EXEMPTION_CEILING,
  assessSpellCompliance,
  assessTalk,
  exemptionCeilingOf,
  summariseCompliance,
  type ComplianceConversation,
  type ComplianceSpell,
  type ConversationStatus,
} from './compliance.js';

const today = '2026-11-02';
const active = { status: 'active' as const, endDate: null };

function talk(over: Partial<ComplianceConversation> & { id: string }): ComplianceConversation {
  return { type: 'contact', label: 'Kontaktsamtale', mandatory: true, status: 'held', earliest: '2026-07-01', latest: '2026-07-15', heldOn: '2026-07-10', ...over };
}
function spell(id: string, conversations: ComplianceConversation[], over: Partial<ComplianceSpell> = {}): ComplianceSpell {
  return { id, startDate: '2026-07-01', status: 'active', endDate: null, conversations, ...over };
}

describe('a mandatory talk against its window', () => {
  it.each([
    [talk({ id: 'a', heldOn: '2026-07-01' }), 'on_time', 'held on the first day of the window'],
    [talk({ id: 'a', heldOn: '2026-07-15' }), 'on_time', 'held on the last day of the window'],
    [talk({ id: 'a', heldOn: '2026-07-16' }), 'late', 'held the day after the window closed'],
    [talk({ id: 'a', heldOn: '2026-06-30' }), 'early', 'held the day before the window opened'],
    [talk({ id: 'a', heldOn: null }), 'undated', 'marked held without a date'],
    [talk({ id: 'a', status: 'planned', heldOn: null }), 'missed', 'never held and the window has closed'],
    [talk({ id: 'a', status: 'no_show', heldOn: null }), 'missed', 'the jobseeker did not come and it was not held since'],
    [talk({ id: 'a', status: 'booked', heldOn: null, latest: '2026-11-02' }), 'pending', 'booked, and the window closes today'],
    [talk({ id: 'a', status: 'exempted', heldOn: null }), 'exempted', 'exempted with a reason'],
  ])('%#: %s is %s (%s)', (conversation, expected) => {
    expect(assessTalk(conversation, active, today)).toBe(expected);
  });

  it('a talk whose window was still open when the spell ended was never owed', () => {
    const ended = { status: 'ended' as const, endDate: '2026-07-10' };
    expect(assessTalk(talk({ id: 'a', status: 'planned', heldOn: null, latest: '2026-07-15' }), ended, today)).toBe('not_due');
    expect(assessTalk(talk({ id: 'a', status: 'planned', heldOn: null, latest: '2026-07-05' }), ended, today)).toBe('missed');
  });
});

describe('compliance of one spell', () => {
  it('is on time when every mandatory talk was held in its window, exempted and replaced talks aside', () => {
    const result = assessSpellCompliance(
      spell('s', [
        talk({ id: '1' }),
        talk({ id: '2', earliest: '2026-08-19', latest: '2026-09-22', heldOn: '2026-09-01' }),
        talk({ id: '3', status: 'superseded', heldOn: null }),
        talk({ id: '4', mandatory: false, status: 'planned', heldOn: null }),
      ]),
      today,
    );
    expect(result.onTime).toBe('on_time');
    expect(result.talks.map((t) => [t.id, t.outcome])).toEqual([
      ['1', 'on_time'],
      ['2', 'on_time'],
    ]);
    expect(result.twoTalks).toEqual({ status: 'met', counted: 2, deadline: '2026-10-01' });
    expect(result.exempted).toBe(false);
  });

  it('is not on time as soon as one talk was late, even while others are pending', () => {
    const result = assessSpellCompliance(spell('s', [talk({ id: '1', heldOn: '2026-07-20' }), talk({ id: '2', status: 'planned', heldOn: null, latest: '2026-12-01' })]), today);
    expect(result.onTime).toBe('not_on_time');
  });

  it('counts 2 talks within 3 months to the same date (31 August + 3 months = 30 November)', () => {
    const s = spell('s', [talk({ id: '1', heldOn: '2026-09-10', earliest: null, latest: null }), talk({ id: '2', heldOn: '2026-11-30', earliest: null, latest: null })], { startDate: '2026-08-31' });
    expect(assessSpellCompliance(s, '2026-12-01').twoTalks).toEqual({ status: 'met', counted: 2, deadline: '2026-11-30' });
    const late = spell('s', [talk({ id: '1', heldOn: '2026-09-10', earliest: null, latest: null }), talk({ id: '2', heldOn: '2026-12-01', earliest: null, latest: null })], { startDate: '2026-08-31' });
    expect(assessSpellCompliance(late, '2026-12-01').twoTalks.status).toBe('missed');
    expect(assessSpellCompliance(late, '2026-11-15').twoTalks.status).toBe('pending');
  });

  it('does not fail the 2-talk rule for someone who found a job within the 3 months', () => {
    const s = spell('s', [talk({ id: '1' })], { status: 'ended', endDate: '2026-08-15' });
    expect(assessSpellCompliance(s, today).twoTalks.status).toBe('not_applicable');
  });
});

describe('compliance of a unit over a period', () => {
  // A hand-made set of 8 spells starting in July 2026, assessed on 2 November 2026.
  const spells: ComplianceSpell[] = [
    spell('on-time-two', [talk({ id: 'a1' }), talk({ id: 'a2', earliest: '2026-08-19', latest: '2026-09-22', heldOn: '2026-09-01' })]),
    spell('on-time-one', [talk({ id: 'b1' })]),
    spell('late', [talk({ id: 'c1', heldOn: '2026-07-20' }), talk({ id: 'c2', earliest: null, latest: null, heldOn: '2026-08-01' })]),
    spell('missed', [talk({ id: 'd1', status: 'planned', heldOn: null })]),
    spell('exempted', [talk({ id: 'e1', status: 'exempted', heldOn: null })]),
    spell('exempted-2', [talk({ id: 'f1', status: 'exempted', heldOn: null }), talk({ id: 'f2' })]),
    spell('pending', [talk({ id: 'g1', status: 'booked', heldOn: null, latest: '2026-11-20' })], { startDate: '2026-10-20' }),
    spell('other-period', [talk({ id: 'h1' })], { startDate: '2026-05-01' }),
  ];

  it('gives the three shares, with undecided spells counted apart', () => {
    const summary = summariseCompliance({ spells, today, period: { from: '2026-07-01', to: '2026-10-31' } });
    expect(summary.spells).toBe(7);
    // On time: on-time-two, on-time-one, exempted-2 (its other talk on time) / late, missed.
    expect(summary.onTime).toEqual({ met: 3, failed: 2, pending: 1, notApplicable: 1, share: 3 / 5 });
    // 2 talks in 3 months: on-time-two and late met; on-time-one, missed, exempted, exempted-2 failed; pending is pending.
    expect(summary.twoTalksInThreeMonths).toEqual({ met: 2, failed: 4, pending: 1, notApplicable: 0, share: 2 / 6 });
    expect(summary.exempted).toEqual({ count: 2, share: 2 / 7, ceiling: 0.25, overCeiling: true });
  });

  it('is under the ceiling at exactly 25 % exempted', () => {
    const four = [spells[0]!, spells[1]!, spells[2]!, spells[4]!];
    expect(summariseCompliance({ spells: four, today }).exempted).toMatchObject({ share: 0.25, overCeiling: false });
  });

  it('has no shares, rather than 0 %, for an empty unit', () => {
    const summary = summariseCompliance({ spells: [], today });
    expect(summary.onTime.share).toBeNull();
    expect(summary.exempted).toEqual({ count: 0, share: null, ceiling: 0.25, overCeiling: false });
  });

  it('takes its 25 % ceiling from the dk-2026 cadence', () => {
    const rule = seededCadence('dk-2026-akasse').minimumTalks[0]!;
    expect(exemptionCeilingOf(rule)).toBe(DK_2026_EXEMPTION_CEILING);
  });

  const statusArb = fc.constantFrom<ConversationStatus>('planned', 'booked', 'held', 'no_show', 'cancelled', 'exempted', 'superseded');
  const dateArb = fc.integer({ min: 1, max: 28 }).chain((d) => fc.constantFrom('2026-07', '2026-08', '2026-09', '2026-10', '2026-11').map((m) => `${m}-${String(d).padStart(2, '0')}`));
  const spellArb = fc.record({
    id: fc.uuid(),
    startDate: dateArb,
    status: fc.constantFrom<'active' | 'ended'>('active', 'ended'),
    endDate: fc.option(dateArb, { nil: null }),
    conversations: fc.array(
      fc.record({ id: fc.uuid(), type: fc.constant('contact'), label: fc.constant('Samtale'), mandatory: fc.boolean(), status: statusArb, earliest: fc.option(dateArb, { nil: null }), latest: fc.option(dateArb, { nil: null }), heldOn: fc.option(dateArb, { nil: null }) }),
      { maxLength: 6 },
    ),
  });

  it('accounts for every spell exactly once in each measure, and every share lies between 0 and 1', () => {
    fc.assert(
      fc.property(fc.array(spellArb, { maxLength: 30 }), (set) => {
        const summary = summariseCompliance({ spells: set, today });
        for (const measure of [summary.onTime, summary.twoTalksInThreeMonths]) {
          expect(measure.met + measure.failed + measure.pending + measure.notApplicable).toBe(set.length);
          expect(measure.share === null || (measure.share >= 0 && measure.share <= 1)).toBe(true);
        }
        expect(summary.exempted.count).toBeLessThanOrEqual(set.length);
      }),
    );
  });

  it('holding every mandatory talk of one spell inside its window never lowers the number of spells on time', () => {
    fc.assert(
      fc.property(fc.array(spellArb, { minLength: 1, maxLength: 20 }), fc.nat(), (set, pick) => {
        const before = summariseCompliance({ spells: set, today }).onTime;
        const index = pick % set.length;
        const fixed = set.map((s, i) =>
          i === index ? { ...s, conversations: s.conversations.map((c) => (c.mandatory && c.status !== 'superseded' ? { ...c, status: 'held' as const, heldOn: c.earliest ?? c.latest ?? '2026-07-01', latest: c.latest === null || c.earliest === null || c.earliest <= c.latest ? c.latest : c.earliest } : c)) } : s,
        );
        const after = summariseCompliance({ spells: fixed, today }).onTime;
        expect(after.met).toBeGreaterThanOrEqual(before.met);
      }),
    );
  });
});
