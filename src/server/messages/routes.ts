import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../clock';
import { requirePermission, tenantContext } from '../plugins/auth';
import type { MessageService } from './service';
import { ZPaging } from '../paging';
import { ZAway, ZInboxQuery, ZNewThread, ZPromiseKpi, ZPromiseKpiQuery, ZReply, ZThread, ZThreadPage } from './schemas';

/** A message with attachments is larger than other requests: 5 MB of files, base64-encoded, plus text. */
export const MESSAGE_BODY_LIMIT = 8 * 1024 * 1024;

/** Sends an attachment as a download, never rendered inline: a file from outside must not run in our origin. */
export function sendAttachment(reply: import('fastify').FastifyReply, file: { fileName: string; contentType: string; content: Buffer }) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(file.content);
}

export function registerMessageRoutes(app: FastifyInstance, deps: { messages: MessageService; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['messages'];
  const read = requirePermission('message.read');
  const write = requirePermission('message.write');
  const ctx = (request: Parameters<typeof tenantContext>[0]) => tenantContext(request, deps.clock);

  r.get('/api/v1/messages', { preHandler: read, schema: { tags, summary: 'Inbox: threads addressed to me (or my unit when no caseworker has them), my unit’s, or all', querystring: ZInboxQuery, response: { 200: ZThreadPage } } }, async (request) =>
    deps.messages.inbox(ctx(request), request.query),
  );
  r.post('/api/v1/messages', { preHandler: write, bodyLimit: MESSAGE_BODY_LIMIT, schema: { tags, summary: 'Write to a jobseeker (a new thread)', body: ZNewThread, response: { 201: ZThread } } }, async (request, reply) =>
    reply.code(201).send(await deps.messages.startThread(ctx(request), request.body)),
  );
  r.get('/api/v1/messages/answer-promise', { preHandler: requirePermission('measurement.read'), schema: { tags, summary: 'Share of job-related inquiries answered within the promise (24 working hours), and the median answer time', querystring: ZPromiseKpiQuery, response: { 200: ZPromiseKpi } } }, async (request) =>
    deps.messages.promiseKpi(ctx(request), request.query.from, request.query.to),
  );
  r.put('/api/v1/messages/away', { preHandler: write, schema: { tags, summary: 'Mark myself away (new messages go to my unit) or back', body: ZAway, response: { 200: z.object({ id: z.uuid(), away: z.boolean() }) } } }, async (request) => {
    const c = ctx(request);
    return deps.messages.setAway(c, c.actor.id!, request.body.away);
  });
  r.get('/api/v1/messages/:id', { preHandler: read, schema: { tags, summary: 'A thread with its messages (marks the jobseeker’s messages read)', params: z.object({ id: z.uuid() }), response: { 200: ZThread } } }, async (request) =>
    deps.messages.getThread(ctx(request), request.params.id),
  );
  r.post('/api/v1/messages/:id/replies', { preHandler: write, bodyLimit: MESSAGE_BODY_LIMIT, schema: { tags, summary: 'Answer a thread (ends the wait of the answer promise)', params: z.object({ id: z.uuid() }), body: ZReply, response: { 200: ZThread } } }, async (request) =>
    deps.messages.reply(ctx(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/messages/:id/handled',
    { preHandler: write, schema: { tags, summary: 'Mark a thread handled (nothing more to do)', params: z.object({ id: z.uuid() }), body: z.object({}).strict().optional().meta({ examples: [{}] }), response: { 200: ZThread } } },
    async (request) => deps.messages.markHandled(ctx(request), request.params.id),
  );
  r.get('/api/v1/message-attachments/:id', { preHandler: read, schema: { tags, summary: 'Download an attachment', params: z.object({ id: z.uuid() }) } }, async (request, reply) =>
    sendAttachment(reply, await deps.messages.getAttachment(ctx(request), request.params.id)),
  );
  r.get('/api/v1/jobseekers/:id/messages', { preHandler: read, schema: { tags, summary: 'A jobseeker’s message threads (the case page)', params: z.object({ id: z.uuid() }), querystring: ZPaging, response: { 200: ZThreadPage } } }, async (request) =>
    deps.messages.listForJobseeker(ctx(request), request.params.id, request.query),
  );
}
