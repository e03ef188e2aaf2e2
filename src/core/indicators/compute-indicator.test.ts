import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/iso-date';
import { estimateKaplanMeier, evaluateSurvivalAt } from '../survival';
import { computeIndicator, MIN_CELL_SIZE } from './compute-indicator';
import { ZIndicatorDefinition, type TIndicatorDefinition } from './indicator-schema';
import { filterToScope } from './scope-data';
import { filterSpells, type IndicatorConversation, type IndicatorJoblogEntry, type IndicatorSpell } from './spell-data';
import { jobsSoughtPerWeek } from './jobs-sought';
import type { IndicatorBusinessActivity } from '../business-activities';
import type { IndicatorWageHours } from '../wage-hours';
import type { SatisfactionResponse } from '../surveys/satisfaction';
import { computeShareInJobCurves } from './survival-curve';

const AS_OF = '2026-10-31';
let next = 0;
function spell(over: Partial<IndicatorSpell> = {}): IndicatorSpell {
  next++;
  return {
    id: `s${next}`,
    jobseekerId: `p${next}`,
    kind: 'unemployment',
    startDate: '2026-05-01',
    endDate: null,
    endReason: null,
    noticeEndDate: null,
    targetGroup: 'unemployment_insurance',
    unitId: 'u1',
    caseworkerId: 'c1',
    segment: 'hk-1',
    municipalityCode: 101,
    birthDate: '1980-06-15',
    profiledOn: null,
    markers: {},
    conversations: [],
    ...over,
  };
}
const talk = (over: Partial<IndicatorConversation> = {}): IndicatorConversation => ({ type: 'contact', status: 'held', mandatory: true, selfBooked: false, heldOn: '2026-05-10', bookedOn: '2026-05-02', jobsPresented: 0, ...over });

const TEMPLATES = path.resolve(import.meta.dirname, '../../../templates/indicators');
const library = new Map<string, TIndicatorDefinition>(
  readdirSync(TEMPLATES)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const d = ZIndicatorDefinition.parse(JSON.parse(readFileSync(path.join(TEMPLATES, f), 'utf8')));
      return [d.code, d];
    }),
);
const def = (code: string) => library.get(code)!;

describe('the indicator library', () => {
  it('every shipped definition is valid, named in Danish and English, and named after its file', () => {
    for (const f of readdirSync(TEMPLATES)) {
      const d = ZIndicatorDefinition.parse(JSON.parse(readFileSync(path.join(TEMPLATES, f), 'utf8')));
      expect(f).toBe(`${d.code.replaceAll('_', '-')}.json`);
      expect(d.name.da.length).toBeGreaterThan(3);
      expect(d.description.da.length).toBeGreaterThan(20);
    }
  });
  it('holds the seeds’ indicators, and those from features not built yet wait for data instead of showing numbers', () => {
    for (const code of [
      'institutions_contacted',
      'joblog_usage',
      'notice_services_in_job',
      'placements_brokered',
      'satisfaction_conversation',
      'satisfaction_contact_course',
      'satisfaction_services',
      'in_job_13_weeks',
      'in_job_26_weeks',
      'profiled_by_cv_talk',
      'talks_beyond_statutory',
      'jobs_presented',
      'two_talks_first_3_months',
      'self_booking',
      'average_duration_ended_3_months',
      'long_term_unemployed_25_29_continuous',
      'long_term_unemployed_55_plus_share_of_year',
      'returned_within_year',
      'jobs_sought_change',
      'business_activity_before_week_26',
      'business_course_before_handover',
      'talk_involving',
      'work_trial_share',
      'wage_hours_share',
    ]) {
      expect(def(code).status).toBe('available');
    }
    // Every seed indicator now has its data: none waits. A new one from a feature not built yet
    // may still be shipped as awaiting, and then never shows a number.
    expect([...library.values()].filter((d) => d.status === 'awaiting_data').map((d) => d.code)).toEqual([]);
    const { code, name, description, unit, direction, source } = def('wage_hours_share');
    const waiting = ZIndicatorDefinition.parse({ code, name, description, unit, direction, source, kind: 'awaiting', status: 'awaiting_data', awaitingFeature: 'offers' });
    expect(computeIndicator(waiting, [spell({ wageHours: [{ month: '2026-10-01', hours: 20 }] })], { asOf: AS_OF })).toMatchObject({ status: 'awaiting_data', value: null });
  });
});

describe('share in job within 3 months', () => {
  it('equals one minus the Kaplan–Meier curve at day 91, with ongoing spells censored on the measurement day', () => {
    const spells = [
      spell({ startDate: '2026-01-01', endDate: '2026-02-01', endReason: 'ordinary_job' }),
      spell({ startDate: '2026-01-01', endDate: '2026-03-01', endReason: 'ordinary_job' }),
      spell({ startDate: '2026-02-01', endDate: '2026-02-20', endReason: 'education' }),
      spell({ startDate: '2026-03-01', endDate: '2026-09-01', endReason: 'ordinary_job' }),
      spell({ startDate: '2026-09-01' }),
      spell({ startDate: '2026-10-01' }),
      // Ends after the measurement day: still ongoing then.
      spell({ startDate: '2026-07-01', endDate: '2026-11-15', endReason: 'ordinary_job' }),
    ];
    const value = computeIndicator(def('in_job_13_weeks'), spells, { asOf: AS_OF });
    const km = estimateKaplanMeier({ time: [31, 59, 19, 184, 60, 30, 122], event: [1, 1, 0, 1, 0, 0, 0] });
    const [at] = evaluateSurvivalAt(km.curves[0]!, [91]);
    expect(value.status).toBe('ok');
    expect(value.n).toBe(7);
    expect(value.value).toBeCloseTo(Math.round(1000 * (1 - at!.survival)) / 10, 6);
    expect(value.lower).not.toBeNull();
    expect(value.lower!).toBeLessThanOrEqual(value.value!);
  });

  it('treats education as a competing exit where the definition says so, which gives a lower share than censoring it', () => {
    const spells = [
      ...Array.from({ length: 4 }, () => spell({ startDate: '2026-01-01', endDate: '2026-01-20', endReason: 'education' })),
      ...Array.from({ length: 4 }, () => spell({ startDate: '2026-01-01', endDate: '2026-02-20', endReason: 'ordinary_job' })),
      ...Array.from({ length: 4 }, () => spell({ startDate: '2026-01-01' })),
    ];
    const censored = computeIndicator(def('in_job_13_weeks'), spells, { asOf: AS_OF });
    const competing = computeIndicator(def('in_job_13_weeks_competing'), spells, { asOf: AS_OF });
    expect(censored.value).toBe(50);
    expect(competing.value).toBeCloseTo(33.3, 1);
  });

  it('hides the number when fewer than 5 spells are behind it', () => {
    const spells = Array.from({ length: MIN_CELL_SIZE - 1 }, () => spell({ startDate: '2026-01-01', endDate: '2026-02-01', endReason: 'ordinary_job' }));
    expect(computeIndicator(def('in_job_13_weeks'), spells, { asOf: AS_OF })).toMatchObject({ status: 'suppressed', value: null, n: 4, lower: null });
  });
});

describe('process shares from conversations', () => {
  it('counts a spell as profiled by the CV talk only when the questionnaire came first, and leaves out spells whose CV talk is not held', () => {
    const cv = (heldOn: string) => talk({ type: 'cv_contact', heldOn });
    const spells = [
      ...Array.from({ length: 3 }, () => spell({ profiledOn: '2026-05-05', conversations: [cv('2026-05-08')] })),
      ...Array.from({ length: 2 }, () => spell({ profiledOn: '2026-05-20', conversations: [cv('2026-05-08')] })),
      spell({ profiledOn: null, conversations: [cv('2026-05-08')] }),
      spell({ profiledOn: '2026-05-02', conversations: [talk({ type: 'cv_contact', status: 'booked', heldOn: null })] }),
    ];
    expect(computeIndicator(def('profiled_by_cv_talk'), spells, { asOf: AS_OF })).toMatchObject({ status: 'ok', numerator: 3, denominator: 6, value: 50 });
  });

  it('counts talks beyond the statutory ones and two talks in the first 3 months among spells whose first 3 months are over', () => {
    const old = '2025-09-01';
    const spells = [
      spell({ startDate: old, conversations: [talk({ heldOn: '2025-09-10' }), talk({ mandatory: false, type: 'extra_contact', heldOn: '2025-10-01' })] }),
      spell({ startDate: old, conversations: [talk({ heldOn: '2025-09-10' }), talk({ heldOn: '2025-12-15' })] }),
      spell({ startDate: old, conversations: [talk({ heldOn: '2025-09-10' })] }),
      spell({ startDate: old, conversations: [] }),
      spell({ startDate: old, conversations: [talk({ heldOn: '2025-09-05' }), talk({ heldOn: '2025-09-20' })] }),
      // Too new: its first 3 months are not over on the measurement day.
      spell({ startDate: '2026-09-01', conversations: [talk({ mandatory: false, heldOn: '2026-09-10' })] }),
    ];
    expect(computeIndicator(def('talks_beyond_statutory'), spells, { asOf: AS_OF })).toMatchObject({ numerator: 1, denominator: 5, value: 20 });
    expect(computeIndicator(def('two_talks_first_3_months'), spells, { asOf: AS_OF })).toMatchObject({ numerator: 2, denominator: 5, value: 40 });
  });

  it('counts self-booking among spells with a booked talk, and jobs presented among spells with a held talk', () => {
    const spells = [
      ...Array.from({ length: 2 }, () => spell({ conversations: [talk({ selfBooked: true, jobsPresented: 2 })] })),
      ...Array.from({ length: 3 }, () => spell({ conversations: [talk({ selfBooked: false })] })),
      spell({ conversations: [] }),
    ];
    expect(computeIndicator(def('self_booking'), spells, { asOf: AS_OF })).toMatchObject({ numerator: 2, denominator: 5, value: 40 });
    expect(computeIndicator(def('jobs_presented'), spells, { asOf: AS_OF })).toMatchObject({ numerator: 2, denominator: 5, value: 40 });
  });

  it('ignores talks held after the measurement day', () => {
    const spells = Array.from({ length: 5 }, () => spell({ conversations: [talk({ selfBooked: true, bookedOn: '2026-11-05', heldOn: '2026-11-10' })] }));
    expect(computeIndicator(def('self_booking'), spells, { asOf: AS_OF }).status).toBe('no_data');
  });
});

describe('durations, returns and counts', () => {
  it('averages the weeks of spells ended in the last 3 months', () => {
    const spells = [
      ...Array.from({ length: 5 }, () => spell({ startDate: '2026-05-01', endDate: addDays('2026-05-01', 14 * 7), endReason: 'ordinary_job' })),
      ...Array.from({ length: 5 }, () => spell({ startDate: '2026-05-01', endDate: addDays('2026-05-01', 20 * 7), endReason: 'education' })),
      spell({ startDate: '2025-01-01', endDate: '2025-06-01', endReason: 'ordinary_job' }),
    ];
    expect(computeIndicator(def('average_duration_ended_3_months'), spells, { asOf: AS_OF })).toMatchObject({ status: 'ok', value: 17, denominator: 10 });
  });

  it('finds people who come back on benefit within a year of their spell ending', () => {
    const ended = Array.from({ length: 5 }, (_, i) => spell({ jobseekerId: `r${i}`, startDate: '2024-06-01', endDate: '2025-03-01', endReason: 'ordinary_job' }));
    const back = [spell({ jobseekerId: 'r0', startDate: '2025-09-01' }), spell({ jobseekerId: 'r1', startDate: '2026-05-01' })];
    const all = [...ended, ...back];
    expect(computeIndicator(def('returned_within_year'), all, { asOf: AS_OF })).toMatchObject({ numerator: 1, denominator: 5, value: 20 });
  });

  it('counts active spells by target group on a day', () => {
    const spells = [
      ...Array.from({ length: 6 }, () => spell({ targetGroup: 'cash_benefit_job_ready' })),
      spell({ targetGroup: 'cash_benefit_job_ready', endDate: '2026-10-01', endReason: 'ordinary_job' }),
      ...Array.from({ length: 6 }, () => spell()),
    ];
    expect(computeIndicator(def('active_cash_benefit_job_ready'), spells, { asOf: AS_OF }).value).toBe(6);
    expect(computeIndicator(def('active_spells'), spells, { asOf: AS_OF }).value).toBe(12);
    expect(computeIndicator(def('active_spells'), spells, { asOf: '2026-04-30' }).value).toBe(0);
  });

  it('counts long-term unemployed 25–29-year-olds on the day, across their spells', () => {
    const young = (i: number, over: Partial<IndicatorSpell>) => spell({ jobseekerId: `y${i}`, birthDate: '1999-01-01', ...over });
    const spells = [
      ...Array.from({ length: 5 }, (_, i) => young(i, { startDate: '2025-06-01' })),
      young(9, { startDate: '2026-06-01' }),
      spell({ jobseekerId: 'old', birthDate: '1960-01-01', startDate: '2025-01-01' }),
    ];
    expect(computeIndicator(def('long_term_unemployed_25_29_continuous'), spells, { asOf: AS_OF })).toMatchObject({ status: 'ok', value: 5 });
    expect(computeIndicator(def('long_term_unemployed_55_plus_continuous'), spells, { asOf: AS_OF })).toMatchObject({ status: 'suppressed', n: 1 });
  });
});

describe('filters and curves', () => {
  it('keeps only spells of the chosen unit, segment, age band and marker', () => {
    const spells = [spell({ unitId: 'u2' }), spell({ segment: 'hk-2' }), spell({ birthDate: '1999-01-01' }), spell({ markers: { m1: '2026-06-01' } }), spell({ markers: { m1: '2026-12-01' } })];
    expect(filterSpells(spells, { unitIds: ['u2'] }, AS_OF)).toHaveLength(1);
    expect(filterSpells(spells, { segments: ['hk-2'] }, AS_OF)).toHaveLength(1);
    expect(filterSpells(spells, { ageBands: ['25_29'] }, AS_OF)).toHaveLength(1);
    expect(filterSpells(spells, { markerIds: ['m1'] }, AS_OF)).toHaveLength(1);
  });

  it('draws the share in job by week with a band, and no curve for a group under 5 spells', () => {
    const spells = [
      ...Array.from({ length: 6 }, (_, i) => spell({ segment: 'hk-1', startDate: '2026-01-01', endDate: addDays('2026-01-01', 10 + 10 * i), endReason: 'ordinary_job' })),
      ...Array.from({ length: 3 }, () => spell({ segment: 'hk-2', startDate: '2026-01-01' })),
    ];
    const curves = computeShareInJobCurves(spells, { asOf: AS_OF, population: (def('in_job_13_weeks') as Extract<TIndicatorDefinition, { kind: 'survival_share' }>).population, groupOf: (s) => s.segment! });
    expect(curves.map((c) => [c.group, c.suppressed])).toEqual([
      ['hk-1', false],
      ['hk-2', true],
    ]);
    const hk1 = curves[0]!;
    expect(hk1.points[0]).toMatchObject({ day: 0, share: 0 });
    expect(hk1.points.at(-1)!.share).toBe(100);
    expect(curves[1]!.points).toEqual([]);
  });
});

describe('satisfaction with the talk', () => {
  let n = 0;
  const answer = (satisfaction: number | null, answeredOn: string | null, over: Partial<SatisfactionResponse> = {}): SatisfactionResponse => ({
    invitationId: `i${++n}`,
    surveyKey: 'conversation',
    trigger: 'conversation_held',
    audience: 'jobseeker',
    type: 'cv_contact',
    unitId: 'u1',
    caseworkerId: 'c1',
    jobseekerId: `p${n}`,
    invitedOn: answeredOn ?? '2026-10-01',
    answeredOn,
    satisfaction,
    ...over,
  });

  it('is the share answering 4 or 5 among the month’s answers; unanswered invitations and other surveys do not count', () => {
    const responses = [
      ...[5, 5, 4, 3, 1, 4].map((x) => answer(x, '2026-10-10')),
      answer(null, null),
      answer(2, '2026-09-30'), // last month
      answer(1, '2026-10-12', { surveyKey: 'quarterly', trigger: 'quarterly' }),
    ];
    expect(computeIndicator(def('satisfaction_conversation'), [], { asOf: AS_OF, satisfaction: responses })).toMatchObject({ status: 'ok', value: 66.7, numerator: 4, denominator: 6, n: 6 });
  });

  it('ignores answers given after the measurement day, so a stored month never moves', () => {
    const responses = [...[5, 5, 5, 5, 5].map((x) => answer(x, '2026-10-05')), ...[1, 1, 1].map((x) => answer(x, '2026-10-20'))];
    expect(computeIndicator(def('satisfaction_conversation'), [], { asOf: '2026-10-15', satisfaction: responses }).value).toBe(100);
    expect(computeIndicator(def('satisfaction_conversation'), [], { asOf: '2026-10-31', satisfaction: responses }).value).toBe(62.5);
  });

  it('hides a share resting on fewer than 5 answers, and has no data without answers', () => {
    const few = [5, 4, 1, 2].map((x) => answer(x, '2026-10-10'));
    expect(computeIndicator(def('satisfaction_conversation'), [], { asOf: AS_OF, satisfaction: few })).toMatchObject({ status: 'suppressed', value: null, n: 4 });
    expect(computeIndicator(def('satisfaction_conversation'), [], { asOf: AS_OF, satisfaction: [] })).toMatchObject({ status: 'no_data', value: null });
  });

  it('counts the quarterly survey over three months for the contact course', () => {
    const responses = ['2026-08-01', '2026-08-20', '2026-09-15', '2026-10-01', '2026-10-30', '2026-07-31'].map((d) => answer(5, d, { surveyKey: 'quarterly', trigger: 'quarterly' }));
    expect(computeIndicator(def('satisfaction_contact_course'), [], { asOf: AS_OF, satisfaction: responses })).toMatchObject({ value: 100, n: 5 });
  });

  it('keeps a scope’s answers: by unit on the invitation, and by the chosen spells’ people for segment filters', () => {
    const a = answer(5, '2026-10-10', { unitId: 'u1', jobseekerId: 'p-in' });
    const b = answer(5, '2026-10-10', { unitId: 'u2', jobseekerId: 'p-out' });
    const employer = answer(5, '2026-10-10', { audience: 'employer', jobseekerId: null, unitId: 'u1' });
    const chosen = [spell({ jobseekerId: 'p-in' })];
    expect(filterToScope([a, b, employer], { unitIds: ['u1'] }, chosen)).toEqual([a, employer]);
    expect(filterToScope([a, b, employer], { segments: ['hk-1'] }, chosen)).toEqual([a]);
    expect(filterToScope([a, b, employer], {}, chosen)).toEqual([a, b, employer]);
    expect(filterToScope([a, b, employer], null, chosen)).toEqual([]);
  });
});

describe('job inquiries answered within the answer promise', () => {
  const inquiry = (receivedOn: string, due: string, answered: string | null, unitId = 'u1') => ({ receivedOn, answerDueAt: new Date(due), answeredAt: answered ? new Date(answered) : null, answerWorkingMinutes: answered ? 60 : null, unitId, caseworkerId: null, jobseekerId: 'j1' });
  const answerPromise = [
    inquiry('2026-10-05', '2026-10-08T10:00:00Z', '2026-10-06T10:00:00Z'),
    inquiry('2026-10-06', '2026-10-09T10:00:00Z', '2026-10-07T10:00:00Z'),
    inquiry('2026-10-07', '2026-10-10T10:00:00Z', '2026-10-08T10:00:00Z'),
    inquiry('2026-10-12', '2026-10-15T10:00:00Z', '2026-10-16T10:00:00Z'),
    inquiry('2026-10-20', '2026-10-23T10:00:00Z', null),
    // Still within its deadline at the end of the month, and one from another month.
    inquiry('2026-10-30', '2026-11-04T10:00:00Z', null),
    inquiry('2026-09-30', '2026-10-03T10:00:00Z', null),
  ];
  it('counts the month’s inquiries that are answered or past their deadline, kept when answered in time', () => {
    const value = computeIndicator(def('answer_promise_share'), [], { asOf: '2026-10-31', answerPromise });
    expect(value).toMatchObject({ status: 'ok', unit: 'percent', numerator: 3, denominator: 5, value: 60 });
  });
  it('does not count an answer given after the measurement day, and hides a share resting on fewer than 5', () => {
    expect(computeIndicator(def('answer_promise_share'), [], { asOf: '2026-10-13', answerPromise })).toMatchObject({ status: 'suppressed', value: null, n: 3 });
  });
});

describe('share using the joblog', () => {
  const entry = (date: string, recordedOn = date, byJobseeker = true) => ({ date, recordedOn, byJobseeker });
  it('counts active spells whose jobseeker recorded a search for a day in the last 28 days, by themself, known by the measurement day', () => {
    const spells = [
      spell({ joblog: [entry('2026-10-20')] }), // yes
      spell({ joblog: [entry('2026-10-04')] }), // 27 days before: yes
      spell({ joblog: [entry('2026-10-03')] }), // 28 days before: outside
      spell({ joblog: [entry('2026-10-25', '2026-10-25', false)] }), // entered by the caseworker: not the jobseeker's use
      spell({ joblog: [entry('2026-10-25', '2026-11-02')] }), // recorded after the measurement day
      spell({ joblog: [] }),
      spell({ joblog: [entry('2026-10-20')], endDate: '2026-10-15', endReason: 'ordinary_job' }), // not active: not asked
    ];
    expect(computeIndicator(def('joblog_usage'), spells, { asOf: AS_OF })).toMatchObject({ status: 'ok', numerator: 2, denominator: 6, value: 33.3 });
  });
});

describe('employers and institutions contacted', () => {
  const contact = (employerId: string, contactedOn: string, recordedOn = contactedOn) => ({ employerId, contactedOn, recordedOn, unitId: 'u1', caseworkerId: 'c1' });
  it('counts distinct employers with a contact in the last 12 months, recorded by the measurement day, and shows small counts', () => {
    const contacts = [contact('e1', '2026-10-01'), contact('e1', '2026-06-01'), contact('e2', '2025-11-01'), contact('e3', '2025-10-31'), contact('e4', '2026-10-20', '2026-11-05')];
    expect(computeIndicator(def('institutions_contacted'), [], { asOf: AS_OF, employerContacts: contacts })).toMatchObject({ status: 'ok', value: 2 });
    expect(computeIndicator(def('institutions_contacted'), [], { asOf: AS_OF, employerContacts: [] })).toMatchObject({ status: 'ok', value: 0 });
  });
});

describe('hires through job brokering', () => {
  const hire = (startDate: string, recordedOn = startDate) => ({ startDate, recordedOn });
  const ended = (endDate: string, over: Partial<IndicatorSpell> = {}) => spell({ endDate, endReason: 'ordinary_job', ...over });
  it('counts spells ended in the last 12 months by a hire the organisation brokered, recorded by the measurement day', () => {
    const spells = [
      ...['2026-10-01', '2026-06-15', '2026-01-05', '2025-11-01', '2026-10-31'].map((d) => ended(d, { placements: [hire(d, '2026-09-20')] })), // 5 in the window
      ended('2025-10-31', { startDate: '2025-05-01', placements: [hire('2025-10-31')] }), // ended 12 months + 1 day ago: outside
      ended('2026-10-10', { placements: [hire('2026-10-10', '2026-11-02')] }), // recorded after the measurement day
      ended('2026-10-10'), // ordinary job found by the jobseeker: not brokered
      spell({ placements: [hire('2026-11-15', '2026-10-20')] }), // hired, but the job starts after the day: the spell has not ended yet
      spell({ kind: 'notice', noticeEndDate: '2026-12-31', endDate: '2026-10-01', endReason: 'ordinary_job', placements: [hire('2026-10-01')] }), // a notice spell: not this count
    ];
    expect(computeIndicator(def('placements_brokered'), spells, { asOf: AS_OF })).toMatchObject({ status: 'ok', value: 5, n: 5 });
  });
  it('shows zero as zero, and hides 1–4 hires', () => {
    expect(computeIndicator(def('placements_brokered'), [spell()], { asOf: AS_OF })).toMatchObject({ status: 'ok', value: 0 });
    expect(computeIndicator(def('placements_brokered'), [ended('2026-10-01', { placements: [hire('2026-10-01')] })], { asOf: AS_OF })).toMatchObject({ status: 'suppressed', value: null, n: 1 });
  });
});

describe('dismissed people who used services and found a job within notice', () => {
  const used = (day: string, recordedOn = day) => ({ day, recordedOn });
  const notice = (over: Partial<IndicatorSpell>) => spell({ kind: 'notice', startDate: '2026-03-01', noticeEndDate: '2026-05-31', ...over });
  it('asks only notice spells with an attended offer during the spell, recorded by the measurement day', () => {
    const spells = [
      ...[1, 2, 3].map(() => notice({ endDate: '2026-05-20', endReason: 'ordinary_job', servicesAttended: [used('2026-04-02')] })), // job within notice, used a service
      notice({ endDate: '2026-07-01', endReason: 'ordinary_job', servicesAttended: [used('2026-04-02')] }), // job after the notice ended
      notice({ endDate: '2026-05-31', endReason: 'other', servicesAttended: [used('2026-03-10')] }), // no job
      notice({ endDate: '2026-05-20', endReason: 'ordinary_job' }), // no service: not asked
      notice({ endDate: '2026-05-20', endReason: 'ordinary_job', servicesAttended: [used('2026-06-02')] }), // service after the spell: not asked
      notice({ endDate: '2026-05-20', endReason: 'ordinary_job', servicesAttended: [used('2026-04-02', '2026-11-03')] }), // recorded after the day: not asked
    ];
    expect(computeIndicator(def('notice_services_in_job'), spells, { asOf: AS_OF })).toMatchObject({ status: 'ok', numerator: 3, denominator: 5, value: 60 });
  });
});

describe('the talk was involving (the second question after a talk)', () => {
  let n = 0;
  const answer = (involving: number | undefined, answeredOn: string, over: Partial<SatisfactionResponse> = {}): SatisfactionResponse => ({
    invitationId: `t${++n}`,
    surveyKey: 'conversation',
    trigger: 'conversation_held',
    audience: 'jobseeker',
    type: 'contact',
    unitId: 'u1',
    caseworkerId: 'c1',
    jobseekerId: `p${n}`,
    invitedOn: answeredOn,
    answeredOn,
    satisfaction: 5,
    scores: involving === undefined ? { satisfaction: 5 } : { satisfaction: 5, involving },
    ...over,
  });

  it('is the share answering 4 or 5 to the involving question, among those who answered it; satisfaction does not count', () => {
    const responses = [
      ...[5, 4, 4, 2, 3].map((x) => answer(x, '2026-10-10')),
      answer(undefined, '2026-10-11'), // skipped the optional question
      answer(5, '2026-10-12', { surveyKey: 'quarterly', trigger: 'quarterly' }),
      answer(5, '2026-09-30'), // last month
    ];
    expect(computeIndicator(def('talk_involving'), [], { asOf: AS_OF, satisfaction: responses })).toMatchObject({ status: 'ok', numerator: 3, denominator: 5, value: 60 });
    expect(computeIndicator(def('satisfaction_conversation'), [], { asOf: AS_OF, satisfaction: responses })).toMatchObject({ numerator: 6, denominator: 6, value: 100 });
  });
});

describe('business-oriented activities', () => {
  const activity = (over: Partial<IndicatorBusinessActivity> = {}): IndicatorBusinessActivity => ({ kind: 'internship', agreedOn: '2026-02-20', startDate: '2026-03-01', endDate: null, recordedOn: '2026-02-20', ...over });

  it('before week 26: asks spells that lasted 26 weeks (day 182 passed) and counts a work trial or wage subsidy started by day 181, registered by the measurement day', () => {
    // Started 2026-01-05: day 182 is 2026-07-06.
    const start = '2026-01-05';
    const spells = [
      spell({ startDate: start, businessActivities: [activity()] }),
      spell({ startDate: start, businessActivities: [activity({ agreedOn: '2026-07-01', startDate: '2026-07-06', recordedOn: '2026-07-01' })] }), // day 182: too late
      spell({ startDate: start }),
      spell({ startDate: start, endDate: '2026-03-01', endReason: 'ordinary_job', businessActivities: [activity()] }), // ended in week 9: not asked
      spell({ startDate: start, endDate: '2026-07-06', endReason: 'handed_over', businessActivities: [activity({ kind: 'wage_subsidy', agreedOn: '2026-07-01', startDate: '2026-07-05', recordedOn: '2026-07-01' })] }),
      spell({ startDate: '2026-06-01', businessActivities: [activity({ agreedOn: '2026-06-10', startDate: '2026-06-15', recordedOn: '2026-06-10' })] }), // week 26 not over yet
      spell({ startDate: start, businessActivities: [activity({ recordedOn: '2026-11-05' })] }), // registered after the measurement day
      spell({ startDate: start, businessActivities: [activity({ agreedOn: '2026-06-20', startDate: '2026-07-10', recordedOn: '2026-06-20' })] }), // only agreed by then
    ];
    expect(computeIndicator(def('business_activity_before_week_26'), spells, { asOf: AS_OF })).toMatchObject({ status: 'ok', numerator: 2, denominator: 6, value: 33.3 });
  });

  it('before handover: asks spells handed over in the last 12 months and counts an activity started or agreed by the handover day', () => {
    const handedOver = { startDate: '2026-05-04', endDate: '2026-08-03', endReason: 'handed_over' };
    const spells = [
      spell({ ...handedOver, businessActivities: [activity({ agreedOn: '2026-07-20', startDate: '2026-08-10', recordedOn: '2026-07-20' })] }), // agreed before, starts after
      spell({ ...handedOver, businessActivities: [activity({ agreedOn: '2026-05-20', startDate: '2026-06-01', recordedOn: '2026-05-20' })] }),
      spell({ ...handedOver, businessActivities: [activity({ agreedOn: '2026-08-04', startDate: '2026-08-10', recordedOn: '2026-08-04' })] }), // agreed the day after
      spell({ ...handedOver }),
      spell({ ...handedOver, businessActivities: [activity({ agreedOn: '2026-08-01', startDate: '2026-08-10', recordedOn: '2026-11-02' })] }), // registered after the measurement day
      spell({ startDate: '2026-05-04', endDate: '2026-08-03', endReason: 'ordinary_job', businessActivities: [activity({ agreedOn: '2026-05-20', startDate: '2026-06-01' })] }), // in a job: not asked
      spell({ startDate: '2026-05-04', businessActivities: [activity({ agreedOn: '2026-05-20', startDate: '2026-06-01' })] }), // not handed over: not asked
    ];
    expect(computeIndicator(def('business_course_before_handover'), spells, { asOf: AS_OF })).toMatchObject({ status: 'ok', numerator: 2, denominator: 5, value: 40 });
  });

  it('in the month: counts active spells with a work trial or wage subsidy running on a day of the month up to the measurement day', () => {
    const spells = [
      spell({ businessActivities: [activity({ startDate: '2026-10-01', endDate: '2026-10-14' })] }),
      spell({ businessActivities: [activity({ startDate: '2026-09-01', endDate: '2026-09-30' })] }),
      spell({ businessActivities: [activity({ agreedOn: '2026-10-20', startDate: '2026-11-03', recordedOn: '2026-10-20' })] }),
      spell({ businessActivities: [activity({ kind: 'wage_subsidy', startDate: '2026-06-01' })] }),
      spell({}),
      spell({ endDate: '2026-10-20', endReason: 'ordinary_job', businessActivities: [activity({ startDate: '2026-10-01' })] }), // not active on the day
    ];
    expect(computeIndicator(def('work_trial_share'), spells, { asOf: AS_OF })).toMatchObject({ status: 'ok', numerator: 2, denominator: 5, value: 40 });
  });
});

describe('share with paid hours', () => {
  const hours = (month: string, h: number): IndicatorWageHours => ({ month, hours: h });

  it('counts the active spells with paid hours > 0 in the month of the measurement day, whenever reported: 3 of 6', () => {
    const spells = [
      spell({ wageHours: [hours('2026-10-01', 37)] }),
      spell({ wageHours: [hours('2026-10-01', 0.5)] }),
      spell({ wageHours: [hours('2026-10-01', 0)] }), // zero hours: a month reported without work
      spell({ wageHours: [hours('2026-09-01', 40)] }), // last month only
      spell({ wageHours: [hours('2026-11-01', 12)] }), // next month only
      spell({ wageHours: [hours('2026-10-01', 7)] }),
      spell({ endDate: '2026-10-20', endReason: 'ordinary_job', wageHours: [hours('2026-10-01', 60)] }), // not active on the day
      spell({ startDate: '2026-11-02', wageHours: [hours('2026-10-01', 60)] }), // not yet started
    ];
    expect(computeIndicator(def('wage_hours_share'), spells, { asOf: AS_OF })).toMatchObject({ status: 'ok', numerator: 3, denominator: 6, value: 50 });
  });

  it('takes the target group and the age at the start from the seed 004 variants, and hides fewer than 5 spells', () => {
    const group = (over: Partial<IndicatorSpell>) => spell({ targetGroup: 'cash_benefit_activity_ready', birthDate: '1990-01-01', ...over });
    const spells = [
      group({ wageHours: [hours('2026-10-01', 10)] }),
      group({}),
      group({}),
      group({}),
      group({ wageHours: [hours('2026-10-01', 5)] }),
      group({ birthDate: '1997-06-01', wageHours: [hours('2026-10-01', 10)] }), // 28 at the start: not over 30
      spell({ wageHours: [hours('2026-10-01', 10)] }), // another target group
    ];
    expect(computeIndicator(def('wage_hours_share_activity_ready_30_plus'), spells, { asOf: AS_OF })).toMatchObject({ status: 'ok', numerator: 2, denominator: 5, value: 40 });
    expect(computeIndicator(def('wage_hours_share_activity_ready_30_plus'), spells.slice(1), { asOf: AS_OF })).toMatchObject({ status: 'suppressed', value: null, n: 4 });
  });
});

describe('change in jobs sought', () => {
  const entry = (date: string, over: Partial<IndicatorJoblogEntry> = {}): IndicatorJoblogEntry => ({ date, recordedOn: date, byJobseeker: true, kind: 'advertised', ...over });
  // Five people out of work through both periods: 2025-08-01–10-31 and 2026-08-01–10-31 (92 days each).
  const people = (baseline: string[], current: string[], extra: IndicatorJoblogEntry[] = []) =>
    Array.from({ length: 5 }, () => spell({ startDate: '2025-01-06', joblog: [...baseline.map((d) => entry(d)), ...current.map((d) => entry(d)), ...extra] }));

  it('compares jobs sought per week in the last 3 months with the same months a year before: 3 against 2 each is +50 %', () => {
    const spells = people(['2025-08-10', '2025-10-31'], ['2026-08-01', '2026-09-15', '2026-10-31'], [
      entry('2026-09-20', { kind: 'other_activity' }), // a job fair is not a job sought
      entry('2026-10-30', { recordedOn: '2026-11-02' }), // recorded after the measurement day
      entry('2026-07-31'), // before the period
    ]);
    expect(computeIndicator(def('jobs_sought_change'), spells, { asOf: AS_OF })).toMatchObject({ status: 'ok', value: 50, n: 5 });
  });

  it('takes the baseline from the scorecard’s baseline date when there is one: 3 against 1 is +200 %', () => {
    const spells = people(['2026-04-01'], ['2026-08-01', '2026-09-15', '2026-10-31']);
    expect(computeIndicator(def('jobs_sought_change'), spells, { asOf: AS_OF, baselineDate: '2026-05-31' })).toMatchObject({ status: 'ok', value: 200 });
    // Measured on or before the baseline date there is nothing to compare with.
    expect(computeIndicator(def('jobs_sought_change'), spells, { asOf: '2026-05-31', baselineDate: '2026-05-31' })).toMatchObject({ status: 'no_data', value: null });
  });

  it('hides a change resting on fewer than 5 spells, and has no percentage when nobody searched in the baseline', () => {
    expect(computeIndicator(def('jobs_sought_change'), people(['2025-09-01'], ['2026-09-01']).slice(0, 4), { asOf: AS_OF })).toMatchObject({ status: 'suppressed', value: null, n: 4 });
    expect(computeIndicator(def('jobs_sought_change'), people([], ['2026-09-01']), { asOf: AS_OF })).toMatchObject({ status: 'no_data', value: null });
  });

  it('counts per week of unemployment: four weeks of a spell with six applications is 1.5 a week, the end day not included', () => {
    const s = spell({ startDate: '2026-08-15', endDate: '2026-09-12', endReason: 'ordinary_job', joblog: [...['08-15', '08-20', '08-27', '09-01', '09-05', '09-11'].map((d) => entry(`2026-${d}`)), entry('2026-09-12')] });
    expect(jobsSoughtPerWeek([s], { first: '2026-08-01', last: '2026-10-31' }, AS_OF, { spellKind: 'unemployment', joblogKinds: ['advertised'] })).toEqual({ entries: 6, weeks: 4, spells: 1, perWeek: 1.5 });
  });
});
