import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/connect';
import { organisations } from '../../db/schema';
import type { Clock } from '../clock';
import { requirePermission, tenantContext } from '../plugins/auth';
import type { MeasurementService } from './service';
import { renderScorecardCsv, renderScorecardPdf, renderScorecardXlsx } from './export';
import { ZCreateInitiative, ZCreateMarker, ZCreateScorecard, ZExportQuery, ZFilterQuery, ZMarkSpell, ZMonth, ZReplaceRows, ZSnapshotRequest, ZSurvivalQuery, ZUpdateScorecard } from './schemas';

const ZId = z.object({ id: z.uuid() });

export function registerMeasurementRoutes(app: FastifyInstance, deps: { measurement: MeasurementService; db: Database; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['measurement'];
  const ctx = (request: Parameters<typeof tenantContext>[0]) => tenantContext(request, deps.clock);
  const read = requirePermission('measurement.read');
  const manage = requirePermission('measurement.manage');
  const m = deps.measurement;

  r.get('/api/v1/indicators', { preHandler: read, schema: { tags, summary: 'The indicator library: name, how it is counted, and whether its data exists yet' } }, async (request) => m.listIndicators(ctx(request)));
  r.get(
    '/api/v1/indicators/values',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'Every indicator’s value on a day (default today) for the chosen filters',
        description: 'Aggregates only. A value resting on fewer than 5 spells has status `suppressed` and no value.',
        querystring: ZFilterQuery,
      },
    },
    async (request) => m.indicatorValues(ctx(request), request.query),
  );
  r.get(
    '/api/v1/measurement/survival',
    { preHandler: read, schema: { tags, summary: 'Share in ordinary job by day since the spell’s start (1 − Kaplan–Meier) with its 95 % band, per group', querystring: ZSurvivalQuery } },
    async (request) => m.survivalCurves(ctx(request), request.query),
  );

  r.get('/api/v1/initiatives', { preHandler: requirePermission('marker.read'), schema: { tags, summary: 'Initiatives with their markers' } }, async (request) => m.listInitiatives(ctx(request)));
  r.post('/api/v1/initiatives', { preHandler: manage, schema: { tags, summary: 'Create an initiative (optionally with its markers)', body: ZCreateInitiative } }, async (request, reply) =>
    reply.code(201).send(await m.createInitiative(ctx(request), request.body)),
  );
  r.get('/api/v1/initiatives/:id', { preHandler: requirePermission('marker.read'), schema: { tags, summary: 'An initiative with its markers and scorecards', params: ZId } }, async (request) =>
    m.getInitiative(ctx(request), request.params.id),
  );
  r.get('/api/v1/markers', { preHandler: requirePermission('marker.read'), schema: { tags, summary: 'Every marker with the number of spells carrying it' } }, async (request) => m.listMarkers(ctx(request)));
  r.post('/api/v1/markers', { preHandler: manage, schema: { tags, summary: 'Create a marker', body: ZCreateMarker } }, async (request, reply) => reply.code(201).send(await m.createMarker(ctx(request), request.body)));

  r.get('/api/v1/spells/:id/markers', { preHandler: requirePermission('marker.read'), schema: { tags, summary: 'The markers a spell carries', params: ZId } }, async (request) =>
    m.listSpellMarkers(ctx(request), request.params.id),
  );
  r.post('/api/v1/spells/:id/markers', { preHandler: requirePermission('marker.write'), schema: { tags, summary: 'Mark a spell (from a day, default today)', params: ZId, body: ZMarkSpell } }, async (request) =>
    m.markSpell(ctx(request), request.params.id, request.body),
  );
  r.delete(
    '/api/v1/spells/:id/markers/:markerId',
    { preHandler: requirePermission('marker.write'), schema: { tags, summary: 'Remove a marker from a spell (stored monthly figures keep it)', params: z.object({ id: z.uuid(), markerId: z.uuid() }) } },
    async (request) => m.unmarkSpell(ctx(request), request.params.id, request.params.markerId),
  );

  r.get('/api/v1/scorecards', { preHandler: read, schema: { tags, summary: 'The organisation’s scorecards (statusskemaer)' } }, async (request) => m.listScorecards(ctx(request)));
  r.post('/api/v1/scorecards', { preHandler: manage, schema: { tags, summary: 'Create a scorecard for the organisation, a unit or an initiative', body: ZCreateScorecard } }, async (request, reply) =>
    reply.code(201).send(await m.createScorecard(ctx(request), request.body)),
  );
  r.get(
    '/api/v1/scorecards/:id',
    {
      preHandler: read,
      schema: {
        tags,
        summary: 'A scorecard as a table: baseline, each month, targets, and a traffic light per cell',
        description: 'A month with a stored snapshot shows its newest revision (`revisions` says how many there are); a finished month without one is computed now (`live`); this month is `provisional`.',
        params: ZId,
      },
    },
    async (request) => m.getScorecard(ctx(request), request.params.id),
  );
  r.patch('/api/v1/scorecards/:id', { preHandler: manage, schema: { tags, summary: 'Rename, move the first month or change the filters', params: ZId, body: ZUpdateScorecard } }, async (request) =>
    m.updateScorecard(ctx(request), request.params.id, request.body),
  );
  r.put('/api/v1/scorecards/:id/rows', { preHandler: manage, schema: { tags, summary: 'Replace the rows: indicators, baselines and minimum targets', params: ZId, body: ZReplaceRows } }, async (request) =>
    m.replaceRows(ctx(request), request.params.id, request.body),
  );
  r.get(
    '/api/v1/scorecards/:id/snapshots',
    { preHandler: read, schema: { tags, summary: 'Every stored revision of the scorecard’s months', params: ZId, querystring: z.object({ month: ZMonth.optional() }).strict() } },
    async (request) => m.listSnapshots(ctx(request), request.params.id, request.query.month),
  );
  r.post(
    '/api/v1/scorecards/snapshots',
    {
      preHandler: manage,
      schema: { tags, summary: 'Store a finished month for every scorecard (normally done on the 1st by the worker)', description: 'A stored month is kept; `recompute: true` adds a new revision beside it.', body: ZSnapshotRequest },
    },
    async (request, reply) => reply.code(201).send(await m.snapshot(ctx(request), request.body)),
  );
  r.get(
    '/api/v1/scorecards/:id/export',
    { preHandler: read, schema: { tags, summary: 'The scorecard as XLSX, CSV (UTF-8, semicolons) or PDF — aggregates only, small cells hidden', params: ZId, querystring: ZExportQuery } },
    async (request, reply) => {
      const c = ctx(request);
      const table = await m.getScorecard(c, request.params.id);
      const [org] = await deps.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, c.organisationId));
      const base = `statusskema-${table.measuredOn}`;
      switch (request.query.format) {
        case 'xlsx':
          return reply
            .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
            .header('content-disposition', `attachment; filename="${base}.xlsx"`)
            .send(await renderScorecardXlsx(table, org!.name));
        case 'csv':
          return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${base}.csv"`).send(renderScorecardCsv(table));
        case 'pdf':
          return reply.type('application/pdf').header('content-disposition', `attachment; filename="${base}.pdf"`).send(await renderScorecardPdf(table, org!.name));
        default:
          return request.query.format satisfies never;
      }
    },
  );
}
