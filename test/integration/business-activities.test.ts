import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { auditLog, businessActivities, organisations, spells } from '../../src/db/schema';
import { addDays } from '../../src/core/calendar/iso-date';
import { createTestApp, loginAs, TEST_TODAY, type Session, type TestApp } from '../support/app';

// A caseworker registers a work trial agreed with a member, and ends it; the spell stays active.
let t: TestApp;
let caseworker: Session;
let spell: { id: string; jobseekerId: string; startDate: string };

beforeAll(async () => {
  t = await createTestApp();
  caseworker = await loginAs(t.app, 'vejleder@akasse.demo');
  const [org] = await t.connection.db.select().from(organisations).where(eq(organisations.name, 'Demo A-kasse'));
  [spell] = await t.connection.db
    .select({ id: spells.id, jobseekerId: spells.jobseekerId, startDate: spells.startDate })
    .from(spells)
    .where(and(eq(spells.organisationId, org!.id), eq(spells.status, 'active'), eq(spells.kind, 'unemployment')))
    .orderBy(asc(spells.id))
    .limit(1) as [typeof spell];
});
afterAll(async () => t?.close());

const url = () => `/api/v1/spells/${spell.id}/business-activities`;
const stored = () => t.connection.db.select().from(businessActivities).where(eq(businessActivities.spellId, spell.id));

describe('business-oriented activities on a spell', () => {
  it('names each wrong field in Danish and stores nothing', async () => {
    const before = (await stored()).length;
    const kind = await caseworker.request('POST', url(), { kind: 'job_club', startDate: TEST_TODAY });
    expect(kind.statusCode).toBe(400);
    expect(Object.keys(kind.json().error.fields)).toEqual(['kind']);
    const dates = await caseworker.request('POST', url(), { kind: 'internship', agreedOn: addDays(TEST_TODAY, 1), startDate: addDays(spell.startDate, -1), endDate: addDays(spell.startDate, -2) });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().error.fields).toEqual({
      agreedOn: 'Aftaledatoen må ikke ligge i fremtiden.',
      startDate: 'Startdatoen ligger før forløbets start.',
      endDate: 'Slutdatoen ligger før startdatoen.',
    });
    const employer = await caseworker.request('POST', url(), { kind: 'internship', startDate: addDays(TEST_TODAY, 7), employerId: '00000000-0000-4000-8000-000000000000' });
    expect(employer.json().error.fields).toEqual({ employerId: 'Vælg en virksomhed fra organisationens liste.' });
    expect((await stored()).length).toBe(before);
  });

  it('registers a work trial agreed today, lists it with an audit row, and sets its last day', async () => {
    const res = await caseworker.request('POST', url(), { kind: 'internship', startDate: addDays(TEST_TODAY, 7), note: 'Praktik i børnehave, 4 uger.' });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ kind: 'internship', kindLabel: { da: 'Virksomhedspraktik' }, employerName: null, jobOrder: null, agreedOn: TEST_TODAY, startDate: addDays(TEST_TODAY, 7), endDate: null, version: 1 });
    const list = await caseworker.request('GET', url());
    expect(list.json().map((a: { id: string }) => a.id)).toContain(created.id);
    const reads = await t.connection.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'business_activities'), eq(auditLog.subjectId, spell.id), eq(auditLog.action, 'read')));
    expect(reads.length).toBeGreaterThan(0);

    const early = await caseworker.request('PATCH', `/api/v1/business-activities/${created.id}`, { version: 1, endDate: TEST_TODAY });
    expect(early.json().error.fields).toEqual({ endDate: 'Slutdatoen ligger før startdatoen.' });
    const ended = await caseworker.request('PATCH', `/api/v1/business-activities/${created.id}`, { version: 1, endDate: addDays(TEST_TODAY, 34) });
    expect(ended.json()).toMatchObject({ endDate: addDays(TEST_TODAY, 34), version: 2 });
    expect((await caseworker.request('PATCH', `/api/v1/business-activities/${created.id}`, { version: 1, endDate: addDays(TEST_TODAY, 30) })).statusCode).toBe(409);
    const [spellNow] = await t.connection.db.select({ status: spells.status }).from(spells).where(eq(spells.id, spell.id));
    expect(spellNow!.status).toBe('active');
  });

  it('is not for a broker to write, and not reachable from another organisation', async () => {
    const broker = await loginAs(t.app, 'formidler@akasse.demo');
    expect((await broker.request('POST', url(), { kind: 'internship', startDate: TEST_TODAY })).statusCode).toBe(403);
    const other = await loginAs(t.app, 'konsulent@jobcenter.demo');
    expect((await other.request('GET', url())).statusCode).toBe(404);
    expect((await other.request('POST', url(), { kind: 'internship', startDate: TEST_TODAY })).statusCode).toBe(404);
  });
});
