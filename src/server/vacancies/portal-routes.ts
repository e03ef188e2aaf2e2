import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../clock';
import { portalContext, requireJobseeker } from '../plugins/portal-auth';
import type { SavedSearchService } from './saved-searches';
import { msg } from '../validation';
import { ZSavedSearch, ZSavedSearchBody, ZSavedSearchList, ZSavedSearchUpdate } from './schemas';

const ZId = z.object({ id: z.uuid(msg('uuid')) });

/** The jobseeker's saved vacancy searches; a daily e-mail lists new vacancies that match. */
export function registerPortalSavedSearchRoutes(app: FastifyInstance, deps: { savedSearches: SavedSearchService; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['portal'];
  const ctx = (request: Parameters<typeof portalContext>[0]) => portalContext(request, deps.clock);
  r.get('/api/portal/saved-searches', { preHandler: requireJobseeker, schema: { tags, summary: 'My saved vacancy searches, each with what its last daily e-mail found', response: { 200: ZSavedSearchList } } }, async (request) => deps.savedSearches.list(ctx(request)));
  r.post('/api/portal/saved-searches', { preHandler: requireJobseeker, schema: { tags, summary: 'Save a vacancy search (a daily e-mail lists new matches)', body: ZSavedSearchBody, response: { 201: ZSavedSearch } } }, async (request, reply) =>
    reply.code(201).send(await deps.savedSearches.create(ctx(request), request.body)),
  );
  r.put(
    '/api/portal/saved-searches/:id',
    {
      preHandler: requireJobseeker,
      schema: {
        tags,
        summary: 'Change one of my saved searches, or pause/resume its daily e-mail',
        description: 'Replaces the criteria. `digestPaused: true` stops the e-mail; `false` resumes it from now, so vacancies imported during the pause are not sent afterwards.',
        params: ZId,
        body: ZSavedSearchUpdate,
        response: { 200: ZSavedSearch },
      },
    },
    async (request) => deps.savedSearches.update(ctx(request), request.params.id, request.body),
  );
  r.delete('/api/portal/saved-searches/:id', { preHandler: requireJobseeker, schema: { tags, summary: 'Delete one of my saved searches', params: ZId } }, async (request, reply) => {
    await deps.savedSearches.remove(ctx(request), request.params.id);
    return reply.code(204).send();
  });
}
