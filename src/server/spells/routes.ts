import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../clock';
import { can } from '../policy';
import { AppError } from '../errors';
import { requirePermission, tenantContext } from '../plugins/auth';
import type { SpellService } from './service';
import { ZBenefitHours, ZConvertNotice, ZCreateSpell, ZEndSpell, ZProfilingAnswers, ZSegmentDecision, ZSpellSummary, ZUpdateSpell } from './schemas';

const ZId = z.object({ id: z.uuid() });

export function registerSpellRoutes(app: FastifyInstance, deps: { spells: SpellService; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['spells'];
  const ctx = (request: Parameters<typeof tenantContext>[0]) => tenantContext(request, deps.clock);

  r.post(
    '/api/v1/jobseekers/:id/spells',
    {
      preHandler: requirePermission('spell.write'),
      schema: {
        tags,
        summary: 'Start a spell (unemployment or notice) for a jobseeker',
        description: 'A jobseeker has at most one active spell (409 otherwise). The spell is planned once its segment is decided.',
        params: ZId,
        body: ZCreateSpell,
      },
    },
    async (request, reply) => reply.code(201).send(await deps.spells.createSpell(ctx(request), request.params.id, request.body)),
  );

  r.get(
    '/api/v1/jobseekers/:id/spells',
    { preHandler: requirePermission('spell.read'), schema: { tags, summary: 'A jobseeker’s spells, newest first', params: ZId, response: { 200: z.array(ZSpellSummary) } } },
    async (request) => deps.spells.listSpellsOfJobseeker(ctx(request), request.params.id),
  );

  r.get(
    '/api/v1/spells/:id',
    { preHandler: requirePermission('spell.read'), schema: { tags, summary: 'A spell with its conversations, segment decisions, benefit hours and open tasks', params: ZId } },
    async (request) => deps.spells.getSpell(ctx(request), request.params.id),
  );

  r.patch(
    '/api/v1/spells/:id',
    {
      preHandler: requirePermission('spell.write'),
      schema: { tags, summary: 'Change target group, unit or caseworker (changing the caseworker needs spell.assign)', params: ZId, body: ZUpdateSpell },
    },
    async (request) => {
      if (request.body.caseworkerId !== undefined && !can(request.staff!.role, 'spell.assign')) throw new AppError('forbidden');
      return deps.spells.updateSpell(ctx(request), request.params.id, request.body);
    },
  );

  r.post(
    '/api/v1/spells/:id/end',
    { preHandler: requirePermission('spell.write'), schema: { tags, summary: 'End a spell with a date and reason; open talks are cancelled', params: ZId, body: ZEndSpell } },
    async (request) => deps.spells.endSpell(ctx(request), request.params.id, request.body),
  );

  r.post(
    '/api/v1/spells/:id/convert',
    {
      preHandler: requirePermission('spell.write'),
      schema: { tags, summary: 'A notice spell that ended without a job becomes an unemployment spell', params: ZId, body: ZConvertNotice },
    },
    async (request, reply) => reply.code(201).send(await deps.spells.convertNotice(ctx(request), request.params.id, request.body)),
  );

  r.put(
    '/api/v1/spells/:id/benefit-hours',
    {
      preHandler: requirePermission('spell.write'),
      schema: {
        tags,
        summary: 'Record the paid benefit hours of a month',
        description: 'The spell then knows the month-end on which it passed 410 hours (the 2024 handover rule).',
        params: ZId,
        body: ZBenefitHours,
      },
    },
    async (request) => deps.spells.setBenefitHours(ctx(request), request.params.id, request.body),
  );

  r.get(
    '/api/v1/spells/:id/profiling',
    { preHandler: requirePermission('spell.read'), schema: { tags, summary: 'The questionnaire, the latest answers and the risk score with each input’s contribution', params: ZId } },
    async (request) => deps.spells.getProfiling(ctx(request), request.params.id),
  );

  r.post(
    '/api/v1/spells/:id/profiling',
    { preHandler: requirePermission('spell.write'), schema: { tags, summary: 'Save questionnaire answers (filled in with the jobseeker)', params: ZId, body: ZProfilingAnswers } },
    async (request) => deps.spells.submitProfiling(ctx(request), request.params.id, request.body.answers),
  );

  r.post(
    '/api/v1/spells/:id/segment',
    {
      preHandler: requirePermission('spell.write'),
      schema: {
        tags,
        summary: 'Decide the segment; the spell is planned (or re-planned) on the segment’s cadence',
        description: 'A reason is required when the decision differs from the model’s suggestion, or when there is no profiling. Held talks never change; open ones are re-planned.',
        params: ZId,
        body: ZSegmentDecision,
      },
    },
    async (request) => deps.spells.decideSegment(ctx(request), request.params.id, request.body),
  );
}
