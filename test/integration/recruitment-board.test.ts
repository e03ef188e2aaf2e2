import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { auditLog, employers, organisations, outbox, staff } from '../../src/db/schema';
import { addDays } from '../../src/core/calendar/iso-date';
import { createTestApp, loginAs, TEST_TODAY, type Session, type TestApp } from '../support/app';
import { rowCounts } from '../support/routes';

let t: TestApp;
let broker: Session;
let caseworker: Session;
let manager: Session;
let admin: Session;
let otherOrg: Session;
const ids: Record<string, string> = {};
const counts: Record<string, number> = {};
const EXPIRES = addDays(TEST_TODAY, 30);

beforeAll(async () => {
  t = await createTestApp();
  broker = await loginAs(t.app, 'formidler@akasse.demo');
  caseworker = await loginAs(t.app, 'vejleder@akasse.demo');
  manager = await loginAs(t.app, 'leder@akasse.demo');
  admin = await loginAs(t.app, 'admin@akasse.demo');
  otherOrg = await loginAs(t.app, 'leder@jobcenter.demo');
  for (const s of await t.connection.db.select({ id: staff.id, email: staff.email }).from(staff)) ids[s.email] = s.id;
});
afterAll(async () => t?.close());

const internship = { kind: 'internship', title: 'Praktikplads som SSA', text: '13 ugers praktik på Solsortvej med mulighed for ansættelse.', occupationCode: '5321', municipalityCode: 630, places: 2, expiresOn: EXPIRES };
const noticesOf = (postId: string) => t.connection.db.select().from(outbox).where(like(outbox.idempotencyKey, `board_post:${postId}:%`));

describe('recruitment board', () => {
  it('has demo posts of every kind for both organisations, so the page is not empty on first start', async () => {
    for (const session of [caseworker, otherOrg]) {
      const res = await session.request('GET', '/api/v1/board-posts?pageSize=100');
      expect(new Set(res.json().items.map((p: { kind: string }) => p.kind))).toEqual(new Set(['opening', 'labour_need', 'internship']));
    }
  });

  it('lets staff subscribe to the whole board or to filters, and the same filters twice give one subscription', async () => {
    const whole = await manager.request('POST', '/api/v1/board-subscriptions', {});
    expect(whole.statusCode, whole.body).toBe(201);
    expect(whole.json()).toMatchObject({ kind: null, occupationGroup: null, municipalityCode: null });
    const again = await manager.request('POST', '/api/v1/board-subscriptions', { kind: null });
    expect(again.json().id).toBe(whole.json().id);
    const filtered = await caseworker.request('POST', '/api/v1/board-subscriptions', { kind: 'internship', occupationGroup: '532' });
    expect(filtered.statusCode).toBe(201);
    // The author subscribes too, to prove authors are not told of their own posts.
    expect((await broker.request('POST', '/api/v1/board-subscriptions', {})).statusCode).toBe(201);
    // The jobcenter's manager subscribes to their own board: nothing of the a-kasse's may reach them.
    expect((await otherOrg.request('POST', '/api/v1/board-subscriptions', {})).statusCode).toBe(201);
    const mine = await caseworker.request('GET', '/api/v1/board-subscriptions');
    // The demo data already has the caseworker following internship places.
    expect(mine.json().items).toEqual([expect.objectContaining({ kind: 'internship', occupationGroup: null }), expect.objectContaining({ kind: 'internship', occupationGroup: '532', municipalityCode: null })]);
  });

  it('tells every subscriber a new post concerns by e-mail, but not its author nor another organisation', async () => {
    const res = await broker.request('POST', '/api/v1/board-posts', internship);
    expect(res.statusCode, res.body).toBe(201);
    const post = res.json();
    expect(post).toMatchObject({ kind: 'internship', status: 'open', places: 2, expired: false, canEdit: true, author: { name: 'Frede Formidler' }, occupationTitle: { da: expect.any(String) } });
    ids.internship = post.id;
    const notices = await noticesOf(post.id);
    const told = notices.map((n) => n.staffId);
    expect(told).toContain(ids['leder@akasse.demo']);
    expect(told).toContain(ids['vejleder@akasse.demo']);
    expect(told).not.toContain(ids['formidler@akasse.demo']);
    expect(told).not.toContain(ids['leder@jobcenter.demo']);
    // Once each, though the caseworker has two subscriptions the post concerns.
    expect(new Set(told).size).toBe(told.length);
    counts.internshipNotices = told.length;
    const toCaseworker = notices.find((n) => n.staffId === ids['vejleder@akasse.demo'])!;
    expect(toCaseworker).toMatchObject({ template: 'board_post_new', channel: 'email', recipient: 'vejleder@akasse.demo', language: 'da', subject: 'Nyt på rekrutteringstavlen: Praktikplads som SSA' });
    expect(toCaseworker.body).toMatch(/Praktikplads: Praktikplads som SSA/);
    expect(toCaseworker.body).toMatch(/Kommune: Vejle/);
    const audits = await t.connection.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'board_post'), eq(auditLog.subjectId, post.id)));
    expect(audits.map((a) => a.action)).toEqual(['create']);
  });

  it('does not tell a subscriber of another kind or trade', async () => {
    const res = await broker.request('POST', '/api/v1/board-posts', { ...internship, kind: 'opening', title: 'Pædagog søges', text: 'Fast stilling, 32 timer.', occupationCode: '2342' });
    expect(res.statusCode).toBe(201);
    ids.opening = res.json().id;
    expect((await noticesOf(ids.opening!)).map((n) => n.staffId)).toEqual([ids['leder@akasse.demo']]);
  });

  it('refuses bad input with a Danish message naming each field, and writes nothing', async () => {
    const before = await rowCounts(t.connection.db, ['sessions']);
    const res = await broker.request('POST', '/api/v1/board-posts', { ...internship, title: ' ', municipalityCode: 999, occupationCode: '0000', places: 0, kind: 'job' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({
      kind: 'Vælg typen: ledig stilling, rekrutteringsbehov eller praktikplads.',
      title: 'Feltet skal udfyldes.',
      occupationCode: 'Vælg en stilling (DISCO-08) fra listen.',
      municipalityCode: 'Vælg en af de 98 kommuner.',
      places: 'Antal pladser skal være et helt tal mellem 1 og 999.',
    });
    const past = await broker.request('POST', '/api/v1/board-posts', { ...internship, expiresOn: addDays(TEST_TODAY, -1) });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields).toEqual({ expiresOn: 'Udløbsdatoen ligger i fortiden.' });
    const [jobcenter] = await t.connection.db.select().from(organisations).where(eq(organisations.name, 'Demo Jobcenter'));
    const [foreignEmployer] = await t.connection.db.select().from(employers).where(eq(employers.organisationId, jobcenter!.id)).limit(1);
    const foreign = await broker.request('POST', '/api/v1/board-posts', { ...internship, employerId: foreignEmployer!.id });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields).toEqual({ employerId: 'Vælg en virksomhed fra listen.' });
    const badSub = await caseworker.request('POST', '/api/v1/board-subscriptions', { occupationGroup: '999' });
    expect(badSub.json().error.fields).toEqual({ occupationGroup: 'Vælg en faggruppe (DISCO-08, 3 cifre) fra listen.' });
    expect(await rowCounts(t.connection.db, ['sessions'])).toEqual(before);
  });

  it('keeps each organisation to its own board', async () => {
    const theirs = await otherOrg.request('GET', '/api/v1/board-posts?status=all');
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().items.map((p: { id: string }) => p.id)).not.toContain(ids.internship);
    expect((await otherOrg.request('GET', `/api/v1/board-posts/${ids.internship}`)).statusCode).toBe(404);
    expect((await otherOrg.request('POST', `/api/v1/board-posts/${ids.internship}/close`, { version: 1, reason: 'filled' })).statusCode).toBe(404);
    expect((await otherOrg.request('PATCH', `/api/v1/board-posts/${ids.internship}`, { version: 1, title: 'Overtaget' })).statusCode).toBe(404);
    expect((await admin.request('GET', '/api/v1/board-posts')).statusCode).toBe(403);
  });

  it('lets only the author or a manager close a post with a reason, and reopen it to undo a mistake', async () => {
    const id = ids.internship!;
    const notAuthor = await caseworker.request('POST', `/api/v1/board-posts/${id}/close`, { version: 1, reason: 'filled' });
    expect(notAuthor.statusCode).toBe(403);
    expect((await caseworker.request('GET', `/api/v1/board-posts/${id}`)).json().canEdit).toBe(false);
    const noReason = await broker.request('POST', `/api/v1/board-posts/${id}/close`, { version: 1 });
    expect(noReason.json().error.fields.reason).toBe('Vælg en grund til at lukke opslaget.');
    const closed = await broker.request('POST', `/api/v1/board-posts/${id}/close`, { version: 1, reason: 'mistake' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closedReason: 'mistake', closedByName: 'Frede Formidler', version: 2 });
    const open = await caseworker.request('GET', '/api/v1/board-posts');
    expect(open.json().items.map((p: { id: string }) => p.id)).not.toContain(id);
    const closedList = await caseworker.request('GET', '/api/v1/board-posts?status=closed');
    expect(closedList.json().items.map((p: { id: string }) => p.id)).toContain(id);
    expect((await broker.request('POST', `/api/v1/board-posts/${id}/reopen`, { version: 1 })).statusCode).toBe(409);
    const reopened = await manager.request('POST', `/api/v1/board-posts/${id}/reopen`, { version: 2 });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'open', closedReason: null, closedAt: null, version: 3 });
    const edited = await broker.request('PATCH', `/api/v1/board-posts/${id}`, { version: 3, places: 3 });
    expect(edited.json()).toMatchObject({ places: 3, version: 4 });
    const audits = await t.connection.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'board_post'), eq(auditLog.subjectId, id)));
    expect(audits.map((a) => (a.details as { change?: string } | null)?.change ?? a.action)).toEqual(['create', 'close', 'reopen', 'update']);
    // A reopened post is not news: nobody is told twice.
    expect(await noticesOf(id)).toHaveLength(counts.internshipNotices!);
  });

  it('searches title, text and employer name, filters, sorts and pages', async () => {
    const employer = (await broker.request('GET', '/api/v1/employers?pageSize=1')).json().items[0];
    const withEmployer = await broker.request('POST', '/api/v1/board-posts', { kind: 'labour_need', title: 'Mangler hænder til sæsonen', employerId: employer.id, municipalityCode: 101, expiresOn: addDays(TEST_TODAY, 5) });
    expect(withEmployer.statusCode, withEmployer.body).toBe(201);
    const list = (query: string) => caseworker.request('GET', `/api/v1/board-posts?${query}`).then((r) => r.json());
    const byEmployer = await list(`q=${encodeURIComponent(employer.name.split(' ')[0])}`);
    expect(byEmployer.items.map((p: { id: string }) => p.id)).toContain(withEmployer.json().id);
    expect((await list('q=SOLSORTVEJ')).items.map((p: { id: string }) => p.id)).toEqual([ids.internship]);
    expect((await list('kind=opening')).items.every((p: { kind: string }) => p.kind === 'opening')).toBe(true);
    expect((await list('occupation=532')).items.every((p: { occupationCode: string }) => p.occupationCode.startsWith('532'))).toBe(true);
    const inCopenhagen = (await list('municipalityCode=101')).items;
    expect(inCopenhagen.map((p: { id: string }) => p.id)).toContain(withEmployer.json().id);
    expect(inCopenhagen.every((p: { municipalityCode: number }) => p.municipalityCode === 101)).toBe(true);
    const soonest = await list('sort=expires&pageSize=1');
    expect(soonest.items[0].id).toBe(withEmployer.json().id);
    expect(soonest.pageSize).toBe(1);
    const page2 = await list('sort=expires&pageSize=1&page=2');
    expect(page2.total).toBe(soonest.total);
    expect(page2.items[0].id).not.toBe(soonest.items[0].id);
    const bad = await caseworker.request('GET', '/api/v1/board-posts?sort=random&occupation=ab');
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['occupation', 'sort']);
  });

  it('lets staff end their own subscriptions only', async () => {
    const mine = (await caseworker.request('GET', '/api/v1/board-subscriptions')).json().items as { id: string }[];
    expect(mine).toHaveLength(2);
    expect((await manager.request('DELETE', `/api/v1/board-subscriptions/${mine[0]!.id}`)).statusCode).toBe(404);
    for (const s of mine) expect((await caseworker.request('DELETE', `/api/v1/board-subscriptions/${s.id}`)).statusCode).toBe(204);
    expect((await caseworker.request('GET', '/api/v1/board-subscriptions')).json().items).toEqual([]);
    expect((await caseworker.request('DELETE', `/api/v1/board-subscriptions/${mine[0]!.id}`)).statusCode).toBe(404);
    // Unsubscribed, the caseworker hears of no new internship place.
    const post = await broker.request('POST', '/api/v1/board-posts', { ...internship, title: 'Endnu en praktikplads' });
    expect((await noticesOf(post.json().id)).map((n) => n.staffId)).not.toContain(ids['vejleder@akasse.demo']);
  });
});
