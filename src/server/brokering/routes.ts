import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock } from '../clock';
import { requirePermission, tenantContext } from '../plugins/auth';
import type { EmployerService } from './employers';
import type { CvService } from './cv';
import type { MatchingService } from './matching';
import type { ProposalService } from './proposals';
import { searchOccupations } from '../../core/reference/occupations';
import { PUBLIC_JOB_ORDERS_PER_HOUR, type JobOrderService, type PublicJobOrderService } from './job-orders';
import {
  ZContactCounts,
  ZContactCountsQuery,
  ZContactPerson,
  ZCreateContactPerson,
  ZCreateEmployer,
  ZCreateEmployerContact,
  ZEmployerDetail,
  ZEmployerListQuery,
  ZEmployerPage,
  ZId,
  ZMergeEmployers,
  ZAnswerJobOrder,
  ZCreateJobOrder,
  ZJobOrder,
  ZJobOrderListQuery,
  ZJobOrderPage,
  ZOrganisationParam,
  ZPublicJobOrder,
  ZPublicJobOrderForm,
  ZPublicJobOrderReceipt,
  ZUpdateJobOrder,
  ZCv,
  ZCandidateQuery,
  ZCandidates,
  ZJobMatchQuery,
  ZJobMatches,
  ZPutCv,
  ZOccupationSearch,
  ZOccupationSearchQuery,
  ZUpdateEmployer,
  ZCreateProposal,
  ZMoveProposal,
  ZProposal,
  ZProposalList,
} from './schemas';

export function registerEmployerRoutes(app: FastifyInstance, deps: { employers: EmployerService; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['brokering'];
  const ctxOf = (request: Parameters<typeof tenantContext>[0]) => tenantContext(request, deps.clock);

  r.get(
    '/api/v1/employers',
    {
      preHandler: requirePermission('employer.read'),
      schema: {
        tags,
        summary: 'Employers: search by name, city, trade, CVR or P-number',
        description: 'A CVR number (8 digits) or P-number (10 digits) in `q` finds that employer exactly. Merged records are left out unless `includeMerged=yes`.',
        querystring: ZEmployerListQuery,
        response: { 200: ZEmployerPage },
      },
    },
    async (request) => deps.employers.list(ctxOf(request), request.query),
  );
  r.post(
    '/api/v1/employers',
    { preHandler: requirePermission('employer.write'), schema: { tags, summary: 'Register an employer (CVR checked, unique in the organisation)', body: ZCreateEmployer, response: { 201: ZEmployerDetail } } },
    async (request, reply) => reply.code(201).send(await deps.employers.create(ctxOf(request), request.body)),
  );
  r.get(
    '/api/v1/employers/contact-counts',
    {
      preHandler: requirePermission('employer.stats'),
      schema: { tags, summary: 'Employer contacts and employers contacted, per broker and unit, in a period', querystring: ZContactCountsQuery, response: { 200: ZContactCounts } },
    },
    async (request) => deps.employers.contactCounts(ctxOf(request), request.query),
  );
  r.get(
    '/api/v1/employers/:id',
    { preHandler: requirePermission('employer.read'), schema: { tags, summary: 'An employer with contact persons and its contact log', params: ZId, response: { 200: ZEmployerDetail } } },
    async (request) => deps.employers.get(ctxOf(request), request.params.id),
  );
  r.patch(
    '/api/v1/employers/:id',
    { preHandler: requirePermission('employer.write'), schema: { tags, summary: 'Change an employer (optimistic: send the version you read)', params: ZId, body: ZUpdateEmployer, response: { 200: ZEmployerDetail } } },
    async (request) => deps.employers.update(ctxOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/employers/:id/contact-persons',
    { preHandler: requirePermission('employer.write'), schema: { tags, summary: 'Add a contact person at the employer', params: ZId, body: ZCreateContactPerson, response: { 201: ZContactPerson } } },
    async (request, reply) => reply.code(201).send(await deps.employers.addContactPerson(ctxOf(request), request.params.id, request.body)),
  );
  r.post(
    '/api/v1/employers/:id/contacts',
    {
      preHandler: requirePermission('employer.write'),
      schema: { tags, summary: 'Log a contact with the employer (visit, call, meeting, event)', params: ZId, body: ZCreateEmployerContact, response: { 201: ZEmployerDetail } },
    },
    async (request, reply) => reply.code(201).send(await deps.employers.logContact(ctxOf(request), request.params.id, request.body)),
  );
  r.post(
    '/api/v1/employers/:id/merge',
    {
      preHandler: requirePermission('employer.write'),
      schema: {
        tags,
        summary: 'Merge another record of the same employer into this one; both histories are kept',
        description: 'Contacts, contact persons and job orders move to this employer; the other record stays, marked as merged. Different CVR numbers are refused.',
        params: ZId,
        body: ZMergeEmployers,
        response: { 200: ZEmployerDetail },
      },
    },
    async (request) => deps.employers.merge(ctxOf(request), request.params.id, request.body),
  );
}

export function registerJobOrderRoutes(app: FastifyInstance, deps: { jobOrders: JobOrderService; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['brokering'];
  const ctxOf = (request: Parameters<typeof tenantContext>[0]) => tenantContext(request, deps.clock);
  r.get(
    '/api/v1/job-orders',
    {
      preHandler: requirePermission('job_order.read'),
      schema: { tags, summary: 'Job orders, unanswered first by due time', description: '`response` filters on the response-time state (waiting, overdue, answered_on_time, answered_late).', querystring: ZJobOrderListQuery, response: { 200: ZJobOrderPage } },
    },
    async (request) => deps.jobOrders.list(ctxOf(request), request.query),
  );
  r.post(
    '/api/v1/job-orders',
    { preHandler: requirePermission('job_order.write'), schema: { tags, summary: 'Register a job order (the response time starts now)', body: ZCreateJobOrder, response: { 201: ZJobOrder } } },
    async (request, reply) => reply.code(201).send(await deps.jobOrders.create(ctxOf(request), request.body)),
  );
  r.get(
    '/api/v1/job-orders/:id',
    { preHandler: requirePermission('job_order.read'), schema: { tags, summary: 'A job order with its response-time state', params: ZId, response: { 200: ZJobOrder } } },
    async (request) => deps.jobOrders.get(ctxOf(request), request.params.id),
  );
  r.patch(
    '/api/v1/job-orders/:id',
    { preHandler: requirePermission('job_order.write'), schema: { tags, summary: 'Change a job order or its status (send the version you read)', params: ZId, body: ZUpdateJobOrder, response: { 200: ZJobOrder } } },
    async (request) => deps.jobOrders.update(ctxOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/job-orders/:id/answer',
    { preHandler: requirePermission('job_order.write'), schema: { tags, summary: 'Record that the employer has been answered (stops the response time; the first answer counts)', params: ZId, body: ZAnswerJobOrder, response: { 200: ZJobOrder } } },
    async (request) => deps.jobOrders.markAnswered(ctxOf(request), request.params.id),
  );
}

/** The public job-order form's API: no login, outside /api/v1, throttled per source address. */
export function registerPublicJobOrderRoutes(app: FastifyInstance, deps: { publicJobOrders: PublicJobOrderService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['brokering'];
  r.get(
    '/api/public/job-order-form/:organisationId',
    { schema: { tags, summary: 'Which organisation a public job-order form sends to (public)', params: ZOrganisationParam, response: { 200: ZPublicJobOrderForm } } },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await deps.publicJobOrders.form(request.params.organisationId)),
  );
  r.post(
    '/api/public/job-orders',
    {
      schema: {
        tags,
        summary: 'An employer sends a job order (public, no login)',
        description: `The employer is found by CVR in the organisation or registered from the form; a receipt e-mail is queued to the contact. More than ${PUBLIC_JOB_ORDERS_PER_HOUR} forms an hour from one source address: 429.`,
        body: ZPublicJobOrder,
        response: { 201: ZPublicJobOrderReceipt },
      },
    },
    async (request, reply) => reply.code(201).header('cache-control', 'no-store').send(await deps.publicJobOrders.submit(request.body, request.ip)),
  );
}

export function registerCvRoutes(app: FastifyInstance, deps: { cvs: CvService; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['brokering'];
  r.get(
    '/api/v1/occupations',
    {
      preHandler: requirePermission('cv.read'),
      schema: { tags, summary: 'Find DISCO-08 occupations by title, synonym or abbreviation ("SSA", "lagermedarbejder")', querystring: ZOccupationSearchQuery, response: { 200: ZOccupationSearch } },
    },
    async (request) => searchOccupations(request.query.q, 15).map((m) => ({ code: m.occupation.code, title: m.occupation.title, matched: m.matched, exact: m.exact })),
  );
  r.get(
    '/api/v1/jobseekers/:id/cv',
    { preHandler: requirePermission('cv.read'), schema: { tags, summary: 'The jobseeker’s CV data (empty, version 0, when none is registered)', params: ZId, response: { 200: ZCv } } },
    async (request) => deps.cvs.get(tenantContext(request, deps.clock), request.params.id),
  );
  r.put(
    '/api/v1/jobseekers/:id/cv',
    { preHandler: requirePermission('cv.write'), schema: { tags, summary: 'Replace the jobseeker’s CV data (send the version you read; 0 for a first CV)', params: ZId, body: ZPutCv, response: { 200: ZCv } } },
    async (request) => deps.cvs.put(tenantContext(request, deps.clock), request.params.id, request.body),
  );
}

const MATCH_NOTE =
  'Ranking is advice, not a decision (EU AI Act, high-risk use): each result carries its parts, their weights and the reasons in Danish and English, and a person chooses whom to propose.';

export const JOBS_FOR_JOBSEEKER_NOTE =
  'Job orders (status open) and imported vacancies (deadline not passed) in the CV’s occupation groups within `radiusKm` of home (default 75) are ranked together; `source` says which. A vacancy states no skills, education, hours or start date: those parts are not judged and their reasons say "ikke oplyst".';

export function registerMatchingRoutes(app: FastifyInstance, deps: { matching: MatchingService; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['brokering'];
  r.get(
    '/api/v1/job-orders/:id/candidates',
    {
      preHandler: requirePermission('matching.read'),
      schema: {
        tags,
        summary: 'Ranked candidates for a job order, each with its reasons',
        description: `${MATCH_NOTE} Filters: \`segment\` (the spell's segment), \`risk\` (the latest profiling risk band), \`radiusKm\` (home municipality within this of the workplace; default 75).`,
        params: ZId,
        querystring: ZCandidateQuery,
        response: { 200: ZCandidates },
      },
    },
    async (request) => deps.matching.candidatesForJobOrder(tenantContext(request, deps.clock), request.params.id, request.query),
  );
  r.get(
    '/api/v1/jobseekers/:id/job-matches',
    {
      preHandler: requirePermission('matching.read'),
      schema: {
        tags,
        summary: 'Open job orders and imported vacancies ranked for a jobseeker, each with its reasons',
        description: `${JOBS_FOR_JOBSEEKER_NOTE} ${MATCH_NOTE}`,
        params: ZId,
        querystring: ZJobMatchQuery,
        response: { 200: ZJobMatches },
      },
    },
    async (request) => deps.matching.jobsForJobseeker(tenantContext(request, deps.clock), request.params.id, request.query),
  );
}

export function registerProposalRoutes(app: FastifyInstance, deps: { proposals: ProposalService; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['brokering'];
  r.get(
    '/api/v1/job-orders/:id/proposals',
    { preHandler: requirePermission('job_order.read'), schema: { tags, summary: 'The candidates proposed for a job order and how far each has come', params: ZId, response: { 200: ZProposalList } } },
    async (request) => deps.proposals.list(tenantContext(request, deps.clock), request.params.id),
  );
  r.post(
    '/api/v1/job-orders/:id/proposals',
    {
      preHandler: requirePermission('job_order.write'),
      schema: {
        tags,
        summary: 'Propose a jobseeker with an active spell for an open job order',
        description: 'From the ranked candidates or any jobseeker of the organisation with an active spell; at most 3 open proposals per position.',
        params: ZId,
        body: ZCreateProposal,
        response: { 201: ZProposal },
      },
    },
    async (request, reply) => reply.code(201).send(await deps.proposals.propose(tenantContext(request, deps.clock), request.params.id, request.body)),
  );
  r.post(
    '/api/v1/proposals/:id/step',
    {
      preHandler: requirePermission('job_order.write'),
      schema: {
        tags,
        summary: 'Move a proposal on: candidate contacted, sent to employer, interview, hired or not hired',
        description:
          'Forward moves only; going back is a correction and needs `correctionReason`. Not hired needs `notHiredReason` and raises a follow-up task with the employer. Hired needs `hiredStartDate`: the spell ends as ordinary_job on it, the order is filled when its positions are, and the placement surveys are sent. Send the version you read.',
        params: ZId,
        body: ZMoveProposal,
        response: { 200: ZProposal },
      },
    },
    async (request) => deps.proposals.move(tenantContext(request, deps.clock), request.params.id, request.body),
  );
}
