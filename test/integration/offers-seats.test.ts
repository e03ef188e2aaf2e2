import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { jobseekers, organisations, outbox } from '../../src/db/schema';
import { createOfferService } from '../../src/server/offers/service';
import { createTestApp, loginAs, type Session, type TestApp } from '../support/app';

// TEST_TODAY is Monday 2026-11-02, 09:00 UTC.
let t: TestApp;
let cw: Session;
let people: { id: string; firstName: string; email: string | null }[];
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  cw = await loginAs(t.app, 'vejleder@akasse.demo');
  const [org] = await t.connection.db.select().from(organisations).where(eq(organisations.name, 'Demo A-kasse'));
  orgId = org!.id;
  people = await t.connection.db.select({ id: jobseekers.id, firstName: jobseekers.firstName, email: jobseekers.email }).from(jobseekers).where(eq(jobseekers.organisationId, orgId)).orderBy(asc(jobseekers.id)).limit(110);
});
afterAll(async () => t?.close());

async function newJobClub(capacity: number, overbookingPercent: number) {
  const offer = await cw.request('POST', '/api/v1/offers', { kind: 'job_club', title: `Jobklub Handel & kontor ${Math.random()}`, trade: 'Handel & kontor' });
  expect(offer.statusCode).toBe(201);
  const session = await cw.request('POST', `/api/v1/offers/${offer.json().id}/sessions`, { startsAt: '2026-11-10T09:00:00+01:00', endsAt: '2026-11-10T15:00:00+01:00', place: 'Jobcaféen, lokale 1', capacity, overbookingPercent, cancellationDeadlineHours: 24 });
  expect(session.statusCode).toBe(201);
  return session.json();
}

describe('seats under concurrent sign-ups', () => {
  it('gives exactly 34 seats to 100 people signing up at once for 31 seats with 10 % overbooking, the rest waitlisted first come first served', async () => {
    const session = await newJobClub(31, 10);
    expect(session.allowedSeats).toBe(34);
    const signUps = people.slice(0, 100);
    const responses = await Promise.all(signUps.map((p) => cw.request('POST', `/api/v1/offer-sessions/${session.id}/enrolments`, { jobseekerId: p.id })));
    expect(responses.map((r) => r.statusCode)).toEqual(signUps.map(() => 201));
    const results = responses.map((r) => r.json());
    // "First come" is the order in which the server took each sign-up under the session's row
    // lock; that order is the sign-up number: 1…100, each handed out once.
    expect(results.map((r) => r.signupSeq).sort((a: number, b: number) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    for (const r of results) {
      if (r.signupSeq <= 34) expect(r).toMatchObject({ status: 'seated', waitlistPosition: null });
      else expect(r).toMatchObject({ status: 'waitlisted', waitlistPosition: r.signupSeq - 34 });
    }
    const detail = (await cw.request('GET', `/api/v1/offer-sessions/${session.id}`)).json();
    expect(detail).toMatchObject({ seated: 34, waiting: 66 });
    const waitlist = detail.participants.filter((p: { status: string }) => p.status === 'waitlisted');
    expect(waitlist.map((p: { waitlistPosition: number }) => p.waitlistPosition)).toEqual(Array.from({ length: 66 }, (_, i) => i + 1));
    expect(waitlist.map((p: { signupSeq: number }) => p.signupSeq)).toEqual(Array.from({ length: 66 }, (_, i) => i + 35));
  });

  it('promotes the first on the waitlist when a seat is cancelled, and sends them a message once', async () => {
    const session = await newJobClub(2, 0);
    const [a, b, c, d] = people.filter((p) => p.email).slice(0, 4);
    const ids: string[] = [];
    for (const p of [a!, b!, c!, d!]) ids.push((await cw.request('POST', `/api/v1/offer-sessions/${session.id}/enrolments`, { jobseekerId: p.id })).json().id);
    const cancelled = await cw.request('POST', `/api/v1/enrolments/${ids[0]}/cancel`, { reason: 'Har fået job' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', lateCancellation: false });
    const detail = (await cw.request('GET', `/api/v1/offer-sessions/${session.id}`)).json();
    const byId = Object.fromEntries(detail.participants.map((p: { id: string }) => [p.id, p]));
    expect(byId[ids[2]!]).toMatchObject({ status: 'seated', promotedAt: expect.any(String) });
    expect(byId[ids[3]!]).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const messages = await t.connection.db.select().from(outbox).where(and(eq(outbox.template, 'offer_seat_promoted'), eq(outbox.jobseekerId, c!.id)));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ channel: 'email', recipient: c!.email, status: 'queued' });
    expect(messages[0]!.body).toContain(`Kære ${c!.firstName}`);
    expect(messages[0]!.body).toContain('Jobcaféen, lokale 1');
  });

  it('moves people up when the session gets more seats', async () => {
    const session = await newJobClub(1, 0);
    for (const p of people.slice(0, 3)) await cw.request('POST', `/api/v1/offer-sessions/${session.id}/enrolments`, { jobseekerId: p.id });
    const res = await cw.request('PATCH', `/api/v1/offer-sessions/${session.id}`, { version: 1, capacity: 3 });
    expect(res.json()).toMatchObject({ seated: 3, waiting: 0 });
  });

  it('refuses to sign the same person up twice', async () => {
    const session = await newJobClub(5, 0);
    await cw.request('POST', `/api/v1/offer-sessions/${session.id}/enrolments`, { jobseekerId: people[0]!.id });
    const again = await cw.request('POST', `/api/v1/offer-sessions/${session.id}/enrolments`, { jobseekerId: people[0]!.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Den jobsøgende er allerede tilmeldt holdet.');
  });

  it('records a cancellation after the deadline as late, and the portal refuses it', async () => {
    const offer = (await cw.request('POST', '/api/v1/offers', { kind: 'workshop', title: 'CV-workshop' })).json();
    const session = (await cw.request('POST', `/api/v1/offers/${offer.id}/sessions`, { startsAt: '2026-11-02T13:00:00+01:00', endsAt: '2026-11-02T15:00:00+01:00', place: 'Lokale 2', capacity: 10, cancellationDeadlineHours: 24 })).json();
    const service = createOfferService({ db: t.connection.db });
    const portalCtx = { organisationId: orgId, purpose: 'selvbetjening', lang: 'da' as const, clock: t.clock };
    const mine = await service.signUpAsJobseeker(portalCtx, people[5]!.id, session.id);
    expect(mine).toMatchObject({ status: 'seated', jobseekerId: people[5]!.id });
    await expect(service.cancelAsJobseeker(portalCtx, people[5]!.id, mine.id, 'Kan ikke')).rejects.toMatchObject({ code: 'cancellation_deadline_passed' });
    const staff = await cw.request('POST', `/api/v1/enrolments/${mine.id}/cancel`, { reason: 'Ringede og meldte afbud' });
    expect(staff.json()).toMatchObject({ status: 'cancelled', lateCancellation: true });
  });
});

describe('eligibility is enforced on the server', () => {
  it('refuses a 25–29 course for someone aged 46, naming the age rule in Danish, and writes nothing', async () => {
    const created = await cw.request('POST', '/api/v1/jobseekers', { cpr: '010680-1233', firstName: 'Bent', lastName: 'Alderstjek' });
    const jobseekerId = created.json().id;
    await cw.request('POST', `/api/v1/jobseekers/${jobseekerId}/spells`, { kind: 'unemployment', startDate: '2026-10-01', targetGroup: 'unemployment_insurance' });
    const offer = (await cw.request('POST', '/api/v1/offers', { kind: 'course', title: 'Find fodfæste på arbejdsmarkedet', durationWeeks: 2, eligibility: { minAge: 25, maxAge: 29, situation: 'unemployed' } })).json();
    const session = (await cw.request('POST', `/api/v1/offers/${offer.id}/sessions`, { startsAt: '2026-11-16T09:00:00+01:00', endsAt: '2026-11-16T15:00:00+01:00', lastDay: '2026-11-27', place: 'Afdeling Nord', capacity: 12 })).json();
    const res = await cw.request('POST', `/api/v1/offer-sessions/${session.id}/enrolments`, { jobseekerId });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toEqual({
      code: 'offer_not_eligible',
      message: 'Den jobsøgende opfylder ikke betingelserne for tilbuddet.',
      fields: { 'eligibility.age': 'Tilbuddet er for 25–29-årige; den jobsøgende er 46 år.' },
    });
    expect((await cw.request('GET', `/api/v1/offer-sessions/${session.id}`)).json()).toMatchObject({ seated: 0, waiting: 0, participants: [] });
  });

  it('refuses a notice-period offer for someone without a spell, in English when asked', async () => {
    const offer = (await cw.request('POST', '/api/v1/offers', { kind: 'webinar', title: 'Jobsøgning i opsigelsesperioden', eligibility: { situation: 'notice' } })).json();
    const session = (await cw.request('POST', `/api/v1/offers/${offer.id}/sessions`, { startsAt: '2026-11-12T19:00:00+01:00', endsAt: '2026-11-12T20:00:00+01:00', place: 'Online', capacity: 100 })).json();
    const nobody = (await cw.request('POST', '/api/v1/jobseekers', { cpr: '070777-1236', firstName: 'Uden', lastName: 'Forløb' })).json();
    const res = await cw.request('POST', `/api/v1/offer-sessions/${session.id}/enrolments`, { jobseekerId: nobody.id }, { 'accept-language': 'en' });
    expect(res.json().error.fields).toEqual({ 'eligibility.active_spell': 'The offer requires an active unemployment or notice spell.' });
  });
});
