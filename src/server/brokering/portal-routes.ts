import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock } from '../clock';
import { portalContext, requireJobseeker } from '../plugins/portal-auth';
import type { MatchingService } from './matching';
import { JOBS_FOR_JOBSEEKER_NOTE } from './routes';
import { ZJobMatches, ZPortalJobMatchQuery } from './schemas';

/** "Job til dig": the jobseeker's own ranked jobs; the session, not the URL, says whose. */
export function registerPortalJobRoutes(app: FastifyInstance, deps: { matching: MatchingService; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/portal/jobs',
    {
      preHandler: requireJobseeker,
      schema: {
        tags: ['portal'],
        summary: 'Jobs for me: job orders and imported vacancies ranked by my CV, each with its reasons in words',
        description: `${JOBS_FOR_JOBSEEKER_NOTE} \`freeText\` keeps only jobs whose title, employer and text hold every word. The answer's \`search\` can be saved as it is with POST /api/portal/saved-searches. The ranking is advice; the person decides what to apply for.`,
        querystring: ZPortalJobMatchQuery,
        response: { 200: ZJobMatches },
      },
    },
    async (request) => {
      const ctx = portalContext(request, deps.clock);
      return deps.matching.jobsForJobseeker(ctx, ctx.actor.id, request.query);
    },
  );
}
