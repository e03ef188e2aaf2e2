import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Clock } from '../clock';
import { requirePermission, tenantContext } from '../plugins/auth';
import { TEMPLATES_DIR } from '../templates/template-files';
import type { ConversationService } from './service';
import { ZAdHocConversation, ZBookConversation, ZHoldConversation, ZMoveConversation, ZNoShow, ZReasonBody } from './schemas';

const ZId = z.object({ id: z.uuid() });

export function registerConversationRoutes(app: FastifyInstance, deps: { conversations: ConversationService; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['conversations'];
  const ctx = (request: Parameters<typeof tenantContext>[0]) => tenantContext(request, deps.clock);
  const write = requirePermission('spell.write');
  const guides = JSON.parse(readFileSync(path.join(TEMPLATES_DIR, 'conversation-guides', 'default.json'), 'utf8')) as Record<string, unknown>;

  r.get('/api/v1/conversation-guides', { preHandler: requirePermission('spell.read'), schema: { tags, summary: 'Preparation guides per conversation type' } }, async () => guides);

  r.post(
    '/api/v1/spells/:id/conversations',
    { preHandler: write, schema: { tags, summary: 'Add a talk beyond the cadence (e.g. an extra contact talk on request)', params: ZId, body: ZAdHocConversation } },
    async (request, reply) => reply.code(201).send(await deps.conversations.createAdHoc(ctx(request), request.params.id, request.body)),
  );
  r.post(
    '/api/v1/conversations/:id/book',
    {
      preHandler: write,
      schema: {
        tags,
        summary: 'Book a planned conversation',
        description: 'A time outside the conversation’s window, or on a non-working day, needs `outsideWindowReason` (at least 10 characters). A caseworker cannot have two bookings at once (409).',
        params: ZId,
        body: ZBookConversation,
      },
    },
    async (request) => deps.conversations.book(ctx(request), request.params.id, request.body),
  );
  r.post('/api/v1/conversations/:id/move', { preHandler: write, schema: { tags, summary: 'Move a booked conversation (reason required)', params: ZId, body: ZMoveConversation } }, async (request) =>
    deps.conversations.move(ctx(request), request.params.id, request.body),
  );
  r.post('/api/v1/conversations/:id/cancel', { preHandler: write, schema: { tags, summary: 'Cancel a booking (reason required); a statutory talk goes back to planned', params: ZId, body: ZReasonBody } }, async (request) =>
    deps.conversations.cancel(ctx(request), request.params.id, request.body),
  );
  r.post('/api/v1/conversations/:id/hold', { preHandler: write, schema: { tags, summary: 'Register the conversation as held, with notes, agreements and jobs presented', params: ZId, body: ZHoldConversation } }, async (request) =>
    deps.conversations.hold(ctx(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/conversations/:id/no-show',
    { preHandler: write, schema: { tags, summary: 'Register a no-show: raises a task to assess availability and plans a new talk', params: ZId, body: ZNoShow } },
    async (request) => deps.conversations.noShow(ctx(request), request.params.id, request.body),
  );
  r.post('/api/v1/conversations/:id/exempt', { preHandler: write, schema: { tags, summary: 'Exempt the jobseeker from this talk (reason required; counted against the 25 % ceiling)', params: ZId, body: ZReasonBody } }, async (request) =>
    deps.conversations.exempt(ctx(request), request.params.id, request.body),
  );
}
