import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, employers } from '../../src/db/schema';
import { createTestApp, loginAs, type Session, type TestApp } from '../support/app';

let t: TestApp;
let broker: Session;
let caseworker: Session;
let jobcenter: Session;

beforeAll(async () => {
  t = await createTestApp();
  broker = await loginAs(t.app, 'formidler@akasse.demo');
  caseworker = await loginAs(t.app, 'vejleder@akasse.demo');
  jobcenter = await loginAs(t.app, 'leder@jobcenter.demo');
});
afterAll(async () => t?.close());

async function newEmployer(body: Record<string, unknown>) {
  const res = await broker.request('POST', '/api/v1/employers', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('employers', () => {
  it('registers an employer with a checked CVR number, P-numbers and municipality, and finds it by CVR, P-number and name', async () => {
    const created = await newEmployer({ cvr: '20 00 00 07', pNumbers: ['1003388394'], name: 'Børnehuset Mælkebøtten', city: 'Vejle', municipalityCode: 630, trade: 'Dagtilbud', cooperationAgreement: true, cooperationNotes: 'Praktikaftale' });
    expect(created).toMatchObject({ cvr: '20000007', pNumbers: ['1003388394'], municipalityCode: 630, cooperationAgreement: true, source: 'staff', version: 1, contacts: [], openJobOrders: 0 });
    for (const q of ['20000007', '1003388394', 'mælkebøtten']) {
      const found = (await caseworker.request('GET', `/api/v1/employers?q=${encodeURIComponent(q)}`)).json();
      expect(found.items.map((e: { id: string }) => e.id)).toContain(created.id);
    }
  });

  it('refuses a CVR number whose check digit is wrong, naming the field in Danish', async () => {
    const res = await broker.request('POST', '/api/v1/employers', { cvr: '20000008', name: 'Forkert ApS' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.cvr).toMatch(/CVR-nummeret findes ikke/);
    const badMunicipality = await broker.request('POST', '/api/v1/employers', { name: 'Et sted', municipalityCode: 411 });
    expect(badMunicipality.json().error.fields.municipalityCode).toMatch(/kommuner/);
  });

  it('refuses a second employer with the same CVR number in the organisation, but the other organisation may have its own', async () => {
    await newEmployer({ cvr: '20000015', name: 'Lager A/S' });
    const again = await broker.request('POST', '/api/v1/employers', { cvr: '20000015', name: 'Lager A/S (igen)' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields.cvr).toMatch(/findes allerede/);
    const other = await jobcenter.request('POST', '/api/v1/employers', { cvr: '20000015', name: 'Lager A/S' });
    expect(other.statusCode).toBe(201);
    expect((await broker.request('GET', `/api/v1/employers/${other.json().id}`)).statusCode).toBe(404);
  });

  it('logs contacts with who, when, outcome and next step, newest first, and counts them per broker and unit', async () => {
    const manager = await loginAs(t.app, 'leder@akasse.demo');
    const countsIn = async () => (await manager.request('GET', '/api/v1/employers/contact-counts?from=2026-10-01&to=2026-10-31')).json();
    const fredeIn = (c: { byStaff: { name: string; contacts: number; employers: number }[] }) => c.byStaff.find((s) => s.name === 'Frede Formidler') ?? { contacts: 0, employers: 0 };
    const before = await countsIn();
    const e = await newEmployer({ cvr: '20000023', name: 'Plejecenter Solgården', municipalityCode: 607 });
    const person = await broker.request('POST', `/api/v1/employers/${e.id}/contact-persons`, { name: 'Mette Leder', jobTitle: 'Centerleder', phone: '22 34 56 78', email: 'mette@solgaarden.example' });
    expect(person.statusCode, person.body).toBe(201);
    expect(person.json()).toMatchObject({ phone: '+4522345678' });
    await broker.request('POST', `/api/v1/employers/${e.id}/contacts`, { kind: 'call', occurredAt: '2026-10-20T09:00:00+02:00', outcome: 'Interesseret i SSA-elever' });
    const visit = await broker.request('POST', `/api/v1/employers/${e.id}/contacts`, {
      kind: 'visit',
      occurredAt: '2026-10-28T13:00:00+01:00',
      contactPersonId: person.json().id,
      outcome: 'Mangler to social- og sundhedsassistenter',
      nextStep: 'Send kandidater',
      nextStepDue: '2026-11-04',
    });
    expect(visit.statusCode).toBe(201);
    const detail = visit.json();
    expect(detail.contacts.map((c: { kind: string }) => c.kind)).toEqual(['visit', 'call']);
    expect(detail.contacts[0]).toMatchObject({ staffName: 'Frede Formidler', contactPersonName: 'Mette Leder', nextStep: 'Send kandidater', nextStepDue: '2026-11-04' });
    expect(detail.lastContactAt).toBe('2026-10-28T12:00:00.000Z');

    const after = await countsIn();
    expect(fredeIn(after).contacts - fredeIn(before).contacts).toBe(2);
    expect(fredeIn(after).employers - fredeIn(before).employers).toBe(1);
    expect(after.total.contacts - before.total.contacts).toBe(2);
    expect((await caseworker.request('GET', '/api/v1/employers/contact-counts?from=2026-10-01&to=2026-10-31')).statusCode).toBe(403);
  });

  it('refuses a contact with a contact person of another employer, and writes nothing', async () => {
    const a = await newEmployer({ name: 'Firma Uden CVR' });
    const b = await newEmployer({ name: 'Andet Firma' });
    const p = (await broker.request('POST', `/api/v1/employers/${b.id}/contact-persons`, { name: 'Ole' })).json();
    const res = await broker.request('POST', `/api/v1/employers/${a.id}/contacts`, { kind: 'call', occurredAt: '2026-11-01T10:00:00+01:00', contactPersonId: p.id, outcome: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.contactPersonId).toBeDefined();
    expect((await broker.request('GET', `/api/v1/employers/${a.id}`)).json().contacts).toEqual([]);
  });

  it('merges two records of the same employer keeping both contact histories, and audits it', async () => {
    const into = await newEmployer({ cvr: '20000031', name: 'Netto Vejle', municipalityCode: 630 });
    const from = await newEmployer({ pNumbers: ['1012345678'], name: 'Netto, Vejle Nord', addressLine: 'Nordvej 1' });
    await broker.request('POST', `/api/v1/employers/${into.id}/contacts`, { kind: 'call', occurredAt: '2026-10-01T10:00:00+02:00', outcome: 'Første opkald' });
    await broker.request('POST', `/api/v1/employers/${from.id}/contacts`, { kind: 'event', occurredAt: '2026-10-15T10:00:00+02:00', outcome: 'Mødt på jobmesse' });
    await broker.request('POST', `/api/v1/employers/${from.id}/contact-persons`, { name: 'Butikschef Berit' });

    const stale = await broker.request('POST', `/api/v1/employers/${into.id}/merge`, { fromEmployerId: from.id, version: 99 });
    expect(stale.statusCode).toBe(409);

    const merged = await broker.request('POST', `/api/v1/employers/${into.id}/merge`, { fromEmployerId: from.id, version: into.version });
    expect(merged.statusCode, merged.body).toBe(200);
    const m = merged.json();
    expect(m).toMatchObject({ cvr: '20000031', pNumbers: ['1012345678'], addressLine: 'Nordvej 1', version: 2 });
    expect(m.contacts.map((c: { outcome: string }) => c.outcome)).toEqual(['Mødt på jobmesse', 'Første opkald']);
    expect(m.contacts[0].mergedFromEmployerId).toBe(from.id);
    expect(m.contacts[1].mergedFromEmployerId).toBeNull();
    expect(m.contactPersons.map((p: { name: string }) => p.name)).toEqual(['Butikschef Berit']);
    expect(m.mergedFrom).toEqual([expect.objectContaining({ id: from.id, name: 'Netto, Vejle Nord' })]);

    const old = (await broker.request('GET', `/api/v1/employers/${from.id}`)).json();
    expect(old).toMatchObject({ mergedIntoId: into.id, contacts: [] });
    const list = (await broker.request('GET', '/api/v1/employers?q=netto')).json();
    expect(list.items.map((e: { id: string }) => e.id)).toEqual([into.id]);
    const again = await broker.request('POST', `/api/v1/employers/${into.id}/merge`, { fromEmployerId: from.id, version: 2 });
    expect(again.statusCode).toBe(400);

    const audits = await t.connection.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'employer'), eq(auditLog.action, 'update')));
    const mergeRows = audits.filter((a) => a.subjectId === into.id || a.subjectId === from.id);
    expect(mergeRows.map((a) => (a.details as { merge?: string }).merge).sort()).toEqual(['from', 'into']);
  });

  it('refuses to merge employers with different CVR numbers and changes nothing', async () => {
    const a = await newEmployer({ cvr: '20000058', name: 'Alfa' });
    const b = await newEmployer({ cvr: '20000066', name: 'Beta' });
    const res = await broker.request('POST', `/api/v1/employers/${a.id}/merge`, { fromEmployerId: b.id, version: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.fromEmployerId).toMatch(/forskellige CVR-numre/);
    const [row] = await t.connection.db.select().from(employers).where(eq(employers.id, b.id));
    expect(row!.mergedIntoId).toBeNull();
  });

  it('lets a caseworker read employers but not change them', async () => {
    const res = await caseworker.request('POST', '/api/v1/employers', { name: 'Ikke tilladt' });
    expect(res.statusCode).toBe(403);
  });
});
