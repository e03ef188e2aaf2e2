import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../clock';
import { requirePermission, tenantContext } from '../plugins/auth';
import type { WageHoursService } from './service';
import { ZSetWageHours, ZWageHoursMonthParams } from './schemas';

const ZId = z.object({ id: z.uuid() });

export function registerWageHoursRoutes(app: FastifyInstance, deps: { wageHours: WageHoursService; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['spells'];
  const ctx = (request: Parameters<typeof tenantContext>[0]) => tenantContext(request, deps.clock);
  const w = deps.wageHours;

  r.get(
    '/api/v1/spells/:id/wage-hours',
    {
      preHandler: requirePermission('wage_hours.read'),
      schema: {
        tags,
        summary: 'The spell’s ordinary paid hours (løntimer) per month',
        description: 'Oldest month first (`month` as YYYY-MM), with the source (eIndkomst, the jobseeker or the employer) and when the figure was registered. Not benefit hours: those are hours of unemployment for the 410-hour rule.',
        params: ZId,
      },
    },
    async (request) => w.list(ctx(request), request.params.id),
  );
  r.put(
    '/api/v1/spells/:id/wage-hours',
    {
      preHandler: requirePermission('wage_hours.write'),
      schema: {
        tags,
        summary: 'Set or replace the ordinary paid hours of one month',
        description:
          'Hours 0–744 of ordinary paid work in the calendar month, as reported from eIndkomst or by the jobseeker or the employer. The month must be from the spell’s first month to its last, and not after this month. Setting a month again replaces its figure; the indicator `wage_hours_share` reads the figure as known on each measurement day.',
        params: ZId,
        body: ZSetWageHours,
      },
    },
    async (request) => w.set(ctx(request), request.params.id, request.body),
  );
  r.delete(
    '/api/v1/spells/:id/wage-hours/:month',
    { preHandler: requirePermission('wage_hours.write'), schema: { tags, summary: 'Remove a month registered by mistake', description: '`month` as YYYY-MM. 404 when the month holds no figure.', params: ZWageHoursMonthParams } },
    async (request, reply) => {
      await w.remove(ctx(request), request.params.id, request.params.month);
      return reply.code(204).send();
    },
  );
}
