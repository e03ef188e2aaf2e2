import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../clock';
import { requirePermission, tenantContext } from '../plugins/auth';
import type { CaseloadService } from './service';
import { ZCaseloadPage, ZCaseloadQuery, ZReassign } from './schemas';

export function registerCaseloadRoutes(app: FastifyInstance, deps: { caseload: CaseloadService; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['caseload'];

  r.get(
    '/api/v1/caseload',
    {
      preHandler: requirePermission('caseload.read'),
      schema: {
        tags,
        summary: 'My caseload: spells with their next deadline and a traffic light',
        description:
          'Without `caseworkerId` or `unitId`: a caseworker sees their own active spells, a manager their unit’s (the whole organisation without a unit); `scope` picks another of these. The light is `overdue` when the next conversation’s latest date has passed, `due_soon` when it falls within 5 working days (holidays and closing days skipped), else `ok`. Sorted by light then deadline by default. The search is written to the audit log.',
        querystring: ZCaseloadQuery,
        response: { 200: ZCaseloadPage },
      },
    },
    async (request) => deps.caseload.listCaseload(tenantContext(request, deps.clock), request.query),
  );

  r.post(
    '/api/v1/caseload/reassign',
    {
      preHandler: requirePermission('spell.assign'),
      schema: {
        tags,
        summary: 'Give spells to another caseworker (managers)',
        description: 'All or nothing: an unknown spell id gives 404 and changes nothing. The spells move to the caseworker’s unit, and their open tasks to the caseworker. Each spell gets an audit row.',
        body: ZReassign,
        response: { 200: z.object({ reassigned: z.number().int() }) },
      },
    },
    async (request) => deps.caseload.reassignSpells(tenantContext(request, deps.clock), request.body),
  );
}
