import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock } from '../clock';
import { renderError } from '../errors';
import { requestLanguage } from '../i18n';
import { requirePermission, tenantContext } from '../plugins/auth';
import { PublicSurveyError, type PublicSurveyService } from './public-service';
import type { SurveyService } from './service';
import { ZPublicAnswerBody, ZPublicAnswerResult, ZPublicCodeParams, ZPublicSurvey, ZSurveyDefinitionList, ZSurveyResults, ZSurveyResultsQuery } from './schemas';

export function registerSurveyRoutes(app: FastifyInstance, deps: { surveys: SurveyService; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['surveys'];
  r.get(
    '/api/v1/surveys/results',
    {
      preHandler: requirePermission('survey.results'),
      schema: {
        tags,
        summary: 'Response rate and share satisfied (4–5) by unit, caseworker and type',
        description: `Dates are the invitation's day; without them, the last 90 days. A group with fewer than 5 answers is suppressed (\`suppressed: true\`, rate and share null). Free-text answers are listed for the whole selection only, and only with 5 answers or more.`,
        querystring: ZSurveyResultsQuery,
        response: { 200: ZSurveyResults },
      },
    },
    async (request) => deps.surveys.results(tenantContext(request, deps.clock), request.query),
  );
  r.get(
    '/api/v1/surveys/definitions',
    { preHandler: requirePermission('survey.results'), schema: { tags, summary: 'The survey versions of the organisation', response: { 200: ZSurveyDefinitionList } } },
    async (request) => deps.surveys.definitions(tenantContext(request, deps.clock)),
  );
}

/**
 * The survey page's API: no login, no session, outside /api/v1. A code opens one invitation;
 * the answers say nothing about who gave them beyond what the invitation already holds.
 */
export function registerPublicSurveyRoutes(app: FastifyInstance, deps: { publicSurveys: PublicSurveyService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['surveys'];
  const fail = (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
    if (!(error instanceof PublicSurveyError)) throw error;
    const { status, body } = renderError(error, error.lang ?? requestLanguage(request));
    return reply.code(status).header('cache-control', 'no-store').send(body);
  };
  r.get(
    '/api/public/surveys/:code',
    {
      schema: {
        tags,
        summary: 'The questions of a survey link (public)',
        description: '404 for an unknown or expired link, 410 when it was already answered, 429 when a source tries too many links.',
        params: ZPublicCodeParams,
        response: { 200: ZPublicSurvey },
      },
    },
    async (request, reply) => {
      try {
        const survey = await deps.publicSurveys.open(request.params.code, request.ip);
        return reply.header('cache-control', 'no-store').send(survey);
      } catch (error) {
        return fail(request, reply, error);
      }
    },
  );
  r.post(
    '/api/public/surveys/:code',
    {
      schema: {
        tags,
        summary: 'Answer a survey (public, once)',
        description: 'Answers are checked against the questions (400 with a message per question); a second answer gives 409 and changes nothing.',
        params: ZPublicCodeParams,
        body: ZPublicAnswerBody,
        response: { 201: ZPublicAnswerResult },
      },
    },
    async (request, reply) => {
      try {
        const result = await deps.publicSurveys.answer(request.params.code, request.ip, request.body.answers);
        return reply.code(201).header('cache-control', 'no-store').send(result);
      } catch (error) {
        return fail(request, reply, error);
      }
    },
  );
}
