import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock } from '../clock';
import { requirePermission, tenantContext } from '../plugins/auth';
import { todayOf } from '../calendar/org-calendar';
import type { OfferService } from './service';
import type { AttendanceService } from './attendance';
import type { JobClubService } from './job-club';
import type { ReferralService } from './referrals';
import type { JourneyService } from './journeys';
import { renderAbsenceReportPdf, renderAbsenceReportXlsx } from './report-files';
import {
  ZAbsenceReportQuery,
  ZAttendance,
  ZCancelEnrolment,
  ZCompleteReferral,
  ZCreateOffer,
  ZCreateSession,
  ZDecideReferral,
  ZEnrol,
  ZEnrolReferral,
  ZId,
  ZProgressionTalk,
  ZReferralBox,
  ZRollCallQuery,
  ZSendAbsenceReport,
  ZSendReferral,
  ZSessionListQuery,
  ZStartJourney,
  ZUpdateOffer,
  ZUpdateSession,
} from './schemas';

export type OfferRouteDeps = { offers: OfferService; attendance: AttendanceService; jobClubs: JobClubService; referrals: ReferralService; journeys: JourneyService; clock: Clock };

export function registerOfferRoutes(app: FastifyInstance, deps: OfferRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['offers'];
  const ctx = (request: Parameters<typeof tenantContext>[0]) => tenantContext(request, deps.clock);
  const read = requirePermission('offer.read');
  const manage = requirePermission('offer.manage');
  const enrol = requirePermission('offer.enrol');

  // Catalogue
  r.get('/api/v1/offers', { preHandler: read, schema: { tags, summary: 'The organisation’s catalogue of offers' } }, async (request) => deps.offers.listOffers(ctx(request)));
  r.post(
    '/api/v1/offers',
    { preHandler: manage, schema: { tags, summary: 'Add an offer to the catalogue', description: 'Eligibility is data: segments, age range, target groups, situation (notice / unemployed). It is enforced at sign-up.', body: ZCreateOffer } },
    async (request, reply) => reply.code(201).send(await deps.offers.createOffer(ctx(request), request.body)),
  );
  r.get('/api/v1/offers/:id', { preHandler: read, schema: { tags, summary: 'An offer with its sessions', params: ZId } }, async (request) => deps.offers.getOffer(ctx(request), request.params.id));
  r.patch('/api/v1/offers/:id', { preHandler: manage, schema: { tags, summary: 'Change an offer (optimistic version)', params: ZId, body: ZUpdateOffer } }, async (request) =>
    deps.offers.updateOffer(ctx(request), request.params.id, request.body),
  );

  // Sessions and seats
  r.post(
    '/api/v1/offers/:id/sessions',
    { preHandler: manage, schema: { tags, summary: 'Plan a session (hold) with capacity, overbooking and cancellation deadline', params: ZId, body: ZCreateSession } },
    async (request, reply) => reply.code(201).send(await deps.offers.createSession(ctx(request), request.params.id, request.body)),
  );
  r.get('/api/v1/offer-sessions', { preHandler: read, schema: { tags, summary: 'Sessions from a date (default: the last 30 days on)', querystring: ZSessionListQuery } }, async (request) =>
    deps.offers.listSessions(ctx(request), request.query),
  );
  r.get('/api/v1/offer-sessions/:id', { preHandler: read, schema: { tags, summary: 'A session with seats, the waitlist in order and cancellations (audited)', params: ZId } }, async (request) =>
    deps.offers.getSession(ctx(request), request.params.id),
  );
  r.patch('/api/v1/offer-sessions/:id', { preHandler: manage, schema: { tags, summary: 'Change place or seats; more room promotes from the waitlist', params: ZId, body: ZUpdateSession } }, async (request) =>
    deps.offers.updateSession(ctx(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/offer-sessions/:id/enrolments',
    {
      preHandler: enrol,
      schema: {
        tags,
        summary: 'Sign a jobseeker up: a seat, or the end of the waitlist',
        description: 'Eligibility is checked (422 `offer_not_eligible` with one field per failed rule). First come, first served: `signupSeq` is the order in which the server took the sign-up under the session’s row lock.',
        params: ZId,
        body: ZEnrol,
      },
    },
    async (request, reply) => reply.code(201).send(await deps.offers.enrolByStaff(ctx(request), request.params.id, request.body)),
  );
  r.post('/api/v1/enrolments/:id/cancel', { preHandler: enrol, schema: { tags, summary: 'Cancel a seat; the first on the waitlist is promoted and notified', params: ZId, body: ZCancelEnrolment } }, async (request) =>
    deps.offers.cancelEnrolment(ctx(request), request.params.id, request.body),
  );
  r.get('/api/v1/jobseekers/:id/enrolments', { preHandler: read, schema: { tags, summary: 'A jobseeker’s sign-ups (audited)', params: ZId } }, async (request) =>
    deps.offers.listEnrolmentsOfJobseeker(ctx(request), request.params.id),
  );

  // Roll-call and absence
  r.get('/api/v1/offer-sessions/:id/roll-call', { preHandler: enrol, schema: { tags, summary: 'The roll-call list for a day (default today)', params: ZId, querystring: ZRollCallQuery } }, async (request) =>
    deps.attendance.rollCall(ctx(request), request.params.id, request.query.day),
  );
  r.post(
    '/api/v1/offer-sessions/:id/attendance',
    { preHandler: enrol, schema: { tags, summary: 'Register present, or absent with a reason; repeated absence raises a task to assess availability', params: ZId, body: ZAttendance } },
    async (request) => deps.attendance.register(ctx(request), request.params.id, request.body),
  );
  r.get(
    '/api/v1/absence-report',
    { preHandler: enrol, schema: { tags, summary: 'The month’s absences for a unit, as JSON, XLSX or PDF (audited)', querystring: ZAbsenceReportQuery } },
    async (request, reply) => {
      const c = ctx(request);
      const { month, unitId, format } = request.query;
      const report = await deps.attendance.absenceReport(c, month, unitId, format === 'json' ? 'read' : 'export');
      if (format === 'xlsx') {
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="fravaer-${month}.xlsx"`)
          .send(await renderAbsenceReportXlsx(report));
      }
      if (format === 'pdf') return reply.type('application/pdf').header('content-disposition', `attachment; filename="fravaer-${month}.pdf"`).send(await renderAbsenceReportPdf(report, todayOf(c)));
      return report;
    },
  );
  r.post('/api/v1/absence-report/send', { preHandler: enrol, schema: { tags, summary: 'Send the month’s report to the availability team: a task for the unit (once per unit and month)', body: ZSendAbsenceReport } }, async (request) =>
    deps.attendance.sendAbsenceReport(ctx(request), request.body),
  );

  // Job clubs
  r.get('/api/v1/enrolments/:id/talks', { preHandler: enrol, schema: { tags, summary: 'Progression talks so far and the agreements to follow up', params: ZId } }, async (request) =>
    deps.jobClubs.listTalks(ctx(request), request.params.id),
  );
  r.post(
    '/api/v1/enrolments/:id/talks',
    { preHandler: enrol, schema: { tags, summary: 'Hold a weekly progression talk (≤ 20 min) or the closing talk; agreements go into Min Plan', params: ZId, body: ZProgressionTalk } },
    async (request, reply) => reply.code(201).send(await deps.jobClubs.holdTalk(ctx(request), request.params.id, request.body)),
  );

  // Referrals across organisations
  const refer = requirePermission('referral.manage');
  const rtags = ['referrals'];
  r.get('/api/v1/jobseekers/:id/referral-offers', { preHandler: refer, schema: { tags: rtags, summary: 'Offers of the jobcentre in the person’s municipality open for referral, with eligibility', params: ZId } }, async (request) =>
    deps.referrals.referralOffers(ctx(request), request.params.id),
  );
  r.post('/api/v1/jobseekers/:id/referrals', { preHandler: refer, schema: { tags: rtags, summary: 'Refer a jobseeker to another organisation’s offer', params: ZId, body: ZSendReferral } }, async (request, reply) =>
    reply.code(201).send(await deps.referrals.send(ctx(request), request.params.id, request.body)),
  );
  r.get('/api/v1/referrals', { preHandler: refer, schema: { tags: rtags, summary: 'Referrals sent to us (inbox) or by us (outbox)', querystring: ZReferralBox } }, async (request) => deps.referrals.list(ctx(request), request.query.box));
  r.get('/api/v1/referrals/:id', { preHandler: refer, schema: { tags: rtags, summary: 'One referral, as the sender or the receiver sees it', params: ZId } }, async (request) => deps.referrals.get(ctx(request), request.params.id));
  r.post('/api/v1/referrals/:id/decide', { preHandler: refer, schema: { tags: rtags, summary: 'The receiver accepts or declines (an approval request decides the sender’s seat)', params: ZId, body: ZDecideReferral } }, async (request) =>
    deps.referrals.decide(ctx(request), request.params.id, request.body),
  );
  r.post('/api/v1/referrals/:id/enrol', { preHandler: refer, schema: { tags: rtags, summary: 'The receiver gives the referred person a seat on a session', params: ZId, body: ZEnrolReferral } }, async (request) =>
    deps.referrals.enrol(ctx(request), request.params.id, request.body),
  );
  r.post('/api/v1/referrals/:id/complete', { preHandler: refer, schema: { tags: rtags, summary: 'The receiver records the outcome', params: ZId, body: ZCompleteReferral } }, async (request) =>
    deps.referrals.complete(ctx(request), request.params.id, request.body),
  );

  // E-mail journeys
  const jtags = ['journeys'];
  r.get('/api/v1/journeys', { preHandler: requirePermission('spell.read'), schema: { tags: jtags, summary: 'The e-mail journeys that can be started' } }, async (request) => deps.journeys.available(ctx(request)));
  r.get('/api/v1/spells/:id/journeys', { preHandler: requirePermission('spell.read'), schema: { tags: jtags, summary: 'The journeys a spell is on, step by step', params: ZId } }, async (request) =>
    deps.journeys.list(ctx(request), request.params.id),
  );
  r.post('/api/v1/spells/:id/journeys', { preHandler: requirePermission('spell.write'), schema: { tags: jtags, summary: 'Start a journey from the spell’s event (e.g. the notice date)', params: ZId, body: ZStartJourney } }, async (request, reply) =>
    reply.code(201).send(await deps.journeys.start(ctx(request), request.params.id, request.body)),
  );
  r.post('/api/v1/journeys/run', { preHandler: manage, schema: { tags: jtags, summary: 'Write today’s due journey mails to the outbox now (the daily worker does this for every organisation)' } }, async (request) =>
    deps.journeys.runNow(ctx(request)),
  );
}
