import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, like } from 'drizzle-orm';
import { jobseekers, outbox } from '../../src/db/schema';
import { createTestApp, loginAs, type TestApp } from '../support/app';
import { clearContactCourseData, findDemoOrganisation, insertSpellWithConversations } from '../support/contact-course';
import { testDatabaseKind } from '../support/db';

let t: TestApp;
let conversationId: string;

beforeAll(async () => {
  t = await createTestApp();
  await clearContactCourseData(t.connection.db);
  const org = await findDemoOrganisation(t.connection.db, 'Demo A-kasse');
  const vera = org.staff['vejleder@akasse.demo']!;
  const jobseekerId = org.jobseekerIds[2]!;
  await t.connection.db.update(jobseekers).set({ email: 'booket@example.dk', phone: '+4522334455', preferredLanguage: 'da' }).where(eq(jobseekers.id, jobseekerId));
  ({ conversationIds: [conversationId!] } = await insertSpellWithConversations(t.connection.db, {
    organisationId: org.id,
    jobseekerId,
    caseworkerId: vera.id,
    unitId: vera.unitId,
    startDate: '2026-10-26',
    conversations: [{ type: 'cv_contact', label: 'CV-samtale', earliest: '2026-10-26', latest: '2026-11-20' }],
  }));
});
afterAll(async () => t?.close());

const notes = () => t.connection.db.select().from(outbox).where(like(outbox.idempotencyKey, `%${conversationId}%`)).orderBy(asc(outbox.createdAt), asc(outbox.template));

describe(`booking notifications on ${testDatabaseKind}`, () => {
  it('a booking sends a confirmation at once and schedules an SMS reminder two days before; a move replaces the reminder; a cancellation withdraws it', async () => {
    const vera = await loginAs(t.app, 'vejleder@akasse.demo');
    const booked = await vera.request('POST', `/api/v1/conversations/${conversationId}/book`, { version: 1, scheduledAt: '2026-11-10T10:00:00+01:00', durationMinutes: 45, mode: 'in_person', place: 'Vejle' });
    expect(booked.statusCode).toBe(200);
    let rows = await notes();
    expect(rows.map((r) => [r.template, r.channel, r.status])).toEqual([
      ['booking_confirmed', 'email', 'queued'],
      ['meeting_reminder', 'sms', 'queued'],
    ]);
    expect(rows[0]!.subject).toBe('Bekræftelse: CV-samtale tirsdag den 10. november 2026 kl. 10.00');
    expect(rows[1]!.nextAttemptAt.toISOString()).toBe('2026-11-08T09:00:00.000Z');
    expect(rows[1]!.body).toContain('Husk din samtale');

    t.clock.advance(60_000);
    const moved = await vera.request('POST', `/api/v1/conversations/${conversationId}/move`, { version: booked.json().version, scheduledAt: '2026-11-12T13:00:00+01:00', durationMinutes: 45, mode: 'phone', reason: 'Medlemmet er til jobsamtale.' });
    expect(moved.statusCode).toBe(200);
    rows = await notes();
    expect(rows.map((r) => [r.template, r.status])).toEqual([
      ['booking_confirmed', 'queued'],
      ['meeting_reminder', 'cancelled'],
      ['booking_confirmed', 'queued'],
      ['meeting_reminder', 'queued'],
    ]);
    expect(rows[3]!.nextAttemptAt.toISOString()).toBe('2026-11-10T12:00:00.000Z');

    t.clock.advance(60_000);
    const cancelled = await vera.request('POST', `/api/v1/conversations/${conversationId}/cancel`, { version: moved.json().version, reason: 'Sygdom' });
    expect(cancelled.statusCode).toBe(200);
    rows = await notes();
    expect(rows.map((r) => [r.template, r.status])).toEqual([
      ['booking_confirmed', 'queued'],
      ['meeting_reminder', 'cancelled'],
      ['booking_confirmed', 'queued'],
      ['meeting_reminder', 'cancelled'],
      ['booking_cancelled', 'queued'],
    ]);
    expect(rows[4]!.body).toContain('torsdag den 12. november 2026');
  });
});
