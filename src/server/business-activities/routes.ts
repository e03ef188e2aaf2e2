import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../clock';
import { requirePermission, tenantContext } from '../plugins/auth';
import type { BusinessActivityService } from './service';
import { ZCreateBusinessActivity, ZEndBusinessActivity } from './schemas';

const ZId = z.object({ id: z.uuid() });

export function registerBusinessActivityRoutes(app: FastifyInstance, deps: { activities: BusinessActivityService; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['spells'];
  const ctx = (request: Parameters<typeof tenantContext>[0]) => tenantContext(request, deps.clock);
  const a = deps.activities;

  r.get(
    '/api/v1/spells/:id/business-activities',
    {
      preHandler: requirePermission('business_activity.read'),
      schema: {
        tags,
        summary: 'The spell’s business-oriented activities (work trial, wage subsidy)',
        description: 'Oldest start first, each with the employer’s name and, when a hire on a job order started it, that job order (`jobOrder`: id and title; otherwise null).',
        params: ZId,
      },
    },
    async (request) => a.list(ctx(request), request.params.id),
  );
  r.post(
    '/api/v1/spells/:id/business-activities',
    {
      preHandler: requirePermission('business_activity.write'),
      schema: {
        tags,
        summary: 'Register a business-oriented activity agreed or started on the spell',
        description:
          'A work trial (virksomhedspraktik) or a wage subsidy (løntilskud). The spell stays active. `agreedOn` (default the earliest of today, the start date and the spell’s end) must not be after today, `startDate` or the spell’s end; the start must not be before the spell’s and at most a year ahead (agreed before a handover, it may start after it). A hire on a job order of kind `internship` or `wage_subsidy` registers one by itself.',
        params: ZId,
        body: ZCreateBusinessActivity,
      },
    },
    async (request, reply) => reply.code(201).send(await a.create(ctx(request), request.params.id, request.body)),
  );
  r.patch(
    '/api/v1/business-activities/:id',
    { preHandler: requirePermission('business_activity.write'), schema: { tags, summary: 'Set the last day of a business-oriented activity', params: ZId, body: ZEndBusinessActivity } },
    async (request) => a.end(ctx(request), request.params.id, request.body),
  );
}
