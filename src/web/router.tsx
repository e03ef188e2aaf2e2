import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect, type AsyncRouteComponent } from '@tanstack/react-router';
import { can, meQuery } from './api/auth';
import { CASELOAD_SORTS, type CaseloadSort } from './api/caseload';
import { TRAFFIC_LIGHTS, type TrafficLight } from './api/spell-types';
import { JOBSEEKER_SORTS, type JobseekerSort, type Me } from './api/types';
import { SpellPage } from './case/spell-page';
import { SPELL_TABS, type SpellTab } from './case/spell-tabs';
import { LoginPage } from './auth/login-page';
import { AppLayout } from './layout/app-layout';
import { ErrorPage, NoAccessPage, NotFoundPage } from './layout/simple-pages';
import { portalMeQuery } from './api/portal';
import { PortalLoginPage } from './portal/portal-login-page';

// Pages load with their area when first visited, so a jobseeker's phone does not download the
// staff app (nor a caseworker the charts) up front; the router preloads a page's code with its data.
const AuditPage = lazyRouteComponent(() => import('./audit/audit-page'), 'AuditPage');
const CadencePage = lazyRouteComponent(() => import('./admin/cadence-page'), 'CadencePage');
const CadencesPage = lazyRouteComponent(() => import('./admin/cadences-page'), 'CadencesPage');
const ClosingDaysPage = lazyRouteComponent(() => import('./admin/closing-days-page'), 'ClosingDaysPage');
const StaffPage = lazyRouteComponent(() => import('./admin/staff-page'), 'StaffPage');
const CaseloadPage = lazyRouteComponent(() => import('./caseload/caseload-page'), 'CaseloadPage');
const NewSpellPage = lazyRouteComponent(() => import('./jobseekers/new-spell-page'), 'NewSpellPage');
const JobseekerCreatePage = lazyRouteComponent(() => import('./jobseekers/jobseeker-create-page'), 'JobseekerCreatePage');
const JobseekerDetailPage = lazyRouteComponent(() => import('./jobseekers/jobseeker-detail-page'), 'JobseekerDetailPage');
const JobseekerEditPage = lazyRouteComponent(() => import('./jobseekers/jobseeker-edit-page'), 'JobseekerEditPage');
const JobseekerListPage = lazyRouteComponent(() => import('./jobseekers/jobseeker-list-page'), 'JobseekerListPage');
const ProfilePage = lazyRouteComponent(() => import('./profile/profile-page'), 'ProfilePage');
const SatisfactionPage = lazyRouteComponent(() => import('./surveys/satisfaction-page'), 'SatisfactionPage');
const SurveyAnswerPage = lazyRouteComponent(() => import('./surveys/survey-answer-page'), 'SurveyAnswerPage');
const ResultsPage = lazyRouteComponent(() => import('./results/results-page'), 'ResultsPage');
const OfferListPage = lazyRouteComponent(() => import('./offers/offer-list-page'), 'OfferListPage');
const EmployerListPage = lazyRouteComponent(() => import('./brokering/employer-list-page'), 'EmployerListPage');
const EmployerDetailPage = lazyRouteComponent(() => import('./brokering/employer-detail-page'), 'EmployerDetailPage');
const JobOrderListPage = lazyRouteComponent(() => import('./brokering/job-order-list-page'), 'JobOrderListPage');
const VacancyImportPage = lazyRouteComponent(() => import('./vacancies/vacancy-import-page'), 'VacancyImportPage');
const RecruitmentBoardPage = lazyRouteComponent(() => import('./recruitment-board/board-page'), 'RecruitmentBoardPage');
const JobOrderDetailPage = lazyRouteComponent(() => import('./brokering/job-order-detail-page'), 'JobOrderDetailPage');
const PublicJobOrderPage = lazyRouteComponent(() => import('./brokering/public-job-order-page'), 'PublicJobOrderPage');
const CvPage = lazyRouteComponent(() => import('./brokering/cv-page'), 'CvPage');
const OfferDetailPage = lazyRouteComponent(() => import('./offers/offer-detail-page'), 'OfferDetailPage');
const SessionPage = lazyRouteComponent(() => import('./offers/session-page'), 'SessionPage');
const RollCallPage = lazyRouteComponent(() => import('./offers/roll-call-page'), 'RollCallPage');
const AbsenceReportPage = lazyRouteComponent(() => import('./offers/absence-report-page'), 'AbsenceReportPage');
const ReferralsPage = lazyRouteComponent(() => import('./offers/referrals-page'), 'ReferralsPage');
const PortalJoblogPage = lazyRouteComponent(() => import('./portal/joblog-page'), 'PortalJoblogPage');
const InboxPage = lazyRouteComponent(() => import('./messages/inbox-page'), 'InboxPage');
const ThreadPage = lazyRouteComponent(() => import('./messages/thread-page'), 'ThreadPage');
const OutboxPage = lazyRouteComponent(() => import('./outbox/outbox-page'), 'OutboxPage');
const PortalMessagesPage = lazyRouteComponent(() => import('./portal/portal-messages-page'), 'PortalMessagesPage');
const PortalThreadPage = lazyRouteComponent(() => import('./portal/portal-thread-page'), 'PortalThreadPage');
const AvailabilityPage = lazyRouteComponent(() => import('./booking/availability-page'), 'AvailabilityPage');
const PortalBookingPage = lazyRouteComponent(() => import('./portal/portal-booking-page'), 'PortalBookingPage');
const PortalHomePage = lazyRouteComponent(() => import('./portal/portal-home-page'), 'PortalHomePage');
const PortalQuestionnairePage = lazyRouteComponent(() => import('./portal/portal-questionnaire-page'), 'PortalQuestionnairePage');
const PortalPlanPage = lazyRouteComponent(() => import('./portal/portal-plan-page'), 'PortalPlanPage');
const PortalOffersPage = lazyRouteComponent(() => import('./portal/portal-offers-page'), 'PortalOffersPage');
const PortalAccessLogPage = lazyRouteComponent(() => import('./portal/portal-access-log-page'), 'PortalAccessLogPage');
const PortalDataPage = lazyRouteComponent(() => import('./portal/portal-data-page'), 'PortalDataPage');
const PortalJobsPage = lazyRouteComponent(() => import('./portal/portal-jobs-page'), 'PortalJobsPage');
const PortalSavedSearchesPage = lazyRouteComponent(() => import('./portal/portal-saved-searches-page'), 'PortalSavedSearchesPage');
const PortalChoosePage = lazyRouteComponent(() => import('./portal/portal-choose-page'), 'PortalChoosePage');

type RouterContext = { queryClient: QueryClient };

const positiveInt = (value: unknown): number | undefined => {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
};
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const isoDate = (value: unknown): string | undefined => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: AppLayout,
  notFoundComponent: NotFoundPage,
  errorComponent: ErrorPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string; loggedOut?: boolean } => ({
    // Only paths inside the app, so the login page cannot be used to send people elsewhere.
    redirect: typeof search.redirect === 'string' && search.redirect.startsWith('/') && !search.redirect.startsWith('//') ? search.redirect : undefined,
    loggedOut: search.loggedOut === true || search.loggedOut === 'true' ? true : undefined,
  }),
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (me) throw redirect({ to: '/' });
  },
  component: LoginPage,
});

const authenticatedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'authenticated',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/login', search: { redirect: location.href } });
    return { me };
  },
  component: Outlet,
});

/** A page the user's role may not use shows a "no access" page instead. */
function guarded(permission: string, Page: AsyncRouteComponent<unknown> | (() => ReactNode)) {
  function Guarded() {
    const me = authenticatedRoute.useRouteContext({ select: (c) => c.me as Me });
    return can(me, permission) ? <Page /> : <NoAccessPage />;
  }
  // The router loads a lazy page's code before it renders the route, if it can see how.
  Guarded.preload = 'preload' in Page ? Page.preload : undefined;
  return Guarded;
}

const homeRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    const me = context.me;
    if (can(me, 'caseload.read')) throw redirect({ to: '/caseload' });
    if (can(me, 'jobseeker.read')) throw redirect({ to: '/jobseekers' });
    if (can(me, 'audit.read')) throw redirect({ to: '/audit' });
    throw redirect({ to: '/profile' });
  },
});

const jobseekersRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/jobseekers',
  validateSearch: (search: Record<string, unknown>): { page?: number; sort?: JobseekerSort; municipalityCode?: number } => ({
    page: positiveInt(search.page),
    sort: JOBSEEKER_SORTS.includes(search.sort as JobseekerSort) ? (search.sort as JobseekerSort) : undefined,
    municipalityCode: positiveInt(search.municipalityCode),
  }),
  component: guarded('jobseeker.read', JobseekerListPage),
});

const jobseekerNewRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/jobseekers/new',
  component: guarded('jobseeker.write', JobseekerCreatePage),
});

const jobseekerRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/jobseekers/$id',
  component: guarded('jobseeker.read', JobseekerDetailPage),
});

const jobseekerEditRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/jobseekers/$id/edit',
  component: guarded('jobseeker.write', JobseekerEditPage),
});

const jobseekerNewSpellRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/jobseekers/$id/spells/new',
  component: guarded('spell.write', NewSpellPage),
});

const caseloadRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/caseload',
  validateSearch: (
    search: Record<string, unknown>,
  ): { caseworker?: string; unitId?: string; segment?: string; targetGroup?: string; light?: TrafficLight; sort?: CaseloadSort; page?: number } => ({
    caseworker: text(search.caseworker),
    unitId: text(search.unitId),
    segment: text(search.segment),
    targetGroup: text(search.targetGroup),
    light: TRAFFIC_LIGHTS.includes(search.light as TrafficLight) ? (search.light as TrafficLight) : undefined,
    sort: CASELOAD_SORTS.includes(search.sort as CaseloadSort) ? (search.sort as CaseloadSort) : undefined,
    page: positiveInt(search.page),
  }),
  component: guarded('caseload.read', CaseloadPage),
});

const spellRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/spells/$id',
  validateSearch: (search: Record<string, unknown>): { tab?: SpellTab } => ({
    tab: SPELL_TABS.includes(search.tab as SpellTab) && search.tab !== 'conversations' ? (search.tab as SpellTab) : undefined,
  }),
  component: guarded('spell.read', SpellPage),
});

const cadencesRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/admin/cadences',
  component: guarded('template.manage', CadencesPage),
});

const cadenceRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/admin/cadences/$id',
  component: guarded('template.read', CadencePage),
});

const closingDaysRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/admin/closing-days',
  component: guarded('closing_day.manage', ClosingDaysPage),
});

const auditRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/audit',
  validateSearch: (search: Record<string, unknown>): { action?: string; from?: string; to?: string; jobseekerId?: string; page?: number } => ({
    action: text(search.action),
    from: isoDate(search.from),
    to: isoDate(search.to),
    jobseekerId: text(search.jobseekerId),
    page: positiveInt(search.page),
  }),
  component: guarded('audit.read', AuditPage),
});

const messagesRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/messages',
  validateSearch: (search: Record<string, unknown>): { box?: 'unit' | 'all'; awaiting?: boolean; page?: number } => ({
    box: search.box === 'unit' || search.box === 'all' ? search.box : undefined,
    awaiting: search.awaiting === true || search.awaiting === 'true' ? true : undefined,
    page: positiveInt(search.page),
  }),
  component: guarded('message.read', InboxPage),
});
const messageRoute = createRoute({ getParentRoute: () => authenticatedRoute, path: '/messages/$id', component: guarded('message.read', ThreadPage) });
const outboxRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/outbox',
  validateSearch: (search: Record<string, unknown>): { template?: string; status?: string; page?: number } => ({
    template: text(search.template),
    status: text(search.status),
    page: positiveInt(search.page),
  }),
  component: guarded('outbox.read', OutboxPage),
});

const staffRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/admin/staff',
  component: guarded('staff.manage', StaffPage),
});

const resultsRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/results',
  component: guarded('measurement.read', ResultsPage),
});

const profileRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/profile',
  component: ProfilePage,
});

/** The public survey page a link in an SMS or e-mail opens: no login (see AppLayout). */
const surveyAnswerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/s/$code',
  component: SurveyAnswerPage,
});

const satisfactionRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/satisfaction',
  validateSearch: (search: Record<string, unknown>): { from?: string; to?: string; unitId?: string; caseworkerId?: string; type?: string } => ({
    from: isoDate(search.from),
    to: isoDate(search.to),
    unitId: text(search.unitId),
    caseworkerId: text(search.caseworkerId),
    type: text(search.type),
  }),
  component: guarded('survey.results', SatisfactionPage),
});

const offersRoute = createRoute({ getParentRoute: () => authenticatedRoute, path: '/offers', component: guarded('offer.read', OfferListPage) });
const offerRoute = createRoute({ getParentRoute: () => authenticatedRoute, path: '/offers/$id', component: guarded('offer.read', OfferDetailPage) });
const offerSessionRoute = createRoute({ getParentRoute: () => authenticatedRoute, path: '/offer-sessions/$id', component: guarded('offer.read', SessionPage) });
const rollCallRoute = createRoute({ getParentRoute: () => authenticatedRoute, path: '/offer-sessions/$id/roll-call', component: guarded('offer.enrol', RollCallPage) });
const absenceReportRoute = createRoute({ getParentRoute: () => authenticatedRoute, path: '/absence-report', component: guarded('offer.enrol', AbsenceReportPage) });
const referralsRoute = createRoute({ getParentRoute: () => authenticatedRoute, path: '/referrals', component: guarded('referral.manage', ReferralsPage) });
const employersRoute = createRoute({ getParentRoute: () => authenticatedRoute, path: '/employers', component: guarded('employer.read', EmployerListPage) });
const employerRoute = createRoute({ getParentRoute: () => authenticatedRoute, path: '/employers/$id', component: guarded('employer.read', EmployerDetailPage) });
const jobOrdersRoute = createRoute({ getParentRoute: () => authenticatedRoute, path: '/job-orders', component: guarded('job_order.read', JobOrderListPage) });
const jobOrderRoute = createRoute({ getParentRoute: () => authenticatedRoute, path: '/job-orders/$id', component: guarded('job_order.read', JobOrderDetailPage) });
const cvRoute = createRoute({ getParentRoute: () => authenticatedRoute, path: '/jobseekers/$id/cv', component: guarded('cv.read', CvPage) });
const vacancyImportRoute = createRoute({ getParentRoute: () => authenticatedRoute, path: '/vacancy-imports', component: guarded('vacancy.import', VacancyImportPage) });
const recruitmentBoardRoute = createRoute({ getParentRoute: () => authenticatedRoute, path: '/recruitment-board', component: guarded('board.read', RecruitmentBoardPage) });
const brokeringRoutes = [employersRoute, employerRoute, jobOrdersRoute, jobOrderRoute, cvRoute, vacancyImportRoute, recruitmentBoardRoute];
/** The public job-order form an employer fills in: no login (see AppLayout). */
const publicJobOrderRoute = createRoute({ getParentRoute: () => rootRoute, path: '/jobordre/$organisationId', component: PublicJobOrderPage });

const availabilityRoute = createRoute({ getParentRoute: () => authenticatedRoute, path: '/availability', component: guarded('availability.read', AvailabilityPage) });
// The jobseeker's portal: its own login and session (see AppLayout for its layout).
const portalLoginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/portal/login',
  beforeLoad: async ({ context }) => {
    if (await context.queryClient.ensureQueryData(portalMeQuery)) throw redirect({ to: '/portal' });
  },
  component: PortalLoginPage,
});
/** After a MitID login that matched several organisations: the choice cookie, not a session, gives access. */
const portalChooseRoute = createRoute({ getParentRoute: () => rootRoute, path: '/portal/login/choose', component: PortalChoosePage });
const portalAuthenticatedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'portal-authenticated',
  beforeLoad: async ({ context }) => {
    if (!(await context.queryClient.ensureQueryData(portalMeQuery))) throw redirect({ to: '/portal/login' });
  },
  component: Outlet,
});
const portalRoutes = [
  createRoute({ getParentRoute: () => portalAuthenticatedRoute, path: '/portal', component: PortalHomePage }),
  createRoute({ getParentRoute: () => portalAuthenticatedRoute, path: '/portal/booking', component: PortalBookingPage }),
  createRoute({ getParentRoute: () => portalAuthenticatedRoute, path: '/portal/joblog', component: PortalJoblogPage }),
  createRoute({ getParentRoute: () => portalAuthenticatedRoute, path: '/portal/messages', component: PortalMessagesPage }),
  createRoute({ getParentRoute: () => portalAuthenticatedRoute, path: '/portal/messages/$id', component: PortalThreadPage }),
  createRoute({ getParentRoute: () => portalAuthenticatedRoute, path: '/portal/questionnaire', component: PortalQuestionnairePage }),
  createRoute({ getParentRoute: () => portalAuthenticatedRoute, path: '/portal/plan', component: PortalPlanPage }),
  createRoute({ getParentRoute: () => portalAuthenticatedRoute, path: '/portal/offers', component: PortalOffersPage }),
  createRoute({ getParentRoute: () => portalAuthenticatedRoute, path: '/portal/jobs', component: PortalJobsPage }),
  createRoute({ getParentRoute: () => portalAuthenticatedRoute, path: '/portal/saved-searches', component: PortalSavedSearchesPage }),
  createRoute({ getParentRoute: () => portalAuthenticatedRoute, path: '/portal/access-log', component: PortalAccessLogPage }),
  createRoute({ getParentRoute: () => portalAuthenticatedRoute, path: '/portal/data', component: PortalDataPage }),
];
const offerRoutes = [offersRoute, offerRoute, offerSessionRoute, rollCallRoute, absenceReportRoute, referralsRoute];

const routeTree = rootRoute.addChildren([
  loginRoute,
  surveyAnswerRoute,
  publicJobOrderRoute,
  portalLoginRoute,
  portalChooseRoute,
  portalAuthenticatedRoute.addChildren(portalRoutes),
  authenticatedRoute.addChildren([
    homeRoute,
    caseloadRoute,
    jobseekersRoute,
    jobseekerNewRoute,
    jobseekerRoute,
    jobseekerEditRoute,
    jobseekerNewSpellRoute,
    spellRoute,
    auditRoute,
    messagesRoute,
    messageRoute,
    outboxRoute,
    staffRoute,
    cadencesRoute,
    cadenceRoute,
    closingDaysRoute,
    profileRoute,
    satisfactionRoute,
    resultsRoute,
    ...offerRoutes,
    ...brokeringRoutes,
    availabilityRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({ routeTree, context: { queryClient }, defaultPreload: false, scrollRestoration: true });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
