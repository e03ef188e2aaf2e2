import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, conversationEvents, conversations } from '../../src/db/schema';
import { createBookingService, type BookingService } from '../../src/server/booking/service';
import { createConversationService } from '../../src/server/conversations/service';
import { spellHooks } from '../../src/server/spells/spell-hooks';
import type { TenantContext } from '../../src/server/context';
import { AppError } from '../../src/server/errors';
import { createTestApp, loginAs, type Session, type TestApp } from '../support/app';
import { findDemoOrganisation, insertSpellWithConversations, type DemoOrganisation } from '../support/contact-course';
import { portalLoginAs } from '../support/portal';

// TEST_TODAY is Monday 2026-11-02, 09:00 UTC (10:00 in Copenhagen).
let t: TestApp;
let cw: Session;
let manager: Session;
let org: DemoOrganisation;
let booking: BookingService;
let vera: string;
let nextJobseeker = 0;

const WEEK = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '12:00', slotMinutes: 45, place: 'Afdeling Nord, lokale 2', modes: ['in_person', 'phone', 'video'] }));

function asJobseeker(jobseekerId: string, lang: 'da' | 'en' = 'da'): TenantContext {
  return { organisationId: org.id, actor: { kind: 'jobseeker', id: jobseekerId }, purpose: 'selvbooking', lang, clock: t.clock };
}

/** A fresh jobseeker of Vera's with a planned CV talk in the window 2 Nov – 20 Nov 2026. */
async function cvTalk(window: { earliest: string; latest: string } = { earliest: '2026-11-02', latest: '2026-11-20' }) {
  const jobseekerId = org.jobseekerIds[100 + nextJobseeker++]!;
  const { spellId, conversationIds } = await insertSpellWithConversations(t.connection.db, {
    organisationId: org.id,
    jobseekerId,
    caseworkerId: vera,
    startDate: '2026-11-02',
    conversations: [{ type: 'cv_contact', label: 'CV-samtale', ...window }],
  });
  // Give the talk a plan key, as a cadence talk has, so cancelling returns it to "planned".
  await t.connection.db.update(conversations).set({ planKey: 'cv#1' }).where(eq(conversations.id, conversationIds[0]!));
  return { jobseekerId, spellId, conversationId: conversationIds[0]! };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  t = await createTestApp();
  cw = await loginAs(t.app, 'vejleder@akasse.demo');
  manager = await loginAs(t.app, 'leder@akasse.demo');
  org = await findDemoOrganisation(t.connection.db, 'Demo A-kasse');
  vera = org.staff['vejleder@akasse.demo']!.id;
  booking = createBookingService({ db: t.connection.db, conversations: createConversationService({ db: t.connection.db, hooks: spellHooks }) });
  const res = await cw.request('PUT', `/api/v1/staff/${vera}/availability`, { blocks: WEEK });
  expect(res.statusCode).toBe(200);
});
afterAll(async () => t?.close());

describe('caseworkers publish availability', () => {
  it('keeps the weekly hours a caseworker publishes for herself', async () => {
    const res = await cw.request('GET', `/api/v1/staff/${vera}/availability`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ canEdit: true, caseworker: { name: 'Vera Vejleder' } });
    expect(res.json().weekly).toHaveLength(5);
    expect(res.json().weekly[0]).toMatchObject({ weekday: 1, start: '09:00', end: '12:00', slotMinutes: 45, modes: ['in_person', 'phone', 'video'] });
  });

  it('refuses overlapping hours on one weekday and hours ending before they start, and changes nothing', async () => {
    const res = await cw.request('PUT', `/api/v1/staff/${vera}/availability`, {
      blocks: [...WEEK, { weekday: 1, start: '11:00', end: '13:00', slotMinutes: 30, modes: ['phone'] }, { weekday: 2, start: '15:00', end: '14:00', slotMinutes: 30, modes: ['phone'] }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ 'blocks.5.end': 'Tidsrummet overlapper et andet tidsrum samme ugedag.', 'blocks.6.end': 'Sluttidspunktet skal ligge efter starttidspunktet.' });
    const bad = await cw.request('PUT', `/api/v1/staff/${vera}/availability`, { blocks: [{ weekday: 1, start: '9', end: '12:00', slotMinutes: 45, modes: [] }] });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['blocks.0.modes', 'blocks.0.start']);
    expect((await cw.request('GET', `/api/v1/staff/${vera}/availability`)).json().weekly).toHaveLength(5);
  });

  it('lets a manager edit a caseworker’s availability, but not one caseworker another’s', async () => {
    const birgitte = org.staff['vejleder2@akasse.demo']!.id;
    const denied = await cw.request('PUT', `/api/v1/staff/${birgitte}/availability`, { blocks: WEEK.slice(0, 1) });
    expect(denied.statusCode).toBe(403);
    const allowed = await manager.request('PUT', `/api/v1/staff/${birgitte}/availability`, { blocks: WEEK.slice(0, 2) });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json().weekly).toHaveLength(2);
    expect((await cw.request('GET', `/api/v1/staff/${birgitte}/availability`)).json().canEdit).toBe(false);
  });

  it('lists free slots only on working days, without days off and with extra hours', async () => {
    const off = await cw.request('POST', `/api/v1/staff/${vera}/availability/exceptions`, { day: '2026-12-21', kind: 'day_off', note: 'Kursus' });
    expect(off.statusCode).toBe(201);
    const extra = await cw.request('POST', `/api/v1/staff/${vera}/availability/exceptions`, { day: '2026-12-22', kind: 'extra', start: '13:00', end: '14:00', slotMinutes: 30, modes: ['video'] });
    expect(extra.statusCode).toBe(201);
    const missing = await cw.request('POST', `/api/v1/staff/${vera}/availability/exceptions`, { day: '2026-12-23', kind: 'extra' });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().error.fields).sort()).toEqual(['end', 'modes', 'slotMinutes', 'start']);
    const slots = (await cw.request('GET', `/api/v1/staff/${vera}/free-slots?from=2026-12-21&to=2026-12-28`)).json() as { day: string; start: string; modes: string[] }[];
    // 21 Dec day off; 25 and 26 Dec holidays; 27 Dec a Sunday.
    expect([...new Set(slots.map((s) => s.day))]).toEqual(['2026-12-22', '2026-12-23', '2026-12-24', '2026-12-28']);
    expect(slots.filter((s) => s.day === '2026-12-22').map((s) => s.start)).toEqual(['2026-12-22T08:00:00.000Z', '2026-12-22T08:45:00.000Z', '2026-12-22T09:30:00.000Z', '2026-12-22T10:15:00.000Z', '2026-12-22T12:00:00.000Z', '2026-12-22T12:30:00.000Z']);
    const removed = await cw.request('DELETE', `/api/v1/availability-exceptions/${off.json().id}`);
    expect(removed.statusCode).toBe(204);
    const after = (await cw.request('GET', `/api/v1/staff/${vera}/free-slots?from=2026-12-21&to=2026-12-21`)).json();
    expect(after.length).toBeGreaterThan(0);
  });
});

describe('a jobseeker books their own talk', () => {
  it('offers the caseworker’s free slots inside the window from the next working day, and books one as self-booked', async () => {
    const { jobseekerId, spellId, conversationId } = await cvTalk();
    const offer = await booking.slotsForConversation(asJobseeker(jobseekerId), conversationId);
    expect(offer.rules).toMatchObject({ minimumNoticeWorkingDays: 1, maxMovesByJobseeker: 2, cutoffHours: 24 });
    expect(offer.slots.length).toBeGreaterThan(0);
    expect(offer.slots.every((s) => s.day >= '2026-11-03' && s.day <= '2026-11-20')).toBe(true);
    const slot = offer.slots[0]!;
    const booked = await booking.bookSlot(asJobseeker(jobseekerId), conversationId, { version: 1, slotStart: slot.start, mode: 'video' });
    expect(booked).toMatchObject({ status: 'booked', scheduledAt: slot.start, selfBooked: true, mode: 'video', durationMinutes: 45, place: 'Afdeling Nord, lokale 2', caseworkerId: vera });
    const [ev] = await t.connection.db.select().from(conversationEvents).where(and(eq(conversationEvents.conversationId, conversationId), eq(conversationEvents.kind, 'booked')));
    expect(ev).toMatchObject({ actorKind: 'jobseeker', actorId: jobseekerId });
    // The caseworker sees the booking on the case page, marked as self-booked, and the slot is gone.
    const spell = (await cw.request('GET', `/api/v1/spells/${spellId}`)).json();
    expect(spell.conversations.find((c: { id: string }) => c.id === conversationId)).toMatchObject({ status: 'booked', scheduledAt: slot.start, selfBooked: true });
    const after = await booking.slotsForConversation(asJobseeker(jobseekerId), conversationId);
    expect(after.slots.map((s) => s.start)).not.toContain(slot.start);
  });

  it('refuses too little notice, a time outside the window and a time that is not a free slot, naming the rule in Danish and English', async () => {
    const { jobseekerId, conversationId } = await cvTalk({ earliest: '2026-11-02', latest: '2026-11-06' });
    const today = await failure(booking.bookSlot(asJobseeker(jobseekerId), conversationId, { version: 1, slotStart: '2026-11-02T14:00:00+01:00', mode: 'phone' }));
    expect(today.code).toBe('booking_rule_violated');
    expect(today.fields!.slotStart!.da).toContain('Reglen om varsel: En tid skal bookes mindst 1 arbejdsdag før. Den første mulige dag er 03-11-2026.');
    expect(today.fields!.slotStart!.da).toContain('Reglen om ledige tider');
    const late = await failure(booking.bookSlot(asJobseeker(jobseekerId, 'en'), conversationId, { version: 1, slotStart: '2026-11-09T09:00:00+01:00', mode: 'phone' }));
    expect(late.fields!.slotStart!.en).toBe("Rule on the talk's window: the talk must be between 2026-11-02 and 2026-11-06.");
    const offGrid = await failure(booking.bookSlot(asJobseeker(jobseekerId), conversationId, { version: 1, slotStart: '2026-11-04T09:10:00+01:00', mode: 'phone' }));
    expect(offGrid.fields!.slotStart!.da).toBe('Reglen om ledige tider: Tidspunktet er ikke en ledig tid hos din vejleder. Vælg en anden tid.');
    const [row] = await t.connection.db.select().from(conversations).where(eq(conversations.id, conversationId));
    expect(row).toMatchObject({ status: 'planned', version: 1, scheduledAt: null });
  });

  it('hides another jobseeker’s talk', async () => {
    const mine = await cvTalk();
    const theirs = await cvTalk();
    expect((await failure(booking.slotsForConversation(asJobseeker(mine.jobseekerId), theirs.conversationId))).code).toBe('not_found');
    expect((await failure(booking.bookSlot(asJobseeker(mine.jobseekerId), theirs.conversationId, { version: 1, slotStart: '2026-11-04T09:00:00+01:00', mode: 'phone' }))).code).toBe('not_found');
    expect((await failure(booking.cancelBooking(asJobseeker(mine.jobseekerId), theirs.conversationId, { version: 1 }))).code).toBe('not_found');
  });

  it('lets the jobseeker move a talk twice, then only staff; and not within 24 hours of the talk', async () => {
    const { jobseekerId, conversationId } = await cvTalk();
    const me = asJobseeker(jobseekerId);
    const free = (await booking.slotsForConversation(me, conversationId)).slots;
    let talk = await booking.bookSlot(me, conversationId, { version: 1, slotStart: free[2]!.start, mode: 'phone' });
    talk = await booking.moveToSlot(me, conversationId, { version: talk.version, slotStart: free[3]!.start, mode: 'phone' });
    talk = await booking.moveToSlot(me, conversationId, { version: talk.version, slotStart: free[4]!.start, mode: 'in_person', reason: 'Jobsamtale' });
    expect(talk).toMatchObject({ moveCount: 2, scheduledAt: free[4]!.start, mode: 'in_person' });
    const third = await failure(booking.moveToSlot(me, conversationId, { version: talk.version, slotStart: free[5]!.start, mode: 'phone' }));
    expect(third.code).toBe('booking_rule_violated');
    expect(third.fields!.conversation!.da).toBe('Reglen om flytninger: Du kan højst flytte eller aflyse en samtale 2 gange. Kontakt din vejleder.');
    expect((await failure(booking.cancelBooking(me, conversationId, { version: talk.version }))).fields!.conversation!.da).toContain('Reglen om flytninger');
    const offer = await booking.slotsForConversation(me, conversationId);
    expect(offer.changeBlockedBy.map((b) => b.rule)).toEqual(['max_moves']);

    // Staff may go past the rule, with a reason that is kept.
    const noReason = await cw.request('POST', `/api/v1/conversations/${conversationId}/move-slot`, { version: talk.version, slotStart: free[5]!.start, mode: 'phone', reason: 'Ønske fra medlemmet' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.overrideReason).toContain('antal flytninger');
    const withReason = await cw.request('POST', `/api/v1/conversations/${conversationId}/move-slot`, { version: talk.version, slotStart: free[5]!.start, mode: 'phone', reason: 'Ønske fra medlemmet', overrideReason: 'Medlemmet har fået en ny praktikplads' });
    expect(withReason.statusCode).toBe(200);
    expect(withReason.json()).toMatchObject({ moveCount: 3, scheduledAt: free[5]!.start });

    const other = await cvTalk();
    const them = asJobseeker(other.jobseekerId);
    const slots = (await booking.slotsForConversation(them, other.conversationId)).slots;
    const soon = slots[0]!; // 3 Nov, the first slot after the notice: less than 24 hours ahead by evening
    const booked = await booking.bookSlot(them, other.conversationId, { version: 1, slotStart: soon.start, mode: 'phone' });
    t.clock.set('2026-11-02T16:00:00Z');
    try {
      const cutoff = await failure(booking.cancelBooking(them, other.conversationId, { version: booked.version }));
      expect(cutoff.fields!.conversation!.da).toBe('Reglen om frist før samtalen: Mindre end 24 timer før samtalen kan kun din vejleder ændre den. Kontakt din vejleder.');
      const staffNoReason = await cw.request('POST', `/api/v1/conversations/${other.conversationId}/move-slot`, { version: booked.version, slotStart: slots[1]!.start, mode: 'phone', reason: 'Medlemmet ringede' });
      expect(staffNoReason.statusCode).toBe(400);
      expect(staffNoReason.json().error.fields.overrideReason).toBe('Handlingen bryder reglerne for selvbooking (frist før samtalen). Skriv en begrundelse (mindst 10 tegn) for at gå videre.');
      const overridden = await cw.request('POST', `/api/v1/conversations/${other.conversationId}/move-slot`, {
        version: booked.version,
        slotStart: slots[1]!.start,
        mode: 'phone',
        reason: 'Medlemmet ringede',
        overrideReason: 'Medlemmet er indkaldt til jobsamtale i morgen tidlig',
      });
      expect(overridden.statusCode).toBe(200);
      const [moved] = await t.connection.db.select().from(conversationEvents).where(and(eq(conversationEvents.conversationId, other.conversationId), eq(conversationEvents.kind, 'moved')));
      expect(moved!.reason).toBe('Medlemmet ringede — Regler for selvbooking tilsidesat (cutoff): Medlemmet er indkaldt til jobsamtale i morgen tidlig');
      const audits = await t.connection.db.select().from(auditLog).where(and(eq(auditLog.subjectId, other.conversationId), eq(auditLog.actorKind, 'staff')));
      expect(audits.map((a) => a.details)).toContainEqual({ change: 'moved', via: 'slot', overriddenRules: ['cutoff'] });
    } finally {
      t.clock.set('2026-11-02T09:00:00Z');
    }
  });

  it('lets the jobseeker cancel a booking in good time; the talk is open to book again', async () => {
    const { jobseekerId, conversationId } = await cvTalk();
    const me = asJobseeker(jobseekerId);
    const free = (await booking.slotsForConversation(me, conversationId)).slots;
    const booked = await booking.bookSlot(me, conversationId, { version: 1, slotStart: free[6]!.start, mode: 'phone' });
    const cancelled = await booking.cancelBooking(me, conversationId, { version: booked.version });
    expect(cancelled).toMatchObject({ status: 'planned', scheduledAt: null, selfBooked: false, cancelReason: 'Aflyst af den jobsøgende' });
    const again = await booking.bookSlot(me, conversationId, { version: cancelled.version, slotStart: free[6]!.start, mode: 'phone' });
    expect(again).toMatchObject({ status: 'booked', selfBooked: true });
  });

  it('lets staff book into a slot for the jobseeker, overriding the notice with a reason; not self-booked', async () => {
    const { conversationId } = await cvTalk();
    const tooSoon = await cw.request('POST', `/api/v1/conversations/${conversationId}/book-slot`, { version: 1, slotStart: '2026-11-02T11:15:00+01:00', mode: 'in_person' });
    expect(tooSoon.statusCode).toBe(400);
    expect(tooSoon.json().error.fields.overrideReason).toContain('varsel');
    const ok = await cw.request('POST', `/api/v1/conversations/${conversationId}/book-slot`, { version: 1, slotStart: '2026-11-02T11:15:00+01:00', mode: 'in_person', overrideReason: 'Medlemmet sidder her i receptionen' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'booked', selfBooked: false, scheduledAt: '2026-11-02T10:15:00.000Z' });
  });
});

describe('double booking is impossible under concurrent requests', () => {
  it('gives one slot to exactly one of 20 jobseekers booking it at the same moment', async () => {
    const talks = await Promise.all(Array.from({ length: 20 }, () => cvTalk({ earliest: '2026-11-16', latest: '2026-11-27' })));
    const slot = (await booking.slotsForConversation(asJobseeker(talks[0]!.jobseekerId), talks[0]!.conversationId)).slots[0]!;
    const results = await Promise.allSettled(talks.map((x) => booking.bookSlot(asJobseeker(x.jobseekerId), x.conversationId, { version: 1, slotStart: slot.start, mode: 'phone' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const reasons = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as AppError).code] : []));
    expect(reasons).toEqual(Array.from({ length: 19 }, () => 'slot_taken'));
    const booked = await t.connection.db.select().from(conversations).where(and(eq(conversations.caseworkerId, vera), eq(conversations.status, 'booked'), eq(conversations.scheduledAt, new Date(slot.start))));
    expect(booked).toHaveLength(1);
  });

  it('gives overlapping times of one caseworker to exactly one, when jobseekers and staff (off the grid, with an override) race', async () => {
    const talks = await Promise.all(Array.from({ length: 20 }, () => cvTalk({ earliest: '2026-11-16', latest: '2026-11-27' })));
    const slots = (await booking.slotsForConversation(asJobseeker(talks[0]!.jobseekerId), talks[0]!.conversationId)).slots;
    const slot = slots.find((s) => s.day === '2026-11-18')!;
    const base = new Date(slot.start).getTime();
    const results = await Promise.allSettled(
      talks.map((x, i) =>
        i % 2 === 0
          ? booking.bookSlot(asJobseeker(x.jobseekerId), x.conversationId, { version: 1, slotStart: slot.start, mode: 'phone' })
          : cw.request('POST', `/api/v1/conversations/${x.conversationId}/book-slot`, { version: 1, slotStart: new Date(base + (i % 5) * 10 * 60_000 - 20 * 60_000).toISOString(), mode: 'phone', overrideReason: 'Tid uden for den faste tidsplan' }).then((res) => {
              if (res.statusCode !== 200) throw new AppError(res.json().error.code);
              return res.json();
            }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(new Set(results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as AppError).code] : [])))).toEqual(new Set(['slot_taken']));
  });

  it('books one talk once when the same request is sent 20 times at once', async () => {
    const { jobseekerId, conversationId } = await cvTalk({ earliest: '2026-11-23', latest: '2026-11-27' });
    const me = asJobseeker(jobseekerId);
    const slot = (await booking.slotsForConversation(me, conversationId)).slots[0]!;
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => booking.bookSlot(me, conversationId, { version: 1, slotStart: slot.start, mode: 'phone' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const events = await t.connection.db.select().from(conversationEvents).where(and(eq(conversationEvents.conversationId, conversationId), eq(conversationEvents.kind, 'booked')));
    expect(events).toHaveLength(1);
    const [row] = await t.connection.db.select().from(conversations).where(eq(conversations.id, conversationId));
    expect(row).toMatchObject({ version: 2, status: 'booked' });
  });
});

describe('the portal routes', () => {
  it('let a logged-in jobseeker list, book, move and cancel their own talk, and show no staff notes', async () => {
    const { jobseekerId, spellId, conversationId } = await cvTalk();
    await t.connection.db.update(conversations).set({ notes: 'Intern note om medlemmet' }).where(eq(conversations.id, conversationId));
    const me = await portalLoginAs(t.app, t.connection.db, jobseekerId);
    const list = await me.request('GET', '/api/portal/conversations');
    expect(list.statusCode).toBe(200);
    const mine = list.json().find((c: { id: string }) => c.id === conversationId);
    expect(mine).toMatchObject({ label: 'CV-samtale', status: 'planned', earliest: '2026-11-02', latest: '2026-11-20' });
    expect(mine).not.toHaveProperty('notes');
    const offer = (await me.request('GET', `/api/portal/conversations/${conversationId}/slots`)).json();
    expect(offer.slots.length).toBeGreaterThan(0);
    expect(offer.conversation).not.toHaveProperty('notes');
    const later = offer.slots.filter((x: { day: string }) => x.day >= '2026-11-05');
    const booked = await me.request('POST', `/api/portal/conversations/${conversationId}/book`, { version: mine.version, slotStart: later[0].start, mode: 'in_person' });
    expect(booked.statusCode, booked.body).toBe(200);
    expect(booked.json()).toMatchObject({ status: 'booked', selfBooked: true, scheduledAt: later[0].start });
    const moved = await me.request('POST', `/api/portal/conversations/${conversationId}/move`, { version: booked.json().version, slotStart: later[1].start, mode: 'phone' });
    expect(moved.statusCode, moved.body).toBe(200);
    const override = await me.request('POST', `/api/portal/conversations/${conversationId}/cancel`, { version: moved.json().version, overrideReason: 'Jeg vil bare' });
    expect(override.statusCode).toBe(400);
    const cancelled = await me.request('POST', `/api/portal/conversations/${conversationId}/cancel`, { version: moved.json().version, reason: 'Jeg er syg' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'planned', scheduledAt: null });
    // The case page shows the jobseeker's changes on the timeline.
    const spell = (await cw.request('GET', `/api/v1/spells/${spellId}`)).json();
    expect(spell.conversations.find((c: { id: string }) => c.id === conversationId)).toMatchObject({ status: 'planned', cancelReason: 'Jeg er syg' });
  });

  it('answer a rule break with the rule named, in the language asked for', async () => {
    const { jobseekerId, conversationId } = await cvTalk();
    const me = await portalLoginAs(t.app, t.connection.db, jobseekerId);
    const res = await me.request('POST', `/api/portal/conversations/${conversationId}/book`, { version: 1, slotStart: '2026-11-02T14:00:00+01:00', mode: 'phone' }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'booking_rule_violated', message: 'This is not possible under the self-booking rules.' });
    expect(res.json().error.fields.slotStart).toContain('Rule on notice: a time must be booked at least 1 working day ahead. The first possible day is 2026-11-03.');
  });

  it('never reach another jobseeker’s talk, and refuse without a portal login or with a staff session', async () => {
    const mine = await cvTalk();
    const theirs = await cvTalk();
    const me = await portalLoginAs(t.app, t.connection.db, mine.jobseekerId);
    const body = { version: 1, slotStart: '2026-11-04T09:00:00+01:00', mode: 'phone' };
    for (const [method, url, payload] of [
      ['GET', `/api/portal/conversations/${theirs.conversationId}/slots`, undefined],
      ['POST', `/api/portal/conversations/${theirs.conversationId}/book`, body],
      ['POST', `/api/portal/conversations/${theirs.conversationId}/move`, body],
      ['POST', `/api/portal/conversations/${theirs.conversationId}/cancel`, { version: 1 }],
    ] as const) {
      expect((await me.request(method, url, payload)).statusCode).toBe(404);
    }
    expect((await me.request('GET', '/api/portal/conversations')).json().map((c: { id: string }) => c.id)).not.toContain(theirs.conversationId);
    expect((await t.app.inject({ method: 'GET', url: '/api/portal/conversations' })).statusCode).toBe(401);
    expect((await cw.request('GET', '/api/portal/conversations')).statusCode).toBe(401);
  });
});
