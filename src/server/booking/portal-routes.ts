import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TenantContext } from '../context';
import type { BookingService } from './service';
import { ZBookSlot, ZCancelSlot, ZMoveSlot } from './schemas';

const ZId = z.object({ id: z.uuid() });

type Talk = Awaited<ReturnType<BookingService['bookSlot']>>;

/** What a jobseeker sees of their own talk: no caseworker notes, no internal reasons. */
export function presentTalkForJobseeker(c: Talk) {
  return {
    id: c.id,
    type: c.type,
    label: c.label,
    mandatory: c.mandatory,
    earliest: c.earliest,
    latest: c.latest,
    status: c.status,
    scheduledAt: c.scheduledAt,
    durationMinutes: c.durationMinutes,
    mode: c.mode,
    place: c.place,
    selfBooked: c.selfBooked,
    version: c.version,
  };
}

export type PortalAuth = {
  /** preHandler: the caller must be a logged-in jobseeker. */
  requireJobseeker: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  /** The jobseeker's tenant context (actor kind 'jobseeker'). */
  portalContext: (request: FastifyRequest) => TenantContext;
};

/**
 * The jobseeker's booking routes: their open talks, the free slots of one, and book, move or
 * cancel under the organisation's self-booking rules (no overrides here).
 */
export function registerPortalBookingRoutes(app: FastifyInstance, deps: { booking: BookingService } & PortalAuth) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['portal'];
  const pre = deps.requireJobseeker;
  const ctx = deps.portalContext;

  r.get('/api/portal/conversations', { preHandler: pre, schema: { tags, summary: 'My talks that can be booked, moved or cancelled' } }, async (request) =>
    (await deps.booking.listOwnTalks(ctx(request))).map(presentTalkForJobseeker),
  );
  r.get('/api/portal/conversations/:id/slots', { preHandler: pre, schema: { tags, summary: 'Free times for one of my talks, and what stops me changing it now', params: ZId } }, async (request) => {
    const offer = await deps.booking.slotsForConversation(ctx(request), request.params.id);
    return { conversation: presentTalkForJobseeker(offer.conversation), rules: offer.rules, slots: offer.slots, changeBlockedBy: offer.changeBlockedBy };
  });
  r.post(
    '/api/portal/conversations/:id/book',
    { preHandler: pre, schema: { tags, summary: 'Book one of my talks into a free time', params: ZId, body: ZBookSlot.omit({ overrideReason: true }).strict().meta({ examples: [{ version: 1, slotStart: '2026-11-10T09:00:00+01:00', mode: 'phone' }] }) } },
    async (request) => presentTalkForJobseeker(await deps.booking.bookSlot(ctx(request), request.params.id, request.body)),
  );
  r.post(
    '/api/portal/conversations/:id/move',
    { preHandler: pre, schema: { tags, summary: 'Move one of my booked talks to another free time', params: ZId, body: ZMoveSlot.omit({ overrideReason: true }).strict().meta({ examples: [{ version: 2, slotStart: '2026-11-11T10:00:00+01:00', mode: 'phone' }] }) } },
    async (request) => presentTalkForJobseeker(await deps.booking.moveToSlot(ctx(request), request.params.id, request.body)),
  );
  r.post(
    '/api/portal/conversations/:id/cancel',
    { preHandler: pre, schema: { tags, summary: 'Cancel my booking (the talk goes back to be booked again)', params: ZId, body: ZCancelSlot.omit({ overrideReason: true }).strict().meta({ examples: [{ version: 2, reason: 'Jeg er syg.' }] }) } },
    async (request) => presentTalkForJobseeker(await deps.booking.cancelBooking(ctx(request), request.params.id, request.body)),
  );
}
