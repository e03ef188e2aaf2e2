import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../clock';
import { requirePermission, tenantContext } from '../plugins/auth';
import type { ComplianceService } from './service';
import { ZComplianceQuery, ZComplianceSummary, ZSpellCompliance } from './schemas';

export function registerComplianceRoutes(app: FastifyInstance, deps: { compliance: ComplianceService; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['compliance'];

  r.get(
    '/api/v1/spells/:id/compliance',
    {
      preHandler: requirePermission('compliance.read'),
      schema: {
        tags,
        summary: 'Each mandatory talk of a spell: held within its window or not',
        description: '`outcome` is on_time (held between earliest and latest), early, late, undated, missed (window closed, not held), pending, exempted, or not_due (the spell ended before the window closed). Replaced (superseded) talks are left out.',
        params: z.object({ id: z.uuid() }),
        response: { 200: ZSpellCompliance },
      },
    },
    async (request) => deps.compliance.getSpellCompliance(tenantContext(request, deps.clock), request.params.id),
  );

  r.get(
    '/api/v1/compliance',
    {
      preHandler: requirePermission('compliance.read'),
      schema: {
        tags,
        summary: 'Compliance shares for a unit and a period',
        description:
          'Over spells whose day 0 falls in the period: the share whose mandatory talks were all on time, the share with at least 2 talks held within the first 3 months, and the share exempted, with whether the organisation is over the 25 % ceiling of the 2026 rules. A share is met ÷ (met + failed); spells still within their deadlines are counted as pending, not as failures.',
        querystring: ZComplianceQuery,
        response: { 200: ZComplianceSummary },
      },
    },
    async (request) => deps.compliance.summarise(tenantContext(request, deps.clock), request.query),
  );
}
