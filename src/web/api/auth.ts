import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from './client';
import type { Me } from './types';

/** The logged-in staff member, or null when nobody is logged in. */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async (): Promise<Me | null> => {
    try {
      const me = await api.get<Me>('/api/v1/auth/me', { quiet401: true });
      setCsrfToken(me.csrfToken);
      return me;
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

export function useMe(): Me | null {
  return useQuery(meQuery).data ?? null;
}

export function can(me: Me | null, permission: string): boolean {
  return !!me && me.permissions.includes(permission);
}

/**
 * Forget everything fetched under the previous session (another user's data must not show),
 * but keep the `me` query itself, which the header is subscribed to.
 */
function forgetSessionData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
}

export type LoginInput = { email: string; password: string; totp?: string };

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api.post<Me>('/api/v1/auth/login', input, { quiet401: true }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      forgetSessionData(queryClient);
      queryClient.setQueryData(meQuery.queryKey, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/v1/auth/logout', undefined, { quiet401: true }),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.setQueryData(meQuery.queryKey, null);
      forgetSessionData(queryClient);
    },
  });
}

export function useTotpSetup() {
  return useMutation({ mutationFn: () => api.post<{ secret: string; otpauthUrl: string }>('/api/v1/auth/totp/setup') });
}

export function useTotpToggle(action: 'enable' | 'disable') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<void>(`/api/v1/auth/totp/${action}`, { code }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQuery.queryKey }),
  });
}
