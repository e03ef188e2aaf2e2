import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromDayNumber, toDayNumber } from '../calendar/iso-date.js';
import { createWorkingCalendar } from '../calendar/working-calendar.js';
import { evaluateMinimumTalks } from './minimum-talks.js';
import { planConversations } from './plan-conversations.js';
import { seededCadence, seededCadences } from './seeded-cadences.fixture.js';

const calendar = createWorkingCalendar();
const rules2024 = seededCadence('dk-2024-akasse').minimumTalks;

describe('minimum-talk rules', () => {
  it('three talks within the first 3 months meet the 2024 rule', () => {
    const [result] = evaluateMinimumTalks({
      rules: rules2024,
      dayZero: '2026-03-30',
      held: [
        { type: 'cv_contact', heldOn: '2026-04-08' },
        { type: 'contact', heldOn: '2026-05-06' },
        { type: 'contact', heldOn: '2026-06-30' },
      ],
      today: '2026-07-15',
    });
    expect(result).toMatchObject({ deadline: '2026-06-30', counted: 3, required: 3, status: 'met' });
  });

  it('a talk after the 3 months does not count, and the rule is missed once the 3 months are over', () => {
    const held = [
      { type: 'cv_contact' as const, heldOn: '2026-04-08' },
      { type: 'contact' as const, heldOn: '2026-05-06' },
      { type: 'contact' as const, heldOn: '2026-07-01' },
    ];
    expect(evaluateMinimumTalks({ rules: rules2024, dayZero: '2026-03-30', held, today: '2026-06-30' })[0]).toMatchObject({ counted: 2, status: 'pending' });
    expect(evaluateMinimumTalks({ rules: rules2024, dayZero: '2026-03-30', held, today: '2026-07-01' })[0]).toMatchObject({ counted: 2, status: 'missed' });
  });

  it('the 2026 rule asks for 2 talks for at least 75 % and needs a reason for an exemption', () => {
    expect(seededCadence('dk-2026-akasse').minimumTalks).toEqual([
      expect.objectContaining({ count: 2, withinMonths: 3, minimumShare: 0.75, exemptionRequiresReason: true }),
    ]);
  });

  it('a jobseeker who attends every mandatory talk on its deadline meets every seeded cadence’s minimum-talk rules', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...seededCadences.filter((c) => c.minimumTalks.length > 0)),
        fc.integer({ min: toDayNumber('2023-01-01'), max: toDayNumber('2030-12-31') }).map(fromDayNumber),
        (cadence, start) => {
          const plan = planConversations({ cadence, firstDayOfUnemployment: start, calendar });
          const held = plan.filter((p) => p.mandatory).map((p) => ({ type: p.type, heldOn: p.latest }));
          for (const result of evaluateMinimumTalks({ rules: cadence.minimumTalks, dayZero: start, held, today: '2099-01-01' })) {
            expect(result.status).toBe('met');
          }
        },
      ),
    );
  });
});
