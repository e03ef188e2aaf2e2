import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { employerContacts, employers, jobOrders, jobseekerCvs, organisations } from '../../src/db/schema';
import { createTestApp, loginAs, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('demo brokering data', () => {
  it('gives both demo organisations employers, contacts, job orders and CVs', async () => {
    const db = t.connection.db;
    for (const org of await db.select().from(organisations)) {
      const n = async (table: typeof employers | typeof employerContacts | typeof jobOrders | typeof jobseekerCvs) =>
        (await db.select({ n: count() }).from(table).where(eq(table.organisationId, org.id)))[0]!.n;
      expect(await n(employers), org.name).toBe(12);
      expect(await n(employerContacts), org.name).toBeGreaterThanOrEqual(12);
      const orders = async (status: 'open' | 'filled') => (await db.select({ n: count() }).from(jobOrders).where(and(eq(jobOrders.organisationId, org.id), eq(jobOrders.status, status))))[0]!.n;
      // Nine open orders in every response state, and the filled orders behind the demo's hires.
      expect(await orders('open'), org.name).toBe(9);
      expect(await orders('filled'), org.name).toBeGreaterThanOrEqual(5);
      expect(await n(jobOrders), org.name).toBe(9 + (await orders('filled')));
      expect(await n(jobseekerCvs), org.name).toBeGreaterThan(10);
    }
  });

  it('lets the demo broker open a job order that waits for an answer and see ranked candidates with reasons', async () => {
    const broker = await loginAs(t.app, 'formidler@akasse.demo');
    const orders = (await broker.request('GET', '/api/v1/job-orders?status=open')).json();
    expect(orders.total).toBe(9);
    const states = new Set(orders.items.map((o: { responseState: string }) => o.responseState));
    expect(states.size).toBeGreaterThanOrEqual(2);
    let withCandidates = 0;
    for (const o of orders.items) {
      const c = (await broker.request('GET', `/api/v1/job-orders/${o.id}/candidates?radiusKm=500`)).json();
      if (c.items.length > 0) {
        withCandidates++;
        expect(c.items[0].summary.da).toMatch(/stilling/);
      }
    }
    expect(withCandidates).toBeGreaterThanOrEqual(5);
  });
});
