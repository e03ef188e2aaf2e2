import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestApp, loginAs, type Session, type TestApp } from '../support/app';
import { apiRoutes, exampleBody, fillParams, idsOwnedBy, rowCounts } from '../support/routes';

let t: TestApp;
let sessions: Session[];
let ownIds: string[];

beforeAll(async () => {
  t = await createTestApp();
  sessions = [await loginAs(t.app, 'vejleder@akasse.demo'), await loginAs(t.app, 'admin@akasse.demo')];
  // Ids of every kind of row the organisation owns, so random requests reach real records too.
  const org = await sessions[1]!.request('GET', '/api/v1/organisation');
  ownIds = (await idsOwnedBy(t.connection.db, org.json().id, 2)).map((r) => r.id);
});
afterAll(async () => t?.close());

// The login route records failed attempts by design (throttling); sessions appear on a good login.
const STATE_TABLES = ['login_attempts', 'sessions'];

/** A body that is the route's own example with some fields replaced by random values or removed. */
function mutatedExample(example: Record<string, unknown>) {
  const keys = Object.keys(example);
  return fc
    .record({
      replace: fc.subarray(keys),
      remove: fc.subarray(keys),
      values: fc.array(fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.constant(null), fc.double(), fc.boolean()), { minLength: keys.length, maxLength: keys.length }),
      extra: fc.option(fc.dictionary(fc.string({ maxLength: 12 }), fc.anything(), { maxKeys: 2 }), { nil: undefined }),
    })
    .map(({ replace, remove, values, extra }) => {
      const body: Record<string, unknown> = { ...example, ...(extra ?? {}) };
      replace.forEach((k, i) => (body[k] = values[i]));
      for (const k of remove) delete body[k];
      return body;
    });
}

describe('random and malformed input on every write route', () => {
  it('never gets a 500, and a rejected request writes no row', async () => {
    const routes = apiRoutes(t.app).filter((r) => r.method !== 'GET');
    expect(routes.length).toBeGreaterThan(3);
    const problems: string[] = [];
    for (const route of routes) {
      if (route.url === '/api/v1/auth/logout') continue; // ends the session the fuzzing runs on
      const example = exampleBody(route);
      const bodies = fc.oneof(
        fc.anything(),
        fc.json().map((text) => ({ raw: text })),
        fc.string().map((text) => ({ raw: text })),
        ...(example && typeof example === 'object' ? [mutatedExample(example as Record<string, unknown>)] : []),
      );
      const params = fc.oneof(fc.constantFrom(...ownIds), fc.uuid(), fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent));
      await fc.assert(
        fc.asyncProperty(bodies, params, fc.constantFrom(...sessions), async (body, param, session) => {
          const before = await rowCounts(t.connection.db, STATE_TABLES);
          const url = fillParams(route.url, param);
          const res =
            body && typeof body === 'object' && 'raw' in (body as object) && Object.keys(body as object).length === 1
              ? await t.app.inject({
                  method: route.method as 'POST',
                  url,
                  payload: String((body as { raw: string }).raw),
                  headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
                })
              : await session.request(route.method as 'POST', url, body);
          if (res.statusCode >= 500) problems.push(`${route.method} ${route.url} → ${res.statusCode} for ${JSON.stringify(body).slice(0, 200)}`);
          if (res.statusCode >= 400) {
            const json = res.json();
            if (typeof json?.error?.message !== 'string' || typeof json?.error?.code !== 'string') problems.push(`${route.method} ${route.url} → ${res.statusCode} without the error shape`);
            const after = await rowCounts(t.connection.db, STATE_TABLES);
            if (JSON.stringify(after) !== JSON.stringify(before)) problems.push(`${route.method} ${route.url} → ${res.statusCode} but rows changed`);
          }
        }),
        { numRuns: 40, seed: 4242 },
      );
    }
    expect(problems).toEqual([]);
    // One case walks every write route, so its time grows with the API; the per-test default is too short.
  }, 600_000);
});
