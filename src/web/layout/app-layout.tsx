import { Outlet, useRouterState } from '@tanstack/react-router';
import { PublicSurveyLayout } from '../surveys/public-survey-layout';
import { PortalLayout } from '../portal/portal-layout';
import { useMe } from '../api/auth';
import { AppHeader } from './app-header';
import { SkipLink } from './skip-link';

/** Skip link, header and the main landmark around every page, logged in or not. */
export function AppLayout() {
  const me = useMe();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  if (pathname.startsWith('/s/')) return <PublicSurveyLayout />;
  if (pathname === '/portal' || pathname.startsWith('/portal/')) return <PortalLayout />;
  return (
    <>
      <SkipLink />
      <AppHeader me={me} />
      <main id="main-content" tabIndex={-1} className="container app-main">
        <Outlet />
      </main>
    </>
  );
}
