import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { auditLog, spells, tasks } from '../../src/db/schema';
import { syncSpellTasks } from '../../src/server/tasks/sync-spell-tasks';
import { systemContext } from '../../src/server/system-context';
import { createTestApp, loginAs, type Session, type TestApp } from '../support/app';
import { clearContactCourseData, findDemoOrganisation, insertSpellWithConversations, type DemoOrganisation } from '../support/contact-course';

let t: TestApp;
let akasse: DemoOrganisation;
let teamleader: Session;
let lise: Session;
let vera: Session;
const spell: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  await clearContactCourseData(t.connection.db);
  akasse = await findDemoOrganisation(t.connection.db, 'Demo A-kasse');
  const nord = akasse.units.find((u) => u.name === 'Afdeling Nord')!;
  const admin = await loginAs(t.app, 'admin@akasse.demo');
  const created = await admin.request('POST', '/api/v1/staff', { email: 'teamleder.nord@akasse.demo', name: 'Tove Teamleder', role: 'manager', unitId: nord.id, password: 'lang-nok-adgangskode' });
  expect(created.statusCode).toBe(201);
  teamleader = await loginAs(t.app, 'teamleder.nord@akasse.demo', 'lang-nok-adgangskode');
  lise = await loginAs(t.app, 'leder@akasse.demo');
  vera = await loginAs(t.app, 'vejleder@akasse.demo');
  const me = akasse.staff['vejleder@akasse.demo']!;
  const birgitte = akasse.staff['vejleder2@akasse.demo']!;
  const people = [...akasse.jobseekerIds];
  const add = async (key: string, caseworker: { id: string; unitId: string | null } | null, unitId: string | null) => {
    const { spellId } = await insertSpellWithConversations(t.connection.db, {
      organisationId: akasse.id,
      jobseekerId: people.shift()!,
      caseworkerId: caseworker?.id ?? null,
      unitId,
      startDate: '2026-10-26',
      segment: null,
      conversations: [{ type: 'cv_contact', latest: '2026-11-09' }],
    });
    spell[key] = spellId;
  };
  await add('vera1', me, me.unitId);
  await add('vera2', me, me.unitId);
  await add('birgitte', birgitte, birgitte.unitId);
  await add('unassigned', null, nord.id);
  const ctx = systemContext(akasse.id, t.clock, 'test');
  await t.connection.db.transaction(async (tx) => {
    for (const id of Object.values(spell)) await syncSpellTasks(tx, ctx, id);
  });
});
afterAll(async () => t?.close());

const keys = (body: { items: { spellId: string }[] }) => body.items.map((r) => Object.keys(spell).find((k) => spell[k] === r.spellId)).sort();

describe('a manager’s view of the caseload', () => {
  it('a manager with a unit sees the unit’s spells by default, and can widen to the organisation', async () => {
    const unit = (await teamleader.request('GET', '/api/v1/caseload')).json();
    expect(unit.scope).toEqual({ caseworkerId: null, unitId: akasse.units.find((u) => u.name === 'Afdeling Nord')!.id });
    expect(keys(unit)).toEqual(['unassigned', 'vera1', 'vera2']);
    expect(keys((await teamleader.request('GET', '/api/v1/caseload?scope=organisation')).json())).toEqual(['birgitte', 'unassigned', 'vera1', 'vera2']);
    expect(keys((await teamleader.request('GET', '/api/v1/caseload?caseworkerId=none')).json())).toEqual(['unassigned']);
  });

  it('a manager without a unit sees the whole organisation', async () => {
    expect(keys((await lise.request('GET', '/api/v1/caseload')).json())).toEqual(['birgitte', 'unassigned', 'vera1', 'vera2']);
  });
});

describe('reassigning spells', () => {
  const birgitte = () => akasse.staff['vejleder2@akasse.demo']!;
  const state = async () =>
    t.connection.db
      .select({ id: spells.id, caseworkerId: spells.caseworkerId, unitId: spells.unitId, version: spells.version })
      .from(spells)
      .where(eq(spells.organisationId, akasse.id))
      .orderBy(spells.id);

  it('a caseworker may not reassign: 403, and nothing changes', async () => {
    const before = await state();
    const res = await vera.request('POST', '/api/v1/caseload/reassign', { spellIds: [spell.vera1], caseworkerId: birgitte().id });
    expect(res.statusCode).toBe(403);
    expect(await state()).toEqual(before);
  });

  it('refuses a caseworker of another organisation, naming the field, and changes nothing', async () => {
    const jobcenter = await findDemoOrganisation(t.connection.db, 'Demo Jobcenter');
    const before = await state();
    const res = await teamleader.request('POST', '/api/v1/caseload/reassign', { spellIds: [spell.vera1], caseworkerId: jobcenter.staff['konsulent@jobcenter.demo']!.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ caseworkerId: 'Vælg en aktiv sagsbehandler i organisationen.' });
    expect(await state()).toEqual(before);
  });

  it('is all or nothing: one unknown spell gives 404 and no spell moves', async () => {
    const before = await state();
    const res = await teamleader.request('POST', '/api/v1/caseload/reassign', { spellIds: [spell.vera1, '00000000-0000-4000-8000-000000000000'], caseworkerId: birgitte().id });
    expect(res.statusCode).toBe(404);
    expect(await state()).toEqual(before);
  });

  it('moves the spells, their unit and their open tasks to the new caseworker, with an audit row per spell', async () => {
    const res = await teamleader.request('POST', '/api/v1/caseload/reassign', { spellIds: [spell.vera1, spell.vera2, spell.vera1], caseworkerId: birgitte().id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ reassigned: 2 });
    const moved = (await state()).filter((s) => s.id === spell.vera1 || s.id === spell.vera2);
    expect(moved.map((s) => [s.caseworkerId, s.unitId, s.version])).toEqual([
      [birgitte().id, birgitte().unitId, 2],
      [birgitte().id, birgitte().unitId, 2],
    ]);
    const openTasks = await t.connection.db.select().from(tasks).where(and(inArray(tasks.spellId, [spell.vera1!, spell.vera2!]), eq(tasks.status, 'open')));
    expect(openTasks.length).toBeGreaterThan(0);
    expect(new Set(openTasks.map((task) => task.assigneeId))).toEqual(new Set([birgitte().id]));
    const audits = await t.connection.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'spell'), eq(auditLog.action, 'update')));
    expect(audits.map((a) => a.subjectId).sort()).toEqual([spell.vera1, spell.vera2].sort());
    expect(audits[0]!.details).toMatchObject({ fields: ['caseworkerId', 'unitId'], toCaseworkerId: birgitte().id });
    // Vera's own caseload no longer has them.
    expect(keys((await vera.request('GET', '/api/v1/caseload')).json())).toEqual([]);
  });
});
