import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/connect';
import { closingDays } from '../../db/schema';
import { isUniqueViolation } from '../../db/errors';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { requirePermission, tenantContext } from '../plugins/auth';
import { inTenant } from '../tenancy';
import { msg } from '../validation';

export function registerClosingDayRoutes(app: FastifyInstance, deps: { db: Database; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];
  const ZClosingDay = z.object({ id: z.uuid(), day: z.string(), reason: z.string() });
  r.get('/api/v1/closing-days', { preHandler: requirePermission('spell.read'), schema: { tags, summary: 'The organisation’s own closing days', response: { 200: z.array(ZClosingDay) } } }, async (request) =>
    deps.db
      .select({ id: closingDays.id, day: closingDays.day, reason: closingDays.reason })
      .from(closingDays)
      .where(inTenant(closingDays, tenantContext(request, deps.clock)))
      .orderBy(asc(closingDays.day)),
  );
  r.post(
    '/api/v1/closing-days',
    {
      preHandler: requirePermission('closing_day.manage'),
      schema: {
        tags,
        summary: 'Add a closing day (deadlines planned after this avoid it)',
        body: z.object({ day: z.iso.date(msg('date')), reason: z.string().trim().min(1, msg('required')).max(200) }).strict().meta({ examples: [{ day: '2026-12-24', reason: 'Juleaften' }] }),
        response: { 201: ZClosingDay },
      },
    },
    async (request, reply) => {
      const ctx = tenantContext(request, deps.clock);
      const row = { id: randomUUID(), organisationId: ctx.organisationId, day: request.body.day, reason: request.body.reason };
      try {
        await deps.db.insert(closingDays).values(row);
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('validation_failed', { day: { da: 'Dagen er allerede en lukkedag.', en: 'The day is already a closing day.' } });
        throw error;
      }
      return reply.code(201).send({ id: row.id, day: row.day, reason: row.reason });
    },
  );
  r.delete('/api/v1/closing-days/:id', { preHandler: requirePermission('closing_day.manage'), schema: { tags, summary: 'Remove a closing day', params: z.object({ id: z.uuid() }) } }, async (request, reply) => {
    const ctx = tenantContext(request, deps.clock);
    const deleted = await deps.db.delete(closingDays).where(inTenant(closingDays, ctx, eq(closingDays.id, request.params.id))).returning({ id: closingDays.id });
    if (deleted.length === 0) throw new AppError('not_found');
    return reply.code(204).send();
  });
}
