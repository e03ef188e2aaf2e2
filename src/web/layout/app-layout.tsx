import { Outlet, useRouterState } from '@tanstack/react-router';
import { PublicSurveyLayout } from '../surveys/public-survey-layout';
import { useMe } from '../api/auth';
import { AppHeader } from './app-header';
import { SkipLink } from './skip-link';

/** Skip link, header and the main landmark around every page, logged in or not. */
export function AppLayout() {
  const me = useMe();
  const publicSurvey = useRouterState({ select: (s) => s.location.pathname.startsWith('/s/') || s.location.pathname.startsWith('/jobordre/') });
  if (publicSurvey) return <PublicSurveyLayout />;
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
