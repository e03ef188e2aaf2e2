import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock } from '../clock';
import { requirePermission, tenantContext } from '../plugins/auth';
import type { VacancyImportService } from './service';
import { ZVacancyImportBody, ZVacancyImportList, ZVacancyImportReport, ZVacancyList, ZVacancyListQuery } from './schemas';

/** Feeds are files: up to 5 MB of text (a little more on the wire for JSON escaping). */
const IMPORT_BODY_LIMIT = 8 * 1024 * 1024;

export function registerVacancyRoutes(app: FastifyInstance, deps: { vacancies: VacancyImportService; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['vacancies'];
  const ctxOf = (request: Parameters<typeof tenantContext>[0]) => tenantContext(request, deps.clock);

  r.post(
    '/api/v1/vacancy-imports',
    {
      preHandler: requirePermission('vacancy.import'),
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import vacancies from a JSON or CSV feed (docs/vacancy-feed.md)',
        description: 'Bad rows are reported with their line number and a reason and skipped; good rows are created, updated or left unchanged, keyed on source + external id. Re-importing the same file changes nothing.',
        body: ZVacancyImportBody,
        response: { 200: ZVacancyImportReport },
      },
    },
    async (request) => deps.vacancies.importFeed(ctxOf(request), request.body),
  );
  r.get(
    '/api/v1/vacancy-imports',
    { preHandler: requirePermission('vacancy.read'), schema: { tags, summary: 'The latest vacancy imports with their counts', response: { 200: ZVacancyImportList } } },
    async (request) => ({ items: await deps.vacancies.listImports(ctxOf(request)) }),
  );
  r.get(
    '/api/v1/vacancies',
    { preHandler: requirePermission('vacancy.read'), schema: { tags, summary: 'Imported vacancies, newest first', querystring: ZVacancyListQuery, response: { 200: ZVacancyList } } },
    async (request) => ({ items: await deps.vacancies.listVacancies(ctxOf(request), request.query) }),
  );
}
