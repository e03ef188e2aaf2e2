import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/connect';
import { jobseekers, organisations, spells } from '../../db/schema';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { requirePermission, tenantContext } from '../plugins/auth';
import { inTenant } from '../tenancy';
import { todayOf } from '../calendar/org-calendar';
import type { PlanService } from './service';
import { ZPlanBody } from './schemas';
import { renderPlanPdf } from './pdf';

const ZId = z.object({ id: z.uuid() });

export function registerPlanRoutes(app: FastifyInstance, deps: { plans: PlanService; db: Database; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['plans'];
  r.get('/api/v1/spells/:id/plan', { preHandler: requirePermission('spell.read'), schema: { tags, summary: 'Min Plan: the version in force and all earlier versions', params: ZId } }, async (request) =>
    deps.plans.getPlan(tenantContext(request, deps.clock), request.params.id),
  );
  r.post(
    '/api/v1/spells/:id/plan',
    {
      preHandler: requirePermission('spell.write'),
      schema: { tags, summary: 'Save Min Plan as a new version', description: '`basedOnVersion` is the version the change started from (0 for the first); a stale one gives 409.', params: ZId, body: ZPlanBody },
    },
    async (request, reply) => reply.code(201).send(await deps.plans.savePlan(tenantContext(request, deps.clock), request.params.id, request.body)),
  );
  r.get(
    '/api/v1/spells/:id/plan.pdf',
    { preHandler: requirePermission('spell.read'), schema: { tags, summary: 'The jobseeker’s copy of Min Plan as PDF (audited as an export)', params: ZId } },
    async (request, reply) => {
      const ctx = tenantContext(request, deps.clock);
      const { current } = await deps.plans.getPlan(ctx, request.params.id, 'export');
      if (!current) throw new AppError('not_found');
      const [row] = await deps.db
        .select({ firstName: jobseekers.firstName, lastName: jobseekers.lastName, org: organisations.name })
        .from(spells)
        .innerJoin(jobseekers, eq(jobseekers.id, spells.jobseekerId))
        .innerJoin(organisations, eq(organisations.id, spells.organisationId))
        .where(inTenant(spells, ctx, eq(spells.id, request.params.id)));
      const pdf = await renderPlanPdf({ plan: current, jobseekerName: `${row!.firstName} ${row!.lastName}`, organisationName: row!.org, printedOn: todayOf(ctx) });
      return reply.type('application/pdf').header('content-disposition', 'inline; filename="min-plan.pdf"').send(pdf);
    },
  );
}
