import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../clock';
import { portalContext, requireJobseeker } from '../plugins/portal-auth';
import { ATTACHMENT_BODY_LIMIT, contentDisposition } from './routes';
import type { JoblogService } from './service';
import { ZAttachmentBody, ZJoblogDelete, ZJoblogEntry, ZJoblogEntryBody, ZJoblogEntryPatch, ZJoblogListQuery, ZJoblogOverview, ZJoblogPage } from './schemas';

const ZId = z.object({ id: z.uuid() });

/**
 * The jobseeker's own joblog in the portal: the same service as staff use, with the jobseeker as
 * actor, so an entry of anyone else is simply not found. No jobseeker id in any URL.
 */
export function registerPortalJoblogRoutes(app: FastifyInstance, deps: { joblog: JoblogService; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['portal'];
  const ctx = (request: Parameters<typeof portalContext>[0]) => portalContext(request, deps.clock);
  const me = (request: Parameters<typeof portalContext>[0]) => ctx(request).actor.id;
  const pre = requireJobseeker;

  r.get('/api/portal/joblog', { preHandler: pre, schema: { tags, summary: 'My joblog entries, sorted and paged', querystring: ZJoblogListQuery, response: { 200: ZJoblogPage } } }, async (request) =>
    deps.joblog.listEntries(ctx(request), me(request), request.query),
  );
  r.get('/api/portal/joblog/overview', { preHandler: pre, schema: { tags, summary: 'My monthly trend against the benchmark and the requirement', response: { 200: ZJoblogOverview } } }, async (request) =>
    deps.joblog.getOverview(ctx(request), me(request)),
  );
  r.post('/api/portal/joblog', { preHandler: pre, schema: { tags, summary: 'Add a job search to my joblog', body: ZJoblogEntryBody, response: { 201: ZJoblogEntry } } }, async (request, reply) =>
    reply.code(201).send(await deps.joblog.createEntry(ctx(request), me(request), request.body)),
  );
  r.get('/api/portal/joblog/:id', { preHandler: pre, schema: { tags, summary: 'One of my entries', params: ZId, response: { 200: ZJoblogEntry } } }, async (request) =>
    deps.joblog.getEntry(ctx(request), request.params.id),
  );
  r.patch('/api/portal/joblog/:id', { preHandler: pre, schema: { tags, summary: 'Edit one of my entries', params: ZId, body: ZJoblogEntryPatch, response: { 200: ZJoblogEntry } } }, async (request) =>
    deps.joblog.updateEntry(ctx(request), request.params.id, request.body),
  );
  r.delete('/api/portal/joblog/:id', { preHandler: pre, schema: { tags, summary: 'Delete one of my entries', params: ZId, body: ZJoblogDelete } }, async (request, reply) => {
    await deps.joblog.deleteEntry(ctx(request), request.params.id, request.body.version);
    return reply.code(204).send();
  });
  r.put(
    '/api/portal/joblog/:id/attachment',
    { preHandler: pre, bodyLimit: ATTACHMENT_BODY_LIMIT, schema: { tags, summary: 'Attach my application (PDF, Word, OpenDocument or text, ≤ 5 MB)', params: ZId, body: ZAttachmentBody, response: { 200: ZJoblogEntry } } },
    async (request) => deps.joblog.putAttachment(ctx(request), request.params.id, request.body),
  );
  r.get('/api/portal/joblog/:id/attachment', { preHandler: pre, schema: { tags, summary: 'Download my attached application', params: ZId } }, async (request, reply) => {
    const file = await deps.joblog.getAttachment(ctx(request), request.params.id);
    return reply.type(file.contentType).header('content-disposition', contentDisposition(file.fileName)).header('x-content-type-options', 'nosniff').header('cache-control', 'no-store').send(file.content);
  });
  r.delete('/api/portal/joblog/:id/attachment', { preHandler: pre, schema: { tags, summary: 'Remove my attached application', params: ZId, response: { 200: ZJoblogEntry } } }, async (request) =>
    deps.joblog.deleteAttachment(ctx(request), request.params.id),
  );
}
