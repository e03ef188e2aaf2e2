import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, like } from 'drizzle-orm';
import { auditLog, outbox, syncEvents, tasks } from '../../src/db/schema';
import { createJoblogService } from '../../src/server/joblog/service';
import { sweepJoblogTasks } from '../../src/server/joblog/monitoring';
import type { TenantContext } from '../../src/server/context';
import { AppError } from '../../src/server/errors';
import { createTestApp, loginAs, type Session, type TestApp } from '../support/app';
import { createSpellThroughApi } from '../support/spells';

// Today is Monday 2 November 2026: October is the last completed month.
let t: TestApp;
let vera: Session;
let broker: Session;
let jobseekerId: string;
let spellId: string;
let otherJobseekerId: string;
let organisationId: string;

beforeAll(async () => {
  t = await createTestApp();
  vera = await loginAs(t.app, 'vejleder@akasse.demo');
  broker = await loginAs(t.app, 'formidler@akasse.demo');
  const me = (await vera.request('GET', '/api/v1/auth/me')).json();
  organisationId = me.organisation?.id ?? me.organisationId;
  ({ jobseekerId, spellId } = await createSpellThroughApi(vera, { startDate: '2026-08-03', caseworkerId: me.id ?? me.staff?.id }));
  ({ jobseekerId: otherJobseekerId } = await createSpellThroughApi(vera, { startDate: '2026-08-03' }));
});
afterAll(async () => t?.close());

const entry = (over: Record<string, unknown> = {}) => ({ date: '2026-10-05', employer: 'Vejle Kommune', jobTitle: 'Kontorassistent', kind: 'advertised', source: 'Jobnet', ...over });
const joblogTasks = () =>
  t.connection.db
    .select({ kind: tasks.kind, status: tasks.status, title: tasks.title, dedupeKey: tasks.dedupeKey, spellId: tasks.spellId })
    .from(tasks)
    .where(and(eq(tasks.jobseekerId, jobseekerId), like(tasks.kind, 'joblog_%')))
    .orderBy(asc(tasks.dedupeKey));
const openKinds = async () => (await joblogTasks()).filter((r) => r.status === 'open').map((r) => r.kind).sort();
const overview = async () => (await vera.request('GET', `/api/v1/jobseekers/${jobseekerId}/joblog/overview`)).json();

describe('the joblog, kept by the caseworker on the jobseeker’s behalf', () => {
  it('shows an empty joblog as red for October and the daily run raises a task for it and for 30 quiet days', async () => {
    const o = await overview();
    expect(o.spell.id).toBe(spellId);
    expect(o.months.map((m: { month: string }) => m.month)).toEqual(['2026-08', '2026-09', '2026-10', '2026-11']);
    expect(o.months[2]).toMatchObject({ searches: 0, benchmark: 'red', provisional: false });
    expect(o.requirementPerWeek).toBe(2);
    expect(o.requirementSource).toBe('organisation');
    expect(o.hits.map((h: { rule: string }) => h.rule).sort()).toEqual(['benchmark_red', 'no_activity']);

    // The worker's catch-up run at start-up: the tasks follow the rules, but reminders to jobseekers wait for the 06:15 run.
    const startup = await sweepJoblogTasks(t.connection.db, t.clock, { nudge: false });
    expect(startup.nudged).toBe(0);
    expect(await t.connection.db.select().from(outbox).where(eq(outbox.template, 'joblog_nudge'))).toEqual([]);
    const rows = await joblogTasks();
    expect(rows.map((r) => r.dedupeKey)).toEqual([`joblog_benchmark:${jobseekerId}:2026-10`, `joblog_inactive:${jobseekerId}:2026-08-03`]);
    expect(rows.every((r) => r.spellId === spellId && r.status === 'open')).toBe(true);
    // The scheduled run changes no task, and does remind quiet demo jobseekers who can be reached.
    const again = await sweepJoblogTasks(t.connection.db, t.clock);
    expect(again.created).toBe(0);
    expect(again.nudged).toBeGreaterThan(0);
  });

  it('adds entries for the jobseeker: the red month and the quiet-days task close, and it is audited as done on their behalf', async () => {
    const dates = ['2026-10-01', '2026-10-03', '2026-10-06', '2026-10-08', '2026-10-12', '2026-10-15', '2026-10-19', '2026-10-22', '2026-10-26', '2026-10-29'];
    for (const [i, date] of dates.entries()) {
      const res = await vera.request('POST', `/api/v1/jobseekers/${jobseekerId}/joblog`, entry({ date, employer: `Virksomhed ${String.fromCharCode(75 - i)}` }));
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ date, status: 'sent', spellId, createdByKind: 'staff', version: 1, attachment: null });
    }
    const o = await overview();
    expect(o.months[2]).toMatchObject({ month: '2026-10', searches: 10, perWeek: 2.26, benchmark: 'green', meetsRequirement: true });
    // Ten applications in 60 days and no interview: a hint to offer sparring, not a sanction.
    expect(await openKinds()).toEqual(['joblog_sparring']);
    const sparring = (await joblogTasks()).find((r) => r.kind === 'joblog_sparring')!;
    expect(sparring.title).toContain('Tilbyd sparring');
    expect(sparring.title).toContain('ikke en sanktion');
    const audits = await t.connection.db.select().from(auditLog).where(and(eq(auditLog.jobseekerId, jobseekerId), eq(auditLog.subjectType, 'joblog_entry'), eq(auditLog.action, 'create')));
    expect(audits).toHaveLength(10);
    expect(audits[0]!.details).toEqual({ onBehalf: true });
  });

  it('lists entries sorted and paged', async () => {
    const page1 = (await vera.request('GET', `/api/v1/jobseekers/${jobseekerId}/joblog?pageSize=4`)).json();
    expect(page1.total).toBe(10);
    expect(page1.items.map((e: { date: string }) => e.date)).toEqual(['2026-10-29', '2026-10-26', '2026-10-22', '2026-10-19']);
    const byEmployer = (await vera.request('GET', `/api/v1/jobseekers/${jobseekerId}/joblog?sort=employer&pageSize=3&page=2`)).json();
    expect(byEmployer.items.map((e: { employer: string }) => e.employer)).toEqual(['Virksomhed E', 'Virksomhed F', 'Virksomhed G']);
    expect((await vera.request('GET', `/api/v1/jobseekers/${jobseekerId}/joblog?sort=salary`)).statusCode).toBe(400);
  });

  it('records an interview: the sparring hint goes away; a stale version is refused and changes nothing', async () => {
    const [first] = (await vera.request('GET', `/api/v1/jobseekers/${jobseekerId}/joblog?pageSize=1`)).json().items;
    const ok = await vera.request('PATCH', `/api/v1/joblog/${first.id}`, { version: 1, status: 'interview' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'interview', version: 2 });
    expect(await openKinds()).toEqual([]);
    const stale = await vera.request('PATCH', `/api/v1/joblog/${first.id}`, { version: 1, status: 'rejected' });
    expect(stale.statusCode).toBe(409);
    expect((await vera.request('GET', `/api/v1/joblog/${first.id}`)).json().status).toBe('interview');
  });

  it('says which field is wrong, in the user’s language, and writes nothing', async () => {
    const before = (await t.connection.db.select().from(syncEvents)).length;
    const future = await vera.request('POST', `/api/v1/jobseekers/${jobseekerId}/joblog`, entry({ date: '2026-11-03' }));
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields.date).toBe('Datoen må ikke ligge i fremtiden.');
    const missing = await vera.request('POST', `/api/v1/jobseekers/${jobseekerId}/joblog`, entry({ employer: ' ', kind: 'lottery' }), { 'accept-language': 'en' });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().error.fields).sort()).toEqual(['employer', 'kind']);
    expect((await t.connection.db.select().from(syncEvents)).length).toBe(before);
  });

  it('lets a broker read but not write, and hides another organisation’s nothing: unknown ids are 404', async () => {
    expect((await broker.request('GET', `/api/v1/jobseekers/${jobseekerId}/joblog`)).statusCode).toBe(200);
    expect((await broker.request('POST', `/api/v1/jobseekers/${jobseekerId}/joblog`, entry())).statusCode).toBe(403);
    expect((await vera.request('GET', `/api/v1/jobseekers/00000000-0000-4000-8000-000000000000/joblog`)).statusCode).toBe(404);
  });

  it('stores an attached application in the database, with type and size limits, and serves it only by entry id', async () => {
    const [e] = (await vera.request('GET', `/api/v1/jobseekers/${jobseekerId}/joblog?pageSize=1&sort=date`)).json().items;
    const text = 'Kære arbejdsgiver, jeg søger stillingen.';
    const put = await vera.request('PUT', `/api/v1/joblog/${e.id}/attachment`, { fileName: 'ansøgning.txt', contentType: 'text/plain', contentBase64: Buffer.from(text).toString('base64') });
    expect(put.statusCode).toBe(200);
    expect(put.json().attachment).toEqual({ fileName: 'ansøgning.txt', contentType: 'text/plain', size: Buffer.byteLength(text) });
    const got = await vera.request('GET', `/api/v1/joblog/${e.id}/attachment`);
    expect(got.statusCode).toBe(200);
    expect(got.body).toBe(text);
    expect(got.headers['content-disposition']).toContain("filename*=UTF-8''ans%C3%B8gning.txt");
    expect(got.headers['cache-control']).toBe('no-store');

    const exe = await vera.request('PUT', `/api/v1/joblog/${e.id}/attachment`, { fileName: 'x.exe', contentType: 'application/x-msdownload', contentBase64: 'TVo=' });
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.fields).toHaveProperty('contentType');
    const fakePdf = await vera.request('PUT', `/api/v1/joblog/${e.id}/attachment`, { fileName: 'a.pdf', contentType: 'application/pdf', contentBase64: Buffer.from('not a pdf').toString('base64') });
    expect(fakePdf.statusCode).toBe(400);
    const big = await vera.request('PUT', `/api/v1/joblog/${e.id}/attachment`, { fileName: 'big.txt', contentType: 'text/plain', contentBase64: Buffer.alloc(5 * 1024 * 1024 + 1, 65).toString('base64') });
    expect(big.statusCode).toBe(400);
    expect((await vera.request('GET', `/api/v1/joblog/${e.id}/attachment`)).body).toBe(text);

    const removed = await vera.request('DELETE', `/api/v1/joblog/${e.id}/attachment`);
    expect(removed.json().attachment).toBeNull();
    expect((await vera.request('GET', `/api/v1/joblog/${e.id}/attachment`)).statusCode).toBe(404);
  });

  it('measures against the requirement in Min Plan once the plan has one', async () => {
    const plan = await vera.request('POST', `/api/v1/spells/${spellId}/plan`, { basedOnVersion: 0, jobGoals: [{ title: 'Kontorassistent' }], activities: [], searchRequirementPerWeek: 3 });
    expect(plan.statusCode).toBe(201);
    const o = await overview();
    expect(o).toMatchObject({ requirementPerWeek: 3, requirementSource: 'plan' });
    expect(o.months[2].meetsRequirement).toBe(false);
    expect(await openKinds()).toEqual(['joblog_requirement']);
    expect((await joblogTasks()).find((r) => r.kind === 'joblog_requirement')!.title).toBe('Jobsøgning under kravet i oktober 2026: 2,26 om ugen mod 3');
  });

  it('emits every change to the joblog and Min Plan as a sync event, in order', async () => {
    const events = await t.connection.db.select().from(syncEvents).where(eq(syncEvents.jobseekerId, jobseekerId)).orderBy(asc(syncEvents.seq));
    const types = events.map((e) => e.type);
    expect(types.filter((x) => x === 'joblog.entry.created')).toHaveLength(10);
    expect(types.slice(10)).toEqual(['joblog.entry.updated', 'joblog.entry.updated', 'joblog.entry.updated', 'plan.version.created']);
    expect(events.every((e) => e.status === 'pending' && e.organisationId === organisationId)).toBe(true);
    expect(events[0]!.data).toMatchObject({ employer: 'Virksomhed K', kind: 'advertised', status: 'sent', hasAttachment: false, registeredBy: 'staff' });
    expect(events.at(-1)!.data).toMatchObject({ spellId, version: 1, searchRequirementPerWeek: 3 });
  });

  it('deletes an entry with its version, and emits the deletion', async () => {
    const [e] = (await vera.request('GET', `/api/v1/jobseekers/${jobseekerId}/joblog?pageSize=1`)).json().items;
    expect((await vera.request('DELETE', `/api/v1/joblog/${e.id}`, { version: e.version + 5 })).statusCode).toBe(409);
    expect((await vera.request('DELETE', `/api/v1/joblog/${e.id}`, { version: e.version })).statusCode).toBe(204);
    expect((await vera.request('GET', `/api/v1/joblog/${e.id}`)).statusCode).toBe(404);
    const [last] = await t.connection.db.select().from(syncEvents).where(eq(syncEvents.subjectId, e.id)).orderBy(asc(syncEvents.seq));
    expect(last).toBeDefined();
    const deleted = await t.connection.db.select().from(syncEvents).where(and(eq(syncEvents.subjectId, e.id), eq(syncEvents.type, 'joblog.entry.deleted')));
    expect(deleted).toHaveLength(1);
  });
});

describe('the same service, used by the jobseeker in the portal', () => {
  const asJobseeker = (id: string): TenantContext => ({ organisationId, actor: { kind: 'jobseeker', id }, purpose: 'portal', lang: 'da', clock: t.clock });

  it('lets jobseekers add and read their own entries, marked as theirs', async () => {
    const service = createJoblogService({ db: t.connection.db });
    const created = await service.createEntry(asJobseeker(jobseekerId), jobseekerId, { date: '2026-11-02', employer: 'Bageriet', jobTitle: 'Ekspedient', kind: 'unsolicited', status: 'sent' });
    expect(created.createdByKind).toBe('jobseeker');
    const list = await service.listEntries(asJobseeker(jobseekerId), jobseekerId, { page: 1, pageSize: 50, sort: '-date' });
    expect(list.items[0]!.id).toBe(created.id);
  });

  it('never shows or changes another jobseeker’s entries', async () => {
    const service = createJoblogService({ db: t.connection.db });
    const [e] = (await vera.request('GET', `/api/v1/jobseekers/${jobseekerId}/joblog?pageSize=1`)).json().items;
    const other = asJobseeker(otherJobseekerId);
    await expect(service.listEntries(other, jobseekerId, { page: 1, pageSize: 10, sort: '-date' })).rejects.toThrow(AppError);
    await expect(service.getEntry(other, e.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(service.updateEntry(other, e.id, { version: e.version, status: 'hired' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(service.getAttachment(other, e.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(service.getOverview(other, jobseekerId)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('the demo data set', () => {
  it('gives demo jobseekers joblogs that show every light and the monitoring rules on first start', async () => {
    const result = await sweepJoblogTasks(t.connection.db, t.clock);
    expect(result.spells).toBeGreaterThan(100);
    const kinds = await t.connection.db.selectDistinct({ kind: tasks.kind }).from(tasks).where(and(like(tasks.kind, 'joblog_%'), eq(tasks.status, 'open')));
    expect(kinds.map((k) => k.kind).sort()).toEqual(['joblog_benchmark', 'joblog_inactive', 'joblog_requirement', 'joblog_sparring']);
  });

  it('nudges a quiet jobseeker once, kindly, in their language, with a link to the portal joblog — not a jobseeker we cannot reach', async () => {
    const nudges = () => t.connection.db.select().from(outbox).where(eq(outbox.template, 'joblog_nudge')).orderBy(asc(outbox.idempotencyKey));
    const first = await nudges();
    expect(first.length).toBeGreaterThan(0);
    // One per quiet stretch: the key names the jobseeker and the day the stretch began.
    expect(new Set(first.map((n) => n.idempotencyKey)).size).toBe(first.length);
    const email = first.find((n) => n.channel === 'email')!;
    expect(email.subject === 'Husk din joblog' || email.subject === 'Remember your job log').toBe(true);
    expect(email.body).toContain('/portal/joblog');
    expect(email.body).toMatch(/siden \d{1,2}\. [a-zæøå]+ \d{4}|since \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(email.body).not.toMatch(/sanktion|sanction/i);
    // The test's own jobseekers have neither e-mail nor phone: no nudge, and the task still stands.
    expect(first.some((n) => n.jobseekerId === otherJobseekerId)).toBe(false);
    const again = await sweepJoblogTasks(t.connection.db, t.clock);
    expect(again.nudged).toBe(0);
    expect(await nudges()).toHaveLength(first.length);
  });
});

describe('the monitoring rules as versioned data', () => {
  it('lets a manager raise the requirement and the benchmark in a new template version, which the next evaluation uses', async () => {
    const manager = await loginAs(t.app, 'leder@akasse.demo');
    const [template] = (await manager.request('GET', '/api/v1/templates?kind=joblog_rules')).json();
    expect(template).toMatchObject({ key: 'default', version: 1 });
    const { definition } = (await manager.request('GET', `/api/v1/templates/${template.id}`)).json();
    const bad = await manager.request('POST', `/api/v1/templates/${template.id}/versions`, { definition: { ...definition, benchmark: { greenPerWeek: -1 } } });
    expect(bad.statusCode).toBe(400);
    const saved = await manager.request('POST', `/api/v1/templates/${template.id}/versions`, { definition: { ...definition, benchmark: { greenPerWeek: 2.5 }, requirement: { defaultPerWeek: 3, usePlan: false } } });
    expect(saved.statusCode).toBe(201);
    const o = await overview();
    expect(o.rules).toMatchObject({ version: 2, greenPerWeek: 2.5 });
    expect(o).toMatchObject({ requirementPerWeek: 3, requirementSource: 'organisation' });
  });
});
