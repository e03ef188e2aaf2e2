import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, gt } from 'drizzle-orm';
import { organisations, orgTemplates, staff } from '../../src/db/schema';
import { syncShippedTemplates } from '../../src/server/templates/sync-templates';
import { createTestApp, loginAs, type TestApp } from '../support/app';

// A database made before an indicator's definition changed in templates/indicators gets the new
// definition as a new, visible version at the next start — unless the organisation edited it.
let t: TestApp;
let orgId: string;

const versions = (key: string) =>
  t.connection.db
    .select({ version: orgTemplates.version, definition: orgTemplates.definition, createdBy: orgTemplates.createdBy })
    .from(orgTemplates)
    .where(and(eq(orgTemplates.organisationId, orgId), eq(orgTemplates.kind, 'indicator'), eq(orgTemplates.key, key)))
    .orderBy(asc(orgTemplates.version));

const OLD_AWAITING = {
  code: 'talk_involving',
  name: { da: 'Samtalen var medinddragende og gav viden om arbejdsmarkedet', en: 'The talk was involving and gave labour-market knowledge' },
  description: { da: 'Afventer data fra tilfredshedsmålinger — vises ikke, før de findes.', en: 'Awaiting data from surveys.' },
  kind: 'awaiting',
  status: 'awaiting_data',
  awaitingFeature: 'surveys',
  unit: 'percent',
  direction: 'higher_is_better',
};

beforeAll(async () => {
  t = await createTestApp();
  const [org] = await t.connection.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, 'Demo Jobcenter'));
  orgId = org!.id;
});
afterAll(async () => t?.close());

describe('shipped indicator definitions', () => {
  it('are added as the next version when the file changed, once, and the library uses it', async () => {
    // As a database from before the survey question existed: version 1 still waits for data.
    await t.connection.db.update(orgTemplates).set({ definition: OLD_AWAITING }).where(and(eq(orgTemplates.organisationId, orgId), eq(orgTemplates.key, 'talk_involving')));
    const manager = await loginAs(t.app, 'leder@jobcenter.demo');
    const before = ((await manager.request('GET', '/api/v1/indicators')).json() as { code: string; status: string; version: number }[]).find((i) => i.code === 'talk_involving');
    expect(before).toMatchObject({ status: 'awaiting_data', version: 1 });

    await syncShippedTemplates(t.connection.db);
    await syncShippedTemplates(t.connection.db);
    const rows = await versions('talk_involving');
    expect(rows.map((r) => [r.version, (r.definition as { kind: string }).kind])).toEqual([
      [1, 'awaiting'],
      [2, 'satisfaction_share'],
    ]);
    const after = ((await manager.request('GET', '/api/v1/indicators')).json() as { code: string; status: string; version: number }[]).find((i) => i.code === 'talk_involving');
    expect(after).toMatchObject({ status: 'available', version: 2 });
    // Unchanged files add nothing.
    const newer = await t.connection.db.select({ key: orgTemplates.key }).from(orgTemplates).where(and(eq(orgTemplates.kind, 'indicator'), gt(orgTemplates.version, 1)));
    expect(newer.map((r) => r.key)).toEqual(['talk_involving']);
  });

  it('leave a version the organisation made itself alone', async () => {
    const [manager] = await t.connection.db.select({ id: staff.id }).from(staff).where(eq(staff.email, 'leder@jobcenter.demo'));
    const [v1] = await versions('self_booking');
    const own = { ...(v1!.definition as Record<string, unknown>), description: { da: 'Vores egen optælling af selvbooking, med en længere beskrivelse.', en: 'Our own count of self-booking.' } };
    await t.connection.db.insert(orgTemplates).values({ id: crypto.randomUUID(), organisationId: orgId, kind: 'indicator', key: 'self_booking', version: 2, definition: own, validFrom: '2020-01-01', createdBy: manager!.id });
    await syncShippedTemplates(t.connection.db, orgId);
    expect((await versions('self_booking')).map((r) => [r.version, r.createdBy])).toEqual([
      [1, null],
      [2, manager!.id],
    ]);
  });
});
