import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock } from '../clock';
import { requirePermission, tenantContext } from '../plugins/auth';
import type { EmployerService } from './employers';
import {
  ZContactCounts,
  ZContactCountsQuery,
  ZContactPerson,
  ZCreateContactPerson,
  ZCreateEmployer,
  ZCreateEmployerContact,
  ZEmployerDetail,
  ZEmployerListQuery,
  ZEmployerPage,
  ZId,
  ZMergeEmployers,
  ZUpdateEmployer,
} from './schemas';

export function registerEmployerRoutes(app: FastifyInstance, deps: { employers: EmployerService; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['brokering'];
  const ctxOf = (request: Parameters<typeof tenantContext>[0]) => tenantContext(request, deps.clock);

  r.get(
    '/api/v1/employers',
    {
      preHandler: requirePermission('employer.read'),
      schema: {
        tags,
        summary: 'Employers: search by name, city, trade, CVR or P-number',
        description: 'A CVR number (8 digits) or P-number (10 digits) in `q` finds that employer exactly. Merged records are left out unless `includeMerged=yes`.',
        querystring: ZEmployerListQuery,
        response: { 200: ZEmployerPage },
      },
    },
    async (request) => deps.employers.list(ctxOf(request), request.query),
  );
  r.post(
    '/api/v1/employers',
    { preHandler: requirePermission('employer.write'), schema: { tags, summary: 'Register an employer (CVR checked, unique in the organisation)', body: ZCreateEmployer, response: { 201: ZEmployerDetail } } },
    async (request, reply) => reply.code(201).send(await deps.employers.create(ctxOf(request), request.body)),
  );
  r.get(
    '/api/v1/employers/contact-counts',
    {
      preHandler: requirePermission('employer.stats'),
      schema: { tags, summary: 'Employer contacts and employers contacted, per broker and unit, in a period', querystring: ZContactCountsQuery, response: { 200: ZContactCounts } },
    },
    async (request) => deps.employers.contactCounts(ctxOf(request), request.query),
  );
  r.get(
    '/api/v1/employers/:id',
    { preHandler: requirePermission('employer.read'), schema: { tags, summary: 'An employer with contact persons and its contact log', params: ZId, response: { 200: ZEmployerDetail } } },
    async (request) => deps.employers.get(ctxOf(request), request.params.id),
  );
  r.patch(
    '/api/v1/employers/:id',
    { preHandler: requirePermission('employer.write'), schema: { tags, summary: 'Change an employer (optimistic: send the version you read)', params: ZId, body: ZUpdateEmployer, response: { 200: ZEmployerDetail } } },
    async (request) => deps.employers.update(ctxOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/employers/:id/contact-persons',
    { preHandler: requirePermission('employer.write'), schema: { tags, summary: 'Add a contact person at the employer', params: ZId, body: ZCreateContactPerson, response: { 201: ZContactPerson } } },
    async (request, reply) => reply.code(201).send(await deps.employers.addContactPerson(ctxOf(request), request.params.id, request.body)),
  );
  r.post(
    '/api/v1/employers/:id/contacts',
    {
      preHandler: requirePermission('employer.write'),
      schema: { tags, summary: 'Log a contact with the employer (visit, call, meeting, event)', params: ZId, body: ZCreateEmployerContact, response: { 201: ZEmployerDetail } },
    },
    async (request, reply) => reply.code(201).send(await deps.employers.logContact(ctxOf(request), request.params.id, request.body)),
  );
  r.post(
    '/api/v1/employers/:id/merge',
    {
      preHandler: requirePermission('employer.write'),
      schema: {
        tags,
        summary: 'Merge another record of the same employer into this one; both histories are kept',
        description: 'Contacts, contact persons and job orders move to this employer; the other record stays, marked as merged. Different CVR numbers are refused.',
        params: ZId,
        body: ZMergeEmployers,
        response: { 200: ZEmployerDetail },
      },
    },
    async (request) => deps.employers.merge(ctxOf(request), request.params.id, request.body),
  );
}
