import { Outlet } from '@tanstack/react-router';
import { SkipLink } from '../layout/skip-link';
import './surveys.css';

/** The public survey page stands alone: no staff header, no menu, no login. */
export function PublicSurveyLayout() {
  return (
    <>
      <SkipLink />
      <main id="main-content" tabIndex={-1} className="container app-main survey-public">
        <Outlet />
      </main>
    </>
  );
}
