import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, vacancies, vacancyImports } from '../../src/db/schema';
import { createTestApp, loginAs, type Session, type TestApp } from '../support/app';

let t: TestApp;
let broker: Session;
let caseworker: Session;
let otherOrg: Session;

beforeAll(async () => {
  t = await createTestApp();
  broker = await loginAs(t.app, 'formidler@akasse.demo');
  caseworker = await loginAs(t.app, 'vejleder@akasse.demo');
  otherOrg = await loginAs(t.app, 'leder@jobcenter.demo');
});
afterAll(async () => t?.close());

const HEADER = 'external_id,title,employer_name,cvr,occupation_code,occupation_text,municipality_code,description,deadline,url';
const GOOD_1 = 'JN-1,Pædagog til vuggestue,Vuggestuen Mariehønen,20000074,2342,,630,"30 timer, fast",2026-12-15,https://job.example/1';
const GOOD_2 = 'JN-2,Social- og sundhedsassistent,Plejecenter Solgården,,,SSA,101,"Aften,\nweekend",,';
const BAD_CVR = 'JN-3,Kok,Kantinen,12345678,5120,,101,,,';
const BAD_MUNI = 'JN-4,Lagermedarbejder,Lageret,,9333,,999,,,';
const feed = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';

const importCsv = (session: Session, content: string, source = 'jobnet') => {
  t.clock.advance(60_000);
  return session.request('POST', '/api/v1/vacancy-imports', { source, format: 'csv', content });
};
const stored = () => t.connection.db.select().from(vacancies).where(eq(vacancies.source, 'jobnet')).orderBy(vacancies.externalId);

describe('vacancy import', () => {
  it('keeps the good rows and reports the bad ones with their line numbers and a reason in the request language', async () => {
    const res = await importCsv(broker, feed(GOOD_1, GOOD_2, BAD_CVR, BAD_MUNI));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ source: 'jobnet', created: 2, updated: 0, unchanged: 0, rejected: 2 });
    // GOOD_2 spans lines 3–4 (a quoted line break), so the bad rows are on lines 5 and 6.
    expect(res.json().rejections).toEqual([
      { line: 5, externalId: 'JN-3', reason: { da: 'CVR 12345678 består ikke modulus 11-kontrollen.', en: 'CVR 12345678 fails the modulus 11 check.' } },
      { line: 6, externalId: 'JN-4', reason: { da: 'Ukendt kommunekode.', en: 'Unknown municipality code.' } },
    ]);
    const rows = await stored();
    expect(rows.map((r) => [r.externalId, r.occupationCode, r.municipalityCode])).toEqual([
      ['JN-1', '2342', 630],
      ['JN-2', '5321', 101],
    ]);
    expect(rows[1]!.description).toBe('Aften,\nweekend');
    const audits = await t.connection.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'vacancy_import'), eq(auditLog.subjectId, res.json().importId)));
    expect(audits).toHaveLength(1);
  });

  it('changes nothing when the same feed is imported again', async () => {
    const before = await stored();
    const res = await importCsv(broker, feed(GOOD_1, GOOD_2, BAD_CVR, BAD_MUNI));
    expect(res.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 2 });
    expect(await stored()).toEqual(before);
  });

  it('updates a changed row in place and counts it', async () => {
    const before = await stored();
    const changed = GOOD_1.replace('2026-12-15', '2027-01-10');
    const res = await importCsv(broker, feed(changed, GOOD_2));
    expect(res.json()).toMatchObject({ created: 0, updated: 1, unchanged: 1, rejected: 0 });
    const after = await stored();
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
    expect(after[0]!.deadline).toBe('2027-01-10');
    expect(after[0]!.lastImportId).toBe(res.json().importId);
    expect(after[0]!.firstImportId).toBe(before[0]!.firstImportId);
  });

  it('takes JSON too, and the same external id under another source is another vacancy', async () => {
    t.clock.advance(60_000);
    const json = JSON.stringify([{ externalId: 'JN-1', title: 'Pædagog', employerName: 'Børnehuset', occupationCode: '2342', municipalityCode: 101 }], null, 2);
    const res = await broker.request('POST', '/api/v1/vacancy-imports', { source: 'region-syd', format: 'json', content: json });
    expect(res.json()).toMatchObject({ created: 1, rejected: 0 });
    const list = await caseworker.request('GET', '/api/v1/vacancies?source=region-syd');
    expect(list.json().items.map((v: { externalId: string }) => v.externalId)).toEqual(['JN-1']);
  });

  it('refuses a file it cannot read with a field error and writes nothing, not even the import log', async () => {
    const importsBefore = (await t.connection.db.select().from(vacancyImports)).length;
    const res = await importCsv(broker, feed(GOOD_1) + '"JN-9,unclosed', 'broken');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.content).toMatch(/Et felt i anførselstegn, der starter i linje 3/);
    expect(await t.connection.db.select().from(vacancies).where(eq(vacancies.source, 'broken'))).toEqual([]);
    expect(await t.connection.db.select().from(vacancyImports)).toHaveLength(importsBefore);
  });

  it('refuses a file with NUL characters (PostgreSQL cannot store them) rather than failing half-way', async () => {
    const res = await importCsv(broker, feed(GOOD_1.replace('Mariehønen', 'Marie\u0000hønen')), 'nul');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.content).toMatch(/NUL/);
    expect(await t.connection.db.select().from(vacancies).where(eq(vacancies.source, 'nul'))).toEqual([]);
  });

  it('refuses a source name with spaces or over 60 characters', async () => {
    expect((await importCsv(broker, feed(GOOD_1), 'x'.repeat(61))).json().error.fields.source).toBeDefined();
    expect((await importCsv(broker, feed(GOOD_1), 'job net')).json().error.fields.source).toMatch(/jobnet/);
  });

  it('lets only brokers and managers import, and keeps each organisation to its own vacancies', async () => {
    expect((await importCsv(caseworker, feed(GOOD_1))).statusCode).toBe(403);
    const theirs = await otherOrg.request('GET', '/api/v1/vacancies');
    expect(theirs.statusCode).toBe(200);
    // Only the other organisation's own (demo) vacancies, none of those imported here.
    const items = theirs.json().items as { externalId: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.filter((v) => !v.externalId.startsWith('DEMO-jobcenter-'))).toEqual([]);
    const imports = await broker.request('GET', '/api/v1/vacancy-imports');
    expect(imports.json().items[0]).toMatchObject({ source: 'region-syd', created: 1 });
  });
});
