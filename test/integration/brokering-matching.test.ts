import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { auditLog, jobOrders, jobseekerCvs, jobseekers, organisations, segmentAssessments, spells, staff, vacancies } from '../../src/db/schema';
import { createMatchingService } from '../../src/server/brokering/matching';
import type { TenantContext } from '../../src/server/context';
import { createTestApp, loginAs, type Session, type TestApp } from '../support/app';

// TEST_TODAY is Monday 2026-11-02. The job is in Vejle (630); Fredericia (607) is ~20 km away,
// Aarhus (751) ~60 km.
let t: TestApp;
let broker: Session;
let caseworker: Session;
let people: { id: string; spellId: string; segment: string | null }[];
let highRiskId: string;
let jobOrderId: string;

const cv = (extra: Record<string, unknown>) => ({
  version: 0,
  occupationsWanted: ['5321'],
  occupationsHeld: [],
  skills: ['medicinhåndtering', 'demens'],
  education: ['Social- og sundhedsassistentuddannelsen'],
  languages: ['da'],
  drivingLicences: ['B'],
  hoursWanted: 32,
  maxTravelKm: 30,
  availableFrom: null,
  summary: '',
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  broker = await loginAs(t.app, 'formidler@akasse.demo');
  caseworker = await loginAs(t.app, 'vejleder@akasse.demo');
  const db = t.connection.db;
  // Rank a small hand-made set: the demo CVs and demo vacancies are set aside.
  await db.delete(jobseekerCvs);
  await db.delete(vacancies);
  const [org] = await db.select().from(organisations).where(eq(organisations.name, 'Demo A-kasse'));
  const active = await db
    .select({ id: jobseekers.id, spellId: spells.id, segment: spells.segment })
    .from(spells)
    .innerJoin(jobseekers, eq(jobseekers.id, spells.jobseekerId))
    .where(and(eq(spells.organisationId, org!.id), eq(spells.status, 'active')))
    .orderBy(asc(spells.id));
  // One person whose latest risk band is high, for the risk filter.
  const bands = await db
    .select({ spellId: segmentAssessments.spellId, band: segmentAssessments.band })
    .from(segmentAssessments)
    .where(inArray(segmentAssessments.spellId, active.map((a) => a.spellId)))
    .orderBy(asc(segmentAssessments.spellId), desc(segmentAssessments.decidedAt));
  const latest = new Map<string, string | null>();
  for (const b of bands) if (!latest.has(b.spellId)) latest.set(b.spellId, b.band);
  const high = active.find((a) => latest.get(a.spellId) === 'high');
  const notHigh = active.filter((a) => a.id !== high?.id && latest.get(a.spellId) !== 'high');
  people = notHigh.slice(0, 4);
  highRiskId = high!.id;
  await db.update(jobseekers).set({ municipalityCode: 630, educationLevel: 'vocational' }).where(inArray(jobseekers.id, [people[0]!.id, people[1]!.id, highRiskId]));
  await db.update(jobseekers).set({ municipalityCode: 607, educationLevel: 'vocational' }).where(eq(jobseekers.id, people[2]!.id));
  await db.update(jobseekers).set({ municipalityCode: 751, educationLevel: 'vocational' }).where(eq(jobseekers.id, people[3]!.id));

  const employer = (await broker.request('POST', '/api/v1/employers', { cvr: '20000090', name: 'Plejecenter Kirkebakken', municipalityCode: 630 })).json();
  const order = await broker.request('POST', '/api/v1/job-orders', {
    employerId: employer.id,
    title: 'Social- og sundhedsassistent til akutteam',
    occupationCode: '5321',
    description: 'Erfaring fra akutmodtagelse og demens',
    skills: ['medicinhåndtering', 'demens', 'akut'],
    municipalityCode: 630,
    hoursPerWeek: 32,
    kind: 'permanent',
    wantedStart: '2026-12-01',
  });
  jobOrderId = order.json().id;
});
afterAll(async () => t?.close());

async function brokerContext(): Promise<TenantContext> {
  const db = t.connection.db;
  const [org] = await db.select().from(organisations).where(eq(organisations.name, 'Demo A-kasse'));
  const [me] = await db.select().from(staff).where(eq(staff.email, 'formidler@akasse.demo'));
  return { organisationId: org!.id, actor: { kind: 'staff', id: me!.id, role: 'broker', unitId: null, name: me!.name }, purpose: 'test', lang: 'da', clock: t.clock };
}

describe('CV data', () => {
  it('is empty (version 0) until registered, then kept with occupation titles; a stale version is 409', async () => {
    const p = people[0]!;
    const empty = (await caseworker.request('GET', `/api/v1/jobseekers/${p.id}/cv`)).json();
    expect(empty).toMatchObject({ version: 0, occupationsWanted: [], updatedAt: null });
    const saved = await caseworker.request('PUT', `/api/v1/jobseekers/${p.id}/cv`, cv({ skills: ['medicinhåndtering', 'demens', 'akutmodtagelse'] }));
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, occupationsWanted: [{ code: '5321', title: { da: 'Social- og sundhedsassistent' } }], drivingLicences: ['B'] });
    expect((await caseworker.request('PUT', `/api/v1/jobseekers/${p.id}/cv`, cv({}))).statusCode).toBe(409);
    const audits = await t.connection.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'jobseeker_cv'), eq(auditLog.jobseekerId, p.id)));
    expect(audits.map((a) => a.action).sort()).toEqual(['create', 'read']);
  });

  it('refuses an unknown occupation code and an unknown language beside the field', async () => {
    const res = await caseworker.request('PUT', `/api/v1/jobseekers/${people[1]!.id}/cv`, cv({ occupationsWanted: ['1234'], languages: ['xx'] }));
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['languages.0', 'occupationsWanted.0']);
  });

  it('finds occupations by what people write', async () => {
    const res = (await caseworker.request('GET', '/api/v1/occupations?q=SSA')).json();
    expect(res[0]).toMatchObject({ code: '5321', exact: true });
  });
});

describe('matching a job order to candidates', () => {
  beforeAll(async () => {
    await caseworker.request('PUT', `/api/v1/jobseekers/${people[1]!.id}/cv`, cv({ occupationsWanted: ['5322'] })); // related (SSH), same town
    await caseworker.request('PUT', `/api/v1/jobseekers/${people[2]!.id}/cv`, cv({})); // same, Fredericia
    await caseworker.request('PUT', `/api/v1/jobseekers/${people[3]!.id}/cv`, cv({})); // same, Aarhus: over 30 km
    await caseworker.request('PUT', `/api/v1/jobseekers/${highRiskId}/cv`, cv({ occupationsWanted: ['9333'], occupationsHeld: ['5329'] })); // related by held job
  });

  it('ranks same occupation nearby first, then same occupation over the travel limit vs related, with reasons and weights', async () => {
    const res = await broker.request('GET', `/api/v1/job-orders/${jobOrderId}/candidates`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.weights).toMatchObject({ occupation: 35, distance: 15 });
    const ids = body.items.map((i: { jobseekerId: string }) => i.jobseekerId);
    expect(ids.slice(0, 2)).toEqual([people[0]!.id, people[2]!.id]);
    expect(ids).toContain(people[1]!.id);
    expect(ids.indexOf(people[0]!.id)).toBeLessThan(ids.indexOf(people[1]!.id));
    expect(body.items[0].summary.da).toMatch(/^samme stilling; 0 km \(samme kommune\); kan starte nu; 3 af 3 kompetencer/);
    const far = body.items.find((i: { jobseekerId: string }) => i.jobseekerId === people[3]!.id);
    expect(far).toMatchObject({ withinTravelLimit: false });
    expect(far.summary.en).toMatch(/over the 30 km limit/);
  });

  it('leaves out people beyond the radius in SQL', async () => {
    const body = (await broker.request('GET', `/api/v1/job-orders/${jobOrderId}/candidates?radiusKm=40`)).json();
    expect(body.items.map((i: { jobseekerId: string }) => i.jobseekerId)).not.toContain(people[3]!.id);
  });

  it('follows a jobseeker who moves: the CV copy of the municipality the pre-filter reads cannot drift', async () => {
    const db = t.connection.db;
    const id = people[2]!.id;
    const copy = async () => (await db.select({ m: jobseekerCvs.municipalityCode }).from(jobseekerCvs).where(eq(jobseekerCvs.jobseekerId, id)))[0]!.m;
    const shown = async () => (await broker.request('GET', `/api/v1/job-orders/${jobOrderId}/candidates?radiusKm=40`)).json().items.map((i: { jobseekerId: string }) => i.jobseekerId);
    expect(await copy()).toBe(607);
    expect(await shown()).toContain(id);
    const version = (await caseworker.request('GET', `/api/v1/jobseekers/${id}`)).json().version;
    const moved = await caseworker.request('PATCH', `/api/v1/jobseekers/${id}`, { version, municipalityCode: 751 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await copy()).toBe(751);
    expect(await shown()).not.toContain(id);
    // A writer cannot set the copy to anything but the jobseeker's own municipality.
    await db.update(jobseekerCvs).set({ municipalityCode: 101 }).where(eq(jobseekerCvs.jobseekerId, id));
    expect(await copy()).toBe(751);
    await caseworker.request('PATCH', `/api/v1/jobseekers/${id}`, { version: version + 1, municipalityCode: 607 });
    expect(await copy()).toBe(607);
    expect(await shown()).toContain(id);
  });

  it('ranks only a shortlist when more people pass the pre-filter: the best on occupation and distance', async () => {
    const result = await createMatchingService({ db: t.connection.db, shortlistSize: 2 }).candidatesForJobOrder(await brokerContext(), jobOrderId, { limit: 10 });
    // Five people in the group within 75 km: the same occupation in town and 20 km away are kept;
    // the same occupation 60 km away (over their limit) and the two related ones are not ranked.
    expect(result).toMatchObject({ considered: 5, shortlisted: 2 });
    expect(result.items.map((i) => i.jobseekerId)).toEqual([people[0]!.id, people[2]!.id]);
  });

  it('drops a person whose spell ends at once, and takes them back with a new active spell', async () => {
    const db = t.connection.db;
    const shown = async () => (await broker.request('GET', `/api/v1/job-orders/${jobOrderId}/candidates`)).json().items.map((i: { jobseekerId: string }) => i.jobseekerId);
    const p = people[0]!;
    await db.update(spells).set({ status: 'ended', endDate: '2026-10-30', endReason: 'job' }).where(eq(spells.id, p.spellId));
    expect(await shown()).not.toContain(p.id);
    await db.update(spells).set({ status: 'active', endDate: null, endReason: null }).where(eq(spells.id, p.spellId));
    expect(await shown()).toContain(p.id);
  });

  it('reads a CV change at once: a related candidate who now wants the occupation ranks as the same occupation', async () => {
    const p = people[1]!;
    const before = (await broker.request('GET', `/api/v1/job-orders/${jobOrderId}/candidates`)).json().items.find((i: { jobseekerId: string }) => i.jobseekerId === p.id);
    expect(before.summary.da).toMatch(/^beslægtet stilling/);
    const { version } = (await caseworker.request('GET', `/api/v1/jobseekers/${p.id}/cv`)).json();
    expect((await caseworker.request('PUT', `/api/v1/jobseekers/${p.id}/cv`, cv({ version, occupationsWanted: ['5321'] }))).statusCode).toBe(200);
    const after = (await broker.request('GET', `/api/v1/job-orders/${jobOrderId}/candidates`)).json().items.find((i: { jobseekerId: string }) => i.jobseekerId === p.id);
    expect(after.summary.da).toMatch(/^samme stilling/);
    // Back as it was, for the tests that follow.
    await caseworker.request('PUT', `/api/v1/jobseekers/${p.id}/cv`, cv({ version: version + 1, occupationsWanted: ['5322'] }));
  });

  it('lets the broker pick people at high risk of long-term unemployment on purpose', async () => {
    const body = (await broker.request('GET', `/api/v1/job-orders/${jobOrderId}/candidates?risk=high`)).json();
    expect(body.items.map((i: { jobseekerId: string }) => i.jobseekerId)).toEqual([highRiskId]);
    expect(body.items[0]).toMatchObject({ riskBand: 'high' });
    expect(body.items[0].summary.da).toContain('beslægtet stilling (portør)');
  });

  it('filters on segment', async () => {
    const segment = people[0]!.segment;
    if (!segment) return;
    const body = (await broker.request('GET', `/api/v1/job-orders/${jobOrderId}/candidates?segment=${encodeURIComponent(segment)}`)).json();
    for (const item of body.items) expect(item.segment).toBe(segment);
  });

  it('ranks open jobs for a jobseeker, the other way round', async () => {
    const body = (await caseworker.request('GET', `/api/v1/jobseekers/${people[2]!.id}/job-matches`)).json();
    expect(body.hasCv).toBe(true);
    expect(body.items[0]).toMatchObject({ jobOrderId, employerName: 'Plejecenter Kirkebakken', occupationTitle: { da: 'Social- og sundhedsassistent' } });
    expect(body.items[0].summary.da).toMatch(/samme stilling; 2\d km; kan starte nu/);
    const none = (await caseworker.request('GET', `/api/v1/jobseekers/${highRiskId}/job-matches?radiusKm=0`)).json();
    expect(none.items.map((i: { jobOrderId: string }) => i.jobOrderId)).toContain(jobOrderId);
  });

  it('keeps the person’s own occupation, then the nearest, when more jobs pass the pre-filter than the ranking takes', async () => {
    // Only this test's orders: the demo's are closed.
    await t.connection.db.update(jobOrders).set({ status: 'closed' }).where(ne(jobOrders.id, jobOrderId));
    const employer = (await broker.request('POST', '/api/v1/employers', { cvr: '20000104', name: 'Hjemmeplejen Fredericia', municipalityCode: 607 })).json();
    const order = async (title: string, occupationCode: string) => {
      const res = await broker.request('POST', '/api/v1/job-orders', { employerId: employer.id, title, occupationCode, description: 'Hjemmepleje', municipalityCode: 607, hoursPerWeek: 32, kind: 'permanent' });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; version: number };
    };
    // Written after the order in Vejle, so a cut in the order rows come in would not keep them.
    const related = await order('Social- og sundhedshjælper', '5322');
    const same = await order('Social- og sundhedsassistent', '5321');
    const ids = async (limit?: number) =>
      (await createMatchingService({ db: t.connection.db, jobPrefilterLimit: limit }).jobsForJobseeker(await brokerContext(), people[2]!.id, { limit: 10 })).items.map((i) => i.jobOrderId);
    // In Fredericia, wanting 5321: the same occupation in town and 20 km away, and a related one in town.
    expect((await ids()).sort()).toEqual([jobOrderId, related.id, same.id].sort());
    expect(await ids(2)).toEqual([same.id, jobOrderId]);
    expect(await ids(1)).toEqual([same.id]);
    for (const o of [related, same]) {
      const closed = await broker.request('PATCH', `/api/v1/job-orders/${o.id}`, { version: o.version, status: 'closed' });
      expect(closed.statusCode, closed.body).toBe(200);
    }
  });

  it('writes an audit search row for each ranking', async () => {
    const rows = await t.connection.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'job_order_candidates'), eq(auditLog.subjectId, jobOrderId)));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.some((r) => (r.details as { risk?: string }).risk === 'high')).toBe(true);
  });
});
