import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../src/db/schema';
import { createTestApp, loginAs, type Session, type TestApp } from '../support/app';
import { clearContactCourseData, findDemoOrganisation, insertSpellWithConversations, type DemoOrganisation } from '../support/contact-course';

let t: TestApp;
let akasse: DemoOrganisation;
let lise: Session;
const spell: Record<string, string> = {};

// Four spells starting in July 2026, assessed on 2 November 2026. First talk window 1–14 July, second 19 August – 22 September.
const first = { earliest: '2026-07-01', latest: '2026-07-14' };
const second = { earliest: '2026-08-19', latest: '2026-09-22' };

beforeAll(async () => {
  t = await createTestApp();
  await clearContactCourseData(t.connection.db);
  akasse = await findDemoOrganisation(t.connection.db, 'Demo A-kasse');
  lise = await loginAs(t.app, 'leder@akasse.demo');
  const nord = akasse.units.find((u) => u.name === 'Afdeling Nord')!.id;
  const midt = akasse.units.find((u) => u.name === 'Afdeling Midt')!.id;
  const add = async (key: string, unitId: string, conversations: Parameters<typeof insertSpellWithConversations>[1]['conversations'], startDate = '2026-07-01') => {
    spell[key] = (await insertSpellWithConversations(t.connection.db, { organisationId: akasse.id, jobseekerId: akasse.jobseekerIds[Object.keys(spell).length]!, unitId, startDate, conversations })).spellId;
  };
  await add('onTime', nord, [
    { ...first, status: 'held', heldOn: '2026-07-08' },
    { ...second, status: 'held', heldOn: '2026-09-01' },
  ]);
  await add('late', nord, [
    { ...first, status: 'held', heldOn: '2026-07-20' },
    { ...second, status: 'held', heldOn: '2026-09-22' },
    { ...first, status: 'superseded' },
  ]);
  await add('exempted', nord, [
    { ...first, status: 'exempted' },
    { ...second, status: 'exempted' },
  ]);
  await add('missed', midt, [{ ...first, status: 'no_show', scheduledAt: new Date('2026-07-10T08:00:00Z') }, { ...second }]);
  await add('lastYear', nord, [{ earliest: '2025-07-01', latest: '2025-07-14', status: 'held', heldOn: '2025-07-02' }], '2025-07-01');
});
afterAll(async () => t?.close());

describe('compliance of one spell', () => {
  it('shows each mandatory talk against its window, leaving out replaced talks, and logs the read', async () => {
    const res = await lise.request('GET', `/api/v1/spells/${spell.late}/compliance`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.talks.map((x: { outcome: string; heldOn: string; latest: string }) => [x.outcome, x.heldOn, x.latest])).toEqual([
      ['late', '2026-07-20', '2026-07-14'],
      ['on_time', '2026-09-22', '2026-09-22'],
    ]);
    expect(body).toMatchObject({ onTime: 'not_on_time', twoTalks: { status: 'met', counted: 2, deadline: '2026-10-01' }, exempted: false });
    const audits = await t.connection.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'spell_compliance'), eq(auditLog.subjectId, spell.late!)));
    expect(audits).toHaveLength(1);
  });

  it('counts a no-show whose window closed as missed', async () => {
    const body = (await lise.request('GET', `/api/v1/spells/${spell.missed}/compliance`)).json();
    expect(body.talks.map((x: { outcome: string }) => x.outcome)).toEqual(['missed', 'missed']);
    expect(body.twoTalks.status).toBe('missed');
  });

  it('answers 404 for an unknown spell', async () => {
    expect((await lise.request('GET', '/api/v1/spells/00000000-0000-4000-8000-000000000000/compliance')).statusCode).toBe(404);
  });
});

describe('compliance of a unit over a period', () => {
  it('gives the three shares for the organisation on a hand-made set', async () => {
    const res = await lise.request('GET', '/api/v1/compliance?from=2026-07-01&to=2026-07-31');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      today: '2026-11-02',
      period: { from: '2026-07-01', to: '2026-07-31' },
      unitId: null,
      spells: 4,
      onTime: { met: 1, failed: 2, pending: 0, notApplicable: 1, share: 1 / 3 },
      twoTalksInThreeMonths: { met: 2, failed: 2, pending: 0, notApplicable: 0, share: 0.5 },
      exempted: { count: 1, share: 0.25, ceiling: 0.25, overCeiling: false },
      organisationExempted: { count: 1, share: 0.25, ceiling: 0.25, overCeiling: false, spells: 4 },
    });
  });

  it('narrows to a unit, and still says whether the organisation as a whole is over the ceiling', async () => {
    const nord = akasse.units.find((u) => u.name === 'Afdeling Nord')!.id;
    const body = (await lise.request('GET', `/api/v1/compliance?unitId=${nord}&from=2026-07-01&to=2026-07-31`)).json();
    expect(body).toMatchObject({ spells: 3, exempted: { count: 1, overCeiling: true }, organisationExempted: { share: 0.25, overCeiling: false } });
  });

  it('looks back 12 months by default', async () => {
    const body = (await lise.request('GET', '/api/v1/compliance')).json();
    expect(body.period).toEqual({ from: '2025-11-02', to: '2026-11-02' });
    expect(body.spells).toBe(4);
  });

  it('refuses a period that ends before it starts, in Danish', async () => {
    const res = await lise.request('GET', '/api/v1/compliance?from=2026-08-01&to=2026-07-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ from: 'Fra-datoen skal ligge før til-datoen.' });
  });

  it('is open to caseworkers and managers, not to brokers', async () => {
    expect((await (await loginAs(t.app, 'vejleder@akasse.demo')).request('GET', '/api/v1/compliance')).statusCode).toBe(200);
    expect((await (await loginAs(t.app, 'formidler@akasse.demo')).request('GET', '/api/v1/compliance')).statusCode).toBe(403);
  });
});
