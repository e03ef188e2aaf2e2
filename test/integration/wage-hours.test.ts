import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { auditLog, organisations, spells, wageHours } from '../../src/db/schema';
import { createTestApp, loginAs, TEST_TODAY, type Session, type TestApp } from '../support/app';

// A jobcentre caseworker registers a citizen's ordinary paid hours from eIndkomst, corrects a
// month, and removes one registered by mistake.
let t: TestApp;
let caseworker: Session;
let spell: { id: string; jobseekerId: string; startDate: string };

beforeAll(async () => {
  t = await createTestApp();
  caseworker = await loginAs(t.app, 'konsulent@jobcenter.demo');
  const [org] = await t.connection.db.select().from(organisations).where(eq(organisations.name, 'Demo Jobcenter'));
  [spell] = (await t.connection.db
    .select({ id: spells.id, jobseekerId: spells.jobseekerId, startDate: spells.startDate })
    .from(spells)
    .where(and(eq(spells.organisationId, org!.id), eq(spells.status, 'active'), eq(spells.kind, 'unemployment')))
    .orderBy(asc(spells.startDate), asc(spells.id))
    .limit(1)) as [typeof spell];
});
afterAll(async () => t?.close());

const url = () => `/api/v1/spells/${spell.id}/wage-hours`;
const thisMonth = () => TEST_TODAY.slice(0, 7);
const stored = () => t.connection.db.select().from(wageHours).where(eq(wageHours.spellId, spell.id)).orderBy(asc(wageHours.month));

describe('ordinary paid hours on a spell', () => {
  it('names each wrong field in Danish and changes nothing', async () => {
    const before = await stored();
    const hours = await caseworker.request('PUT', url(), { month: thisMonth(), hours: 800, source: 'eindkomst' });
    expect(hours.statusCode).toBe(400);
    expect(hours.json().error.fields).toEqual({ hours: 'Timetallet skal være mellem 0 og 744.' });
    const month = await caseworker.request('PUT', url(), { month: '2026-13', hours: 10, source: 'eindkomst' });
    expect(month.json().error.fields).toEqual({ month: 'Skriv måneden som ÅÅÅÅ-MM.' });
    const source = await caseworker.request('PUT', url(), { month: thisMonth(), hours: 10, source: 'rumour' });
    expect(source.statusCode).toBe(400);
    expect(Object.keys(source.json().error.fields)).toEqual(['source']);
    const early = await caseworker.request('PUT', url(), { month: '2000-01', hours: 10, source: 'eindkomst' });
    expect(early.json().error.fields).toEqual({ month: 'Måneden ligger før forløbets start.' });
    const future = await caseworker.request('PUT', url(), { month: '2099-01', hours: 10, source: 'eindkomst' });
    expect(future.json().error.fields).toEqual({ month: 'Måneden ligger efter denne måned. Løntimer registreres, når de er præsteret.' });
    const remove = await caseworker.request('DELETE', `${url()}/oktober`);
    expect(remove.json().error.fields).toEqual({ month: 'Skriv måneden som ÅÅÅÅ-MM.' });
    expect(await stored()).toEqual(before);
  });

  it('sets a month, replaces it, lists it with an audit row, and removes it again', async () => {
    const set = await caseworker.request('PUT', url(), { month: thisMonth(), hours: 37.5, source: 'jobseeker' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ month: thisMonth(), hours: 37.5, source: 'jobseeker', sourceLabel: { da: 'Oplyst af borgeren' } });
    const replaced = await caseworker.request('PUT', url(), { month: thisMonth(), hours: 41, source: 'eindkomst' });
    expect(replaced.json()).toMatchObject({ month: thisMonth(), hours: 41, source: 'eindkomst' });
    const rows = (await stored()).filter((r) => r.month === `${thisMonth()}-01`);
    expect(rows.map((r) => r.hours)).toEqual([41]);

    const list = await caseworker.request('GET', url());
    expect(list.json()).toEqual(expect.arrayContaining([expect.objectContaining({ month: thisMonth(), hours: 41 })]));
    const audit = await t.connection.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.subjectType, 'wage_hours'), eq(auditLog.subjectId, spell.id)));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'update', 'read']));

    expect((await caseworker.request('DELETE', `${url()}/${thisMonth()}`)).statusCode).toBe(204);
    expect((await stored()).some((r) => r.month === `${thisMonth()}-01`)).toBe(false);
    expect((await caseworker.request('DELETE', `${url()}/${thisMonth()}`)).statusCode).toBe(404);
  });

  it('is not reachable from another organisation, nor for a broker', async () => {
    await caseworker.request('PUT', url(), { month: thisMonth(), hours: 12, source: 'employer' });
    const other = await loginAs(t.app, 'vejleder@akasse.demo');
    expect((await other.request('GET', url())).statusCode).toBe(404);
    expect((await other.request('PUT', url(), { month: thisMonth(), hours: 1, source: 'eindkomst' })).statusCode).toBe(404);
    expect((await other.request('DELETE', `${url()}/${thisMonth()}`)).statusCode).toBe(404);
    const broker = await loginAs(t.app, 'formidler@akasse.demo');
    expect((await broker.request('GET', url())).statusCode).toBe(403);
    expect((await stored()).find((r) => r.month === `${thisMonth()}-01`)?.hours).toBe(12);
  });
});
