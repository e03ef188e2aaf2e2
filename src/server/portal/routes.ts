import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../clock';
import { portalContext, requireJobseeker } from '../plugins/portal-auth';
import { msg } from '../validation';
import type { PortalService } from './service';
import { renderDataPdf } from './pdf';

const ZId = z.object({ id: z.uuid(msg('uuid')) });
const tags = ['portal'];

/** The jobseeker's own pages' API. No route takes a jobseeker or spell id: the session says whose data it is. */
export function registerPortalRoutes(app: FastifyInstance, deps: { portal: PortalService; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const pre = { preHandler: requireJobseeker };
  const ctx = (request: Parameters<typeof portalContext>[0]) => portalContext(request, deps.clock);

  r.get('/api/portal/overview', { ...pre, schema: { tags, summary: 'Front page: next meeting, what is due, unread messages' } }, async (request) => deps.portal.overview(ctx(request)));

  r.get('/api/portal/profiling', { ...pre, schema: { tags, summary: 'The profiling questionnaire and one’s latest answers' } }, async (request) => deps.portal.getProfiling(ctx(request)));
  r.put(
    '/api/portal/profiling',
    {
      ...pre,
      schema: { tags, summary: 'Answer the profiling questionnaire (lands where the caseworker sees it)', body: z.object({ answers: z.record(z.string(), z.unknown()) }).meta({ examples: [{ answers: {} }] }) },
    },
    async (request) => deps.portal.submitProfiling(ctx(request), request.body.answers),
  );

  r.get('/api/portal/plan', { ...pre, schema: { tags, summary: 'Min Plan with its versions and one’s comments' } }, async (request) => deps.portal.getPlan(ctx(request)));
  r.post(
    '/api/portal/plan/comments',
    {
      ...pre,
      schema: { tags, summary: 'Comment on the plan in force', body: z.object({ body: z.string().trim().min(1, msg('required')).max(2000) }).meta({ examples: [{ body: 'Jeg vil gerne søge flere job i Aarhus.' }] }) },
    },
    async (request, reply) => reply.code(201).send(await deps.portal.addPlanComment(ctx(request), request.body.body)),
  );

  r.get(
    '/api/portal/access-log',
    {
      ...pre,
      schema: {
        tags,
        summary: 'Who has looked at my data: role, organisation, time, action and purpose (never a staff member’s name)',
        querystring: z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(25) }),
        response: {
          200: z.object({
            items: z.array(z.object({ id: z.number(), at: z.string(), actorKind: z.string(), role: z.string().nullable(), organisationName: z.string(), action: z.string(), subjectType: z.string(), purpose: z.string() })),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (request) => deps.portal.accessLog(ctx(request), request.query.page, request.query.pageSize),
  );

  r.get('/api/portal/export.json', { ...pre, schema: { tags, summary: 'All my data as JSON (a download)' } }, async (request, reply) => {
    const data = await deps.portal.exportData(ctx(request));
    return reply.header('content-disposition', 'attachment; filename="mine-data.json"').type('application/json').send(JSON.stringify(data, null, 2));
  });
  r.get('/api/portal/export.pdf', { ...pre, schema: { tags, summary: 'All my data as PDF' } }, async (request, reply) => {
    const pdf = await renderDataPdf(await deps.portal.exportData(ctx(request)));
    return reply.header('content-disposition', 'attachment; filename="mine-data.pdf"').type('application/pdf').send(pdf);
  });

  r.get('/api/portal/offers', { ...pre, schema: { tags, summary: 'Sessions open for sign-up (with whether I may join) and my sign-ups' } }, async (request) => deps.portal.listOffers(ctx(request)));
  r.post(
    '/api/portal/offers/sessions/:id/signup',
    { ...pre, schema: { tags, summary: 'Sign up for a session: a seat, or the waitlist; eligibility is checked here', params: ZId, body: z.object({}).optional().meta({ examples: [{}] }) } },
    async (request, reply) => reply.code(201).send(await deps.portal.signUp(ctx(request), request.params.id)),
  );
  r.post(
    '/api/portal/enrolments/:id/cancel',
    {
      ...pre,
      schema: { tags, summary: 'Cancel my sign-up (before the deadline)', params: ZId, body: z.object({ reason: z.string().trim().max(500).optional() }).meta({ examples: [{ reason: 'Jeg er startet i job.' }] }) },
    },
    async (request) => deps.portal.cancel(ctx(request), request.params.id, request.body.reason || 'Afmeldt i portalen'),
  );
}
