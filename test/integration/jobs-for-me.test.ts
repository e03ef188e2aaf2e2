import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, arrayContains, eq, lt } from 'drizzle-orm';
import { auditLog, jobseekerCvs, jobseekers, outbox, savedSearches, vacancies } from '../../src/db/schema';
import { DEMO_VACANCY_SOURCE } from '../../src/db/seed/demo-vacancies';
import { runVacancyDigests } from '../../src/server/vacancies/saved-searches';
import { createTestApp, loginAs, type Session, type TestApp } from '../support/app';
import { portalLoginAs, type PortalSession } from '../support/portal';
import { createSpellThroughApi } from '../support/spells';

// TEST_TODAY is Monday 2026-11-02. Civil engineers (DISCO 2142, minor group 214): no demo CV or
// demo vacancy is in that group, so the hand-made set below is all that can match. Vejle is 630,
// Fredericia 607 (~20 km), København 101 (far beyond the 75 km default radius).
let t: TestApp;
let broker: Session;
let anna: PortalSession;
let bo: PortalSession;
let annaId: string;
let jobOrderId: string;
const vacancyIds: Record<string, string> = {};

const HEADER = 'external_id,title,employer_name,cvr,occupation_code,occupation_text,municipality_code,description,deadline,url';
const cv = (extra: Record<string, unknown>) => ({ version: 0, occupationsWanted: ['2142'], occupationsHeld: [], skills: ['beton', 'AutoCAD'], education: ['Bygningsingeniør'], languages: ['da'], drivingLicences: ['B'], hoursWanted: 37, maxTravelKm: 30, availableFrom: null, summary: 'broer og beton', ...extra });

beforeAll(async () => {
  t = await createTestApp();
  broker = await loginAs(t.app, 'formidler@akasse.demo');
  const vera = await loginAs(t.app, 'vejleder@akasse.demo');
  const a = await createSpellThroughApi(vera, { startDate: '2026-08-03' });
  const b = await createSpellThroughApi(vera, { startDate: '2026-08-03' });
  annaId = a.jobseekerId;
  await t.connection.db.update(jobseekers).set({ municipalityCode: 630, email: 'anna.ing@example.dk', firstName: 'Anna' }).where(eq(jobseekers.id, a.jobseekerId));
  await t.connection.db.update(jobseekers).set({ municipalityCode: 630 }).where(eq(jobseekers.id, b.jobseekerId));
  expect((await vera.request('PUT', `/api/v1/jobseekers/${a.jobseekerId}/cv`, cv({}))).statusCode).toBe(200);
  expect((await vera.request('PUT', `/api/v1/jobseekers/${b.jobseekerId}/cv`, cv({ occupationsWanted: ['9333'] }))).statusCode).toBe(200);

  const employer = (await broker.request('POST', '/api/v1/employers', { cvr: '20000090', name: 'Rådgiverne Vejle A/S', municipalityCode: 630 })).json();
  const order = await broker.request('POST', '/api/v1/job-orders', {
    employerId: employer.id,
    title: 'Bygningsingeniør til broprojekter',
    occupationCode: '2142',
    description: 'Beregning af broer i beton',
    skills: ['beton', 'AutoCAD'],
    municipalityCode: 630,
    hoursPerWeek: 37,
    kind: 'permanent',
    wantedStart: '2026-12-01',
  });
  expect(order.statusCode, order.body).toBe(201);
  jobOrderId = order.json().id;

  const imported = await broker.request('POST', '/api/v1/vacancy-imports', {
    source: 'ing-feed',
    format: 'csv',
    content: [
      HEADER,
      'ING-1,Konstruktionsingeniør,Broerne ApS,,2142,,607,Broer og beton,2026-11-30,https://job.example/ing1',
      'ING-2,Maskiningeniør,Vindmøllerne A/S,,2144,,630,,,https://job.example/ing2',
      'ING-OLD,Bygningsingeniør,Gamle Broer ApS,,2142,,630,,2026-11-01,https://job.example/old',
      'ING-FAR,Bygningsingeniør,Hovedstadens Broer,,2142,,101,,,https://job.example/far',
    ].join('\n'),
  });
  expect(imported.json()).toMatchObject({ created: 4, rejected: 0 });
  const listed = (await broker.request('GET', '/api/v1/vacancies?source=ing-feed')).json() as { items: { id: string; externalId: string }[] };
  for (const v of listed.items) vacancyIds[v.externalId] = v.id;

  // The other organisation imports a vacancy that would fit Anna perfectly.
  const jc = await loginAs(t.app, 'leder@jobcenter.demo');
  const other = await jc.request('POST', '/api/v1/vacancy-imports', { source: 'ing-feed', format: 'csv', content: [HEADER, 'ING-JC,Bygningsingeniør,Jobcentrets Broer,,2142,,630,Broer og beton,,https://job.example/jc'].join('\n') });
  expect(other.json()).toMatchObject({ created: 1 });

  anna = await portalLoginAs(t.app, t.connection.db, a.jobseekerId);
  bo = await portalLoginAs(t.app, t.connection.db, b.jobseekerId);
});
afterAll(async () => t?.close());

type Item = { source: string; id: string; jobOrderId: string | null; vacancyId: string | null; url: string | null; deadline: string | null; employerName: string; summary: { da: string }; parts: { part: string; value: number | null; reason: { da: string } }[] };

describe('jobs for a jobseeker: job orders and imported vacancies ranked together', () => {
  it('shows the staff the open job order and the vacancies in time, each marked with its source, and never an expired, far or other organisation’s vacancy', async () => {
    const res = await broker.request('GET', `/api/v1/jobseekers/${annaId}/job-matches`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Item[];
    expect(items.map((i) => i.id)).toEqual([jobOrderId, vacancyIds['ING-1'], vacancyIds['ING-2']]);
    expect(items[0]).toMatchObject({ source: 'job_order', jobOrderId, vacancyId: null, url: null });
    expect(items[1]).toMatchObject({ source: 'vacancy', jobOrderId: null, vacancyId: vacancyIds['ING-1'], url: 'https://job.example/ing1', deadline: '2026-11-30', employerName: 'Broerne ApS' });
    // Same occupation 20 km away beats a related one at home; what a feed does not say is named, not guessed.
    expect(items[1]!.summary.da).toMatch(/^samme stilling; 2\d km; kan starte nu; kompetencekrav ikke oplyst;.*uddannelseskrav ikke oplyst; timetal ikke oplyst$/);
    expect(items[2]!.summary.da).toMatch(/^beslægtet stilling/);
    for (const part of ['skills', 'education', 'hours']) expect(items[1]!.parts.find((p) => p.part === part)!.value).toBeNull();
    const [audit] = await t.connection.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'jobseeker_job_matches'), eq(auditLog.jobseekerId, annaId)));
    expect(audit!.details).toMatchObject({ jobOrders: 1, vacancies: 2, shown: 3 });
  });

  it('gives the jobseeker the same list in the portal, with the search it answers', async () => {
    const res = await anna.request('GET', '/api/portal/jobs');
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json().items as Item[]).map((i) => i.id)).toEqual([jobOrderId, vacancyIds['ING-1'], vacancyIds['ING-2']]);
    expect(res.json().search).toEqual({ occupationCodes: ['2142'], municipalityCode: 630, radiusKm: 75, freeText: null });
    const narrowed = (await anna.request('GET', '/api/portal/jobs?radiusKm=10&freeText=beton')).json();
    expect((narrowed.items as Item[]).map((i) => i.id)).toEqual([jobOrderId]);
    expect(narrowed.search).toMatchObject({ radiusKm: 10, freeText: 'beton' });
    const [audit] = await t.connection.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'jobseeker_job_matches'), eq(auditLog.actorKind, 'jobseeker')));
    expect(audit).toMatchObject({ jobseekerId: annaId, actorId: annaId });
  });

  it('shows another jobseeker only jobs for their own CV', async () => {
    const items = (await bo.request('GET', '/api/portal/jobs')).json().items as Item[];
    expect(items.map((i) => i.id)).not.toContain(jobOrderId);
    expect(items.map((i) => i.id)).not.toContain(vacancyIds['ING-1']);
  });

  it('refuses a bad radius with a Danish message naming the field', async () => {
    const res = await anna.request('GET', '/api/portal/jobs?radiusKm=mange');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.radiusKm).toBe('Afstanden skal være et helt antal km fra 0 til 300.');
    expect((await anna.request('GET', '/api/portal/jobs?radiusKm=301')).json().error.fields.radiusKm).toMatch(/fra 0 til 300/);
  });
});

describe('saved searches in the portal', () => {
  let searchId: string;
  const rows = () => t.connection.db.select().from(savedSearches).where(eq(savedSearches.jobseekerId, annaId));

  it('saves the current search, edits it, and refuses bad input without changing anything', async () => {
    const search = (await anna.request('GET', '/api/portal/jobs')).json().search;
    const created = await anna.request('POST', '/api/portal/saved-searches', search);
    expect(created.statusCode, created.body).toBe(201);
    searchId = created.json().id;
    expect(created.json()).toMatchObject({ occupationCodes: ['2142'], municipalityCode: 630, radiusKm: 75, digestPaused: false, lastDigest: null });

    const edited = await anna.request('PUT', `/api/portal/saved-searches/${searchId}`, { occupationCodes: ['2142', '2144'], municipalityCode: 630, radiusKm: 40, freeText: 'beton' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ occupationCodes: ['2142', '2144'], radiusKm: 40, freeText: 'beton', digestPaused: false });

    const before = await rows();
    const bad = await anna.request('PUT', `/api/portal/saved-searches/${searchId}`, { occupationCodes: ['2142'], municipalityCode: 630, radiusKm: 5000, freeText: null });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(['radiusKm']);
    expect(bad.json().error.fields.radiusKm).toMatch(/300/);
    const badCode = await anna.request('PUT', `/api/portal/saved-searches/${searchId}`, { occupationCodes: ['9999'], municipalityCode: 630, radiusKm: 10, freeText: null });
    expect(Object.keys(badCode.json().error.fields)).toEqual(['occupationCodes.0']);
    expect(await rows()).toEqual(before);
    const audits = await t.connection.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'saved_search'), eq(auditLog.subjectId, searchId), eq(auditLog.action, 'update')));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toMatchObject({ changed: ['occupationCodes', 'radiusKm', 'freeText'] });
  });

  it('is the jobseeker’s own: another jobseeker neither lists, edits nor deletes it', async () => {
    expect((await bo.request('GET', '/api/portal/saved-searches')).json().items).toEqual([]);
    expect((await bo.request('PUT', `/api/portal/saved-searches/${searchId}`, { occupationCodes: [], municipalityCode: null, radiusKm: 0, freeText: null, digestPaused: true })).statusCode).toBe(404);
    expect((await bo.request('DELETE', `/api/portal/saved-searches/${searchId}`)).statusCode).toBe(404);
    expect((await anna.request('GET', '/api/portal/saved-searches')).json().items).toHaveLength(1);
  });

  it('shows what the last digest found; a paused search gets no e-mail, and resuming sends nothing from the pause', async () => {
    const csv = (row: string) => {
      t.clock.advance(60_000);
      return broker.request('POST', '/api/v1/vacancy-imports', { source: 'ing-feed-2', format: 'csv', content: [HEADER, row].join('\n') });
    };
    const mails = () => t.connection.db.select().from(outbox).where(and(eq(outbox.jobseekerId, annaId), eq(outbox.template, 'vacancy_digest')));
    await csv('NEW-1,Bygningsingeniør,Betonfolk ApS,,2142,,630,beton og broer,,https://job.example/new1');
    t.clock.advance(60_000);
    expect(await runVacancyDigests(t.connection.db, t.clock)).toMatchObject({ queued: 1 });
    const [search] = (await anna.request('GET', '/api/portal/saved-searches')).json().items;
    expect(search.lastDigest).toMatchObject({ count: 1, vacancies: [{ title: 'Bygningsingeniør', employerName: 'Betonfolk ApS', url: 'https://job.example/new1' }] });

    const paused = await anna.request('PUT', `/api/portal/saved-searches/${searchId}`, { ...search, digestPaused: true });
    expect(paused.json()).toMatchObject({ digestPaused: true });
    await csv('NEW-2,Bygningsingeniør,Pausefirmaet ApS,,2142,,630,beton,,');
    t.clock.advance(24 * 3600_000);
    await runVacancyDigests(t.connection.db, t.clock);
    expect(await mails()).toHaveLength(1);

    anna = await portalLoginAs(t.app, t.connection.db, annaId); // a day on, a new portal session
    const { lastDigest: _l, id: _i, createdAt: _c, ...criteria } = search;
    expect((await anna.request('PUT', `/api/portal/saved-searches/${searchId}`, { ...criteria, digestPaused: false })).json()).toMatchObject({ digestPaused: false });
    t.clock.advance(24 * 3600_000);
    await runVacancyDigests(t.connection.db, t.clock);
    expect(await mails()).toHaveLength(1);
  });

  it('deletes the search', async () => {
    anna = await portalLoginAs(t.app, t.connection.db, annaId);
    expect((await anna.request('DELETE', `/api/portal/saved-searches/${searchId}`)).statusCode).toBe(204);
    expect(await rows()).toEqual([]);
  });
});

describe('the demo data', () => {
  it('ranks an imported demo vacancy for a demo jobseeker, and never one past its deadline', async () => {
    const db = t.connection.db;
    broker = await loginAs(t.app, 'formidler@akasse.demo'); // days on, a new session
    const { organisationId } = (await broker.request('GET', '/api/v1/auth/me')).json() as { organisationId: string };
    const expired = await db
      .select({ id: vacancies.id, municipalityCode: vacancies.municipalityCode, occupationCode: vacancies.occupationCode })
      .from(vacancies)
      .where(and(eq(vacancies.organisationId, organisationId), eq(vacancies.source, DEMO_VACANCY_SOURCE), lt(vacancies.deadline, '2026-11-02')));
    expect(expired.length).toBeGreaterThan(0);
    // Someone whose wanted occupation and home the expired one was made for: a live one was made for them too.
    const [person] = await db
      .select({ id: jobseekers.id })
      .from(jobseekerCvs)
      .innerJoin(jobseekers, eq(jobseekers.id, jobseekerCvs.jobseekerId))
      .where(and(eq(jobseekers.municipalityCode, expired[0]!.municipalityCode), eq(jobseekers.organisationId, organisationId), arrayContains(jobseekerCvs.occupationsWanted, [expired[0]!.occupationCode])))
      .limit(1);
    const items = (await broker.request('GET', `/api/v1/jobseekers/${person!.id}/job-matches?limit=200`)).json().items as Item[];
    expect(items.filter((i) => i.source === 'vacancy').length).toBeGreaterThan(0);
    const shown = new Set(items.map((i) => i.id));
    for (const v of expired) expect(shown.has(v.id)).toBe(false);
  });
});
