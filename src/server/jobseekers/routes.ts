import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../clock';
import { requirePermission, tenantContext } from '../plugins/auth';
import type { JobseekerService } from './service';
import { ZCreateJobseeker, ZJobseeker, ZJobseekerListQuery, ZJobseekerPage, ZJobseekerSearch, ZUpdateJobseeker } from './schemas';

const ZIdParams = z.object({ id: z.uuid() });

export function registerJobseekerRoutes(app: FastifyInstance, deps: { jobseekers: JobseekerService; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['jobseekers'];

  r.get(
    '/api/v1/jobseekers',
    {
      preHandler: requirePermission('jobseeker.read'),
      schema: {
        tags,
        summary: 'Page through jobseekers',
        description: 'Filters that reveal nothing about a person only; to search by name, e-mail, phone or CPR use POST /api/v1/jobseekers/search, so no personal data ends up in URLs or access logs.',
        querystring: ZJobseekerListQuery.omit({ q: true }),
        response: { 200: ZJobseekerPage },
      },
    },
    async (request) => deps.jobseekers.listJobseekers(tenantContext(request, deps.clock), request.query),
  );

  r.post(
    '/api/v1/jobseekers/search',
    {
      preHandler: requirePermission('jobseeker.read'),
      schema: {
        tags,
        summary: 'Search and page jobseekers',
        description:
          '`q` matches every word against name, e-mail and phone; a full CPR number is looked up exactly. The search and its criteria are written to the audit log (a CPR number as "[cpr]").',
        body: ZJobseekerSearch,
        response: { 200: ZJobseekerPage },
      },
    },
    async (request) => deps.jobseekers.listJobseekers(tenantContext(request, deps.clock), request.body),
  );

  r.post(
    '/api/v1/jobseekers',
    {
      preHandler: requirePermission('jobseeker.write'),
      schema: {
        tags,
        summary: 'Register a jobseeker',
        description: 'The CPR number is checked (format and birth date) and stored encrypted. A second jobseeker with the same CPR number in the organisation gives 409.',
        body: ZCreateJobseeker,
        response: { 201: ZJobseeker },
      },
    },
    async (request, reply) => reply.code(201).send(await deps.jobseekers.createJobseeker(tenantContext(request, deps.clock), request.body)),
  );

  r.get(
    '/api/v1/jobseekers/:id',
    { preHandler: requirePermission('jobseeker.read'), schema: { tags, summary: 'One jobseeker (CPR masked)', params: ZIdParams, response: { 200: ZJobseeker } } },
    async (request) => deps.jobseekers.getJobseeker(tenantContext(request, deps.clock), request.params.id),
  );

  r.patch(
    '/api/v1/jobseekers/:id',
    {
      preHandler: requirePermission('jobseeker.write'),
      schema: {
        tags,
        summary: 'Change a jobseeker',
        description: 'Send `version` as read; if someone changed the record since, the answer is 409 and nothing changes.',
        params: ZIdParams,
        body: ZUpdateJobseeker,
        response: { 200: ZJobseeker },
      },
    },
    async (request) => deps.jobseekers.updateJobseeker(tenantContext(request, deps.clock), request.params.id, request.body),
  );

  r.post(
    '/api/v1/jobseekers/:id/cpr-reveal',
    {
      preHandler: requirePermission('jobseeker.reveal_cpr'),
      schema: { tags, summary: 'Show the full CPR number (audited)', params: ZIdParams, response: { 200: z.object({ cpr: z.string() }) } },
    },
    async (request) => deps.jobseekers.revealCpr(tenantContext(request, deps.clock), request.params.id),
  );
}
