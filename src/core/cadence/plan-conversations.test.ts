import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../calendar/working-calendar.js';
import { estimateHandoverDate, planConversations } from './plan-conversations.js';
import { seededCadence, seededCadences } from './seeded-cadences.fixture.js';

const calendar = createWorkingCalendar();
const christmasClosed = createWorkingCalendar({ closingDays: ['2026-12-24', '2026-12-31'] });
const christmasWeekClosed = createWorkingCalendar({
  closingDays: ['2026-12-24', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'],
});

type Row = [key: string, occurrence: number, earliest: string, latest: string];

interface PlanCase {
  name: string;
  cadence: string;
  start: string;
  courseStart?: string;
  calendar?: ReturnType<typeof createWorkingCalendar>;
  expected: Row[];
}

// Every expected date below is worked out by hand from the window rules (week N = days
// 7(N−1) … 7N−1; a deadline on a day off moves back, an earliest date forward).
const cases: PlanCase[] = [
  {
    name: 'HK group 1 starting Monday 30 March 2026, just before Easter',
    cadence: 'hk-1',
    start: '2026-03-30',
    expected: [
      ['cv-contact-1', 1, '2026-03-30', '2026-04-13'], // day 14 is the Monday after 2. påskedag
      ['availability-contact-2', 1, '2026-05-26', '2026-05-29'], // week 9 starts on 2. pinsedag
      ['extra-contact', 1, '2026-03-30', '2026-06-30'],
      ['joint-meeting', 1, '2026-06-16', '2026-06-30'], // 3 months on = Tuesday 30 June
    ],
  },
  {
    name: 'HK group 1 starting Monday 21 December 2026 with the office closed on 24 and 31 December',
    cadence: 'hk-1',
    start: '2026-12-21',
    calendar: christmasClosed,
    expected: [
      ['cv-contact-1', 1, '2026-12-21', '2027-01-04'],
      ['availability-contact-2', 1, '2027-02-15', '2027-02-19'],
      ['extra-contact', 1, '2026-12-21', '2027-03-19'], // 21 March 2027 is a Sunday
      ['joint-meeting', 1, '2027-03-08', '2027-03-19'], // earliest 7 March is a Sunday too
    ],
  },
  {
    name: 'HK group 2 starting Thursday 30 April 2026: the CV deadline falls on Kristi himmelfartsdag',
    cadence: 'hk-2',
    start: '2026-04-30',
    expected: [
      ['cv-contact-1', 1, '2026-04-30', '2026-05-13'],
      ['extra-contact', 1, '2026-05-15', '2026-06-17'], // week 3 opens on Kristi himmelfartsdag
      ['availability-contact-2', 1, '2026-06-25', '2026-07-01'],
      ['joint-meeting', 1, '2026-07-16', '2026-07-30'],
    ],
  },
  {
    name: 'HK group 3 (jobcenter) starting Monday 11 May 2026: the CV deadline falls on 2. pinsedag',
    cadence: 'hk-3',
    start: '2026-05-11',
    expected: [
      ['cv', 1, '2026-05-11', '2026-05-22'],
      ['availability', 1, '2026-07-06', '2026-07-10'],
      ['joint-meeting', 1, '2026-05-11', '2026-08-11'],
    ],
  },
  {
    name: 'BUPL-A not at risk starting Monday 21 December 2026 with closing days at Christmas',
    cadence: 'bupl-not-at-risk',
    start: '2026-12-21',
    calendar: christmasClosed,
    expected: [
      ['cv-contact', 1, '2026-12-21', '2026-12-30'], // 3 Jan Sun, 2 Sat, 1 nytårsdag, 31 closed
      ['availability-contact', 1, '2027-02-08', '2027-02-15'],
      ['joint-meeting', 1, '2027-03-08', '2027-03-12'],
    ],
  },
  {
    name: 'BUPL-A at risk starting Monday 21 December 2026',
    cadence: 'bupl-at-risk',
    start: '2026-12-21',
    expected: [
      ['cv-contact', 1, '2026-12-21', '2026-12-31'],
      ['sparring-week-4', 1, '2027-01-11', '2027-01-15'],
      ['sparring-week-6', 1, '2027-01-25', '2027-01-29'],
      ['availability-contact', 1, '2027-02-08', '2027-02-15'],
      ['sparring-week-10', 1, '2027-02-22', '2027-02-26'],
      ['joint-meeting', 1, '2027-03-08', '2027-03-12'],
    ],
  },
  {
    name: 'BUPL-A at risk starting Monday 30 March 2026, just before Easter',
    cadence: 'bupl-at-risk',
    start: '2026-03-30',
    expected: [
      ['cv-contact', 1, '2026-03-30', '2026-04-10'], // weeks 1–2 end Sunday 12 April
      ['sparring-week-4', 1, '2026-04-20', '2026-04-24'],
      ['sparring-week-6', 1, '2026-05-04', '2026-05-08'],
      ['availability-contact', 1, '2026-05-18', '2026-05-22'], // day 56 = Monday 25 May, 2. pinsedag
      ['sparring-week-10', 1, '2026-06-01', '2026-06-05'],
      ['joint-meeting', 1, '2026-06-15', '2026-06-19'],
    ],
  },
  {
    name: 'Jobviften for dagpenge when the course starts on langfredag 2026: the info meeting moves to after Easter',
    cadence: 'jobviften-dagpenge',
    start: '2026-03-16',
    courseStart: '2026-04-03',
    expected: [
      ['info-meeting', 1, '2026-04-07', '2026-04-07'],
      ['placement-talk', 1, '2026-04-07', '2026-04-07'],
      ['progression', 1, '2026-04-07', '2026-04-09'],
      ['progression', 2, '2026-04-10', '2026-04-16'],
      ['progression', 3, '2026-04-17', '2026-04-23'],
      ['progression', 4, '2026-04-24', '2026-04-30'],
      ['progression', 5, '2026-05-01', '2026-05-07'],
      ['closing', 1, '2026-05-01', '2026-05-07'],
    ],
  },
  {
    name: 'Jobviften for kontanthjælp from Monday 21 December 2026 with the week after Christmas closed',
    cadence: 'jobviften-kontanthjaelp',
    start: '2026-12-21',
    calendar: christmasWeekClosed,
    expected: [
      ['info-meeting', 1, '2026-12-21', '2026-12-21'],
      ['placement-talk', 1, '2026-12-21', '2026-12-21'],
      ['progression', 1, '2026-12-21', '2026-12-23'],
      ['progression', 2, '2026-12-23', '2026-12-23'], // week 2 has no working day: collapsed
      ['progression', 3, '2027-01-04', '2027-01-08'],
      ['progression', 4, '2027-01-11', '2027-01-15'],
      ['progression', 5, '2027-01-18', '2027-01-22'],
      ['progression', 6, '2027-01-25', '2027-01-29'],
      ['progression', 7, '2027-02-01', '2027-02-05'],
      ['progression', 8, '2027-02-08', '2027-02-12'],
      ['progression', 9, '2027-02-15', '2027-02-19'],
      ['progression', 10, '2027-02-22', '2027-02-26'],
      ['progression', 11, '2027-03-01', '2027-03-05'],
      ['progression', 12, '2027-03-08', '2027-03-12'],
      ['progression', 13, '2027-03-15', '2027-03-19'],
      ['closing', 1, '2027-03-15', '2027-03-19'],
    ],
  },
  {
    name: 'the 2024 a-kasse course starting Thursday 30 April 2026 (Kristi himmelfartsdag on day 14)',
    cadence: 'dk-2024-akasse',
    start: '2026-04-30',
    expected: [
      ['first-talk', 1, '2026-04-30', '2026-05-13'],
      ['second-talk', 1, '2026-05-28', '2026-06-11'],
      ['third-talk', 1, '2026-06-25', '2026-07-22'],
      ['joint-meeting-16-months', 1, '2027-08-02', '2027-08-30'],
    ],
  },
  {
    name: 'the 2026 a-kasse course starting Wednesday 1 July 2026',
    cadence: 'dk-2026-akasse',
    start: '2026-07-01',
    expected: [
      ['first-talk', 1, '2026-07-01', '2026-08-12'],
      ['second-talk', 1, '2026-08-12', '2026-09-22'],
      ['talk-16-months', 1, '2027-10-04', '2027-11-01'],
    ],
  },
];

describe('planning the conversations of a seeded cadence', () => {
  it.each(cases)('$name', ({ cadence, start, courseStart, calendar: cal, expected }) => {
    const plan = planConversations({
      cadence: seededCadence(cadence),
      firstDayOfUnemployment: start,
      calendar: cal ?? calendar,
      ...(courseStart ? { courseStart } : {}),
    });
    expect(plan.map((p): Row => [p.key, p.occurrence, p.earliest, p.latest])).toEqual(expected);
    expect(plan.map((p) => p.sequence)).toEqual(expected.map((_, index) => index + 1));
  });

  it('every seeded cadence is covered by a case above', () => {
    expect(new Set(cases.map((c) => c.cadence))).toEqual(new Set(seededCadences.map((c) => c.id)));
  });

  it('carries type, Danish label, mode, mandatory flag and length limit from the template', () => {
    const plan = planConversations({ cadence: seededCadence('jobviften-dagpenge'), firstDayOfUnemployment: '2026-03-30', calendar });
    expect(plan[1]).toMatchObject({ type: 'placement_talk', label: 'Jobsamtale: placering i jobklub', mode: 'in_person', mandatory: true, maxMinutes: 20 });
    expect(plan[3]).toMatchObject({ type: 'progression', label: 'Progressionssamtale i jobklubben (2 af 5)' });
    const hk1 = planConversations({ cadence: seededCadence('hk-1'), firstDayOfUnemployment: '2026-03-30', calendar });
    expect(hk1.find((p) => p.key === 'extra-contact')).toMatchObject({ type: 'extra_contact', mandatory: false });
  });

  it('marks a window with no working day in it as collapsed', () => {
    const plan = planConversations({ cadence: seededCadence('jobviften-kontanthjaelp'), firstDayOfUnemployment: '2026-12-21', calendar: christmasWeekClosed });
    expect(plan.filter((p) => p.windowCollapsed).map((p) => [p.key, p.occurrence])).toEqual([['progression', 2]]);
  });

  it('rejects a malformed start date', () => {
    expect(() => planConversations({ cadence: seededCadence('hk-1'), firstDayOfUnemployment: '2026-02-30', calendar })).toThrow(/first day of unemployment/);
  });
});

describe('estimated handover', () => {
  it.each([
    [{ kind: 'months', months: 3 } as const, '2026-03-30', '2026-06-30'],
    [{ kind: 'weeks', weeks: 5 } as const, '2026-03-30', '2026-05-04'],
    // 410 h at 7.4 h a weekday is passed on the 56th weekday: from Monday 30 March that is
    // Monday 15 June, so the jobcenter takes over after the end of June.
    [{ kind: 'hours', hours: 410 } as const, '2026-03-30', '2026-06-30'],
    // From Monday 2 March the 56th weekday is Monday 18 May: end of May.
    [{ kind: 'hours', hours: 410 } as const, '2026-03-02', '2026-05-31'],
  ])('%j from %s is expected at %s', (rule, dayZero, expected) => {
    expect(estimateHandoverDate({ rule, dayZero })).toBe(expected);
  });

  it('a course kept by the organisation has no handover', () => {
    expect(estimateHandoverDate({ rule: { kind: 'none' }, dayZero: '2026-03-30' })).toBeUndefined();
  });
});
