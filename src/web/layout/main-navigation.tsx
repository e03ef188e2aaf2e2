import { Link, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { can } from '../api/auth';
import type { Me } from '../api/types';

type NavItem = { to: '/caseload' | '/jobseekers' | '/audit' | '/admin/staff' | '/admin/cadences' | '/admin/closing-days' | '/profile' | '/satisfaction' | '/results' | '/offers' | '/absence-report' | '/referrals' | '/messages' | '/outbox' | '/availability' | '/employers' | '/job-orders' | '/vacancy-imports' | '/recruitment-board'; labelKey: string; permission?: string };

const ITEMS: NavItem[] = [
  { to: '/caseload', labelKey: 'nav.caseload', permission: 'caseload.read' },
  { to: '/jobseekers', labelKey: 'nav.jobseekers', permission: 'jobseeker.read' },
  { to: '/messages', labelKey: 'messages.nav', permission: 'message.read' },
  { to: '/availability', labelKey: 'availability.nav', permission: 'availability.read' },
  { to: '/admin/cadences', labelKey: 'nav.cadences', permission: 'template.manage' },
  { to: '/admin/closing-days', labelKey: 'nav.closingDays', permission: 'closing_day.manage' },
  { to: '/results', labelKey: 'results.nav', permission: 'measurement.read' },
  { to: '/offers', labelKey: 'nav.offers', permission: 'offer.read' },
  { to: '/job-orders', labelKey: 'brokering.nav.jobOrders', permission: 'job_order.read' },
  { to: '/employers', labelKey: 'brokering.nav.employers', permission: 'employer.read' },
  { to: '/recruitment-board', labelKey: 'board.nav', permission: 'board.read' },
  { to: '/vacancy-imports', labelKey: 'vacancyImport.nav', permission: 'vacancy.import' },
  { to: '/absence-report', labelKey: 'nav.absenceReport', permission: 'offer.enrol' },
  { to: '/referrals', labelKey: 'nav.referrals', permission: 'referral.manage' },
  { to: '/audit', labelKey: 'nav.audit', permission: 'audit.read' },
  { to: '/outbox', labelKey: 'outbox.nav', permission: 'outbox.read' },
  { to: '/satisfaction', labelKey: 'surveys.nav', permission: 'survey.results' },
  { to: '/admin/staff', labelKey: 'nav.staff', permission: 'staff.manage' },
  { to: '/profile', labelKey: 'nav.profile' },
];

/** The menu shows only what the user's role may use. */
export function MainNavigation({ me }: { me: Me }) {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const items = ITEMS.filter((item) => !item.permission || can(me, item.permission));
  return (
    <nav className="navigation-menu" aria-label={t('nav.label')}>
      <div className="container navigation-menu-inner">
        <ul className="mainmenu">
          {items.map((item) => {
            const active = pathname === item.to || pathname.startsWith(`${item.to}/`);
            return (
              <li key={item.to} className={active ? 'active' : undefined}>
                <Link to={item.to} className="nav-link" aria-current={active ? 'page' : undefined}>
                  <span>{t(item.labelKey)}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}
