import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from './client';
import type { BookingMode, FreeSlot } from './booking';

export type PortalMe = { id: string; organisationId: string; organisationName: string; firstName: string; lastName: string; preferredLanguage: string; method: 'email' | 'sms' | 'oidc'; csrfToken: string };

/** The logged-in jobseeker, or null; keeps the portal session's CSRF token for changes. */
export const portalMeQuery = queryOptions({
  queryKey: ['portal', 'me'],
  queryFn: async () => {
    try {
      const me = await api.get<PortalMe>('/api/portal/auth/me', { quiet401: true });
      setCsrfToken(me.csrfToken);
      return me;
    } catch (error) {
      if (isApiError(error) && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 60_000,
});

export function usePortalMe() {
  return useQuery(portalMeQuery);
}

export function useAskPortalCode() {
  return useMutation({ mutationFn: (input: { email?: string; phone?: string }) => api.post<{ channel: 'email' | 'sms'; expiresInMinutes: number }>('/api/portal/auth/code', input) });
}

export function useVerifyPortalCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { recipient: string; code: string }) => api.post<PortalMe>('/api/portal/auth/verify', input),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(portalMeQuery.queryKey, me);
    },
  });
}

export function usePortalLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/portal/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.setQueryData(portalMeQuery.queryKey, null);
      queryClient.removeQueries({ queryKey: ['portal', 'talks'] });
    },
  });
}

export type PortalTalk = {
  id: string;
  type: string;
  label: string;
  mandatory: boolean;
  earliest: string | null;
  latest: string | null;
  status: 'planned' | 'booked';
  scheduledAt: string | null;
  durationMinutes: number | null;
  mode: BookingMode | null;
  place: string | null;
  selfBooked: boolean;
  version: number;
};
export type PortalSlots = { conversation: PortalTalk; rules: { minimumNoticeWorkingDays: number; maxMovesByJobseeker: number; cutoffHours: number }; slots: FreeSlot[]; changeBlockedBy: { rule: string; message: string }[] };

export function usePortalTalks() {
  return useQuery({ queryKey: ['portal', 'talks'], queryFn: () => api.get<PortalTalk[]>('/api/portal/conversations') });
}

export function usePortalSlots(id: string | null) {
  return useQuery({ queryKey: ['portal', 'talks', id, 'slots'], queryFn: () => api.get<PortalSlots>(`/api/portal/conversations/${encodeURIComponent(id!)}/slots`), enabled: !!id });
}

export function usePortalBookingAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: 'book' | 'move' | 'cancel'; body: Record<string, unknown> }) => api.post<PortalTalk>(`/api/portal/conversations/${encodeURIComponent(id)}/${action}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['portal', 'talks'] }),
  });
}
