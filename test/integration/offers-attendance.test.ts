import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { tasks } from '../../src/db/schema';
import { createTestApp, loginAs, type Session, type TestApp } from '../support/app';

// TEST_TODAY is Monday 2026-11-02, 09:00 UTC. The job club meets on Mondays.
let t: TestApp;
let cw: Session;
let session: { id: string; unitId: string; lastDay: string };
const members: { jobseekerId: string; spellId: string; enrolmentId: string }[] = [];

async function relogin() {
  cw = await loginAs(t.app, 'vejleder@akasse.demo');
}

beforeAll(async () => {
  t = await createTestApp();
  await relogin();
  const offer = (await cw.request('POST', '/api/v1/offers', { kind: 'job_club', title: 'Jobklub Social/Sundhed og pædagog', trade: 'Social/Sundhed og pædagog', eligibility: { targetGroups: ['unemployment_insurance'] } })).json();
  expect(offer.durationWeeks).toBe(5);
  const created = await cw.request('POST', `/api/v1/offers/${offer.id}/sessions`, { startsAt: '2026-11-02T13:00:00+01:00', endsAt: '2026-11-02T15:00:00+01:00', place: 'Jobviften, lokale 3', capacity: 31, overbookingPercent: 10 });
  session = created.json();
  expect(session.lastDay).toBe('2026-11-30');
  for (const [i, cpr] of ['020290-1231', '030391-1232'].entries()) {
    const js = (await cw.request('POST', '/api/v1/jobseekers', { cpr, firstName: ['Anna', 'Bo'][i], lastName: 'Fremmødesen' })).json();
    const spell = (await cw.request('POST', `/api/v1/jobseekers/${js.id}/spells`, { kind: 'unemployment', startDate: '2026-10-01', targetGroup: 'unemployment_insurance' })).json();
    const enrolment = (await cw.request('POST', `/api/v1/offer-sessions/${session.id}/enrolments`, { jobseekerId: js.id })).json();
    expect(enrolment.status).toBe('seated');
    members.push({ jobseekerId: js.id, spellId: spell.id, enrolmentId: enrolment.id });
  }
});
afterAll(async () => t?.close());

describe('roll-call', () => {
  it('lists everyone holding a seat for today, with nothing registered yet', async () => {
    const res = await cw.request('GET', `/api/v1/offer-sessions/${session.id}/roll-call`);
    expect(res.json()).toMatchObject({ day: '2026-11-02', participants: [{ name: 'Anna Fremmødesen', status: null }, { name: 'Bo Fremmødesen', status: null }] });
  });

  it('asks for a reason when someone is absent', async () => {
    const res = await cw.request('POST', `/api/v1/offer-sessions/${session.id}/attendance`, { enrolmentId: members[1]!.enrolmentId, day: '2026-11-02', status: 'absent' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ absenceReason: 'Vælg en fraværsårsag.' });
  });

  it('refuses a day in the future', async () => {
    const res = await cw.request('POST', `/api/v1/offer-sessions/${session.id}/attendance`, { enrolmentId: members[0]!.enrolmentId, day: '2026-11-09', status: 'present' });
    expect(res.json().error.fields.day).toBe('Fremmøde kan ikke registreres for en dag i fremtiden.');
  });

  it('raises one task to assess availability at the second absence within 30 days, not at the first nor again at the third', async () => {
    const absent = (day: string) => cw.request('POST', `/api/v1/offer-sessions/${session.id}/attendance`, { enrolmentId: members[1]!.enrolmentId, day, status: 'absent', absenceReason: 'no_notice' });
    const tasksOf = () => t.connection.db.select().from(tasks).where(and(eq(tasks.jobseekerId, members[1]!.jobseekerId), eq(tasks.kind, 'availability_assessment')));
    await cw.request('POST', `/api/v1/offer-sessions/${session.id}/attendance`, { enrolmentId: members[0]!.enrolmentId, day: '2026-11-02', status: 'present' });
    expect((await absent('2026-11-02')).json().participants[1]).toMatchObject({ status: 'absent', absenceReason: 'no_notice' });
    expect(await tasksOf()).toHaveLength(0);
    t.clock.set('2026-11-09T09:00:00Z');
    await relogin();
    await absent('2026-11-09');
    const raised = await tasksOf();
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ spellId: members[1]!.spellId, title: 'Gentaget fravær fra tilbud (2 gange på 30 dage): vurdér rådighed' });
    t.clock.set('2026-11-16T09:00:00Z');
    await relogin();
    await absent('2026-11-16');
    expect(await tasksOf()).toHaveLength(1);
  });

  it('lets a wrong registration be corrected the same day', async () => {
    const res = await cw.request('POST', `/api/v1/offer-sessions/${session.id}/attendance`, { enrolmentId: members[1]!.enrolmentId, day: '2026-11-16', status: 'absent', absenceReason: 'job_interview', note: 'Samtale hos Eksempel A/S' });
    expect(res.json().participants[1]).toMatchObject({ status: 'absent', absenceReason: 'job_interview' });
  });
});

describe('the monthly absence report', () => {
  it('lists the absentee for the unit, as JSON, XLSX and PDF', async () => {
    const res = await cw.request('GET', `/api/v1/absence-report?month=2026-11&unitId=${session.unitId}`);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ month: '2026-11', unitName: 'Afdeling Nord', absences: 3, people: 1 });
    expect(report.rows.map((r: { day: string; name: string; reasonLabel: string; countsTowardAvailability: boolean }) => [r.day, r.name, r.reasonLabel, r.countsTowardAvailability])).toEqual([
      ['2026-11-02', 'Bo Fremmødesen', 'Udeblevet uden afbud', true],
      ['2026-11-09', 'Bo Fremmødesen', 'Udeblevet uden afbud', true],
      ['2026-11-16', 'Bo Fremmødesen', 'Jobsamtale', false],
    ]);
    const xlsx = await cw.request('GET', `/api/v1/absence-report?month=2026-11&unitId=${session.unitId}&format=xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await cw.request('GET', `/api/v1/absence-report?month=2026-11&unitId=${session.unitId}&format=pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('sends the report to the availability team as one task for the unit per month', async () => {
    const first = await cw.request('POST', '/api/v1/absence-report/send', { month: '2026-11', unitId: session.unitId });
    expect(first.json()).toEqual({ taskCreated: true, absences: 3, people: 1 });
    const again = await cw.request('POST', '/api/v1/absence-report/send', { month: '2026-11', unitId: session.unitId });
    expect(again.json().taskCreated).toBe(false);
    const [task] = await t.connection.db.select().from(tasks).where(and(eq(tasks.kind, 'absence_report'), eq(tasks.unitId, session.unitId)));
    expect(task!.title).toContain('Fraværsrapport 2026-11 (Afdeling Nord): 3 fravær, 1 personer');
  });
});

describe('job club progression talks', () => {
  it('refuses a progression talk longer than 20 minutes', async () => {
    const res = await cw.request('POST', `/api/v1/enrolments/${members[0]!.enrolmentId}/talks`, { durationMinutes: 25, agreements: ['Søg 3 job'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.durationMinutes).toBe('En progressionssamtale varer højst 20 minutter.');
  });

  it('puts the agreements into Min Plan as a new version, due next week, and follows them up the week after', async () => {
    const { spellId, enrolmentId } = members[0]!;
    const first = await cw.request('POST', `/api/v1/enrolments/${enrolmentId}/talks`, { heldOn: '2026-11-09', durationMinutes: 18, searchStatus: 'Har søgt 2 job', agreements: ['Søg 3 stillinger i ældreplejen', 'Ring til to plejehjem'] });
    expect(first.statusCode).toBe(201);
    const plan = (await cw.request('GET', `/api/v1/spells/${spellId}/plan`)).json();
    expect(plan.current.version).toBe(1);
    expect(plan.current.activities.map((a: { title: string; dueDate: string; status: string }) => [a.title, a.dueDate, a.status])).toEqual([
      ['Søg 3 stillinger i ældreplejen', '2026-11-16', 'open'],
      ['Ring til to plejehjem', '2026-11-16', 'open'],
    ]);
    const toFollowUp = first.json().toFollowUp as { activityId: string; title: string }[];
    expect(toFollowUp.map((a) => a.title)).toEqual(['Søg 3 stillinger i ældreplejen', 'Ring til to plejehjem']);
    const second = await cw.request('POST', `/api/v1/enrolments/${enrolmentId}/talks`, {
      heldOn: '2026-11-16',
      durationMinutes: 15,
      agreements: ['Send uopfordret ansøgning'],
      followUps: [
        { activityId: toFollowUp[0]!.activityId, status: 'done' },
        { activityId: toFollowUp[1]!.activityId, status: 'open' },
      ],
    });
    expect(second.json().talks[1].followUps).toEqual([
      { activityId: toFollowUp[0]!.activityId, title: 'Søg 3 stillinger i ældreplejen', status: 'done' },
      { activityId: toFollowUp[1]!.activityId, title: 'Ring til to plejehjem', status: 'open' },
    ]);
    const plan2 = (await cw.request('GET', `/api/v1/spells/${spellId}/plan`)).json();
    expect(plan2.current.version).toBe(2);
    expect(plan2.current.activities.map((a: { status: string }) => a.status)).toEqual(['done', 'open', 'open']);
  });

  it('ends the course with a closing talk and asks the caseworker to call in someone not expected to find work alone', async () => {
    const { enrolmentId, jobseekerId } = members[0]!;
    const res = await cw.request('POST', `/api/v1/enrolments/${enrolmentId}/talks`, { kind: 'closing', heldOn: '2026-11-16', durationMinutes: 30, handover: 'back_to_caseworker' });
    expect(res.json().closed).toBe(true);
    const [task] = await t.connection.db.select().from(tasks).where(and(eq(tasks.jobseekerId, jobseekerId), eq(tasks.kind, 'job_club_handover')));
    expect(task!.title).toBe('Jobklub afsluttet: indkald til jobsamtale');
    const after = await cw.request('POST', `/api/v1/enrolments/${enrolmentId}/talks`, { durationMinutes: 10 });
    expect(after.statusCode).toBe(422);
  });
});
