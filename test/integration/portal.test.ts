import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import { jobPlans, jobseekers, organisations, spells } from '../../src/db/schema';
import { createTestApp, loginAs, type Session, type TestApp } from '../support/app';
import { portalLoginAs, type PortalSession } from '../support/portal';
import { exampleBody, fillParams, idsOwnedBy, rowCounts } from '../support/routes';
import fc from 'fast-check';

let t: TestApp;
let cw: Session;
let x: PortalSession;
let y: { id: string; firstName: string; lastName: string; spellId: string };
let xSpellId: string;
let sessionId: string;
let eligibleOnlyForOthers: string;
let yEnrolmentId: string;

/** Every id of a row about one jobseeker: rows with their jobseeker_id, and rows of their spells. */
async function idsAbout(jobseekerId: string): Promise<{ table: string; id: string }[]> {
  const db = t.connection.db;
  const cols = (await db.execute(sql`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.columns i on i.table_name = c.table_name and i.table_schema = c.table_schema and i.column_name = 'id' and i.data_type = 'uuid'
    where c.column_name in ('jobseeker_id', 'spell_id') and c.table_schema = 'public' order by c.table_name`)) as unknown as { rows: { table_name: string; column_name: string }[] };
  const out: { table: string; id: string }[] = [{ table: 'jobseekers', id: jobseekerId }];
  for (const { table_name, column_name } of cols.rows) {
    const where = column_name === 'jobseeker_id' ? sql`jobseeker_id = ${jobseekerId}` : sql`spell_id in (select id from spells where jobseeker_id = ${jobseekerId})`;
    const rows = (await db.execute(sql`select id::text as id from ${sql.identifier(table_name)} where ${where} order by id limit 2`)) as unknown as { rows: { id: string }[] };
    for (const r of rows.rows) out.push({ table: table_name, id: r.id });
  }
  return out;
}

beforeAll(async () => {
  t = await createTestApp();
  cw = await loginAs(t.app, 'vejleder@akasse.demo');
  const [org] = await t.connection.db.select().from(organisations).where(eq(organisations.name, 'Demo A-kasse'));
  // Two people of the same organisation, each with an active spell and a Min Plan.
  const people = await t.connection.db
    .selectDistinct({ id: jobseekers.id, firstName: jobseekers.firstName, lastName: jobseekers.lastName, spellId: spells.id })
    .from(jobseekers)
    .innerJoin(spells, and(eq(spells.jobseekerId, jobseekers.id), eq(spells.status, 'active')))
    .innerJoin(jobPlans, eq(jobPlans.spellId, spells.id))
    .where(eq(jobseekers.organisationId, org!.id))
    .orderBy(asc(jobseekers.id))
    .limit(2);
  expect(people).toHaveLength(2);
  y = people[1]!;
  xSpellId = people[0]!.spellId;
  x = await portalLoginAs(t.app, t.connection.db, people[0]!.id);

  const offer = await cw.request('POST', '/api/v1/offers', { kind: 'workshop', title: 'CV-værksted' });
  expect(offer.statusCode).toBe(201);
  const session = await cw.request('POST', `/api/v1/offers/${offer.json().id}/sessions`, { startsAt: '2026-11-20T09:00:00+01:00', endsAt: '2026-11-20T12:00:00+01:00', place: 'Lokale 2', capacity: 2, overbookingPercent: 0, cancellationDeadlineHours: 24 });
  expect(session.statusCode).toBe(201);
  sessionId = session.json().id;
  const enrolled = await cw.request('POST', `/api/v1/offer-sessions/${sessionId}/enrolments`, { jobseekerId: y.id });
  expect(enrolled.statusCode).toBe(201);
  yEnrolmentId = enrolled.json().id;
  // An offer only for people over 79: nobody in the demo qualifies.
  const old = await cw.request('POST', '/api/v1/offers', { kind: 'course', title: 'Kursus for 80+', eligibility: { minAge: 80 } });
  const oldSession = await cw.request('POST', `/api/v1/offers/${old.json().id}/sessions`, { startsAt: '2026-11-21T09:00:00+01:00', endsAt: '2026-11-21T12:00:00+01:00', place: 'Lokale 3', capacity: 10, overbookingPercent: 0, cancellationDeadlineHours: 24 });
  eligibleOnlyForOthers = oldSession.json().id;
});
afterAll(async () => t?.close());

describe('the jobseeker’s portal', () => {
  it('shows the front page with what is due', async () => {
    const res = await x.request('GET', '/api/portal/overview');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ hasSpell: true, spellActive: true });
    expect(typeof res.json().unreadMessages).toBe('number');
    expect(typeof res.json().questionnaireDue).toBe('boolean');
  });

  it('lets the jobseeker answer the profiling questionnaire, and the caseworker sees the answers', async () => {
    const q = await x.request('GET', '/api/portal/profiling');
    expect(q.statusCode).toBe(200);
    const definition = q.json().questionnaire.definition;
    expect(q.json()).not.toHaveProperty('score');
    const bad = await x.request('PUT', '/api/portal/profiling', { answers: { nonsense: 'x' } });
    expect(bad.statusCode).toBe(400);
    // Answer every question with its first option (or a number / yes).
    const answers: Record<string, unknown> = {};
    for (const question of definition.questions as { code: string; kind: string; options?: { code: string }[] }[]) {
      if (question.kind === 'single_choice') answers[question.code] = question.options![0]!.code;
      if (question.kind === 'likert') answers[question.code] = 3;
      if (question.kind === 'yes_no') answers[question.code] = false;
    }
    const saved = await x.request('PUT', '/api/portal/profiling', { answers });
    expect(saved.statusCode, saved.body).toBe(200);
    const staffView = await cw.request('GET', `/api/v1/spells/${xSpellId}/profiling`);
    expect(staffView.json().response.answeredBy).toBe('jobseeker');
  });

  it('lets the jobseeker comment on Min Plan, and the caseworker sees the comment', async () => {
    const plan = await x.request('GET', '/api/portal/plan');
    expect(plan.statusCode).toBe(200);
    expect(plan.json().versions.length).toBeGreaterThan(0);
    const empty = await x.request('POST', '/api/portal/plan/comments', { body: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(Object.keys(empty.json().error.fields)).toEqual(['body']);
    const res = await x.request('POST', '/api/portal/plan/comments', { body: 'Jeg vil også søge lagerjob.' });
    expect(res.statusCode).toBe(201);
    expect(res.json().comments.at(-1).body).toBe('Jeg vil også søge lagerjob.');
    const staffView = await cw.request('GET', `/api/v1/spells/${xSpellId}/plan`);
    expect(staffView.json().comments.map((c: { body: string }) => c.body)).toContain('Jeg vil også søge lagerjob.');
  });

  it('shows who has looked at the data by role and organisation, never by a staff member’s name', async () => {
    const res = await x.request('GET', '/api/portal/access-log');
    expect(res.statusCode).toBe(200);
    const staffRows = res.json().items.filter((i: { actorKind: string }) => i.actorKind === 'staff');
    expect(staffRows.length).toBeGreaterThan(0);
    expect(staffRows[0]).toMatchObject({ role: 'caseworker', organisationName: 'Demo A-kasse' });
    expect(res.body).not.toContain('Vera Vejleder');
    // The jobseeker's own reading is not listed as someone looking.
    expect(res.json().items.some((i: { actorKind: string }) => i.actorKind === 'jobseeker')).toBe(false);
  });

  it('downloads all the data as JSON and as PDF — joblog, messages, searches included — audited as an export', async () => {
    expect((await x.request('POST', '/api/portal/joblog', { date: '2026-11-02', employer: 'Vejle Lager A/S', jobTitle: 'Lagermedarbejder', kind: 'advertised', source: 'Jobnet', status: 'sent' })).statusCode).toBe(201);
    expect((await x.request('POST', '/api/portal/messages', { subject: 'Spørgsmål om jobopslag', category: 'job', body: 'Må jeg søge et lagerjob i Fredericia?' })).statusCode).toBe(201);
    expect((await x.request('POST', '/api/portal/saved-searches', { occupationCodes: ['9333'], municipalityCode: 630, radiusKm: 25, freeText: 'lager' })).statusCode).toBe(201);
    const json = await x.request('GET', '/api/portal/export.json');
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toMatch(/attachment/);
    const data = JSON.parse(json.body);
    expect(data.planComments.map((c: { body: string }) => c.body)).toContain('Jeg vil også søge lagerjob.');
    expect(data.profiling.length).toBeGreaterThan(0);
    expect(data.joblog).toContainEqual(expect.objectContaining({ employer: 'Vejle Lager A/S', jobTitle: 'Lagermedarbejder', createdByKind: 'jobseeker' }));
    expect(data.messages).toContainEqual(expect.objectContaining({ subject: 'Spørgsmål om jobopslag', authorKind: 'jobseeker', body: 'Må jeg søge et lagerjob i Fredericia?' }));
    expect(data.savedSearches).toContainEqual(expect.objectContaining({ occupationCodes: ['9333'], freeText: 'lager' }));
    expect(JSON.stringify(data)).not.toContain(y.lastName);
    const pdf = await x.request('GET', '/api/portal/export.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lists open sessions with eligibility, signs up, refuses an ineligible sign-up with a reason, and cancels', async () => {
    const list = await x.request('GET', '/api/portal/offers');
    expect(list.statusCode).toBe(200);
    const sessions = list.json().sessions as { id: string; eligible: boolean; notEligibleBecause: string[] }[];
    expect(sessions.find((s) => s.id === sessionId)?.eligible).toBe(true);
    expect(sessions.find((s) => s.id === eligibleOnlyForOthers)?.eligible).toBe(false);
    const refused = await x.request('POST', `/api/portal/offers/sessions/${eligibleOnlyForOthers}/signup`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('offer_not_eligible');
    const seat = await x.request('POST', `/api/portal/offers/sessions/${sessionId}/signup`, {});
    expect(seat.statusCode).toBe(201);
    expect(seat.json().status).toBe('seated');
    const twice = await x.request('POST', `/api/portal/offers/sessions/${sessionId}/signup`, {});
    expect(twice.statusCode).toBe(409);
    const cancelled = await x.request('POST', `/api/portal/enrolments/${seat.json().id}/cancel`, {});
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
  });
});

describe('a jobseeker never reaches another person’s data', () => {
  it('answers 404 on every /api/portal route with a path parameter, for every id about another jobseeker of the organisation and every id of the other organisation', async () => {
    const [jobcenter] = await t.connection.db.select().from(organisations).where(eq(organisations.name, 'Demo Jobcenter'));
    const ids = [...(await idsAbout(y.id)), ...(await idsOwnedBy(t.connection.db, jobcenter!.id, 1))];
    expect(ids.some((i) => i.table === 'enrolments' && i.id === yEnrolmentId)).toBe(true);
    const routes = t.app.routeList.filter((r) => r.url.startsWith('/api/portal/') && r.url.includes(':') && r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const route of routes) {
      const body = exampleBody(route);
      if (['POST', 'PATCH', 'PUT'].includes(route.method) && route.schema?.body && body === undefined) {
        failures.push(`${route.method} ${route.url}: give its body an example`);
        continue;
      }
      for (const { table, id } of ids) {
        const res = await x.request(route.method as 'GET', fillParams(route.url, id), body);
        if (res.statusCode !== 404) failures.push(`${route.method} ${route.url} with ${table} ${id} → ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
    // Y's seat is untouched.
    const yView = await cw.request('GET', `/api/v1/jobseekers/${y.id}/enrolments`);
    if (yView.statusCode === 200) expect(JSON.stringify(yView.json())).toContain('seated');
  });

  it('never shows another person’s ids or name on any /api/portal GET route without a path parameter', async () => {
    const ids = await idsAbout(y.id);
    const routes = t.app.routeList.filter((r) => r.url.startsWith('/api/portal/') && !r.url.includes(':') && r.method === 'GET');
    const leaks: string[] = [];
    for (const route of routes) {
      const res = await x.request('GET', route.url);
      for (const { table, id } of ids) if (res.body.includes(id)) leaks.push(`${route.url} shows ${table} ${id}`);
      if (res.body.includes(`${y.firstName} ${y.lastName}`)) leaks.push(`${route.url} shows ${y.firstName} ${y.lastName}`);
    }
    expect(leaks).toEqual([]);
  });

  it('refuses every /api/portal route except logging in without a portal session', async () => {
    const open = new Set(['/api/portal/auth/code', '/api/portal/auth/verify', '/api/portal/auth/logout', '/api/portal/auth/methods', '/api/portal/auth/oidc/start', '/api/portal/auth/oidc/callback', '/api/portal/auth/oidc/choice']);
    const routes = t.app.routeList.filter((r) => r.url.startsWith('/api/portal/') && !open.has(r.url) && r.method !== 'HEAD');
    const staff = await loginAs(t.app, 'vejleder@akasse.demo');
    for (const route of routes) {
      const res = await staff.request(route.method as 'GET', fillParams(route.url, y.id), exampleBody(route));
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });
});

describe('random and malformed input on every portal write route', () => {
  it('never gets a 500, always the error shape, and a rejected request writes no row', async () => {
    const routes = t.app.routeList.filter((r) => r.url.startsWith('/api/portal/') && r.method !== 'GET' && r.method !== 'HEAD' && r.url !== '/api/portal/auth/logout');
    expect(routes.length).toBeGreaterThan(3);
    const ids = [sessionId, yEnrolmentId, y.id];
    const problems: string[] = [];
    for (const route of routes) {
      const example = exampleBody(route) as Record<string, unknown> | undefined;
      const bodies = fc.oneof(
        fc.anything(),
        fc.string(),
        ...(example && Object.keys(example).length > 0 ? [fc.record(Object.fromEntries(Object.keys(example).map((k) => [k, fc.oneof(fc.anything(), fc.string(), fc.constant(null))])))] : []),
      );
      const params = fc.oneof(fc.constantFrom(...ids), fc.uuid(), fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent));
      await fc.assert(
        fc.asyncProperty(bodies, params, async (body, param) => {
          // Throttling and failed-code counts are state by design.
          const before = await rowCounts(t.connection.db, ['login_attempts', 'portal_login_codes']);
          const res = await x.request(route.method as 'POST', fillParams(route.url, param), body);
          if (res.statusCode >= 500) problems.push(`${route.method} ${route.url} → ${res.statusCode} for ${JSON.stringify(body)?.slice(0, 200)}`);
          if (res.statusCode >= 400) {
            const json = res.json();
            if (typeof json?.error?.message !== 'string') problems.push(`${route.method} ${route.url} → ${res.statusCode} without the error shape`);
            const after = await rowCounts(t.connection.db, ['login_attempts', 'portal_login_codes']);
            if (JSON.stringify(after) !== JSON.stringify(before)) problems.push(`${route.method} ${route.url} → ${res.statusCode} but rows changed`);
          }
        }),
        { numRuns: 25, seed: 4242 },
      );
    }
    expect(problems).toEqual([]);
  }, 240_000);
});
