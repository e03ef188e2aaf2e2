import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestApp } from '../support/app';

// TEST_TODAY is Monday 2026-11-02 (09:00 UTC).
let t: TestApp;
let cw: Session;
let jobseekerId: string;
let spellId: string;

const answers = {
  expected_time_to_job: 'over_6_months',
  own_chances: 2,
  health_limitations: true,
  occupation_breadth: 'one_occupation',
  commute_time: 'up_to_30_min',
  education_match: 'no',
  job_interview_since_notice: false,
  application_confidence: 2,
  other_obstacles: false,
};

async function spell() {
  return (await cw.request('GET', `/api/v1/spells/${spellId}`)).json();
}

beforeAll(async () => {
  t = await createTestApp();
  cw = await loginAs(t.app, 'vejleder@akasse.demo');
  const created = await cw.request('POST', '/api/v1/jobseekers', { cpr: '150387-1236', firstName: 'Maja', lastName: 'Forløbsen', educationLevel: 'vocational' });
  jobseekerId = created.json().id;
});
afterAll(async () => t?.close());

describe('intake: a new spell', () => {
  it('names the wrong fields in Danish and creates nothing', async () => {
    const res = await cw.request('POST', `/api/v1/jobseekers/${jobseekerId}/spells`, { kind: 'notice', startDate: '2026-11-02', targetGroup: 'no-such-group' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toMatchObject({ noticeEndDate: expect.stringContaining('Opsigelsens sidste dag'), targetGroup: expect.stringContaining('målgruppe') });
    expect((await cw.request('GET', `/api/v1/jobseekers/${jobseekerId}/spells`)).json()).toEqual([]);
  });

  it('refuses a notice end before the notice start', async () => {
    const res = await cw.request('POST', `/api/v1/jobseekers/${jobseekerId}/spells`, { kind: 'notice', startDate: '2026-11-02', noticeEndDate: '2026-10-01', targetGroup: 'unemployment_insurance' });
    expect(res.json().error.fields.noticeEndDate).toBe('Datoen ligger før forløbets start.');
  });

  it('starts an unemployment spell owned by the caseworker, waiting for a segment', async () => {
    const res = await cw.request('POST', `/api/v1/jobseekers/${jobseekerId}/spells`, { kind: 'unemployment', startDate: '2026-11-02', targetGroup: 'unemployment_insurance' });
    expect(res.statusCode).toBe(201);
    spellId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'active', segment: null, cadence: null, conversations: [], jobseeker: { name: 'Maja Forløbsen', cprMasked: '150387-xxxx' } });
    expect(res.json().segments.map((s: { segment: string }) => s.segment).sort()).toEqual(['hk-1', 'hk-2', 'hk-3']);
  });

  it('allows only one active spell per jobseeker', async () => {
    const res = await cw.request('POST', `/api/v1/jobseekers/${jobseekerId}/spells`, { kind: 'unemployment', startDate: '2026-11-02', targetGroup: 'unemployment_insurance' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('allerede et aktivt forløb');
  });
});

describe('profiling and the segment decision', () => {
  it('names a missing answer by its question', async () => {
    const { health_limitations: _omit, ...partial } = answers;
    const res = await cw.request('POST', `/api/v1/spells/${spellId}/profiling`, { answers: partial });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(['answers.health_limitations']);
  });

  it('scores the answers with a transparent model and suggests a segment', async () => {
    const res = await cw.request('POST', `/api/v1/spells/${spellId}/profiling`, { answers });
    expect(res.statusCode).toBe(200);
    const { score } = res.json();
    expect(score.probability).toBeGreaterThan(0);
    expect(score.probability).toBeLessThan(1);
    expect(score.suggestedSegment).toBe('hk-2');
    const logit = score.intercept + score.contributions.reduce((s: number, c: { contribution: number }) => s + c.contribution, 0);
    expect(logit).toBeCloseTo(score.logit, 9);
    expect(score.contributions.find((c: { input: string }) => c.input === 'age').value).toBe(39);
  });

  it('refuses a segment whose cadence template the organisation does not have, and plans nothing', async () => {
    const res = await cw.request('POST', `/api/v1/spells/${spellId}/segment`, { segment: 'no-such-cadence', reason: 'Afprøver en gruppe, der ikke findes.' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.segment).toBe('Vælg en af organisationens grupper.');
    const after = await spell();
    expect(after.segment).toBeNull();
    expect(after.conversations).toEqual([]);
  });

  it('asks for a reason when the caseworker chooses another segment than suggested, and changes nothing', async () => {
    const res = await cw.request('POST', `/api/v1/spells/${spellId}/segment`, { segment: 'hk-1' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.reason).toMatch(/begrund/i);
    expect((await spell()).segment).toBeNull();
  });

  it('plans the conversations of the chosen segment’s cadence on working days', async () => {
    const res = await cw.request('POST', `/api/v1/spells/${spellId}/segment`, { segment: 'hk-1', reason: 'Har allerede flere jobsamtaler i gang.' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.segment).toBe('hk-1');
    expect(body.cadence.key).toBe('hk-1');
    expect(body.assessments[0]).toMatchObject({ chosenSegment: 'hk-1', suggestedSegment: 'hk-2', overridden: true, reason: 'Har allerede flere jobsamtaler i gang.' });
    const cv = body.conversations.find((c: { type: string }) => c.type === 'cv_contact');
    expect(cv).toMatchObject({ status: 'planned', earliest: '2026-11-02', latest: '2026-11-16', mandatory: true });
    expect(body.handoverDate).toBe('2027-02-02');
  });
});

describe('booking and holding conversations', () => {
  let cvId: string;
  let availabilityId: string;

  it('refuses a booking outside the window without a reason, and books nothing', async () => {
    const s = await spell();
    cvId = s.conversations.find((c: { type: string }) => c.type === 'cv_contact').id;
    availabilityId = s.conversations.find((c: { type: string }) => c.type === 'availability').id;
    const res = await cw.request('POST', `/api/v1/conversations/${cvId}/book`, { version: 1, scheduledAt: '2026-11-20T09:00:00+01:00', mode: 'in_person' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.outsideWindowReason).toContain('16-11-2026');
    expect((await spell()).conversations.find((c: { id: string }) => c.id === cvId).status).toBe('planned');
  });

  it('refuses a public holiday or weekend without a reason', async () => {
    const res = await cw.request('POST', `/api/v1/conversations/${cvId}/book`, { version: 1, scheduledAt: '2026-11-07T09:00:00+01:00', mode: 'in_person' });
    expect(res.json().error.fields.scheduledAt).toContain('ikke en arbejdsdag');
  });

  it('books the CV talk inside its window', async () => {
    // After the demo data's meetings (08:30–15:15), so the demo caseworker's calendar is free.
    const res = await cw.request('POST', `/api/v1/conversations/${cvId}/book`, { version: 1, scheduledAt: '2026-11-05T15:30:00+01:00', durationMinutes: 45, mode: 'in_person', place: 'Afdeling Nord' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'booked', scheduledAt: '2026-11-05T14:30:00.000Z', place: 'Afdeling Nord' });
  });

  it('will not give the caseworker two meetings at once', async () => {
    const res = await cw.request('POST', `/api/v1/conversations/${availabilityId}/book`, {
      version: 1,
      scheduledAt: '2026-11-05T16:00:00+01:00',
      mode: 'phone',
      outsideWindowReason: 'Medlemmet ønsker en tidlig samtale.',
    });
    expect(res.statusCode).toBe(409);
  });

  it('holds the talk with notes, agreements and the jobs presented', async () => {
    t.clock.set('2026-11-05T16:00:00Z');
    cw = await loginAs(t.app, 'vejleder@akasse.demo'); // the old session expired over the days that passed
    const res = await cw.request('POST', `/api/v1/conversations/${cvId}/hold`, { version: 2, notes: 'CV gennemgået.', agreements: ['Søge 2 stillinger om ugen'], jobsPresented: [{ title: 'Lagermedarbejder', employer: 'Eksempel A/S' }] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'held', heldOn: '2026-11-05', agreements: ['Søge 2 stillinger om ugen'] });
  });

  it('re-plans open talks on a segment change but never touches a held one', async () => {
    const before = await spell();
    const res = await cw.request('POST', `/api/v1/spells/${spellId}/segment`, { segment: 'hk-2' });
    expect(res.statusCode).toBe(200);
    const after = res.json();
    const held = after.conversations.find((c: { id: string }) => c.id === cvId);
    expect(held).toEqual(before.conversations.find((c: { id: string }) => c.id === cvId));
    const open = after.conversations.filter((c: { status: string }) => c.status === 'planned');
    expect(open.map((c: { type: string }) => c.type).sort()).toEqual(['availability', 'extra_contact', 'joint_meeting']);
    expect(after.conversations.filter((c: { status: string }) => c.status === 'superseded').length).toBeGreaterThan(0);
    expect(open.some((c: { type: string }) => c.type === 'cv_contact')).toBe(false);
  });

  it('turns a no-show into a task to assess availability and a new talk to book', async () => {
    const s = await spell();
    const extra = s.conversations.find((c: { type: string; status: string }) => c.type === 'extra_contact' && c.status === 'planned');
    const booked = await cw.request('POST', `/api/v1/conversations/${extra.id}/book`, { version: extra.version, scheduledAt: '2026-11-24T13:00:00+01:00', mode: 'video' });
    expect(booked.statusCode).toBe(200);
    t.clock.set('2026-11-24T14:00:00Z');
    cw = await loginAs(t.app, 'vejleder@akasse.demo');
    const res = await cw.request('POST', `/api/v1/conversations/${extra.id}/no-show`, { version: booked.json().version });
    expect(res.json().status).toBe('no_show');
    const after = await spell();
    expect(after.openTasks).toEqual([expect.objectContaining({ kind: 'no_show_follow_up', title: expect.stringContaining('vurdér rådighed'), dueDate: '2026-11-26' })]);
    expect(after.conversations.filter((c: { type: string; status: string }) => c.type === 'extra_contact' && c.status === 'planned')).toHaveLength(1);
  });
});

describe('Min Plan', () => {
  it('keeps every change as a new version and refuses a stale one', async () => {
    const v1 = await cw.request('POST', `/api/v1/spells/${spellId}/plan`, { basedOnVersion: 0, jobGoals: [{ title: 'Lagermedarbejder' }], activities: [{ title: 'Opdatere CV', dueDate: '2026-11-30' }], searchRequirementPerWeek: 2 });
    expect(v1.statusCode).toBe(201);
    expect(v1.json().current).toMatchObject({ version: 1, searchRequirementPerWeek: 2 });
    const v2 = await cw.request('POST', `/api/v1/spells/${spellId}/plan`, { basedOnVersion: 1, jobGoals: [{ title: 'Lagermedarbejder' }, { title: 'Chauffør' }], activities: [{ title: 'Opdatere CV', status: 'done' }], changeNote: 'Nyt jobmål' });
    expect(v2.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const stale = await cw.request('POST', `/api/v1/spells/${spellId}/plan`, { basedOnVersion: 1, jobGoals: [], activities: [] });
    expect(stale.statusCode).toBe(409);
    expect((await cw.request('GET', `/api/v1/spells/${spellId}/plan`)).json().current.version).toBe(2);
  });

  it('prints the jobseeker’s copy as a PDF', async () => {
    const res = await cw.request('GET', `/api/v1/spells/${spellId}/plan.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('benefit hours and the end of a spell', () => {
  it('records the month-end on which 410 hours were passed', async () => {
    await cw.request('PUT', `/api/v1/spells/${spellId}/benefit-hours`, { month: '2026-11', hours: 148 });
    await cw.request('PUT', `/api/v1/spells/${spellId}/benefit-hours`, { month: '2026-12', hours: 160 });
    const res = await cw.request('PUT', `/api/v1/spells/${spellId}/benefit-hours`, { month: '2027-01', hours: 150 });
    expect(res.json().passed410On).toBe('2027-01-31');
    const bad = await cw.request('PUT', `/api/v1/spells/${spellId}/benefit-hours`, { month: '2027-13', hours: -1 });
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['hours', 'month']);
  });

  it('ends the spell and cancels the talks not yet held', async () => {
    const s = await spell();
    const res = await cw.request('POST', `/api/v1/spells/${spellId}/end`, { endDate: '2026-11-30', endReason: 'education', version: s.version });
    expect(res.json()).toMatchObject({ status: 'ended', endReason: 'education' });
    expect(res.json().conversations.filter((c: { status: string }) => c.status === 'planned' || c.status === 'booked')).toEqual([]);
  });
});

describe('a notice spell', () => {
  it('turns into an unemployment spell on the same segment when the notice ends without a job', async () => {
    const person = await cw.request('POST', '/api/v1/jobseekers', { cpr: '020290-1233', firstName: 'Ole', lastName: 'Opsagt' });
    const notice = await cw.request('POST', `/api/v1/jobseekers/${person.json().id}/spells`, { kind: 'notice', startDate: '2026-11-02', noticeEndDate: '2026-12-31', targetGroup: 'unemployment_insurance' });
    await cw.request('POST', `/api/v1/spells/${notice.json().id}/segment`, { segment: 'hk-1', reason: 'Afskediget, forventer hurtigt job.' });
    const current = (await cw.request('GET', `/api/v1/spells/${notice.json().id}`)).json();
    const res = await cw.request('POST', `/api/v1/spells/${notice.json().id}/convert`, { firstDayOfUnemployment: '2027-01-01', version: current.version });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'unemployment', startDate: '2027-01-01', segment: 'hk-1', status: 'active' });
    const cv = res.json().conversations.find((c: { type: string }) => c.type === 'cv_contact');
    // 1 January is a holiday: the window opens on the next working day.
    expect(cv.earliest).toBe('2027-01-04');
    const spells = (await cw.request('GET', `/api/v1/jobseekers/${person.json().id}/spells`)).json();
    expect(spells.map((s: { kind: string; status: string; endReason: string | null }) => [s.kind, s.status, s.endReason])).toEqual([
      ['unemployment', 'active', null],
      ['notice', 'ended', 'became_unemployed'],
    ]);
  });
});
