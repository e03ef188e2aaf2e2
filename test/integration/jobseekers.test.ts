import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, loginAs, type Session, type TestApp } from '../support/app';

let t: TestApp;
let caseworker: Session;
beforeAll(async () => {
  t = await createTestApp();
  caseworker = await loginAs(t.app, 'vejleder@akasse.demo');
});
afterAll(async () => t?.close());

const hanne = { cpr: '150387-1236', firstName: 'Hanne', lastName: 'Testesen', phone: '22 34 56 78', email: 'hanne@eksempel.dk', municipalityCode: 615, educationLevel: 'vocational' };

async function auditRows(jobseekerId: string) {
  const res = await t.connection.db.execute(sql`select action, purpose, actor_id from audit_log where jobseeker_id = ${jobseekerId} order by id`);
  return (res as unknown as { rows: { action: string; purpose: string }[] }).rows;
}

describe('the jobseeker registry', () => {
  let id: string;

  it('registers a jobseeker, derives birth date and age from the CPR number and shows it masked', async () => {
    const res = await caseworker.request('POST', '/api/v1/jobseekers', hanne);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    id = body.id;
    expect(body).toMatchObject({ cprMasked: '150387-xxxx', birthDate: '1987-03-15', age: 39, sex: 'female', phone: '+4522345678', municipality: { code: 615, name: 'Horsens', regionName: 'Region Midtjylland' } });
    expect(JSON.stringify(body)).not.toContain('1236');
    expect((await auditRows(id)).map((r) => r.action)).toEqual(['create', 'read']);
  });

  it('stores the CPR number encrypted, never in clear text', async () => {
    const res = await t.connection.db.execute(sql`select cpr_ciphertext, cpr_hash from jobseekers where id = ${id}`);
    const row = (res as unknown as { rows: { cpr_ciphertext: string; cpr_hash: string }[] }).rows[0]!;
    expect(row.cpr_ciphertext).not.toContain('1503871236');
    expect(row.cpr_hash).not.toContain('1503871236');
  });

  it('refuses a second jobseeker with the same CPR number in the organisation with 409 and a clear message', async () => {
    const res = await caseworker.request('POST', '/api/v1/jobseekers', { ...hanne, cpr: '1503871236', firstName: 'Anden' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('Der findes allerede en jobsøgende med dette CPR-nummer i organisationen.');
  });

  it('lets the other organisation register the same person', async () => {
    const konsulent = await loginAs(t.app, 'konsulent@jobcenter.demo');
    expect((await konsulent.request('POST', '/api/v1/jobseekers', hanne)).statusCode).toBe(201);
  });

  it('names the CPR field in Danish when the birth date does not exist, and writes nothing', async () => {
    const res = await caseworker.request('POST', '/api/v1/jobseekers', { ...hanne, cpr: '310299-1234', firstName: 'Forkert' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ cpr: 'CPR-nummerets fødselsdato findes ikke. Tjek de første 6 cifre.' });
    expect((await caseworker.request('POST', '/api/v1/jobseekers/search', { q: 'Forkert' })).json().total).toBe(0);
  });

  it('names every wrong field at once', async () => {
    const res = await caseworker.request('POST', '/api/v1/jobseekers', { cpr: '310299-1234', firstName: '', lastName: 'X', email: 'ikke-en-mail', postalCode: '12', phone: '123', municipalityCode: 411 });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['cpr', 'email', 'firstName', 'municipalityCode', 'phone', 'postalCode']);
  });

  it('finds a jobseeker by name words, and by the full CPR number without putting it in the audit log', async () => {
    const byName = await caseworker.request('POST', '/api/v1/jobseekers/search', { q: 'hanne testes' });
    expect(byName.json().items.map((j: { id: string }) => j.id)).toEqual([id]);
    const byCpr = await caseworker.request('POST', '/api/v1/jobseekers/search', { q: '150387-1236' });
    expect(byCpr.json().items.map((j: { id: string }) => j.id)).toEqual([id]);
    const res = await t.connection.db.execute(sql`select details from audit_log where action = 'search' order by id desc limit 1`);
    const details = JSON.stringify((res as unknown as { rows: { details: unknown }[] }).rows[0]!.details);
    expect(details).toContain('[cpr]');
    expect(details).not.toContain('150387');
  });

  it('pages and sorts the list of the organisation’s jobseekers', async () => {
    const first = (await caseworker.request('GET', '/api/v1/jobseekers?page=1&pageSize=10&sort=name')).json();
    const second = (await caseworker.request('GET', '/api/v1/jobseekers?page=2&pageSize=10&sort=name')).json();
    expect(first.total).toBe(241);
    expect(first.items).toHaveLength(10);
    const names = [...first.items, ...second.items].map((j: { lastName: string }) => j.lastName.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(new Set([...first.items, ...second.items].map((j: { id: string }) => j.id)).size).toBe(20);
  });

  it('changes a jobseeker when the version matches, and refuses a stale version with 409 without changing anything', async () => {
    const ok = await caseworker.request('PATCH', `/api/v1/jobseekers/${id}`, { version: 1, lastName: 'Nyesen' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ lastName: 'Nyesen', version: 2 });
    const stale = await caseworker.request('PATCH', `/api/v1/jobseekers/${id}`, { version: 1, lastName: 'Gammel' });
    expect(stale.statusCode).toBe(409);
    expect((await caseworker.request('GET', `/api/v1/jobseekers/${id}`)).json().lastName).toBe('Nyesen');
  });

  it('shows the full CPR number only on request, to a caseworker, and audits it with the stated purpose', async () => {
    const res = await caseworker.request('POST', `/api/v1/jobseekers/${id}/cpr-reveal`, undefined, { 'x-jobspor-purpose': 'Opslag i Jobnet' });
    expect(res.json()).toEqual({ cpr: '150387-1236' });
    const rows = await auditRows(id);
    expect(rows.at(-1)).toMatchObject({ action: 'reveal_cpr', purpose: 'Opslag i Jobnet' });
    const broker = await loginAs(t.app, 'formidler@akasse.demo');
    expect((await broker.request('POST', `/api/v1/jobseekers/${id}/cpr-reveal`)).statusCode).toBe(403);
  });

  it('lets a broker read but not register jobseekers', async () => {
    const broker = await loginAs(t.app, 'formidler@akasse.demo');
    expect((await broker.request('GET', `/api/v1/jobseekers/${id}`)).statusCode).toBe(200);
    expect((await broker.request('POST', '/api/v1/jobseekers', { ...hanne, cpr: '010190-1234' })).statusCode).toBe(403);
  });

  it('keeps the audit log append-only, even for a direct database update', async () => {
    await expect(t.connection.db.execute(sql`update audit_log set purpose = 'x'`)).rejects.toThrow();
    await expect(t.connection.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });

  it('lets an admin browse the audit log filtered by jobseeker, newest first', async () => {
    const admin = await loginAs(t.app, 'admin@akasse.demo');
    const res = await admin.request('GET', `/api/v1/audit?jobseekerId=${id}`);
    expect(res.statusCode).toBe(200);
    const actions = res.json().items.map((i: { action: string }) => i.action);
    expect(actions.at(-1)).toBe('create');
    expect(actions[0]).toBe('read');
    expect(res.json().items[0].actorName).toBe('Frede Formidler');
    expect((await caseworker.request('GET', '/api/v1/audit')).statusCode).toBe(403);
  });
});

describe('the audit trail of staff and sessions', () => {
  it('records logouts and admin changes to staff accounts', async () => {
    const admin = await loginAs(t.app, 'admin@akasse.demo');
    const created = await admin.request('POST', '/api/v1/staff', { email: 'ny.vejleder@eksempel.dk', name: 'Ny Vejleder', role: 'caseworker', password: 'lang-nok-adgangskode' });
    expect(created.statusCode).toBe(201);
    await admin.request('PATCH', `/api/v1/staff/${created.json().id}`, { active: false });
    await admin.request('POST', '/api/v1/auth/logout');
    const res = await t.connection.db.execute(sql`select action, subject_type, details from audit_log where subject_type = 'staff' order by id desc limit 3`);
    const rows = (res as unknown as { rows: { action: string; details: Record<string, unknown> | null }[] }).rows;
    expect(rows.map((r) => r.action)).toEqual(['logout', 'update', 'create']);
    expect(rows[1]!.details).toMatchObject({ active: false });
  });

  it('finds the searches that showed a person when the audit log is filtered by that person', async () => {
    const found = (await caseworker.request('POST', '/api/v1/jobseekers/search', { q: 'Nyesen' })).json().items[0];
    const admin = await loginAs(t.app, 'admin@akasse.demo');
    const rows = (await admin.request('GET', `/api/v1/audit?jobseekerId=${found.id}&action=search`)).json().items;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0].details.resultIds).toContain(found.id);
  });
});
