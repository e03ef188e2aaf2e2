import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../clock';
import { requirePermission, tenantContext } from '../plugins/auth';
import { msg } from '../validation';
import type { BookingService } from './service';
import { ZBookSlot, ZExceptionInput, ZMoveSlot, ZReplaceWeekly, ZSlot } from './schemas';

const ZId = z.object({ id: z.uuid() });

/** Staff routes: caseworkers' availability, free slots, and booking a talk into a slot (with rule overrides). */
export function registerBookingRoutes(app: FastifyInstance, deps: { booking: BookingService; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['booking'];
  const ctx = (request: Parameters<typeof tenantContext>[0]) => tenantContext(request, deps.clock);
  const read = requirePermission('availability.read');
  const manage = requirePermission('availability.manage');

  r.get('/api/v1/staff/:id/availability', { preHandler: read, schema: { tags, summary: 'A caseworker’s weekly availability and coming exceptions', params: ZId } }, async (request) =>
    deps.booking.getAvailability(ctx(request), request.params.id),
  );
  r.put(
    '/api/v1/staff/:id/availability',
    {
      preHandler: manage,
      schema: {
        tags,
        summary: 'Replace a caseworker’s weekly availability',
        description: 'Caseworkers edit their own, managers their unit’s. Blocks on the same weekday may not overlap.',
        params: ZId,
        body: ZReplaceWeekly,
      },
    },
    async (request) => deps.booking.replaceWeekly(ctx(request), request.params.id, request.body.blocks),
  );
  r.post(
    '/api/v1/staff/:id/availability/exceptions',
    { preHandler: manage, schema: { tags, summary: 'Add a day off, or extra hours on one date', params: ZId, body: ZExceptionInput } },
    async (request, reply) => reply.code(201).send(await deps.booking.addException(ctx(request), request.params.id, request.body)),
  );
  r.delete('/api/v1/availability-exceptions/:id', { preHandler: manage, schema: { tags, summary: 'Remove a day off or extra hours', params: ZId } }, async (request, reply) => {
    await deps.booking.removeException(ctx(request), request.params.id);
    return reply.code(204).send();
  });
  r.get(
    '/api/v1/staff/:id/free-slots',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'A caseworker’s free slots (working days, minus bookings and days off)',
        params: ZId,
        querystring: z.object({ from: z.iso.date(msg('date')).optional(), to: z.iso.date(msg('date')).optional() }),
        response: { 200: z.array(ZSlot) },
      },
    },
    async (request) => deps.booking.freeSlotsOf(ctx(request), request.params.id, request.query),
  );
  r.get('/api/v1/conversations/:id/free-slots', { preHandler: requirePermission('spell.read'), schema: { tags, summary: 'Free slots of the talk’s caseworker inside its window', params: ZId } }, async (request) =>
    deps.booking.slotsForConversation(ctx(request), request.params.id),
  );
  r.post(
    '/api/v1/conversations/:id/book-slot',
    {
      preHandler: requirePermission('spell.write'),
      schema: {
        tags,
        summary: 'Book a talk into a free slot of its caseworker',
        description: 'A time that breaks a self-booking rule (notice, window, not a free slot) needs `overrideReason` (at least 10 characters); it is kept on the timeline and the audit row names the rules.',
        params: ZId,
        body: ZBookSlot,
      },
    },
    async (request) => deps.booking.bookSlot(ctx(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/conversations/:id/move-slot',
    {
      preHandler: requirePermission('spell.write'),
      schema: { tags, summary: 'Move a booked talk into another free slot (reason required; rules overridable with `overrideReason`)', params: ZId, body: ZMoveSlot },
    },
    async (request) => deps.booking.moveToSlot(ctx(request), request.params.id, request.body),
  );
}
