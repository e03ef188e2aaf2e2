import '@dkfds/css/dkfds.min.css';
import './styles/app.css';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isApiError, onUnauthenticated } from './api/client';
import { meQuery } from './api/auth';
import { portalMeQuery } from './api/portal';
import { focusHeadingIfRequested, requestHeadingFocus } from './components/heading-focus';
import { initI18n } from './i18n';
import { AnnouncerProvider } from './layout/announcer';
import { createAppRouter } from './router';

const queryClient = new QueryClient({
  queryCache: new QueryCache(),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not get better by asking again.
      retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

const router = createAppRouter(queryClient);

// A session that ends (expired, logged out elsewhere) sends the user to the login page,
// and back to where they were after logging in.
onUnauthenticated(() => {
  const here = router.state.location;
  // A jobseeker's portal session ended: back to the portal's own login.
  if (here.pathname.startsWith('/portal')) {
    queryClient.setQueryData(portalMeQuery.queryKey, null);
    if (here.pathname !== '/portal/login') void router.navigate({ to: '/portal/login' });
    return;
  }
  queryClient.setQueryData(meQuery.queryKey, null);
  if (here.pathname !== '/login') void router.navigate({ to: '/login', search: { redirect: here.href } });
});

router.subscribe('onBeforeNavigate', (event) => {
  if (event.fromLocation && event.pathChanged) requestHeadingFocus();
});
router.subscribe('onRendered', () => focusHeadingIfRequested());

void initI18n().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <AnnouncerProvider>
          <RouterProvider router={router} />
        </AnnouncerProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
});
