import { Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { usePortalMe } from '../api/portal-messages';
import { LanguageSwitch } from '../layout/language-switch';
import { SkipLink } from '../layout/skip-link';
import './portal.css';

/** The jobseeker's side: one narrow column for a phone, the organisation's name, no staff menu. */
export function PortalLayout() {
  const { t } = useTranslation();
  const me = usePortalMe();
  return (
    <>
      <SkipLink />
      <header className="portal-header">
        <div className="container portal-header-inner">
          <p className="portal-org">{me.data?.organisationName ?? t('portalMessages.portalName')}</p>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main-content" tabIndex={-1} className="container app-main portal-main">
        {me.isLoading ? null : me.data ? (
          <Outlet />
        ) : (
          <div className="alert alert-warning" role="alert">
            <div className="alert-body">
              <p className="alert-heading">{t('portalMessages.notLoggedIn')}</p>
              <p className="alert-text">{t('portalMessages.notLoggedInText')}</p>
            </div>
          </div>
        )}
      </main>
    </>
  );
}
