import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { organisations, outbox, staff } from '../../src/db/schema';
import { createTestApp, loginAs, type Session, type TestApp } from '../support/app';
import { apiRoutes, exampleBody, fillParams, idsOwnedBy } from '../support/routes';

// The a-kasse refers a member living in the demo jobcentre's municipality (615) to the
// jobcentre's "Klar, parat – i job". A third organisation, added here, must see none of it.
let t: TestApp;
let akasse: Session;
let jobcenter: Session;
let third: Session;
let memberId: string;
let offerId: string;
let sessionId: string;
let referralId: string;
let orgIds: { akasse: string; jobcenter: string };

beforeAll(async () => {
  t = await createTestApp();
  akasse = await loginAs(t.app, 'vejleder@akasse.demo');
  jobcenter = await loginAs(t.app, 'konsulent@jobcenter.demo');
  const orgs = await t.connection.db.select().from(organisations);
  orgIds = { akasse: orgs.find((o) => o.name === 'Demo A-kasse')!.id, jobcenter: orgs.find((o) => o.name === 'Demo Jobcenter')!.id };
  const [template] = await t.connection.db.select().from(staff).where(eq(staff.email, 'vejleder@akasse.demo'));
  const thirdOrg = randomUUID();
  await t.connection.db.insert(organisations).values({ id: thirdOrg, name: 'Tredje A-kasse', kind: 'akasse' });
  await t.connection.db.insert(staff).values({ id: randomUUID(), organisationId: thirdOrg, email: 'vejleder@tredje.demo', name: 'Tea Tredje', role: 'caseworker', passwordHash: template!.passwordHash });
  third = await loginAs(t.app, 'vejleder@tredje.demo');

  const member = await akasse.request('POST', '/api/v1/jobseekers', { cpr: '120488-1234', firstName: 'Rikke', lastName: 'Henvist', email: 'rikke.henvist@eksempel.dk', phone: '+4520304050', municipalityCode: 615 });
  memberId = member.json().id;
  await akasse.request('POST', `/api/v1/jobseekers/${memberId}/spells`, { kind: 'unemployment', startDate: '2026-10-01', targetGroup: 'unemployment_insurance' });
  const offer = await jobcenter.request('POST', '/api/v1/offers', { kind: 'course', title: 'Klar, parat – i job', eligibility: { targetGroups: ['unemployment_insurance'] }, openForReferrals: true });
  offerId = offer.json().id;
  sessionId = (await jobcenter.request('POST', `/api/v1/offers/${offerId}/sessions`, { startsAt: '2026-11-17T09:00:00+01:00', endsAt: '2026-11-17T12:00:00+01:00', lastDay: '2026-12-15', place: 'Jobcentret, mødelokale 4', capacity: 15 })).json().id;
});
afterAll(async () => t?.close());

describe('referral from an a-kasse to a jobcentre offer', () => {
  it('shows the a-kasse the offers of the jobcentre in the member’s municipality, with eligibility', async () => {
    const res = await akasse.request('GET', `/api/v1/jobseekers/${memberId}/referral-offers`);
    expect(res.json()).toMatchObject({ receiver: { name: 'Demo Jobcenter' }, offers: [{ id: offerId, title: 'Klar, parat – i job', eligible: true, failures: [] }] });
  });

  it('sends the referral; the a-kasse sees it in its outbox', async () => {
    const res = await akasse.request('POST', `/api/v1/jobseekers/${memberId}/referrals`, { offerId, reason: 'Ønsker et målrettet jobsøgningsforløb tæt på lokale virksomheder.' });
    expect(res.statusCode).toBe(201);
    referralId = res.json().id;
    expect(res.json()).toMatchObject({ side: 'sender', state: 'sent', jobseekerId: memberId, receiverOrganisation: 'Demo Jobcenter' });
    const outboxList = (await akasse.request('GET', '/api/v1/referrals?box=outbox')).json();
    expect(outboxList.map((r: { id: string }) => r.id)).toEqual([referralId]);
  });

  it('shows the jobcentre only name, contact and reason — not the a-kasse’s jobseeker id or case', async () => {
    const inbox = await jobcenter.request('GET', '/api/v1/referrals?box=inbox');
    const [item] = inbox.json();
    expect(item).toMatchObject({ id: referralId, side: 'receiver', state: 'sent', personName: 'Rikke Henvist', personEmail: 'rikke.henvist@eksempel.dk', personPhone: '+4520304050', senderOrganisation: 'Demo A-kasse' });
    expect(item).not.toHaveProperty('jobseekerId');
    expect(inbox.body).not.toContain(memberId);
    expect(inbox.body).not.toContain('120488');
  });

  it('lets only the receiver decide', async () => {
    const res = await akasse.request('POST', `/api/v1/referrals/${referralId}/decide`, { version: 1, decision: 'accepted' });
    expect(res.statusCode).toBe(403);
  });

  it('moves through accepted, enrolled and completed, and both sides see the state and outcome', async () => {
    expect((await jobcenter.request('POST', `/api/v1/referrals/${referralId}/decide`, { version: 1, decision: 'accepted', note: 'Velkommen' })).json().state).toBe('accepted');
    const enrolled = await jobcenter.request('POST', `/api/v1/referrals/${referralId}/enrol`, { version: 2, sessionId });
    expect(enrolled.json().state).toBe('enrolled');
    const detail = (await jobcenter.request('GET', `/api/v1/offer-sessions/${sessionId}`)).json();
    expect(detail.participants).toMatchObject([{ name: 'Rikke Henvist', referred: true, status: 'seated', jobseekerId: null }]);
    expect((await akasse.request('GET', `/api/v1/referrals/${referralId}`)).json()).toMatchObject({ state: 'enrolled', decisionNote: 'Velkommen' });
    await jobcenter.request('POST', `/api/v1/referrals/${referralId}/complete`, { version: 3, outcome: 'in_job' });
    expect((await akasse.request('GET', `/api/v1/referrals/${referralId}`)).json()).toMatchObject({ state: 'completed', outcome: 'in_job' });
  });
});

describe('fast upskilling needs the jobcentre’s approval', () => {
  it('holds the seat until the jobcentre approves, then seats the member and tells them', async () => {
    const offer = (await akasse.request('POST', '/api/v1/offers', { kind: 'fast_upskilling', title: 'Hurtig opkvalificering: Lager og logistik' })).json();
    expect(offer.requiresApproval).toBe(true);
    const session = (await akasse.request('POST', `/api/v1/offers/${offer.id}/sessions`, { startsAt: '2026-11-23T08:00:00+01:00', endsAt: '2026-11-23T15:00:00+01:00', lastDay: '2026-12-04', place: 'AMU Nord', capacity: 8 })).json();
    const enrolment = (await akasse.request('POST', `/api/v1/offer-sessions/${session.id}/enrolments`, { jobseekerId: memberId })).json();
    expect(enrolment.status).toBe('pending_approval');
    const request = (await jobcenter.request('GET', '/api/v1/referrals?box=inbox')).json().find((r: { kind: string }) => r.kind === 'approval_request');
    expect(request).toMatchObject({ state: 'sent', offer: { title: 'Hurtig opkvalificering: Lager og logistik' }, senderOrganisation: 'Demo A-kasse' });
    const decided = await jobcenter.request('POST', `/api/v1/referrals/${request.id}/decide`, { version: 1, decision: 'accepted' });
    expect(decided.json().state).toBe('enrolled');
    const after = (await akasse.request('GET', `/api/v1/offer-sessions/${session.id}`)).json();
    expect(after.participants).toMatchObject([{ id: enrolment.id, status: 'seated' }]);
    const mail = await t.connection.db.select().from(outbox).where(and(eq(outbox.idempotencyKey, `offer_seat_promoted:${enrolment.id}`)));
    expect(mail).toHaveLength(1);
  });
});

describe('a third organisation sees nothing of it', () => {
  it('gets 404 on every offer and referral route for every id the two parties own', async () => {
    const ids = [...(await idsOwnedBy(t.connection.db, orgIds.akasse, 2)), ...(await idsOwnedBy(t.connection.db, orgIds.jobcenter, 2))];
    const tables = new Set(ids.map((i) => i.table));
    for (const table of ['offers', 'offer_sessions', 'enrolments', 'referrals']) expect(tables).toContain(table);
    const routes = apiRoutes(t.app).filter((r) => r.url.includes(':') && /offer|enrolment|referral|journey/.test(r.url));
    const failures: string[] = [];
    for (const route of routes) {
      for (const { table, id } of ids) {
        const res = await third.request(route.method as 'GET', fillParams(route.url, id), exampleBody(route));
        if (res.statusCode !== 404) failures.push(`${route.method} ${route.url} with a ${table} id → ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('finds nothing of theirs in its own lists', async () => {
    const ids = [...(await idsOwnedBy(t.connection.db, orgIds.akasse, 50)), ...(await idsOwnedBy(t.connection.db, orgIds.jobcenter, 50))].map((i) => i.id);
    for (const url of ['/api/v1/referrals?box=inbox', '/api/v1/referrals?box=outbox', '/api/v1/offers', '/api/v1/offer-sessions']) {
      const res = await third.request('GET', url);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual([]);
      for (const id of ids) expect(res.body).not.toContain(id);
    }
  });
});
