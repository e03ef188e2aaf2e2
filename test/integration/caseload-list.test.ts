import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { auditLog, closingDays, tasks } from '../../src/db/schema';
import { createTestApp, loginAs, TEST_TODAY, type Session, type TestApp } from '../support/app';
import { clearContactCourseData, findDemoOrganisation, insertSpellWithConversations, type DemoOrganisation } from '../support/contact-course';

let t: TestApp;
let vera: Session;
let akasse: DemoOrganisation;
const spell: Record<string, string> = {};
const conversation: Record<string, string> = {};

type Row = { spellId: string; light: string; nextConversation: { id: string; latest: string | null } | null; jobseeker: { lastName: string }; openTaskCount: number };

beforeAll(async () => {
  t = await createTestApp();
  await clearContactCourseData(t.connection.db);
  vera = await loginAs(t.app, 'vejleder@akasse.demo');
  akasse = await findDemoOrganisation(t.connection.db, 'Demo A-kasse');
  const me = akasse.staff['vejleder@akasse.demo']!;
  const birgitte = akasse.staff['vejleder2@akasse.demo']!;
  const people = [...akasse.jobseekerIds];
  const add = async (key: string, over: Partial<Parameters<typeof insertSpellWithConversations>[1]> = {}) => {
    const { spellId, conversationIds } = await insertSpellWithConversations(t.connection.db, {
      organisationId: akasse.id,
      jobseekerId: people.pop()!,
      caseworkerId: me.id,
      unitId: me.unitId,
      startDate: '2026-10-12',
      ...over,
    });
    spell[key] = spellId;
    conversationIds.forEach((id, i) => (conversation[`${key}${i}`] = id));
  };
  // Today is Monday 2 November 2026; five working days on is Monday 9 November.
  await add('overdue', { conversations: [{ type: 'cv_contact', latest: '2026-10-30' }] });
  await add('today', { conversations: [{ latest: '2026-11-02', status: 'booked', scheduledAt: new Date('2026-11-02T13:00:00Z') }] });
  await add('fifthDay', { conversations: [{ latest: '2026-11-09' }] });
  await add('sixthDay', { conversations: [{ latest: '2026-11-10' }] });
  await add('nothingOpen', { conversations: [{ latest: '2026-10-20', status: 'held', heldOn: '2026-10-19' }] });
  await add('mandatoryFirst', { conversations: [{ latest: '2026-10-20', mandatory: false }, { latest: '2026-11-20' }] });
  await add('noSegment', { segment: null, targetGroup: 'kontanthjaelp_jobparat', conversations: [{ latest: '2026-12-30' }] });
  await add('ended', { status: 'ended', endDate: '2026-10-25', endReason: 'ordinary_job', conversations: [{ latest: '2026-10-20' }] });
  await add('colleague', { caseworkerId: birgitte.id, unitId: birgitte.unitId, conversations: [{ latest: '2026-10-01' }] });
  await t.connection.db.insert(tasks).values({ id: randomUUID(), organisationId: akasse.id, spellId: spell.overdue!, kind: 'manual', title: 'Ring til borgeren', dueDate: '2026-11-03', assigneeId: me.id });
});
afterAll(async () => t?.close());

async function list(query = '', session = vera): Promise<{ items: Row[]; total: number; today: string; dueSoonUntil: string; scope: { caseworkerId: string | null } }> {
  const res = await session.request('GET', `/api/v1/caseload${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const ids = (rows: Row[]) => rows.map((r) => Object.keys(spell).find((k) => spell[k] === r.spellId));

describe('my caseload', () => {
  it('shows a caseworker their own active spells, overdue first, then by deadline', async () => {
    const page = await list();
    expect(page.scope.caseworkerId).toBe(akasse.staff['vejleder@akasse.demo']!.id);
    expect(page).toMatchObject({ today: TEST_TODAY, dueSoonUntil: '2026-11-09', total: 7 });
    expect(ids(page.items)).toEqual(['overdue', 'today', 'fifthDay', 'sixthDay', 'mandatoryFirst', 'noSegment', 'nothingOpen']);
    expect(page.items.map((r) => r.light)).toEqual(['overdue', 'due_soon', 'due_soon', 'ok', 'ok', 'ok', 'ok']);
  });

  it('shows the next talk: open, mandatory before optional, with its window and booking', async () => {
    const { items } = await list();
    const byKey = (key: string) => items.find((r) => r.spellId === spell[key])!;
    expect(byKey('mandatoryFirst').nextConversation!.id).toBe(conversation.mandatoryFirst1);
    expect(byKey('nothingOpen').nextConversation).toBeNull();
    expect(byKey('today').nextConversation).toMatchObject({ status: 'booked', latest: '2026-11-02', scheduledAt: '2026-11-02T13:00:00.000Z', label: 'Kontaktsamtale' });
    expect(byKey('overdue')).toMatchObject({ openTaskCount: 1, segment: 'hk-1', targetGroup: 'dagpenge', unit: { name: 'Afdeling Nord' }, caseworker: { name: 'Vera Vejleder' } });
  });

  it('counts working days over a weekend: on Friday a deadline the Tuesday after is due soon', async () => {
    t.clock.set('2026-11-06T09:00:00Z');
    try {
      // Sessions expire; log in again at the new date.
      const friday = await loginAs(t.app, 'vejleder@akasse.demo');
      const page = await list('', friday);
      expect(page.dueSoonUntil).toBe('2026-11-13');
      const light = (key: string) => page.items.find((r) => r.spellId === spell[key])!.light;
      expect([light('today'), light('fifthDay'), light('sixthDay'), light('mandatoryFirst')]).toEqual(['overdue', 'due_soon', 'due_soon', 'ok']);
    } finally {
      t.clock.set(`${TEST_TODAY}T09:00:00Z`);
    }
  });

  it('skips Christmas holidays and the organisation’s closing days when counting "due soon"', async () => {
    t.clock.set('2026-12-21T09:00:00Z');
    try {
      const monday = await loginAs(t.app, 'vejleder@akasse.demo');
      // 22, 23, 24, 28, 29 December: 25 and 26 are holidays, 27 a Sunday.
      let page = await list('?light=due_soon', monday);
      expect(page.dueSoonUntil).toBe('2026-12-29');
      expect(ids(page.items)).toEqual([]);
      await t.connection.db.insert(closingDays).values({ id: randomUUID(), organisationId: akasse.id, day: '2026-12-24', reason: 'Juleaften' });
      page = await list('?light=due_soon', monday);
      expect(page.dueSoonUntil).toBe('2026-12-30');
      expect(ids(page.items)).toEqual(['noSegment']);
    } finally {
      await t.connection.db.delete(closingDays).where(eq(closingDays.organisationId, akasse.id));
      t.clock.set(`${TEST_TODAY}T09:00:00Z`);
    }
  });

  it.each([
    ['?light=overdue', ['overdue']],
    ['?light=due_soon', ['today', 'fifthDay']],
    ['?segment=none', ['noSegment']],
    ['?segment=hk-1&light=ok', ['sixthDay', 'mandatoryFirst', 'nothingOpen']],
    ['?targetGroup=kontanthjaelp_jobparat', ['noSegment']],
    ['?status=ended', ['ended']],
    ['?scope=unit&light=overdue', ['overdue']],
    ['?scope=organisation&light=overdue', ['colleague', 'overdue']],
  ])('filters with %s', async (query, expected) => {
    expect(ids((await list(query)).items)).toEqual(expected);
  });

  it('pages in the database: three pages of three give the whole list once', async () => {
    const whole = await list('?sort=name');
    const pages = await Promise.all([1, 2, 3].map((page) => list(`?sort=name&pageSize=3&page=${page}`)));
    expect(pages.map((p) => p.total)).toEqual([7, 7, 7]);
    expect(pages.flatMap((p) => p.items.map((r) => r.spellId))).toEqual(whole.items.map((r) => r.spellId));
    const reversed = await list('?sort=-name');
    expect(reversed.items.map((r) => r.spellId)).toEqual([...whole.items.map((r) => r.spellId)].reverse());
  });

  it('sorts by start date', async () => {
    const { items } = await list('?sort=startDate&status=all');
    expect(items.map((r) => (r as unknown as { startDate: string }).startDate).every((d) => d === '2026-10-12')).toBe(true);
  });

  it('writes one audit row per listing, with the criteria and the jobseekers shown', async () => {
    await list('?light=overdue');
    const [row] = await t.connection.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organisationId, akasse.id), eq(auditLog.subjectType, 'caseload')))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(row).toMatchObject({ action: 'search', actorId: akasse.staff['vejleder@akasse.demo']!.id });
    expect(row!.details).toMatchObject({ criteria: { light: 'overdue', caseworkerId: akasse.staff['vejleder@akasse.demo']!.id }, total: 1 });
  });

  it('shows another organisation none of these spells', async () => {
    const karl = await loginAs(t.app, 'konsulent@jobcenter.demo');
    expect((await list('?scope=organisation&status=all', karl)).total).toBe(0);
  });

  it('answers a wrong filter with a field message in Danish', async () => {
    const res = await vera.request('GET', '/api/v1/caseload?light=lilla&pageSize=0');
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['light', 'pageSize']);
  });

  it('is closed to brokers and admins', async () => {
    for (const email of ['formidler@akasse.demo', 'admin@akasse.demo']) {
      expect((await (await loginAs(t.app, email)).request('GET', '/api/v1/caseload')).statusCode).toBe(403);
    }
  });
});
