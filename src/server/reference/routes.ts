import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connect';
import { MUNICIPALITIES, REGIONS } from '../../core/reference/municipalities';
import { EDUCATION_LEVELS, LANGUAGES } from '../../core/reference';
import { requirePermission } from '../plugins/auth';

const ZLabelled = z.array(z.object({ code: z.string(), da: z.string(), en: z.string() }));

export function registerReferenceRoutes(app: FastifyInstance, _deps: { db: Database }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reference'];
  r.get(
    '/api/v1/reference/municipalities',
    {
      preHandler: requirePermission(),
      schema: {
        tags,
        summary: 'The 98 municipalities with their regions',
        response: { 200: z.array(z.object({ code: z.number(), name: z.string(), regionCode: z.number(), regionName: z.string() })) },
      },
    },
    async () => {
      const regionName = new Map(REGIONS.map((r) => [r.code as number, r.name]));
      return [...MUNICIPALITIES]
        .sort((a, b) => a.name.localeCompare(b.name, 'da'))
        .map((m) => ({ code: m.code, name: m.name, regionCode: m.regionCode, regionName: regionName.get(m.regionCode)! }));
    },
  );
  r.get(
    '/api/v1/reference/education-levels',
    { preHandler: requirePermission(), schema: { tags, summary: 'Education levels', response: { 200: ZLabelled } } },
    async () => EDUCATION_LEVELS.map((e) => ({ code: e.code, ...e.label })),
  );
  r.get(
    '/api/v1/reference/languages',
    { preHandler: requirePermission(), schema: { tags, summary: 'Languages a jobseeker may prefer', response: { 200: ZLabelled } } },
    async () => LANGUAGES.map((l) => ({ code: l.code, ...l.label })),
  );
}
