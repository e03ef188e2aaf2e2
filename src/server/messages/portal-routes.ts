import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../clock';
import { portalContext, requireJobseeker } from '../plugins/portal-auth';
import type { MessageService } from './service';
import { MESSAGE_BODY_LIMIT, sendAttachment } from './routes';
import { ZPaging } from '../paging';
import { ZNewThread, ZReply, ZThread, ZThreadPage } from './schemas';

/**
 * The jobseeker's side of the secure inbox (/api/portal, the portal cookie). Every use case runs
 * with the jobseeker as actor, so a thread, a message or a file of anyone else is simply not found.
 */
export function registerPortalMessageRoutes(app: FastifyInstance, deps: { messages: MessageService; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['portal'];
  const ctx = (request: Parameters<typeof portalContext>[0]) => portalContext(request, deps.clock);
  const ZPortalNewThread = ZNewThread.omit({ jobseekerId: true }).strict().meta({ examples: [{ subject: 'Spørgsmål om et job', category: 'job', body: 'Må jeg søge et job i Vejle?' }] });

  r.get('/api/portal/messages', { preHandler: requireJobseeker, schema: { tags, summary: 'My message threads, newest first', querystring: ZPaging, response: { 200: ZThreadPage } } }, async (request) => {
    const c = ctx(request);
    return deps.messages.listForJobseeker(c, c.actor.id, request.query);
  });
  r.post(
    '/api/portal/messages',
    { preHandler: requireJobseeker, bodyLimit: MESSAGE_BODY_LIMIT, schema: { tags, summary: 'Write to my caseworker (a job-related inquiry is answered within 24 working hours)', body: ZPortalNewThread, response: { 201: ZThread } } },
    async (request, reply) => reply.code(201).send(await deps.messages.startThread(ctx(request), request.body)),
  );
  r.get('/api/portal/messages/:id', { preHandler: requireJobseeker, schema: { tags, summary: 'One of my threads (marks the answers read)', params: z.object({ id: z.uuid() }), response: { 200: ZThread } } }, async (request) =>
    deps.messages.getThread(ctx(request), request.params.id),
  );
  r.post(
    '/api/portal/messages/:id/replies',
    { preHandler: requireJobseeker, bodyLimit: MESSAGE_BODY_LIMIT, schema: { tags, summary: 'Write again in one of my threads', params: z.object({ id: z.uuid() }), body: ZReply, response: { 200: ZThread } } },
    async (request) => deps.messages.reply(ctx(request), request.params.id, request.body),
  );
  r.get('/api/portal/message-attachments/:id', { preHandler: requireJobseeker, schema: { tags, summary: 'Download an attachment of one of my threads', params: z.object({ id: z.uuid() }) } }, async (request, reply) =>
    sendAttachment(reply, await deps.messages.getAttachment(ctx(request), request.params.id)),
  );
}
