import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { employers, jobOrders, organisations, outbox } from '../../src/db/schema';
import { createTestApp, loginAs, type Session, type TestApp } from '../support/app';

// TEST_TODAY is Monday 2026-11-02, 09:00 UTC.
let t: TestApp;
let broker: Session;
let akasseId: string;
let employerId: string;

beforeAll(async () => {
  t = await createTestApp();
  broker = await loginAs(t.app, 'formidler@akasse.demo');
  const [org] = await t.connection.db.select().from(organisations).where(eq(organisations.name, 'Demo A-kasse'));
  akasseId = org!.id;
  const e = await broker.request('POST', '/api/v1/employers', { cvr: '20000074', name: 'Vuggestuen Mariehønen', municipalityCode: 630 });
  employerId = e.json().id;
});
afterAll(async () => t?.close());

const order = (extra: Record<string, unknown> = {}) => ({
  employerId,
  title: 'Pædagog til vuggestue',
  occupationCode: '2342',
  description: '30 timer',
  skills: ['vuggestue', 'sprogvurdering'],
  municipalityCode: 630,
  hoursPerWeek: 30,
  kind: 'permanent',
  wantedStart: '2027-01-01',
  ...extra,
});

const publicForm = (extra: Record<string, unknown> = {}) => ({
  organisationId: akasseId,
  employer: { cvr: '20000082', name: 'Børnehaven Regnbuen', city: 'Kolding' },
  contactName: 'Mette Leder',
  contactEmail: 'mette@regnbuen.example',
  title: 'Pædagog, 32 timer',
  occupationCode: '2342',
  municipalityCode: 621,
  hoursPerWeek: 32,
  kind: 'permanent',
  responseHours: 24,
  ...extra,
});

describe('job orders by staff', () => {
  it('registers a job order whose response time of 24 hours starts now and is waiting until answered', async () => {
    const res = await broker.request('POST', '/api/v1/job-orders', order());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      employerName: 'Vuggestuen Mariehønen',
      occupationTitle: { da: 'Pædagog', en: 'Early childhood educator' },
      source: 'staff',
      status: 'open',
      responseHours: 24,
      responseDueAt: '2026-11-03T09:00:00.000Z',
      responseState: 'waiting',
      answeredAt: null,
    });
  });

  it('turns overdue after the wanted hours, and records who answered and when; a second answer changes nothing', async () => {
    const created = (await broker.request('POST', '/api/v1/job-orders', order({ responseHours: 4 }))).json();
    t.clock.advance(5 * 3_600_000);
    try {
      const overdue = (await broker.request('GET', '/api/v1/job-orders?response=overdue')).json();
      expect(overdue.items.map((o: { id: string }) => o.id)).toContain(created.id);
      const answered = await broker.request('POST', `/api/v1/job-orders/${created.id}/answer`, {});
      expect(answered.statusCode).toBe(200);
      expect(answered.json()).toMatchObject({ responseState: 'answered_late', answeredByName: 'Frede Formidler', answeredAt: '2026-11-02T14:00:00.000Z' });
      t.clock.advance(3_600_000);
      const again = (await broker.request('POST', `/api/v1/job-orders/${created.id}/answer`, {})).json();
      expect(again.answeredAt).toBe('2026-11-02T14:00:00.000Z');
      const late = (await broker.request('GET', '/api/v1/job-orders?response=answered_late')).json();
      expect(late.items.map((o: { id: string }) => o.id)).toContain(created.id);
    } finally {
      t.clock.set('2026-11-02T09:00:00Z');
    }
  });

  it('refuses an unknown occupation code, a deadline in the past and an unknown employer, each beside its field', async () => {
    const res = await broker.request('POST', '/api/v1/job-orders', order({ occupationCode: '9999', deadline: '2026-10-01' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.occupationCode).toMatch(/DISCO-08/);
    const past = await broker.request('POST', '/api/v1/job-orders', order({ deadline: '2026-10-01' }));
    expect(past.json().error.fields.deadline).toMatch(/fortiden/);
    const unknown = await broker.request('POST', '/api/v1/job-orders', order({ employerId: '00000000-0000-4000-8000-000000000000' }));
    expect(unknown.json().error.fields.employerId).toBeDefined();
  });

  it('changes a job order with its version and refuses a stale one', async () => {
    const created = (await broker.request('POST', '/api/v1/job-orders', order())).json();
    const changed = await broker.request('PATCH', `/api/v1/job-orders/${created.id}`, { version: 1, status: 'filled', skills: ['vuggestue'] });
    expect(changed.json()).toMatchObject({ status: 'filled', skills: ['vuggestue'], version: 2 });
    expect((await broker.request('PATCH', `/api/v1/job-orders/${created.id}`, { version: 1, status: 'open' })).statusCode).toBe(409);
  });

  it('does not let a caseworker register job orders', async () => {
    const cw = await loginAs(t.app, 'vejleder@akasse.demo');
    expect((await cw.request('POST', '/api/v1/job-orders', order())).statusCode).toBe(403);
    expect((await cw.request('GET', '/api/v1/job-orders')).statusCode).toBe(200);
  });
});

describe('the public job-order form', () => {
  it('names the organisation it sends to, and 404s for an unknown one', async () => {
    const form = await t.app.inject({ method: 'GET', url: `/api/public/job-order-form/${akasseId}` });
    expect(form.json()).toEqual({ organisation: { id: akasseId, name: 'Demo A-kasse', kind: 'akasse' } });
    expect((await t.app.inject({ method: 'GET', url: '/api/public/job-order-form/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
  });

  it('takes a job order without login, registers the employer from its CVR, and queues a receipt e-mail', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/public/job-orders', payload: publicForm(), remoteAddress: '10.0.0.1' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ reference: expect.stringMatching(/^[0-9A-F]{8}$/), responseDueAt: '2026-11-03T09:00:00.000Z' });
    const [employer] = await t.connection.db.select().from(employers).where(and(eq(employers.organisationId, akasseId), eq(employers.cvr, '20000082')));
    expect(employer).toMatchObject({ name: 'Børnehaven Regnbuen', source: 'web_form', municipalityCode: 621 });
    const orders = await t.connection.db.select().from(jobOrders).where(eq(jobOrders.employerId, employer!.id));
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ source: 'web_form', contactEmail: 'mette@regnbuen.example', createdBy: null });
    const [mail] = await t.connection.db.select().from(outbox).where(eq(outbox.idempotencyKey, `job_order_receipt:${orders[0]!.id}`));
    expect(mail).toMatchObject({ channel: 'email', recipient: 'mette@regnbuen.example', subject: 'Jobordre modtaget: Pædagog, 32 timer', organisationId: akasseId });
    expect(mail!.body).toContain('inden for 24 timer');

    // The broker sees it among the unanswered orders.
    const list = (await broker.request('GET', '/api/v1/job-orders?response=waiting')).json();
    expect(list.items.find((o: { id: string }) => o.id === orders[0]!.id)).toMatchObject({ source: 'web_form', employerName: 'Børnehaven Regnbuen' });

    // A second order from the same CVR lands on the same employer.
    await t.app.inject({ method: 'POST', url: '/api/public/job-orders', payload: publicForm({ title: 'Pædagogmedhjælper', occupationCode: '5311', language: 'en' }), remoteAddress: '10.0.0.1' });
    const again = await t.connection.db.select().from(jobOrders).where(eq(jobOrders.employerId, employer!.id));
    expect(again).toHaveLength(2);
  });

  it('refuses a form with a wrong CVR number in the language asked, and writes nothing', async () => {
    const before = await t.connection.db.select().from(jobOrders);
    const res = await t.app.inject({ method: 'POST', url: '/api/public/job-orders', payload: publicForm({ employer: { cvr: '20000083', name: 'X' } }), remoteAddress: '10.0.0.2', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields['employer.cvr']).toMatch(/check digit/);
    expect(await t.connection.db.select().from(jobOrders)).toHaveLength(before.length);
  });

  it('throttles one source address after 10 forms an hour, while another address can still send', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await t.app.inject({ method: 'POST', url: '/api/public/job-orders', payload: publicForm({ title: `Job ${i}` }), remoteAddress: '10.0.0.3' })).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 201)).toBe(true);
    expect(codes[10]).toBe(429);
    expect((await t.app.inject({ method: 'POST', url: '/api/public/job-orders', payload: publicForm(), remoteAddress: '10.0.0.4' })).statusCode).toBe(201);
    t.clock.advance(61 * 60_000);
    try {
      expect((await t.app.inject({ method: 'POST', url: '/api/public/job-orders', payload: publicForm(), remoteAddress: '10.0.0.3' })).statusCode).toBe(201);
    } finally {
      t.clock.set('2026-11-02T09:00:00Z');
    }
  });
});
