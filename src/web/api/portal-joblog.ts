import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, isApiError, setPortalCsrfToken } from './client';
import type { JoblogBase } from './joblog';

export type PortalMe = { id: string; organisationId: string; organisationName: string; firstName: string; lastName: string; preferredLanguage: string; csrfToken: string };

/** The jobseeker logged in to the portal, or null. */
export const portalMeQuery = queryOptions({
  queryKey: ['portal-me'],
  queryFn: async (): Promise<PortalMe | null> => {
    try {
      const me = await api.get<PortalMe>('/api/portal/auth/me', { quiet401: true });
      setPortalCsrfToken(me.csrfToken);
      return me;
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        setPortalCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

export function usePortalMe() {
  return useQuery(portalMeQuery);
}

/** The portal's joblog API: always the logged-in jobseeker's own, so no id in any URL. */
export const PORTAL_JOBLOG_BASE: JoblogBase = { list: '/api/portal/joblog', overview: '/api/portal/joblog/overview', entry: (id) => `/api/portal/joblog/${encodeURIComponent(id)}` };
