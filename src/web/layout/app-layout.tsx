import { Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';
import { setCsrfToken } from '../api/client';
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
  const area = useRouterState({ select: (s) => (s.location.pathname.startsWith('/s/') || s.location.pathname.startsWith('/jobordre/') ? 'survey' : s.location.pathname === '/portal' || s.location.pathname.startsWith('/portal/') ? 'portal' : 'staff') });
  if (area === 'survey') return <PublicSurveyLayout />;
  // The jobseeker's portal has its own header and session; the staff session is not even asked for.
  if (area === 'portal') return <PortalLayout />;
  return <StaffLayout />;
}

function StaffLayout() {
  const me = useMe();
  // Back from the portal in the same browser: changes here carry the staff session's token again.
  useEffect(() => {
    if (me) setCsrfToken(me.csrfToken);
  }, [me]);
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
