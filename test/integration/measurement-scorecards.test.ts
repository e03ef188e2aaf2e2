import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, organisations } from '../../src/db/schema';
import { createMonthlySnapshot } from '../../src/server/measurement/snapshot';
import { createTestApp, loginAs, type Session, type TestApp } from '../support/app';
import { createSpellThroughApi, endSpellThroughApi } from '../support/spells';

// The test clock: Monday 2026-11-02, so October 2026 is the month the worker stores.
let t: TestApp;
let manager: Session;
let caseworker: Session;
let scorecardId: string;
let organisationId: string;
let counterId: string;
const open: string[] = [];

type Table = {
  months: { month: string; source: string; revision: number | null; revisions: number }[];
  rows: { indicatorCode: string; name: { da: string }; cells: { month: string; status: string; value: number | null; n: number; light: string; target: number | null }[]; baseline: { value: number | null; computed: boolean } }[];
};
const cell = (table: Table, code: string, month: string) => table.rows.find((r) => r.indicatorCode === code)!.cells.find((c) => c.month === month)!;

beforeAll(async () => {
  t = await createTestApp();
  manager = await loginAs(t.app, 'leder@akasse.demo');
  caseworker = await loginAs(t.app, 'vejleder@akasse.demo');
  const [org] = await t.connection.db.select().from(organisations).where(eq(organisations.name, 'Demo A-kasse'));
  organisationId = org!.id;
  // The demo has spells of its own; these tests count only the spells of a caseworker of their own.
  const admin = await loginAs(t.app, 'admin@akasse.demo');
  const staffRes = await admin.request('POST', '/api/v1/staff', { email: 'taeller@akasse.demo', name: 'Tove Tæller', role: 'caseworker', unitId: null, password: 'en-lang-adgangskode-1' });
  if (staffRes.statusCode !== 201) throw new Error(`staff: ${staffRes.statusCode} ${staffRes.body}`);
  counterId = staffRes.json().id;
  const mine = { caseworkerId: counterId };
  // Ten spells started in May–June: six found a job within 3 months, one went into education, three are still running.
  for (let i = 0; i < 6; i++) await createSpellThroughApi(manager, { ...mine, startDate: '2026-05-04', end: { endDate: `2026-07-${String(1 + i).padStart(2, '0')}`, endReason: 'ordinary_job' } });
  await createSpellThroughApi(manager, { ...mine, startDate: '2026-05-04', end: { endDate: '2026-06-01', endReason: 'education' } });
  for (let i = 0; i < 3; i++) open.push((await createSpellThroughApi(manager, { ...mine, startDate: '2026-06-01' })).spellId);
});
afterAll(async () => t?.close());

describe('scorecards', () => {
  it('lets a manager create a scorecard, and not a caseworker', async () => {
    const body = {
      name: 'Jobeffekt – test',
      scope: 'organisation',
      filters: { caseworkerIds: [counterId] },
      firstMonth: '2026-06',
      rows: [
        { indicatorCode: 'in_job_13_weeks', baselineDate: '2026-06-30', targets: [{ date: '2026-12-31', value: 50 }] },
        { indicatorCode: 'active_spells', targets: [] },
        { indicatorCode: 'satisfaction_conversation', targets: [{ date: '2026-12-31', value: 85 }] },
      ],
    };
    expect((await caseworker.request('POST', '/api/v1/scorecards', body)).statusCode).toBe(403);
    const res = await manager.request('POST', '/api/v1/scorecards', body);
    expect(res.statusCode).toBe(201);
    scorecardId = res.json().id;
  });

  it('refuses an indicator that is not in the library, naming the row', async () => {
    const res = await manager.request('POST', '/api/v1/scorecards', { name: 'Forkert', scope: 'organisation', firstMonth: '2026-06', rows: [{ indicatorCode: 'no_such_thing' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields['rows.0.indicatorCode']).toBe('Ukendt indikator.');
  });

  it('shows the share in job within 3 months computed from the spells, with a traffic light against the target', async () => {
    const table = (await manager.request('GET', `/api/v1/scorecards/${scorecardId}`)).json() as Table;
    expect(table.months.map((m) => m.month)).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(table.months.at(-1)!.source).toBe('provisional');
    const october = cell(table, 'in_job_13_weeks', '2026-10');
    // Kaplan–Meier: education at day 28 is censored, six jobs by day 62 among the nine left at risk.
    expect(october).toMatchObject({ status: 'ok', value: 66.7, n: 10, target: 50, light: 'met' });
    // Three spells running at the end of October: too few to show.
    expect(cell(table, 'active_spells', '2026-10')).toMatchObject({ status: 'suppressed', value: null, n: 3 });
    // No survey was answered in this organisation in October: no figure, and not a zero.
    expect(cell(table, 'satisfaction_conversation', '2026-10')).toMatchObject({ status: 'no_data', value: null });
  });

  it('hides a figure resting on fewer than 5 spells', async () => {
    const table = (await manager.request('GET', `/api/v1/scorecards/${scorecardId}`)).json() as Table;
    const june = cell(table, 'in_job_13_weeks', '2026-06');
    expect(june.n).toBeGreaterThanOrEqual(5);
    const values = (await manager.request('GET', `/api/v1/indicators/values?asOf=2026-10-31&caseworkerId=${counterId}&ageBand=under_25`)).json();
    const inJob = values.values.find((v: { code: string }) => v.code === 'in_job_13_weeks').value;
    expect(['suppressed', 'no_data']).toContain(inJob.status);
    expect(inJob.value).toBeNull();
  });

  it('keeps a stored month unchanged when events are registered later, and shows a recomputation as a new revision', async () => {
    const stored = await manager.request('POST', '/api/v1/scorecards/snapshots', { month: '2026-10' });
    expect(stored.statusCode).toBe(201);
    expect(stored.json().stored.map((s: { scorecardId: string }) => s.scorecardId)).toContain(scorecardId);
    const before = cell((await manager.request('GET', `/api/v1/scorecards/${scorecardId}`)).json(), 'in_job_13_weeks', '2026-10');

    // Registered today, dated back into August: a job within 3 months that October did not know of.
    await endSpellThroughApi(manager, open[0]!, { endDate: '2026-08-15', endReason: 'ordinary_job' });
    await endSpellThroughApi(manager, open[1]!, { endDate: '2026-08-20', endReason: 'ordinary_job' });

    const after = (await manager.request('GET', `/api/v1/scorecards/${scorecardId}`)).json() as Table;
    expect(cell(after, 'in_job_13_weeks', '2026-10')).toEqual(before);
    expect(after.months.find((m) => m.month === '2026-10')).toMatchObject({ source: 'snapshot', revision: 1, revisions: 1 });
    // September was never stored, so it shows what is known now.
    expect(cell(after, 'in_job_13_weeks', '2026-09').value).toBeGreaterThan(before.value!);

    // The worker running again on the same month changes nothing.
    const again = await createMonthlySnapshot(t.connection.db, t.clock, { organisationId });
    expect(again).toMatchObject({ month: '2026-10', stored: [] });

    const recomputed = await manager.request('POST', '/api/v1/scorecards/snapshots', { month: '2026-10', recompute: true, reason: 'Efterregistrerede jobafgange' });
    expect(recomputed.json().stored.find((s: { scorecardId: string }) => s.scorecardId === scorecardId).revision).toBe(2);
    const newest = (await manager.request('GET', `/api/v1/scorecards/${scorecardId}`)).json() as Table;
    expect(newest.months.find((m) => m.month === '2026-10')).toMatchObject({ revision: 2, revisions: 2 });
    expect(cell(newest, 'in_job_13_weeks', '2026-10').value).toBeGreaterThan(before.value!);
    const history = (await manager.request('GET', `/api/v1/scorecards/${scorecardId}/snapshots?month=2026-10`)).json();
    expect(history.map((h: { revision: number }) => h.revision)).toEqual([2, 1]);
    expect(history[1].cells.find((c: { indicatorCode: string }) => c.indicatorCode === 'in_job_13_weeks').value).toBe(before.value);
  });

  it('refuses to store a month that is not over', async () => {
    const res = await manager.request('POST', '/api/v1/scorecards/snapshots', { month: '2026-11' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.month).toBe('Måneden er ikke slut endnu.');
  });

  it('a stored snapshot cannot be edited in the database either', async () => {
    await expect(t.connection.db.execute(sql`update scorecard_snapshots set reason = 'x'`)).rejects.toThrow();
  });

  it('lets a manager change targets and baselines, and a stale version is a conflict', async () => {
    const current = (await manager.request('GET', `/api/v1/scorecards/${scorecardId}`)).json();
    const rows = [{ indicatorCode: 'in_job_13_weeks', baselineValue: 45.5, baselineDate: '2026-01-10', targets: [{ date: '2026-12-31', value: 100 }] }];
    const res = await manager.request('PUT', `/api/v1/scorecards/${scorecardId}/rows`, { version: current.version, rows });
    expect(res.statusCode).toBe(200);
    expect(res.json().rows[0]).toMatchObject({ baseline: { value: 45.5, date: '2026-01-10', computed: false } });
    expect(cell(res.json(), 'in_job_13_weeks', '2026-10').light).toBe('not_met');
    expect((await manager.request('PUT', `/api/v1/scorecards/${scorecardId}/rows`, { version: current.version, rows })).statusCode).toBe(409);
  });
});

describe('initiatives and markers', () => {
  it('marks spells for an initiative, audits it, and the initiative’s scorecard counts them', async () => {
    const created = await manager.request('POST', '/api/v1/initiatives', { name: 'Mentorforsøg', markers: ['I mentorforsøg'] });
    expect(created.statusCode).toBe(201);
    const initiativeId = created.json().id;
    const markerId = created.json().markers[0].id;
    const spellIds: string[] = [];
    for (let i = 0; i < 5; i++) spellIds.push((await createSpellThroughApi(caseworker, { startDate: '2026-09-01' })).spellId);
    for (const id of spellIds) expect((await caseworker.request('POST', `/api/v1/spells/${id}/markers`, { markerId, markedOn: '2026-10-05' })).statusCode).toBe(200);
    const audit = await t.connection.db.select().from(auditLog).where(and(eq(auditLog.subjectId, spellIds[0]!), eq(auditLog.subjectType, 'spell'), eq(auditLog.action, 'update')));
    expect(audit.some((a) => (a.details as { fields?: string[] }).fields?.includes('markers'))).toBe(true);

    const card = await manager.request('POST', '/api/v1/scorecards', {
      name: 'Mentorforsøg',
      scope: 'initiative',
      initiativeId,
      firstMonth: '2026-10',
      rows: [{ indicatorCode: 'marked_spells_month' }, { indicatorCode: 'marked_spells_cumulative' }],
    });
    expect(card.statusCode).toBe(201);
    expect(cell(card.json(), 'marked_spells_month', '2026-10')).toMatchObject({ status: 'ok', value: 5 });
    expect(cell(card.json(), 'marked_spells_month', '2026-11')).toMatchObject({ value: 0 });
    expect(cell(card.json(), 'marked_spells_cumulative', '2026-11')).toMatchObject({ value: 5 });

    // Taking one marker off leaves four: too few to show.
    expect((await caseworker.request('DELETE', `/api/v1/spells/${spellIds[0]}/markers/${markerId}`)).statusCode).toBe(200);
    const after = (await manager.request('GET', `/api/v1/scorecards/${card.json().id}`)).json();
    expect(cell(after, 'marked_spells_cumulative', '2026-11')).toMatchObject({ status: 'suppressed', value: null });
  });
});

describe('exports', () => {
  it('exports XLSX laid out like a statusskema, with the month’s figure in its cell', async () => {
    const res = await manager.request('GET', `/api/v1/scorecards/${scorecardId}/export?format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Statusskema')!;
    const header = sheet.getRow(4).values as unknown[];
    expect(header).toContain('okt-26');
    expect(header).toContain('Startmåling');
    expect(header.some((h) => typeof h === 'string' && h.startsWith('Mindste mål pr.'))).toBe(true);
    const row = sheet.getRow(5).values as unknown[];
    expect(row[1]).toBe('Andel i ordinært job inden for 3 måneder');
    const table = (await manager.request('GET', `/api/v1/scorecards/${scorecardId}`)).json() as Table;
    expect(row[header.indexOf('okt-26')]).toBe(cell(table, 'in_job_13_weeks', '2026-10').value);
  });

  it('exports CSV as Danish Excel reads it: BOM, semicolons, decimal commas', async () => {
    const res = await manager.request('GET', `/api/v1/scorecards/${scorecardId}/export?format=csv`);
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toContain(';okt-26;');
    expect(text).toMatch(/Andel i ordinært job inden for 3 måneder;pct\.;45,5;/);
    expect(text).toContain('færre end 5 forløb');
  });

  it('exports a PDF', async () => {
    const res = await manager.request('GET', `/api/v1/scorecards/${scorecardId}/export?format=pdf`);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
  it.skipIf(!soffice)(`opens in LibreOffice (converted headlessly to CSV)${soffice ? '' : ' — skipped: soffice is not installed'}`, async () => {
    const res = await manager.request('GET', `/api/v1/scorecards/${scorecardId}/export?format=xlsx`);
    const dir = mkdtempSync(path.join(tmpdir(), 'jobspor-xlsx-'));
    try {
      writeFileSync(path.join(dir, 'statusskema.xlsx'), res.rawPayload);
      execFileSync(soffice!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76', '--outdir', dir, path.join(dir, 'statusskema.xlsx')], { timeout: 120_000, stdio: 'pipe' });
      const csv = readFileSync(path.join(dir, readdirSync(dir).find((f) => f.endsWith('.csv'))!), 'utf8');
      const table = (await manager.request('GET', `/api/v1/scorecards/${scorecardId}`)).json() as Table;
      const line = csv.split(/\r?\n/).find((l) => l.startsWith('Andel i ordinært job inden for 3 måneder'))!;
      expect(line).toBeDefined();
      const value = cell(table, 'in_job_13_weeks', '2026-10').value!;
      // LibreOffice writes the number in its own locale: a decimal point or a comma.
      expect(line.split(';').map((v) => v.replace(',', '.'))).toContain(String(value));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
