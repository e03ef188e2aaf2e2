import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { setCsrfToken } from '../api/client';
import { usePortalLogout, usePortalMe } from '../api/portal';
import { LanguageSwitch } from '../layout/language-switch';
import { SkipLink } from '../layout/skip-link';
import './portal.css';

const LINKS = [
  { to: '/portal', key: 'home' },
  { to: '/portal/booking', key: 'booking' },
  { to: '/portal/joblog', key: 'joblog' },
  { to: '/portal/messages', key: 'messages' },
  { to: '/portal/questionnaire', key: 'questionnaire' },
  { to: '/portal/plan', key: 'plan' },
  { to: '/portal/offers', key: 'offers' },
  { to: '/portal/jobs', key: 'jobs' },
  { to: '/portal/saved-searches', key: 'savedSearches' },
  { to: '/portal/access-log', key: 'accessLog' },
  { to: '/portal/data', key: 'data' },
] as const;

/** The jobseeker's own layout: their name, a short menu, language and log out. Mobile first. */
export function PortalLayout() {
  const { t } = useTranslation();
  const me = usePortalMe().data ?? null;
  const logout = usePortalLogout();
  const navigate = useNavigate();
  // One browser can hold a staff and a portal session: changes here carry the portal's token.
  useEffect(() => {
    if (me) setCsrfToken(me.csrfToken);
  }, [me]);
  return (
    <>
      <SkipLink />
      <header className="header portal-header">
        <div className="container portal-bar">
          <span className="app-logo">{t('portal.name')}</span>
          <div className="portal-tools">
            {me ? <span className="portal-user">{`${me.firstName} ${me.lastName}`}</span> : null}
            <LanguageSwitch />
            {me ? (
              <button type="button" className="button button-secondary" disabled={logout.isPending} onClick={() => logout.mutate(undefined, { onSettled: () => void navigate({ to: '/portal/login' }) })}>
                {t('portal.logout')}
              </button>
            ) : null}
          </div>
        </div>
        {me ? (
          <nav className="container portal-nav" aria-label={t('portal.menu')}>
            <ul>
              {LINKS.map((l) => (
                <li key={l.to}>
                  <Link to={l.to} activeOptions={{ exact: true }} activeProps={{ 'aria-current': 'page', className: 'active' }}>
                    {t(`portal.nav.${l.key}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main-content" tabIndex={-1} className="container app-main portal-main">
        <Outlet />
      </main>
    </>
  );
}
