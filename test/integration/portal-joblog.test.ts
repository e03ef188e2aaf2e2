import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, syncEvents } from '../../src/db/schema';
import { createTestApp, loginAs, type Session, type TestApp } from '../support/app';
import { portalLoginAs, type PortalSession } from '../support/portal';
import { exampleBody, fillParams } from '../support/routes';
import { createSpellThroughApi } from '../support/spells';

let t: TestApp;
let vera: Session;
let anna: PortalSession;
let bo: PortalSession;
let annaEntry: string;

beforeAll(async () => {
  t = await createTestApp();
  vera = await loginAs(t.app, 'vejleder@akasse.demo');
  const a = await createSpellThroughApi(vera, { startDate: '2026-08-03' });
  const b = await createSpellThroughApi(vera, { startDate: '2026-08-03' });
  anna = await portalLoginAs(t.app, t.connection.db, a.jobseekerId);
  bo = await portalLoginAs(t.app, t.connection.db, b.jobseekerId);
});
afterAll(async () => t?.close());

describe('the jobseeker’s own joblog in the portal', () => {
  it('adds a job search in one request and sees it counted in this month', async () => {
    const res = await anna.request('POST', '/api/portal/joblog', { date: '2026-11-02', employer: 'Bageriet', jobTitle: 'Ekspedient', kind: 'unsolicited' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ createdByKind: 'jobseeker', status: 'sent', jobseekerId: anna.jobseekerId });
    annaEntry = res.json().id;
    const list = (await anna.request('GET', '/api/portal/joblog')).json();
    expect(list.items.map((e: { id: string }) => e.id)).toEqual([annaEntry]);
    const overview = (await anna.request('GET', '/api/portal/joblog/overview')).json();
    expect(overview.months.at(-1)).toMatchObject({ month: '2026-11', searches: 1, provisional: true });
    const [audit] = await t.connection.db.select().from(auditLog).where(and(eq(auditLog.subjectId, annaEntry), eq(auditLog.action, 'create')));
    expect(audit).toMatchObject({ actorKind: 'jobseeker', actorId: anna.jobseekerId });
    const [event] = await t.connection.db.select().from(syncEvents).where(eq(syncEvents.subjectId, annaEntry));
    expect(event).toMatchObject({ type: 'joblog.entry.created', actorKind: 'jobseeker' });
  });

  it('lets the caseworker see what the jobseeker added', async () => {
    const list = (await vera.request('GET', `/api/v1/jobseekers/${anna.jobseekerId}/joblog`)).json();
    expect(list.items[0]).toMatchObject({ id: annaEntry, createdByKind: 'jobseeker' });
  });

  it('never lets another jobseeker read or change the entry, on any portal joblog route', async () => {
    const routes = t.app.routeList.filter((r) => r.url.startsWith('/api/portal/joblog/:') && r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThanOrEqual(6);
    for (const route of routes) {
      const res = await bo.request(route.method as 'GET', fillParams(route.url, annaEntry), exampleBody(route) ?? (route.method === 'DELETE' && route.schema?.body ? { version: 1 } : undefined));
      expect(`${route.method} ${route.url} → ${res.statusCode}`).toBe(`${route.method} ${route.url} → 404`);
    }
    expect((await bo.request('GET', '/api/portal/joblog')).json().total).toBe(0);
    expect((await anna.request('GET', `/api/portal/joblog/${annaEntry}`)).json().version).toBe(1);
  });

  it('needs a portal login, and a staff session does not open it', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/portal/joblog' })).statusCode).toBe(401);
    expect((await vera.request('GET', '/api/portal/joblog')).statusCode).toBe(401);
  });

  it('refuses a change without the portal CSRF token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/portal/joblog', headers: { cookie: anna.cookie }, payload: { date: '2026-11-02', employer: 'X', jobTitle: 'Y', kind: 'network' } });
    expect(res.statusCode).toBe(403);
  });
});
