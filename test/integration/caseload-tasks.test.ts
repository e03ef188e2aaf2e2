import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { auditLog, conversations, spells, tasks } from '../../src/db/schema';
import { sweepAllSpellTasks, syncSpellTasks } from '../../src/server/tasks/sync-spell-tasks';
import { systemContext } from '../../src/server/system-context';
import type { TenantContext } from '../../src/server/context';
import { createTestApp, loginAs, type Session, type TestApp } from '../support/app';
import { clearContactCourseData, findDemoOrganisation, insertSpellWithConversations, type DemoOrganisation } from '../support/contact-course';

let t: TestApp;
let akasse: DemoOrganisation;
let vera: Session;
let ctx: TenantContext;
let spellId: string;
let cvTalk: string;
let contactTalk: string;

beforeAll(async () => {
  t = await createTestApp();
  await clearContactCourseData(t.connection.db);
  akasse = await findDemoOrganisation(t.connection.db, 'Demo A-kasse');
  vera = await loginAs(t.app, 'vejleder@akasse.demo');
  ctx = systemContext(akasse.id, t.clock, 'test');
  const me = akasse.staff['vejleder@akasse.demo']!;
  // Today is Monday 2 November 2026.
  const inserted = await insertSpellWithConversations(t.connection.db, {
    organisationId: akasse.id,
    jobseekerId: akasse.jobseekerIds[0]!,
    caseworkerId: me.id,
    unitId: me.unitId,
    startDate: '2026-10-19',
    segment: null,
    passed410On: '2026-10-31',
    conversations: [
      { type: 'cv_contact', latest: '2026-11-13' },
      { type: 'contact', latest: '2026-10-30', status: 'booked', scheduledAt: new Date('2026-11-04T08:00:00Z') },
      { type: 'availability', label: 'Rådighedssamtale', latest: '2026-11-20', status: 'no_show', scheduledAt: new Date('2026-10-28T08:00:00Z') },
    ],
  });
  spellId = inserted.spellId;
  [cvTalk, contactTalk] = inserted.conversationIds as [string, string];
});
afterAll(async () => t?.close());

const sync = () => t.connection.db.transaction((tx) => syncSpellTasks(tx, ctx, spellId));
const taskRows = () => t.connection.db.select().from(tasks).where(eq(tasks.spellId, spellId)).orderBy(asc(tasks.dedupeKey));
const taskByKey = async (key: string) => (await taskRows()).find((r) => r.dedupeKey === key)!;

describe('tasks raised from a spell', () => {
  it('raises one task per cause: book the CV talk, overdue talk, no-show follow-up, handover and segment', async () => {
    expect(await sync()).toEqual({ spells: 1, created: 5, updated: 0, closed: 0 });
    const rows = await taskRows();
    expect(rows.map((r) => [r.kind, r.dueDate])).toEqual([
      ['book_cv_talk', '2026-11-06'],
      ['handover_due', '2026-10-31'],
      ['no_show_follow_up', '2026-10-30'],
      ['overdue_talk', '2026-10-30'],
      ['segment_missing', '2026-11-13'],
    ]);
    expect(new Set(rows.map((r) => r.assigneeId))).toEqual(new Set([akasse.staff['vejleder@akasse.demo']!.id]));
  });

  it('is idempotent: running it again writes nothing', async () => {
    const before = await taskRows();
    expect(await sync()).toEqual({ spells: 1, created: 0, updated: 0, closed: 0 });
    expect(await taskRows()).toEqual(before);
  });

  it('lists the caseworker’s tasks with the overdue ones first and marked', async () => {
    const res = await vera.request('GET', '/api/v1/tasks');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { kind: string; overdue: boolean; dueDate: string; jobseeker: { id: string } }[];
    expect(items.map((i) => [i.overdue, i.dueDate])).toEqual([
      [true, '2026-10-30'],
      [true, '2026-10-30'],
      [true, '2026-10-31'],
      [false, '2026-11-06'],
      [false, '2026-11-13'],
    ]);
    expect(items[0]!.jobseeker.id).toBe(akasse.jobseekerIds[0]);
  });

  it('closes a task by itself when its cause goes (the CV talk was booked), and reopens it when the booking is cancelled', async () => {
    await t.connection.db.update(conversations).set({ status: 'booked', scheduledAt: new Date('2026-11-05T08:00:00Z') }).where(eq(conversations.id, cvTalk));
    expect(await sync()).toEqual({ spells: 1, created: 0, updated: 0, closed: 1 });
    expect(await taskByKey(`book_cv:${cvTalk}`)).toMatchObject({ status: 'done', completedBy: null });
    await t.connection.db.update(conversations).set({ status: 'planned', scheduledAt: null }).where(eq(conversations.id, cvTalk));
    expect(await sync()).toEqual({ spells: 1, created: 0, updated: 1, closed: 0 });
    expect(await taskByKey(`book_cv:${cvTalk}`)).toMatchObject({ status: 'open', completedAt: null });
  });

  it('lets a caseworker mark a task done and undo it; a task a person closed stays closed when the sweep runs', async () => {
    const task = await taskByKey(`overdue:${contactTalk}`);
    const done = await vera.request('PATCH', `/api/v1/tasks/${task.id}`, { status: 'done' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', overdue: false, completedBy: akasse.staff['vejleder@akasse.demo']!.id });
    expect(await sync()).toEqual({ spells: 1, created: 0, updated: 0, closed: 0 });
    expect((await taskByKey(`overdue:${contactTalk}`)).status).toBe('done');
    const undone = await vera.request('PATCH', `/api/v1/tasks/${task.id}`, { status: 'open' });
    expect(undone.json()).toMatchObject({ status: 'open', overdue: true, completedAt: null, completedBy: null });
    const audits = await t.connection.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'task'), eq(auditLog.action, 'update'))).orderBy(asc(auditLog.id));
    expect(audits.map((a) => a.details)).toEqual([
      { fields: ['status'], from: 'open', to: 'done' },
      { fields: ['status'], from: 'done', to: 'open' },
    ]);
  });

  it('lists done tasks when asked, and refuses an unknown status', async () => {
    await vera.request('PATCH', `/api/v1/tasks/${(await taskByKey(`segment:${spellId}`)).id}`, { status: 'cancelled' });
    expect((await vera.request('GET', '/api/v1/tasks?status=cancelled')).json().total).toBe(1);
    const bad = await vera.request('PATCH', `/api/v1/tasks/${(await taskByKey(`segment:${spellId}`)).id}`, { status: 'glemt' });
    expect(bad.statusCode).toBe(400);
  });

  it('does not let another organisation see or change the tasks', async () => {
    const karl = await loginAs(t.app, 'konsulent@jobcenter.demo');
    const task = await taskByKey(`overdue:${contactTalk}`);
    expect((await karl.request('PATCH', `/api/v1/tasks/${task.id}`, { status: 'done' })).statusCode).toBe(404);
    expect((await karl.request('GET', '/api/v1/tasks?scope=organisation&status=all')).json().total).toBe(0);
  });
});

describe('the daily sweep', () => {
  it('gives every spell of every organisation the same tasks as syncing one by one, in batches, and a second run writes nothing', async () => {
    const me = akasse.staff['vejleder@akasse.demo']!;
    const extra: string[] = [];
    for (let i = 1; i <= 5; i += 1) {
      const { spellId: id } = await insertSpellWithConversations(t.connection.db, {
        organisationId: akasse.id,
        jobseekerId: akasse.jobseekerIds[i]!,
        caseworkerId: me.id,
        unitId: me.unitId,
        startDate: '2026-10-26',
        conversations: [{ type: 'cv_contact', latest: i % 2 === 0 ? '2026-10-30' : '2026-11-09' }],
      });
      extra.push(id);
    }
    const before = await taskRows();
    const first = await sweepAllSpellTasks(t.connection.db, t.clock, { batchSize: 2 });
    expect(first).toMatchObject({ organisations: 2, spells: 6, created: 5, updated: 0, closed: 0 });
    expect(await taskRows()).toEqual(before);
    const kinds = await t.connection.db.select({ spellId: tasks.spellId, kind: tasks.kind }).from(tasks).where(eq(tasks.organisationId, akasse.id));
    for (const [i, id] of extra.entries()) expect(kinds.filter((k) => k.spellId === id).map((k) => k.kind)).toEqual([(i + 1) % 2 === 0 ? 'overdue_talk' : 'book_cv_talk']);
    expect(await sweepAllSpellTasks(t.connection.db, t.clock, { batchSize: 2 })).toMatchObject({ spells: 6, created: 0, updated: 0, closed: 0 });
  });

  it('closes the open tasks of a spell that has ended', async () => {
    await t.connection.db.update(spells).set({ status: 'ended', endDate: '2026-11-02', endReason: 'ordinary_job' }).where(eq(spells.id, spellId));
    const result = await sweepAllSpellTasks(t.connection.db, t.clock);
    // book the CV talk, handover, no-show follow-up and the reopened overdue task; the cancelled one stays cancelled.
    expect(result.closed).toBe(4);
    expect((await taskByKey(`segment:${spellId}`)).status).toBe('cancelled');
    expect((await taskRows()).filter((r) => r.status === 'open')).toEqual([]);
  });
});
