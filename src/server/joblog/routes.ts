import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../clock';
import { requirePermission, tenantContext } from '../plugins/auth';
import type { JoblogService } from './service';
import { ATTACHMENT_MAX_BYTES, ZAttachmentBody, ZJoblogDelete, ZJoblogEntry, ZJoblogEntryBody, ZJoblogEntryPatch, ZJoblogListQuery, ZJoblogOverview, ZJoblogPage } from './schemas';

const ZId = z.object({ id: z.uuid() });
/** Room for a 5 MB file in base64 inside JSON. */
export const ATTACHMENT_BODY_LIMIT = Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 64 * 1024;

/** RFC 6266 filename*: the name never goes into a URL, only into this header. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Staff routes: a caseworker reads the joblog and adds or edits entries on the jobseeker's behalf (audited). */
export function registerJoblogRoutes(app: FastifyInstance, deps: { joblog: JoblogService; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['joblog'];
  const ctx = (request: Parameters<typeof tenantContext>[0]) => tenantContext(request, deps.clock);
  const read = requirePermission('jobseeker.read');
  const write = requirePermission('jobseeker.write');

  r.get(
    '/api/v1/jobseekers/:id/joblog',
    { preHandler: read, schema: { tags, summary: 'The jobseeker’s joblog entries, sorted and paged', params: ZId, querystring: ZJoblogListQuery, response: { 200: ZJoblogPage } } },
    async (request) => deps.joblog.listEntries(ctx(request), request.params.id, request.query),
  );
  r.get(
    '/api/v1/jobseekers/:id/joblog/overview',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'Monthly trend against STAR’s benchmark and the requirement, Danish weeks, and the monitoring rules’ hits',
        params: ZId,
        response: { 200: ZJoblogOverview },
      },
    },
    async (request) => deps.joblog.getOverview(ctx(request), request.params.id),
  );
  r.post(
    '/api/v1/jobseekers/:id/joblog',
    { preHandler: write, schema: { tags, summary: 'Add an entry on the jobseeker’s behalf', params: ZId, body: ZJoblogEntryBody, response: { 201: ZJoblogEntry } } },
    async (request, reply) => reply.code(201).send(await deps.joblog.createEntry(ctx(request), request.params.id, request.body)),
  );
  r.get('/api/v1/joblog/:id', { preHandler: read, schema: { tags, summary: 'One joblog entry', params: ZId, response: { 200: ZJoblogEntry } } }, async (request) =>
    deps.joblog.getEntry(ctx(request), request.params.id),
  );
  r.patch(
    '/api/v1/joblog/:id',
    { preHandler: write, schema: { tags, summary: 'Edit an entry (`version` from the last read; a stale one gives 409)', params: ZId, body: ZJoblogEntryPatch, response: { 200: ZJoblogEntry } } },
    async (request) => deps.joblog.updateEntry(ctx(request), request.params.id, request.body),
  );
  r.delete('/api/v1/joblog/:id', { preHandler: write, schema: { tags, summary: 'Delete an entry and its attachment', params: ZId, body: ZJoblogDelete } }, async (request, reply) => {
    await deps.joblog.deleteEntry(ctx(request), request.params.id, request.body.version);
    return reply.code(204).send();
  });
  r.put(
    '/api/v1/joblog/:id/attachment',
    {
      preHandler: write,
      bodyLimit: ATTACHMENT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Attach the application (PDF, Word, OpenDocument or text, at most 5 MB, base64 in JSON); replaces an earlier one',
        params: ZId,
        body: ZAttachmentBody,
        response: { 200: ZJoblogEntry },
      },
    },
    async (request) => deps.joblog.putAttachment(ctx(request), request.params.id, request.body),
  );
  r.get('/api/v1/joblog/:id/attachment', { preHandler: read, schema: { tags, summary: 'Download the attached application (audited)', params: ZId } }, async (request, reply) => {
    const file = await deps.joblog.getAttachment(ctx(request), request.params.id);
    return reply
      .type(file.contentType)
      .header('content-disposition', contentDisposition(file.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(file.content);
  });
  r.delete('/api/v1/joblog/:id/attachment', { preHandler: write, schema: { tags, summary: 'Remove the attached application', params: ZId, response: { 200: ZJoblogEntry } } }, async (request) =>
    deps.joblog.deleteAttachment(ctx(request), request.params.id),
  );
}
