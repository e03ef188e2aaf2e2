import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { organisations } from '../../src/db/schema';
import { createTestApp, loginAs, type Session, type TestApp } from '../support/app';
import { apiRoutes, exampleBody, fillParams, idsOwnedBy } from '../support/routes';

let t: TestApp;
let sessions: Record<string, Session>;
let foreignIds: { table: string; id: string }[];
let foreignNames: string[];

beforeAll(async () => {
  t = await createTestApp();
  sessions = {
    caseworker: await loginAs(t.app, 'vejleder@akasse.demo'),
    broker: await loginAs(t.app, 'formidler@akasse.demo'),
    manager: await loginAs(t.app, 'leder@akasse.demo'),
    admin: await loginAs(t.app, 'admin@akasse.demo'),
  };
  // Give the jobcenter some activity of its own, so its audit rows exist too.
  const jc = await loginAs(t.app, 'konsulent@jobcenter.demo');
  const created = await jc.request('POST', '/api/v1/jobseekers', { cpr: '150387-1236', firstName: 'Kun', lastName: 'Jobcentret' });
  expect(created.statusCode).toBe(201);
  const [jobcenter] = await t.connection.db.select().from(organisations).where(eq(organisations.name, 'Demo Jobcenter'));
  foreignIds = await idsOwnedBy(t.connection.db, jobcenter!.id, 1);
  foreignNames = ['Jobcentret', 'Karl Konsulent', 'Jytte Jobcenterleder', 'Demo Jobcenter', 'Jobteam'];
});
afterAll(async () => t?.close());

describe('staff see only their own organisation', () => {
  it('finds ids of the other organisation to try (jobseekers, staff, units, audit rows)', () => {
    const tables = new Set(foreignIds.map((f) => f.table));
    for (const table of ['organisations', 'jobseekers', 'staff', 'units']) expect(tables).toContain(table);
  });

  it('answers 404 on every /api/v1 route with a path parameter, for every id of the other organisation', async () => {
    const routes = apiRoutes(t.app).filter((r) => r.url.includes(':'));
    expect(routes.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const route of routes) {
      const body = exampleBody(route);
      if (['POST', 'PATCH', 'PUT'].includes(route.method) && route.schema?.body && body === undefined) {
        failures.push(`${route.method} ${route.url}: give its body schema an example (.meta({ examples: [...] })) so this test can reach it`);
        continue;
      }
      let reachedByAnyRole = false;
      for (const { table, id } of foreignIds) {
        for (const [role, session] of Object.entries(sessions)) {
          const res = await session.request(route.method as 'GET', fillParams(route.url, id), body);
          if (res.statusCode === 403 && res.json().error.code === 'forbidden') continue; // the role lacks the permission: says nothing about the data
          reachedByAnyRole = true;
          if (res.statusCode !== 404) failures.push(`${route.method} ${route.url} as ${role} with a ${table} id → ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
      if (!reachedByAnyRole) failures.push(`${route.method} ${route.url}: no role of the organisation could reach it`);
    }
    expect(failures).toEqual([]);
  });

  it('never shows the other organisation’s data on any /api/v1 route without a path parameter', async () => {
    const routes = apiRoutes(t.app).filter((r) => !r.url.includes(':') && r.method === 'GET');
    const leaks: string[] = [];
    for (const route of routes) {
      for (const [role, session] of Object.entries(sessions)) {
        const res = await session.request('GET', route.url);
        for (const { id } of foreignIds) if (res.body.includes(id)) leaks.push(`${route.url} as ${role} shows id ${id}`);
        for (const name of foreignNames) if (res.body.includes(name)) leaks.push(`${route.url} as ${role} shows "${name}"`);
      }
    }
    // Searching is a POST: try it too, with the other organisation's names.
    for (const name of foreignNames) {
      const res = await sessions.caseworker!.request('POST', '/api/v1/jobseekers/search', { q: name });
      if (res.json().total !== 0) leaks.push(`search for ${name} found the other organisation's jobseekers`);
    }
    expect(leaks).toEqual([]);
  });
});
