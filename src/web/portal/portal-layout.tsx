import { Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../layout/language-switch';
import { SkipLink } from '../layout/skip-link';

/** The jobseeker's side: no staff header or menu; built for a phone first. */
export function PortalLayout() {
  const { t } = useTranslation();
  return (
    <>
      <SkipLink />
      <header className="portal-header">
        <div className="container portal-header-inner">
          <p className="portal-brand">{t('portalJoblog.brand')}</p>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main-content" tabIndex={-1} className="container app-main portal-main">
        <Outlet />
      </main>
    </>
  );
}
