import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect';
import { orgTemplates } from '../../db/schema';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { requirePermission, tenantContext } from '../plugins/auth';
import { RequestValidationError, msg } from '../validation';
import { isUniqueViolation } from '../../db/errors';
import { findTemplate, listLatestTemplates, listTemplateVersions, setTemplateActive } from './queries';
import { TEMPLATE_SCHEMAS } from './template-files';

const ZKind = z.enum(['cadence', 'questionnaire', 'risk_model', 'indicator', 'booking_rules', 'joblog_rules']);
const ZSummary = z.object({
  id: z.uuid(),
  kind: ZKind,
  key: z.string(),
  version: z.number(),
  name: z.string(),
  segment: z.string().nullable(),
  active: z.boolean(),
  validFrom: z.string(),
});

function nameOf(definition: Record<string, unknown>): string {
  const name = definition.name ?? definition.title;
  if (typeof name === 'string') return name;
  if (name && typeof name === 'object' && 'da' in name) return String((name as { da: string }).da);
  return String(definition.id ?? '');
}

function summarise(row: typeof orgTemplates.$inferSelect) {
  const segment = row.kind === 'cadence' ? String(row.definition.segment ?? '') : null;
  return { id: row.id, kind: row.kind, key: row.key, version: row.version, name: nameOf(row.definition), segment, active: row.active, validFrom: row.validFrom };
}

export function registerTemplateRoutes(app: FastifyInstance, deps: { db: Database; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['templates'];
  const ZId = z.object({ id: z.uuid() });

  r.get(
    '/api/v1/templates',
    {
      preHandler: requirePermission('template.read'),
      schema: { tags, summary: 'The organisation’s cadences, questionnaires and risk models (newest version of each)', querystring: z.object({ kind: ZKind.optional() }), response: { 200: z.array(ZSummary) } },
    },
    async (request) => (await listLatestTemplates(deps.db, tenantContext(request, deps.clock), request.query.kind)).map(summarise),
  );

  r.get(
    '/api/v1/templates/:id',
    {
      preHandler: requirePermission('template.read'),
      schema: {
        tags,
        summary: 'One template version with its definition and the list of versions',
        params: ZId,
        response: { 200: ZSummary.extend({ definition: z.record(z.string(), z.unknown()), versions: z.array(z.object({ id: z.uuid(), version: z.number(), validFrom: z.string() })) }) },
      },
    },
    async (request) => {
      const ctx = tenantContext(request, deps.clock);
      const row = await findTemplate(deps.db, ctx, request.params.id);
      if (!row) throw new AppError('not_found');
      const versions = await listTemplateVersions(deps.db, ctx, row.kind, row.key);
      return { ...summarise(row), definition: row.definition, versions: versions.map((v) => ({ id: v.id, version: v.version, validFrom: v.validFrom })) };
    },
  );

  r.post(
    '/api/v1/templates/:id/versions',
    {
      preHandler: requirePermission('template.manage'),
      schema: {
        tags,
        summary: 'Save an edited template as a new version',
        description: 'The definition is checked against the kind’s schema (a cadence’s id must stay the same). Earlier versions are kept; spells keep the version they were planned with.',
        params: ZId,
        body: z
          .object({ definition: z.record(z.string(), z.unknown()), validFrom: z.iso.date(msg('date')).optional() })
          .strict()
          .meta({ examples: [{ definition: { id: 'hk-1' }, validFrom: '2027-01-01' }] }),
        response: { 201: ZSummary },
      },
    },
    async (request, reply) => {
      const ctx = tenantContext(request, deps.clock);
      const created = await deps.db.transaction(async (tx) => {
        const base = await findTemplate(tx, ctx, request.params.id);
        if (!base) throw new AppError('not_found');
        const parsed = TEMPLATE_SCHEMAS[base.kind].safeParse(request.body.definition);
        if (!parsed.success) {
          const error = new RequestValidationError(parsed.error.issues.map((i) => ({ ...i, path: ['definition', ...i.path] })), 'body', request.body);
          throw error.toAppError();
        }
        const definition = parsed.data as unknown as Record<string, unknown>;
        if (base.kind === 'cadence' && definition.id !== base.key) {
          throw new AppError('validation_failed', { 'definition.id': { da: `Skabelonens id skal fortsat være "${base.key}".`, en: `The template id must remain "${base.key}".` } });
        }
        if (base.kind === 'indicator' && definition.code !== base.key) {
          throw new AppError('validation_failed', { 'definition.code': { da: `Indikatorens kode skal fortsat være "${base.key}".`, en: `The indicator code must remain "${base.key}".` } });
        }
        const versions = await listTemplateVersions(tx, ctx, base.kind, base.key);
        const row = {
          id: randomUUID(),
          organisationId: ctx.organisationId,
          kind: base.kind,
          key: base.key,
          version: (versions[0]?.version ?? 0) + 1,
          definition,
          validFrom: request.body.validFrom ?? (typeof definition.validFrom === 'string' ? definition.validFrom : base.validFrom),
          active: base.active,
          createdBy: ctx.actor.id,
        };
        await tx.insert(orgTemplates).values(row);
        return row;
      }).catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new AppError('version_conflict');
        throw error;
      });
      return reply.code(201).send(summarise({ ...created, createdAt: new Date() }));
    },
  );

  r.patch(
    '/api/v1/templates/:id',
    {
      preHandler: requirePermission('template.manage'),
      schema: { tags, summary: 'Switch a template on or off for new spells', params: ZId, body: z.object({ active: z.boolean() }).strict().meta({ examples: [{ active: true }] }) },
    },
    async (request, reply) => {
      const ctx = tenantContext(request, deps.clock);
      await deps.db.transaction(async (tx) => {
        const base = await findTemplate(tx, ctx, request.params.id);
        if (!base) throw new AppError('not_found');
        await setTemplateActive(tx, ctx, base.kind, base.key, request.body.active);
      });
      return reply.code(204).send();
    },
  );
}
