import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { usePortalLogout, usePortalMe } from '../api/portal';
import { LanguageSwitch } from '../layout/language-switch';
import { SkipLink } from '../layout/skip-link';
import './portal.css';

/** The jobseeker's pages: no staff header or menu; their own name and log-out. */
export function PortalLayout() {
  const { t } = useTranslation();
  const me = usePortalMe().data ?? null;
  const logout = usePortalLogout();
  const navigate = useNavigate();
  return (
    <>
      <SkipLink />
      <header className="header">
        <div className="portal-info">
          <div className="container portal-info-inner app-portal">
            <span className="app-logo">{t('portalBooking.portalName')}</span>
            <div className="app-portal-tools">
              {me ? (
                <p className="app-user">
                  <span className="app-user-name">
                    {me.firstName} {me.lastName}
                  </span>
                  <span className="app-user-role">{me.organisationName}</span>
                </p>
              ) : null}
              <LanguageSwitch />
              {me ? (
                <button type="button" className="button button-secondary" disabled={logout.isPending} onClick={() => logout.mutate(undefined, { onSettled: () => void navigate({ to: '/portal/login' }) })}>
                  {t('layout.logout')}
                </button>
              ) : null}
            </div>
          </div>
        </div>
        {me ? (
          <nav className="container portal-nav" aria-label={t('portalMessages.navLabel')}>
            <ul>
              <li>
                <Link to="/portal/booking">{t('portalMessages.navBooking')}</Link>
              </li>
              <li>
                <Link to="/portal/messages">{t('portalMessages.navMessages')}</Link>
              </li>
            </ul>
          </nav>
        ) : null}
      </header>
      {me ? (
        <nav className="container app-portal-nav" aria-label={t('portalJoblog.navLabel')}>
          <ul className="app-inline-list">
            <li>
              <Link to="/portal/booking" activeProps={{ 'aria-current': 'page' }}>
                {t('portalJoblog.navBooking')}
              </Link>
            </li>
            <li>
              <Link to="/portal/joblog" activeProps={{ 'aria-current': 'page' }}>
                {t('portalJoblog.navJoblog')}
              </Link>
            </li>
          </ul>
        </nav>
      ) : null}
      <main id="main-content" tabIndex={-1} className="container app-main app-portal-main">
        <Outlet />
      </main>
    </>
  );
}
