import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Connection } from '../../src/db/connect';
import { employers, jobOrders, jobseekerCvs, jobseekers, segmentAssessments, spells, staff } from '../../src/db/schema';
import { findOrCreateOrganisation, writeSyntheticData, type SyntheticOrganisation } from '../../src/db/seed/synthetic';
import { createCprCipher } from '../../src/server/crypto/cpr-cipher';
import { fixedClock } from '../../src/server/clock';
import { createMatchingService } from '../../src/server/brokering/matching';
import type { TenantContext } from '../../src/server/context';
import { parseCpr } from '../../src/core/identity/cpr';
import { isValidCvr } from '../../src/core/identity/cvr';
import { occupationGroup } from '../../src/core/reference/occupations';
import { createTestDatabase } from '../support/db';
import { TEST_CPR_KEY, TEST_TODAY } from '../support/constants';

// `jobspor gen` at a small scale: 300 synthetic jobseekers into a copy of the test database,
// and again into a second copy, to show the data is usable for matching and the same per seed.
const cipher = createCprCipher(TEST_CPR_KEY);
const LOAD = { seed: 7, today: TEST_TODAY, jobseekers: 300, employers: 15, jobOrders: 30 };
let first: Connection;
let second: Connection;
let org: SyntheticOrganisation;

async function load(conn: Connection): Promise<SyntheticOrganisation> {
  const o = await findOrCreateOrganisation(conn.db, 'Syntetisk A-kasse', LOAD.seed);
  await writeSyntheticData(conn.db, cipher, o, LOAD);
  return o;
}

async function snapshot(conn: Connection, organisationId: string) {
  const db = conn.db;
  const people = await db.select().from(jobseekers).where(eq(jobseekers.organisationId, organisationId)).orderBy(asc(jobseekers.id));
  return {
    // The ciphertext has a random IV each time; the keyed hash and the plain number must agree.
    people: people.map(({ cprCiphertext, ...rest }) => ({ ...rest, cpr: cipher.decrypt(cprCiphertext) })),
    spells: await db.select().from(spells).where(eq(spells.organisationId, organisationId)).orderBy(asc(spells.id)),
    assessments: await db.select().from(segmentAssessments).where(eq(segmentAssessments.organisationId, organisationId)).orderBy(asc(segmentAssessments.id)),
    cvs: await db.select().from(jobseekerCvs).where(eq(jobseekerCvs.organisationId, organisationId)).orderBy(asc(jobseekerCvs.jobseekerId)),
    employers: await db.select().from(employers).where(eq(employers.organisationId, organisationId)).orderBy(asc(employers.id)),
    jobOrders: await db.select().from(jobOrders).where(eq(jobOrders.organisationId, organisationId)).orderBy(asc(jobOrders.id)),
  };
}

beforeAll(async () => {
  first = await createTestDatabase();
  second = await createTestDatabase();
  org = await load(first);
  await load(second);
});
afterAll(async () => {
  await first?.close();
  await second?.close();
});

describe('synthetic data in the database', () => {
  it('writes jobseekers with an encrypted CPR number, a spell and a CV each, and employers with valid CVR numbers', async () => {
    const data = await snapshot(first, org.id);
    expect(org.created).toBe(true);
    expect(data.people).toHaveLength(300);
    expect(data.spells).toHaveLength(300);
    expect(data.cvs).toHaveLength(300);
    expect(data.employers).toHaveLength(15);
    expect(data.jobOrders).toHaveLength(30);
    for (const p of data.people) {
      expect(parseCpr(p.cpr)).toMatchObject({ ok: true, birthDate: p.birthDate, sex: p.sex });
      expect(p.cprHash).toBe(cipher.hash(p.cpr));
    }
    expect(data.employers.every((e) => e.cvr !== null && isValidCvr(e.cvr))).toBe(true);
    expect(data.assessments.length).toBeGreaterThan(250);
  });

  it('gives the same data for the same seed in a fresh database', async () => {
    const a = await snapshot(first, org.id);
    const b = await snapshot(second, org.id);
    expect(b).toEqual(a);
  });

  it('refuses to load the same seed twice into one database, and leaves it unchanged', async () => {
    await expect(writeSyntheticData(first.db, cipher, org, LOAD)).rejects.toThrow(/already been loaded/);
    const [n] = await first.db.select({ n: sql<number>`count(*)::int` }).from(jobseekers).where(eq(jobseekers.organisationId, org.id));
    expect(n!.n).toBe(300);
  });

  it('is usable for matching: a broker gets ranked candidates with reasons for a generated job order', async () => {
    const db = first.db;
    const brokerId = '00000000-0000-4000-8000-0000000000b1';
    await db.insert(staff).values({ id: brokerId, organisationId: org.id, email: 'formidler@syntetisk.invalid', name: 'Frida Formidler', role: 'broker', passwordHash: '!disabled' });
    // The open job order whose occupation group most CVs name, so the ranking has something to do.
    const orders = await db.select().from(jobOrders).where(and(eq(jobOrders.organisationId, org.id), eq(jobOrders.status, 'open'))).orderBy(asc(jobOrders.id));
    const cvs = await db.select({ wanted: jobseekerCvs.occupationsWanted, held: jobseekerCvs.occupationsHeld }).from(jobseekerCvs).where(eq(jobseekerCvs.organisationId, org.id));
    const reach = (code: string) => cvs.filter((c) => [...c.wanted, ...c.held].some((x) => occupationGroup(x) === occupationGroup(code))).length;
    const order = [...orders].sort((x, y) => reach(y.occupationCode) - reach(x.occupationCode))[0]!;
    const ctx: TenantContext = {
      organisationId: org.id,
      actor: { kind: 'staff', id: brokerId, role: 'broker', unitId: null, name: 'Frida Formidler' },
      purpose: 'test',
      lang: 'da',
      clock: fixedClock(`${TEST_TODAY}T09:00:00Z`),
    };
    const result = await createMatchingService({ db }).candidatesForJobOrder(ctx, order.id, { limit: 50, radiusKm: 500 });
    expect(result.items.length).toBeGreaterThan(0);
    const scores = result.items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    const top = result.items[0]!;
    expect(top.parts.find((p) => p.part === 'occupation')!.value).toBeGreaterThan(0);
    expect(top.summary.da).toMatch(/km/);
    expect(top.riskBand === null || ['low', 'medium', 'high'].includes(top.riskBand)).toBe(true);
    // The risk filter still works on generated profiling decisions.
    const high = await createMatchingService({ db }).candidatesForJobOrder(ctx, order.id, { limit: 50, radiusKm: 500, risk: 'high' });
    expect(high.items.length).toBeGreaterThan(0);
    expect(high.items.every((i) => i.riskBand === 'high')).toBe(true);
  });
});
