import { Outlet, useRouterState } from '@tanstack/react-router';
import { PublicSurveyLayout } from '../surveys/public-survey-layout';
import { PortalLayout } from '../portal/portal-layout';
import { useMe } from '../api/auth';
import { AppHeader } from './app-header';
import { SkipLink } from './skip-link';

/**
 * The layout by part of the app: the public survey page and the jobseeker's portal stand alone
 * (the portal has its own session; the staff session is not even asked for there).
 */
export function AppLayout() {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  if (pathname.startsWith('/s/') || pathname.startsWith('/jobordre/')) return <PublicSurveyLayout />;
  if (pathname === '/portal' || pathname.startsWith('/portal/')) return <PortalLayout />;
  return <StaffLayout />;
}

/** Skip link, header and the main landmark around every staff page, logged in or not. */
function StaffLayout() {
  const me = useMe();
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
