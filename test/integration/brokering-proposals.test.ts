import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, ne } from 'drizzle-orm';
import { auditLog, businessActivities, jobseekers, organisations, spells, surveyInvitations, tasks } from '../../src/db/schema';
import { addDays } from '../../src/core/calendar/iso-date';
import { createTestApp, loginAs, TEST_TODAY, type Session, type TestApp } from '../support/app';

// A broker proposes three candidates for a one-position order; one is not hired (a follow-up
// task with the employer), one is hired (the spell ends as ordinary_job, the order is filled,
// the placement surveys go out and the indicator counts it).
let t: TestApp;
let broker: Session;
let otherManager: Session;
let manager: Session;
let people: { id: string; spellId: string }[];
let endedPersonId: string;
let jobOrderId: string;

type Proposal = { id: string; step: string; version: number; nextSteps: string[]; jobseekerId: string; notHiredReason: string | null; hiredStartDate: string | null };

const placements = async (s: Session) => {
  const values = (await s.request('GET', `/api/v1/indicators/values?asOf=${TEST_TODAY}`)).json().values as { code: string; value: { status: string; n: number; value: number | null } }[];
  return values.find((v) => v.code === 'placements_brokered')!.value;
};

beforeAll(async () => {
  t = await createTestApp();
  broker = await loginAs(t.app, 'formidler@akasse.demo');
  otherManager = await loginAs(t.app, 'leder@jobcenter.demo');
  manager = await loginAs(t.app, 'leder@akasse.demo');
  const db = t.connection.db;
  const [org] = await db.select().from(organisations).where(eq(organisations.name, 'Demo A-kasse'));
  people = await db
    .select({ id: jobseekers.id, spellId: spells.id })
    .from(spells)
    .innerJoin(jobseekers, eq(jobseekers.id, spells.jobseekerId))
    .where(and(eq(spells.organisationId, org!.id), eq(spells.status, 'active'), eq(spells.kind, 'unemployment')))
    .orderBy(asc(spells.id))
    .limit(4);
  const active = new Set((await db.select({ id: spells.jobseekerId }).from(spells).where(and(eq(spells.organisationId, org!.id), eq(spells.status, 'active')))).map((r) => r.id));
  const others = await db.select({ id: jobseekers.id }).from(jobseekers).where(and(eq(jobseekers.organisationId, org!.id), ne(jobseekers.id, people[0]!.id)));
  endedPersonId = others.find((p) => !active.has(p.id))!.id;

  const employer = (await broker.request('POST', '/api/v1/employers', { cvr: '20000090', name: 'Plejecenter Kirkebakken', municipalityCode: 630 })).json();
  const order = await broker.request('POST', '/api/v1/job-orders', {
    employerId: employer.id,
    title: 'Social- og sundhedsassistent',
    occupationCode: '5321',
    municipalityCode: 630,
    hoursPerWeek: 32,
    kind: 'permanent',
    contactName: 'Lene Leder',
    contactEmail: 'lene@kirkebakken.example',
  });
  expect(order.statusCode).toBe(201);
  jobOrderId = order.json().id;
});
afterAll(async () => t?.close());

const propose = (jobseekerId: string, extra: Record<string, unknown> = {}) => broker.request('POST', `/api/v1/job-orders/${jobOrderId}/proposals`, { jobseekerId, ...extra });
const move = (p: { id: string; version: number }, body: Record<string, unknown>) => broker.request('POST', `/api/v1/proposals/${p.id}/step`, { version: p.version, ...body });

describe('proposals and placements', () => {
  const made: Proposal[] = [];

  it('proposes up to three candidates with an active spell, naming the field when one cannot be proposed', async () => {
    for (const [i, p] of people.slice(0, 3).entries()) {
      const res = await propose(p.id, i === 0 ? { matchScore: 82, note: 'Stærkt match' } : {});
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ step: 'proposed', jobseekerId: p.id, spellId: p.spellId, version: 1, nextSteps: ['candidate_contacted', 'sent_to_employer', 'interview', 'hired', 'not_hired'] });
      made.push(res.json());
    }
    const fourth = await propose(people[3]!.id);
    expect(fourth.statusCode).toBe(400);
    expect(fourth.json().error.fields.jobseekerId).toContain('3 åbne forslag');
    const again = await propose(people[0]!.id);
    expect(again.json().error.fields.jobseekerId).toBe('Den jobsøgende er allerede foreslået til denne jobordre.');
    const ended = await broker.request('POST', `/api/v1/job-orders/${jobOrderId}/proposals`, { jobseekerId: endedPersonId }, { 'accept-language': 'en' });
    expect(ended.statusCode).toBe(400);
    expect(ended.json().error.fields.jobseekerId).toBe('The jobseeker has no active spell and cannot be proposed.');
    const list = (await broker.request('GET', `/api/v1/job-orders/${jobOrderId}/proposals`)).json();
    expect(list.items.map((p: Proposal) => p.jobseekerId).sort()).toEqual(people.slice(0, 3).map((p) => p.id).sort());
  });

  it('moves forward; a move back needs a reason, and a stale version is 409', async () => {
    let a = made[0]!;
    for (const step of ['candidate_contacted', 'sent_to_employer', 'interview']) {
      const res = await move(a, { step });
      expect(res.statusCode).toBe(200);
      a = res.json();
      expect(a.step).toBe(step);
    }
    const back = await move(a, { step: 'candidate_contacted' });
    expect(back.statusCode).toBe(400);
    expect(back.json().error.fields.correctionReason).toBe('Fra "Samtale" til "Kandidat kontaktet" er en rettelse: skriv en begrundelse.');
    expect((await move({ ...a, version: 1 }, { step: 'hired', hiredStartDate: TEST_TODAY })).statusCode).toBe(409);
    const corrected = await move(a, { step: 'sent_to_employer', correctionReason: 'Samtalen er ikke aftalt endnu' });
    expect(corrected.statusCode).toBe(200);
    made[0] = corrected.json();
    const [row] = await t.connection.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'job_proposal'), eq(auditLog.subjectId, a.id), eq(auditLog.action, 'update')))
      .orderBy(asc(auditLog.at), asc(auditLog.id))
      .then((rows) => rows.slice(-1));
    expect(row!.details).toMatchObject({ from: 'interview', to: 'sent_to_employer', correction: true, correctionReason: 'Samtalen er ikke aftalt endnu' });
  });

  it('not hired needs a reason and raises a follow-up task with the employer', async () => {
    const b = made[1]!;
    const missing = await move(b, { step: 'not_hired' });
    expect(missing.json().error.fields.notHiredReason).toBe('Vælg, hvorfor kandidaten ikke blev ansat.');
    const res = await move(b, { step: 'not_hired', notHiredReason: 'employer_chose_other', notHiredNote: 'Manglede nattevagter' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ step: 'not_hired', notHiredReason: 'employer_chose_other', nextSteps: [] });
    const [task] = await t.connection.db.select().from(tasks).where(eq(tasks.dedupeKey, `proposal_not_hired:${b.id}`));
    expect(task).toMatchObject({ kind: 'employer_follow_up', status: 'open', jobseekerId: b.jobseekerId, dueDate: '2026-11-04' });
    expect(task!.title).toContain('Plejecenter Kirkebakken');
  });

  it('hired ends the spell as ordinary_job on the start date, fills the order, sends the placement surveys and counts as a placement', async () => {
    // The demo's own brokered hires (src/db/seed/demo-outcomes.ts) are counted already.
    const demoHires = await placements(manager);
    expect(demoHires.status).toBe('ok');
    expect(demoHires.n).toBeGreaterThanOrEqual(5);
    const c = made[2]!;
    expect((await move(c, { step: 'hired' })).json().error.fields.hiredStartDate).toBe('Skriv den første arbejdsdag.');
    const res = await move(c, { step: 'hired', hiredStartDate: TEST_TODAY });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ step: 'hired', hiredStartDate: TEST_TODAY });
    const [spell] = await t.connection.db.select().from(spells).where(eq(spells.id, people[2]!.spellId));
    expect(spell).toMatchObject({ status: 'ended', endReason: 'ordinary_job', endDate: TEST_TODAY });
    expect((await broker.request('GET', `/api/v1/job-orders/${jobOrderId}`)).json().status).toBe('filled');
    const invites = await t.connection.db.select({ audience: surveyInvitations.audience }).from(surveyInvitations).where(eq(surveyInvitations.subjectId, c.id));
    expect(invites.map((i) => i.audience).sort()).toEqual(['employer', 'jobseeker']);
    // The hire: counted on top of the demo's.
    expect(await placements(manager)).toMatchObject({ n: demoHires.n + 1, value: demoHires.n + 1, status: 'ok' });
    // The hire is final, and a filled order takes no more hires.
    expect((await move(res.json(), { step: 'not_hired', notHiredReason: 'other', correctionReason: 'fejl' })).json().error.fields.step).toContain('Ansættelsen er registreret');
    const a = made[0]!;
    expect((await move(a, { step: 'hired', hiredStartDate: TEST_TODAY })).json().error.fields.step).toBe('Jobordren er ikke længere åben; der kan ikke ansættes flere.');
  });

  it('is not reachable from another organisation', async () => {
    expect((await otherManager.request('GET', `/api/v1/job-orders/${jobOrderId}/proposals`)).statusCode).toBe(404);
    expect((await otherManager.request('POST', `/api/v1/job-orders/${jobOrderId}/proposals`, { jobseekerId: people[3]!.id })).statusCode).toBe(404);
    expect((await otherManager.request('POST', `/api/v1/proposals/${made[0]!.id}/step`, { step: 'interview', version: made[0]!.version })).statusCode).toBe(404);
  });
});

describe('hires on a wage subsidy or a work trial', () => {
  const order = async (kind: 'wage_subsidy' | 'internship') => {
    const employer = (await broker.request('POST', '/api/v1/employers', { cvr: kind === 'wage_subsidy' ? '20000104' : '20000112', name: `Børnehuset ${kind}`, municipalityCode: 630 })).json();
    const res = await broker.request('POST', '/api/v1/job-orders', { employerId: employer.id, title: 'Pædagogmedhjælper', occupationCode: '5311', municipalityCode: 630, hoursPerWeek: 30, kind, contactEmail: 'leder@boernehuset.example' });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; employerId: string };
  };

  it('keeps the spell active and starts the activity on the first day instead; no placement, no placement survey', async () => {
    const before = await placements(manager);
    const hires: Record<string, string> = {};
    for (const [kind, person, startDate, agreedOn] of [
      ['wage_subsidy', people[3]!, addDays(TEST_TODAY, 7), TEST_TODAY],
      // Registered after the first day: agreed no later than it started.
      ['internship', people[0]!, addDays(TEST_TODAY, -3), addDays(TEST_TODAY, -3)],
    ] as const) {
      const o = await order(kind);
      hires[kind] = o.id;
      const proposal = (await broker.request('POST', `/api/v1/job-orders/${o.id}/proposals`, { jobseekerId: person.id })).json() as Proposal;
      const hired = await broker.request('POST', `/api/v1/proposals/${proposal.id}/step`, { version: proposal.version, step: 'hired', hiredStartDate: startDate });
      expect(hired.statusCode).toBe(200);
      const [spell] = await t.connection.db.select().from(spells).where(eq(spells.id, person.spellId));
      expect(spell).toMatchObject({ status: 'active', endDate: null, endReason: null });
      const activities = await t.connection.db.select().from(businessActivities).where(eq(businessActivities.proposalId, proposal.id));
      expect(activities).toEqual([expect.objectContaining({ spellId: person.spellId, jobseekerId: person.id, kind, employerId: o.employerId, startDate, agreedOn, endDate: null })]);
      expect((await broker.request('GET', `/api/v1/job-orders/${o.id}`)).json().status).toBe('filled');
      expect(await t.connection.db.select().from(surveyInvitations).where(eq(surveyInvitations.subjectId, proposal.id))).toEqual([]);
      const audit = await t.connection.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'business_activity'), eq(auditLog.subjectId, activities[0]!.id)));
      expect(audit).toHaveLength(1);
    }
    // Seed 001 counts brokered jobs; wage subsidies and work trials are counted as activities, not
    // placements — even once the spell has ended.
    const [open] = await t.connection.db.select({ version: spells.version }).from(spells).where(eq(spells.id, people[0]!.spellId));
    expect((await manager.request('POST', `/api/v1/spells/${people[0]!.spellId}/end`, { endDate: TEST_TODAY, endReason: 'handed_over', version: open!.version })).statusCode).toBe(200);
    expect(await placements(manager)).toEqual(before);
    const caseworker = await loginAs(t.app, 'vejleder@akasse.demo');
    const list = (await caseworker.request('GET', `/api/v1/spells/${people[3]!.spellId}/business-activities`)).json() as { kind: string; kindLabel: { da: string } }[];
    // The case page names the employer and links to the job order the hire came from.
    expect(list).toEqual([
      expect.objectContaining({ kind: 'wage_subsidy', kindLabel: { da: 'Løntilskud', en: 'Wage subsidy' }, employerName: 'Børnehuset wage_subsidy', jobOrder: { id: hires.wage_subsidy, title: 'Pædagogmedhjælper' } }),
    ]);
  });
});

