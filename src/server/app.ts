import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import type { Database } from '../db/connect';
import type { Clock } from './clock';
import type { CprCipher } from './crypto/cpr-cipher';
import { AppError, renderError } from './errors';
import { requestLanguage } from './i18n';
import { RequestValidationError, validatorCompiler } from './validation';
import { authPlugin } from './plugins/auth';
import { createAuthService } from './auth/service';
import { registerAuthRoutes } from './auth/routes';
import { createJobseekerService } from './jobseekers/service';
import { registerJobseekerRoutes } from './jobseekers/routes';
import { registerAuditRoutes } from './audit/routes';
import { registerReferenceRoutes } from './reference/routes';
import { registerOrganisationRoutes } from './organisation/routes';
import { registerHealthRoutes } from './health/routes';
import { registerTemplateRoutes } from './templates/routes';
import { createSpellService } from './spells/service';
import { registerSpellRoutes } from './spells/routes';
import { createConversationService } from './conversations/service';
import { registerConversationRoutes } from './conversations/routes';
import { createPlanService } from './plans/service';
import { registerPlanRoutes } from './plans/routes';
import { registerClosingDayRoutes } from './closing-days/routes';
import { spellHooks } from './spells/spell-hooks';
import { createCaseloadService } from './caseload/service';
import { registerCaseloadRoutes } from './caseload/routes';
import { createTaskService } from './tasks/service';
import { registerTaskRoutes } from './tasks/routes';
import { createComplianceService } from './compliance/service';
import { registerComplianceRoutes } from './compliance/routes';
import { createSurveyService } from './surveys/service';
import { createPublicSurveyService } from './surveys/public-service';
import { registerPublicSurveyRoutes, registerSurveyRoutes } from './surveys/routes';
import { setSurveyLinkBase } from './surveys/links';
import { createMeasurementService } from './measurement/service';
import { registerMeasurementRoutes } from './measurement/routes';
import { createOfferService } from './offers/service';
import { createAttendanceService } from './offers/attendance';
import { createJobClubService } from './offers/job-club';
import { createReferralService } from './offers/referrals';
import { createJourneyService } from './offers/journeys';
import { registerOfferRoutes } from './offers/routes';
import { createPortalService, type PortalOverviewHook } from './portal/service';
import { registerPortalRoutes } from './portal/routes';
import { countUnreadMessages } from './portal/unread-messages';
import { createJoblogService } from './joblog/service';
import { registerJoblogRoutes } from './joblog/routes';
import { registerPortalJoblogRoutes } from './joblog/portal-routes';
import { createMessageService } from './messages/service';
import { registerMessageRoutes } from './messages/routes';
import { registerPortalMessageRoutes } from './messages/portal-routes';
import { createOutboxService } from './notifications/outbox-service';
import { registerNotificationRoutes } from './notifications/routes';
import { createBookingService } from './booking/service';
import { registerBookingRoutes } from './booking/routes';
import { portalAuthPlugin, portalContext, requireJobseeker } from './plugins/portal-auth';
import { registerPortalBookingRoutes } from './booking/portal-routes';
import { createPortalAuthService } from './portal/auth-service';
import { registerPortalAuthRoutes, type PortalOidcConfig } from './portal/auth-routes';
import { createEmployerService } from './brokering/employers';
import { createJobOrderService, createPublicJobOrderService } from './brokering/job-orders';
import { createCvService } from './brokering/cv';
import { createMatchingService } from './brokering/matching';
import { createProposalService } from './brokering/proposals';
import { createBusinessActivityService } from './business-activities/service';
import { registerBusinessActivityRoutes } from './business-activities/routes';
import { createWageHoursService } from './wage-hours/service';
import { registerWageHoursRoutes } from './wage-hours/routes';
import { registerCvRoutes, registerEmployerRoutes, registerJobOrderRoutes, registerMatchingRoutes, registerProposalRoutes, registerPublicJobOrderRoutes } from './brokering/routes';
import { createVacancyImportService } from './vacancies/service';
import { registerVacancyRoutes } from './vacancies/routes';
import { createSavedSearchService } from './vacancies/saved-searches';
import { registerPortalSavedSearchRoutes } from './vacancies/portal-routes';
import { createRecruitmentBoardService } from './recruitment-board/service';
import { registerRecruitmentBoardRoutes } from './recruitment-board/routes';
import { registerPortalJobRoutes } from './brokering/portal-routes';

export const WEB_DIST_DIR = fileURLToPath(new URL('../../dist/web', import.meta.url));

export type RegisteredRoute = { method: string; url: string; schema?: { body?: unknown; params?: unknown; querystring?: unknown } };

declare module 'fastify' {
  interface FastifyInstance {
    routeList: RegisteredRoute[];
  }
}

export type AppOptions = {
  db: Database;
  clock: Clock;
  cipher: CprCipher;
  sessionHours: number;
  secureCookies: boolean;
  logLevel?: string;
  /** Serve the built web app from this folder (absent in API-only tests). */
  webDir?: string | null;
  isReady?: () => boolean;
  /** Where the app is reached from outside (links in survey messages). */
  publicUrl?: string;
  /** Idle minutes of a jobseeker's portal session (default 30). */
  portalSessionMinutes?: number;
  /** OpenID Connect settings for the portal, when configured. */
  portalOidc?: PortalOidcConfig;
  /** Show portal login codes in the staff outbox (demo and development; never in production). */
  showLoginCodes?: boolean;
  /** Counts other features add to the portal's front page (e.g. unread messages). */
  portalOverviewHooks?: PortalOverviewHook[];
};

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      // Paths, not URLs: a query string can hold personal data, and cookies never go to logs.
      serializers: {
        req: (req) => ({ method: req.method, route: req.routeOptions?.url ?? req.url.split('?')[0], remoteAddress: req.ip }),
      },
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
    },
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    ajv: { customOptions: { coerceTypes: false } },
  });
  // Every route, as registered: the cross-organisation and fuzz tests walk this list, so a new
  // route is covered without editing them.
  const routeList: RegisteredRoute[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeList.push({ method: String(method), url: route.url, schema: route.schema as RegisteredRoute['schema'] });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Jobspor API',
        version: '1',
        description:
          'Staff API of Jobspor. Log in with POST /api/v1/auth/login; the session is an HttpOnly cookie. Every change (POST, PATCH, PUT, DELETE) must carry the header `X-CSRF-Token` with the `csrfToken` from login or /auth/me. Errors always have the shape `{ "error": { "code", "message", "fields"? } }`, with messages in Danish unless `Accept-Language: en`. The optional header `X-Jobspor-Purpose` states why data is read; it is kept in the audit log.',
      },
      tags: [
        { name: 'auth', description: 'Login, logout, two-factor' },
        { name: 'jobseekers', description: 'The jobseeker registry' },
        { name: 'audit', description: 'Who read or changed what' },
        { name: 'reference', description: 'Reference data: municipalities, education levels, languages' },
        { name: 'organisation', description: 'The caller’s organisation, its units and staff' },
        { name: 'templates', description: 'Versioned cadences, questionnaires and risk models' },
        { name: 'spells', description: 'Spells, profiling and segment decisions, business-oriented activities (work trial, wage subsidy), ordinary paid hours per month' },
        { name: 'conversations', description: 'Booking, holding and registering conversations' },
        { name: 'plans', description: 'Min Plan, versioned' },
        { name: 'booking', description: 'Caseworkers’ availability, free slots and booking into them (self-booking rules)' },
        { name: 'calendar', description: 'Closing days' },
        { name: 'caseload', description: 'Spells by caseworker and unit, with deadlines and traffic lights; reassignment' },
        { name: 'tasks', description: 'Tasks raised from spells (book the CV talk, overdue talk, no-show, handover) and by staff' },
        { name: 'compliance', description: 'Mandatory talks held within their windows, per spell and per unit' },
        { name: 'surveys', description: 'Satisfaction surveys: results for staff, and the public answer page’s API' },
        { name: 'measurement', description: 'Indicators, initiatives and markers, scorecards with monthly snapshots, exports' },
        { name: 'offers', description: 'Catalogue, sessions and seats, roll-call, absence reports, job clubs' },
        { name: 'referrals', description: 'Referrals between organisations' },
        { name: 'journeys', description: 'Scheduled e-mail journeys' },
        { name: 'outbox', description: 'The embedded outbox: messages waiting for or past delivery' },
        { name: 'brokering', description: 'Employers, contact log, job orders, CV data and explainable matching' },
        { name: 'recruitment-board', description: 'The internal recruitment board: openings, labour needs and internship places shared between staff; subscriptions notify' },
        { name: 'joblog', description: 'The joblog: entries, attached applications, monthly trend and monitoring rules' },
        { name: 'messages', description: 'Secure messages between jobseekers and staff, with the answer promise on job inquiries' },
        { name: 'notifications', description: 'E-mail and SMS notifications and their delivery state (the outbox)' },
        { name: 'portal', description: 'The jobseeker’s portal (/api/portal): own cookie `jobspor_portal`, the same X-CSRF-Token rule' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const auth = createAuthService({ db: options.db, clock: options.clock, sessionHours: options.sessionHours });
  await app.register(authPlugin, { auth });
  const portalSessionMinutes = options.portalSessionMinutes ?? 30;
  const portalAuth = createPortalAuthService({ db: options.db, clock: options.clock, sessionMinutes: portalSessionMinutes, cipher: options.cipher });
  await app.register(portalAuthPlugin, { portalAuth });

  app.setErrorHandler((error, request, reply) => {
    const lang = requestLanguage(request);
    let appError: AppError;
    if (error instanceof AppError) appError = error;
    else if (error instanceof RequestValidationError) appError = error.toAppError();
    else if (typeof (error as { statusCode?: number }).statusCode === 'number' && (error as { statusCode: number }).statusCode < 500) {
      const status = (error as { statusCode: number }).statusCode;
      appError = new AppError(status === 429 ? 'too_many_requests' : status === 404 ? 'not_found' : 'bad_request');
      const { status: _s, body } = renderError(appError, lang);
      return reply.code(status === 413 || status === 415 ? status : status === 429 ? 429 : 400).send(body);
    } else {
      request.log.error({ err: error }, 'unhandled error');
      appError = new AppError('internal');
    }
    const { status, body } = renderError(appError, lang);
    return reply.code(status).send(body);
  });

  registerHealthRoutes(app, { db: options.db, isReady: options.isReady ?? (() => true) });
  registerAuthRoutes(app, { auth, secureCookies: options.secureCookies, sessionHours: options.sessionHours });
  registerJobseekerRoutes(app, { jobseekers: createJobseekerService({ db: options.db, cipher: options.cipher }), clock: options.clock });
  registerAuditRoutes(app, { db: options.db, clock: options.clock });
  registerReferenceRoutes(app, { db: options.db });
  registerOrganisationRoutes(app, { db: options.db, clock: options.clock });
  registerTemplateRoutes(app, { db: options.db, clock: options.clock });
  const spellService = createSpellService({ db: options.db, cipher: options.cipher, hooks: spellHooks });
  registerSpellRoutes(app, { spells: spellService, clock: options.clock });
  const conversationService = createConversationService({ db: options.db, hooks: spellHooks });
  registerConversationRoutes(app, { conversations: conversationService, clock: options.clock });
  const bookingService = createBookingService({ db: options.db, conversations: conversationService });
  registerBookingRoutes(app, { booking: bookingService, clock: options.clock });
  registerPortalBookingRoutes(app, { booking: bookingService, requireJobseeker, portalContext: (request) => portalContext(request, options.clock) });
  const planService = createPlanService({ db: options.db });
  registerPlanRoutes(app, { plans: planService, db: options.db, clock: options.clock });
  registerClosingDayRoutes(app, { db: options.db, clock: options.clock });
  registerCaseloadRoutes(app, { caseload: createCaseloadService({ db: options.db }), clock: options.clock });
  registerTaskRoutes(app, { tasks: createTaskService({ db: options.db }), clock: options.clock });
  registerComplianceRoutes(app, { compliance: createComplianceService({ db: options.db }), clock: options.clock });
  if (options.publicUrl) setSurveyLinkBase(options.publicUrl);
  registerSurveyRoutes(app, { surveys: createSurveyService({ db: options.db }), clock: options.clock });
  registerPublicSurveyRoutes(app, { publicSurveys: createPublicSurveyService({ db: options.db, clock: options.clock }) });
  registerMeasurementRoutes(app, { measurement: createMeasurementService({ db: options.db }), db: options.db, clock: options.clock });
  const offerService = createOfferService({ db: options.db });
  registerOfferRoutes(app, {
    offers: offerService,
    attendance: createAttendanceService({ db: options.db }),
    jobClubs: createJobClubService({ db: options.db }),
    referrals: createReferralService({ db: options.db }),
    journeys: createJourneyService({ db: options.db }),
    clock: options.clock,
  });
  const joblog = createJoblogService({ db: options.db });
  registerJoblogRoutes(app, { joblog, clock: options.clock });
  registerPortalJoblogRoutes(app, { joblog, clock: options.clock });
  registerPortalSavedSearchRoutes(app, { savedSearches: createSavedSearchService({ db: options.db }), clock: options.clock });

  registerEmployerRoutes(app, { employers: createEmployerService({ db: options.db }), clock: options.clock });
  registerJobOrderRoutes(app, { jobOrders: createJobOrderService({ db: options.db }), clock: options.clock });
  registerVacancyRoutes(app, { vacancies: createVacancyImportService({ db: options.db }), clock: options.clock });
  registerCvRoutes(app, { cvs: createCvService({ db: options.db }), clock: options.clock });
  const matching = createMatchingService({ db: options.db });
  registerMatchingRoutes(app, { matching, clock: options.clock });
  registerPortalJobRoutes(app, { matching, clock: options.clock });
  registerProposalRoutes(app, { proposals: createProposalService({ db: options.db, spells: spellService }), clock: options.clock });
  registerBusinessActivityRoutes(app, { activities: createBusinessActivityService({ db: options.db }), clock: options.clock });
  registerWageHoursRoutes(app, { wageHours: createWageHoursService({ db: options.db }), clock: options.clock });
  registerPublicJobOrderRoutes(app, { publicJobOrders: createPublicJobOrderService({ db: options.db, clock: options.clock }) });
  registerRecruitmentBoardRoutes(app, { board: createRecruitmentBoardService({ db: options.db }), clock: options.clock });

  const messages = createMessageService({ db: options.db });
  registerMessageRoutes(app, { messages, clock: options.clock });
  registerPortalMessageRoutes(app, { messages, clock: options.clock });
  registerNotificationRoutes(app, { outbox: createOutboxService({ db: options.db, showLoginCodes: options.showLoginCodes ?? false }), clock: options.clock });
  registerPortalRoutes(app, {
    portal: createPortalService({ db: options.db, spells: spellService, plans: planService, offers: offerService, overviewHooks: [countUnreadMessages, ...(options.portalOverviewHooks ?? [])] }),
    clock: options.clock,
  });
  registerPortalAuthRoutes(app, { portalAuth, secureCookies: options.secureCookies, sessionMinutes: portalSessionMinutes, oidc: options.portalOidc ?? null, clock: options.clock });

  const webDir = options.webDir === undefined ? WEB_DIST_DIR : options.webDir;
  if (webDir && existsSync(path.join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false });
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      // An unknown API path is a 404 in JSON, not the web app's page.
      if (request.url.startsWith('/api/')) {
        const { status, body } = renderError(new AppError('not_found'), requestLanguage(request));
        return reply.code(status).send(body);
      }
      const file = request.url.split('?')[0]!.slice(1);
      if (file && existsSync(path.join(webDir, file)) && !file.includes('..')) return reply.sendFile(file);
      return reply.type('text/html').sendFile('index.html');
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const { status, body } = renderError(new AppError('not_found'), requestLanguage(request));
    return reply.code(status).send(body);
  });
  return app;
}
