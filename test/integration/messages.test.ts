import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like, sql } from 'drizzle-orm';
import { jobseekers, outbox, staff, tasks } from '../../src/db/schema';
import type { TenantContext } from '../../src/server/context';
import { escalateOverdueInquiries } from '../../src/server/messages/escalate';
import { createMessageService } from '../../src/server/messages/service';
import { AppError } from '../../src/server/errors';
import { createTestApp, loginAs, type Session, type TestApp } from '../support/app';
import { clearContactCourseData, findDemoOrganisation, insertSpellWithConversations, type DemoOrganisation } from '../support/contact-course';
import { testDatabaseKind } from '../support/db';
import { portalLoginAs } from '../support/portal';

let t: TestApp;
let org: DemoOrganisation;
let jobseekerId: string;
let otherJobseekerId: string;
let messages: ReturnType<typeof createMessageService>;

const PDF = Buffer.from('%PDF-1.4\n% a tiny test file\n');

function asJobseeker(id: string): TenantContext {
  return { organisationId: org.id, actor: { kind: 'jobseeker', id }, purpose: 'portal', lang: 'da', clock: t.clock };
}

beforeAll(async () => {
  t = await createTestApp();
  await clearContactCourseData(t.connection.db);
  // The demo's threads are left out: this file counts exactly the messages it writes.
  await t.connection.db.execute(sql`truncate table message_attachments, messages, message_threads`);
  org = await findDemoOrganisation(t.connection.db, 'Demo A-kasse');
  const v = org.staff['vejleder@akasse.demo']!;
  jobseekerId = org.jobseekerIds[0]!;
  otherJobseekerId = org.jobseekerIds[1]!;
  await t.connection.db.update(jobseekers).set({ email: 'jobsoger@example.dk', preferredLanguage: 'en' }).where(eq(jobseekers.id, jobseekerId));
  await insertSpellWithConversations(t.connection.db, { organisationId: org.id, jobseekerId, caseworkerId: v.id, unitId: v.unitId, startDate: '2026-10-19' });
  await insertSpellWithConversations(t.connection.db, { organisationId: org.id, jobseekerId: otherJobseekerId, caseworkerId: v.id, unitId: v.unitId, startDate: '2026-10-19' });
  messages = createMessageService({ db: t.connection.db });
});

/** Staff log in at the test's own time (the clock moves over weeks here, sessions last 12 hours). */
const vera = {
  request: async (...args: Parameters<Session['request']>) => (await loginAs(t.app, 'vejleder@akasse.demo')).request(...args),
};
afterAll(async () => t?.close());

async function alertsTo(recipient: string) {
  return t.connection.db.select().from(outbox).where(and(eq(outbox.recipient, recipient), like(outbox.template, 'message_%')));
}

describe(`secure messages on ${testDatabaseKind}`, () => {
  let threadId: string;

  it('a job inquiry sent on a Friday afternoon goes to the caseworker with an answer due the next Wednesday, and she is told by e-mail', async () => {
    t.clock.set('2026-11-27T14:00:00Z'); // Friday 15:00 in Copenhagen
    const thread = await messages.startThread(asJobseeker(jobseekerId), {
      subject: 'Job i Vejle',
      category: 'job',
      body: 'Må jeg søge et job som lagerarbejder i Vejle?',
      attachments: [{ fileName: 'ansøgning.pdf', contentType: 'application/pdf', contentBase64: PDF.toString('base64') }],
    });
    threadId = thread.id;
    expect(thread).toMatchObject({ status: 'open', caseworker: { name: 'Vera Vejleder' }, answerDueAt: '2026-12-02T14:00:00.000Z' });
    const alerts = await alertsTo('vejleder@akasse.demo');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.body).toContain('svar senest');
    expect(alerts[0]!.body).not.toContain('lagerarbejder'); // no message content leaves the system
  });

  it('shows in the caseworker’s inbox as unread and awaiting; reading it marks it read and the attachment downloads', async () => {
    const inbox = await vera.request('GET', '/api/v1/messages?box=mine');
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json().items).toEqual([expect.objectContaining({ id: threadId, unread: 1, overdue: false, awaitingSince: '2026-11-27T14:00:00.000Z' })]);
    const thread = await vera.request('GET', `/api/v1/messages/${threadId}`);
    expect(thread.statusCode).toBe(200);
    const attachment = thread.json().messages[0].attachments[0];
    expect(attachment).toMatchObject({ fileName: 'ansøgning.pdf', contentType: 'application/pdf', sizeBytes: PDF.length });
    const file = await vera.request('GET', `/api/v1/message-attachments/${attachment.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect((await vera.request('GET', '/api/v1/messages?box=mine')).json().items[0].unread).toBe(0);
  });

  it('the answer ends the wait, records the working time it took, and tells the jobseeker in English without the text', async () => {
    t.clock.set('2026-11-30T09:30:00Z'); // Monday 10:30: 1 h on Friday + 2.5 h on Monday
    const answered = await vera.request('POST', `/api/v1/messages/${threadId}/replies`, { body: 'Ja, det må du gerne. Husk at skrive det i joblogen.' });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'answered', awaitingSince: null, answerDueAt: null });
    expect(answered.json().messages[0]).toMatchObject({ answeredAt: '2026-11-30T09:30:00.000Z' });
    const alerts = await alertsTo('jobsoger@example.dk');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ language: 'en', subject: 'You have a new message from Demo A-kasse' });
    expect(alerts[0]!.body).not.toContain('joblogen');

    const seen = await messages.getThread(asJobseeker(jobseekerId), threadId);
    expect(seen.messages.map((m) => [m.authorKind, m.authorName])).toEqual([
      ['jobseeker', null],
      ['staff', 'Vera Vejleder'],
    ]);
    expect(seen.messages[1]!.body).toContain('Ja, det må du gerne');
    const list = await messages.listForJobseeker(asJobseeker(jobseekerId), jobseekerId, { page: 1, pageSize: 10 });
    expect(list.items[0]).toMatchObject({ id: threadId, unread: 0 });
  });

  it('another jobseeker can neither read the thread nor its list', async () => {
    await expect(messages.getThread(asJobseeker(otherJobseekerId), threadId)).rejects.toThrow(AppError);
    await expect(messages.listForJobseeker(asJobseeker(otherJobseekerId), jobseekerId, { page: 1, pageSize: 10 })).rejects.toThrow(AppError);
    await expect(messages.reply(asJobseeker(otherJobseekerId), threadId, { body: 'Hej' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('goes to the unit while the caseworker is away, and an unanswered inquiry escalates to the manager once', async () => {
    expect((await vera.request('PUT', '/api/v1/messages/away', { away: true })).json()).toMatchObject({ away: true });
    t.clock.set('2026-12-01T08:00:00Z'); // Tuesday 09:00
    const thread = await messages.startThread(asJobseeker(otherJobseekerId), { subject: 'Spørgsmål', category: 'job', body: 'Hvornår er mit næste møde?' });
    expect(thread.caseworker).toBeNull();
    expect(thread.answerDueAt).toBe('2026-12-04T08:00:00.000Z');
    expect(await alertsTo('vejleder@akasse.demo')).toHaveLength(1); // the away caseworker is not alerted again
    await vera.request('PUT', '/api/v1/messages/away', { away: false });

    // Not yet due: nothing happens.
    t.clock.set('2026-12-04T07:59:00Z');
    expect(await escalateOverdueInquiries(t.connection.db, t.clock)).toMatchObject({ escalated: 0 });
    t.clock.set('2026-12-04T08:15:00Z');
    expect(await escalateOverdueInquiries(t.connection.db, t.clock)).toMatchObject({ overdue: 1, escalated: 1 });
    expect(await escalateOverdueInquiries(t.connection.db, t.clock)).toMatchObject({ overdue: 0, escalated: 0 });
    const lise = org.staff['leder@akasse.demo']!;
    const raised = await t.connection.db.select().from(tasks).where(eq(tasks.kind, 'message_overdue'));
    expect(raised).toEqual([expect.objectContaining({ assigneeId: lise.id, jobseekerId: otherJobseekerId, status: 'open' })]);
    const mail = await t.connection.db.select().from(outbox).where(eq(outbox.template, 'message_overdue'));
    expect(mail).toEqual([expect.objectContaining({ recipient: 'leder@akasse.demo', staffId: lise.id })]);
    const inbox = await vera.request('GET', '/api/v1/messages?box=mine&awaiting=true');
    expect(inbox.json().items).toEqual([expect.objectContaining({ id: thread.id, overdue: true, escalatedAt: '2026-12-04T08:15:00.000Z' })]);

    // Handled by phone: the inquiry counts as answered now, late.
    const handled = await vera.request('POST', `/api/v1/messages/${thread.id}/handled`, {});
    expect(handled.json()).toMatchObject({ status: 'handled', awaitingSince: null });
  });

  it('reports the share of inquiries answered within the promise to managers', async () => {
    const lise = await loginAs(t.app, 'leder@akasse.demo');
    const kpi = await lise.request('GET', '/api/v1/messages/answer-promise?from=2026-11-01&to=2026-12-31');
    expect(kpi.statusCode).toBe(200);
    expect(kpi.json()).toMatchObject({ inquiries: 2, answeredWithinPromise: 1, share: 0.5, medianAnswerWorkingMinutes: (210 + 24 * 60 + 15) / 2 });
    expect((await vera.request('GET', '/api/v1/messages/answer-promise?from=2026-11-01&to=2026-12-31')).statusCode).toBe(403);
    // The same figure is an indicator of the library; two inquiries are too few to show.
    const values = await lise.request('GET', '/api/v1/indicators/values?asOf=2026-12-31');
    expect(values.statusCode).toBe(200);
    expect(values.json().values.find((v: { code: string }) => v.code === 'answer_promise_share').value).toMatchObject({ status: 'suppressed', n: 1 });
  });

  it('refuses an empty message and a file that is not what it claims, naming the field, and stores nothing', async () => {
    const before = await t.connection.db.execute(sql`select count(*)::int as n from message_threads`);
    const res = await vera.request('POST', '/api/v1/messages', {
      jobseekerId,
      subject: 'Til dig',
      category: 'other',
      body: ' ',
      attachments: [{ fileName: 'cv.pdf', contentType: 'application/pdf', contentBase64: Buffer.from('MZ not a pdf').toString('base64') }],
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['attachments.0', 'body']);
    const after = await t.connection.db.execute(sql`select count(*)::int as n from message_threads`);
    expect((after as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe((before as unknown as { rows: { n: number }[] }).rows[0]!.n);
  });

  it('lets the caseworker write first from the case page, with no answer promise on her own message', async () => {
    const res = await vera.request('POST', '/api/v1/messages', { jobseekerId, subject: 'Husk CV', category: 'other', body: 'Kan du sende dit CV inden fredag?' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'answered', answerDueAt: null, caseworker: { name: 'Vera Vejleder' } });
    const list = await vera.request('GET', `/api/v1/jobseekers/${jobseekerId}/messages`);
    expect(list.json().total).toBe(2);
    const [v] = await t.connection.db.select({ away: staff.away }).from(staff).where(eq(staff.email, 'vejleder@akasse.demo'));
    expect(v!.away).toBe(false);
  });
});

describe(`the portal's messages on ${testDatabaseKind}`, () => {
  it('a jobseeker writes a job inquiry in the portal, reads the answer, and downloads only their own files', async () => {
    t.clock.set('2026-12-07T09:00:00Z'); // Monday 10:00
    const me = await portalLoginAs(t.app, t.connection.db, jobseekerId);
    const sent = await me.request('POST', '/api/portal/messages', {
      subject: 'Jobsamtale',
      category: 'job',
      body: 'Jeg er kaldt til jobsamtale. Kan vi flytte mødet?',
      attachments: [{ fileName: 'indkaldelse.pdf', contentType: 'application/pdf', contentBase64: PDF.toString('base64') }],
    });
    expect(sent.statusCode).toBe(201);
    const thread = sent.json();
    expect(thread).toMatchObject({ answerDueAt: '2026-12-10T09:00:00.000Z', escalatedAt: null });
    expect(thread.messages[0]).toMatchObject({ authorKind: 'jobseeker', authorName: null, answerDueAt: null });

    t.clock.advance(10 * 60_000);
    const staffReply = await vera.request('POST', `/api/v1/messages/${thread.id}/replies`, { body: 'Ja, vi flytter det. Jeg ringer i morgen.' });
    expect(staffReply.statusCode).toBe(200);
    const list = await me.request('GET', '/api/portal/messages');
    expect(list.json().items.find((i: { id: string }) => i.id === thread.id)).toMatchObject({ unread: 1 });
    const read = await me.request('GET', `/api/portal/messages/${thread.id}`);
    expect(read.json().messages.map((m: { body: string }) => m.body)).toEqual(['Jeg er kaldt til jobsamtale. Kan vi flytte mødet?', 'Ja, vi flytter det. Jeg ringer i morgen.']);
    expect((await me.request('GET', '/api/portal/messages')).json().items.find((i: { id: string }) => i.id === thread.id)).toMatchObject({ unread: 0 });
    const file = await me.request('GET', `/api/portal/message-attachments/${thread.messages[0].attachments[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);

    // A second jobseeker tries every portal message route with the first one's ids: not found, nothing written.
    const other = await portalLoginAs(t.app, t.connection.db, otherJobseekerId);
    const attempts = [
      await other.request('GET', `/api/portal/messages/${thread.id}`),
      await other.request('POST', `/api/portal/messages/${thread.id}/replies`, { body: 'Hej' }),
      await other.request('GET', `/api/portal/message-attachments/${thread.messages[0].attachments[0].id}`),
    ];
    expect(attempts.map((a) => a.statusCode)).toEqual([404, 404, 404]);
    expect((await other.request('GET', '/api/portal/messages')).json().items.map((i: { id: string }) => i.id)).not.toContain(thread.id);
    expect((await me.request('GET', `/api/portal/messages/${thread.id}`)).json().messages).toHaveLength(2);
    // Without a portal session, nothing.
    expect((await t.app.inject({ method: 'GET', url: '/api/portal/messages' })).statusCode).toBe(401);
  });
});
