import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from './client';
import type { AnswerValue, Plan, Questionnaire } from './spell-types';
import type { BookingMode, FreeSlot } from './booking';

export type PortalMe = { id: string; organisationId: string; organisationName: string; firstName: string; lastName: string; preferredLanguage: string; method: 'email' | 'sms' | 'oidc'; csrfToken: string };

/** The logged-in jobseeker, or null. Sets the portal session's CSRF token for the API client. */
export const portalMeQuery = queryOptions({
  queryKey: ['portal', 'me'],
  queryFn: async (): Promise<PortalMe | null> => {
    try {
      const me = await api.get<PortalMe>('/api/portal/auth/me', { quiet401: true });
      setCsrfToken(me.csrfToken);
      return me;
    } catch (error) {
      if (isApiError(error) && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

/** The portal session as a query (`.data` is the jobseeker, or null when logged out). */
export function usePortalMe() {
  return useQuery(portalMeQuery);
}

/** Which login methods the installation offers (MitID only when a broker is configured). */
export function usePortalLoginMethods() {
  return useQuery({ queryKey: ['portal', 'login-methods'], queryFn: () => api.get<{ code: boolean; oidc: 'available' | 'not_configured' }>('/api/portal/auth/methods'), staleTime: 5 * 60_000 });
}

export function useRequestCode() {
  return useMutation({ mutationFn: (input: { email?: string; phone?: string }) => api.post<{ channel: 'email' | 'sms'; expiresInMinutes: number }>('/api/portal/auth/code', input) });
}

/** A new portal session: its CSRF token for the client, and nothing cached from a session before it. */
function startSession(queryClient: QueryClient, me: PortalMe) {
  setCsrfToken(me.csrfToken);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] === 'portal' && q.queryKey[1] !== 'me' });
  queryClient.setQueryData(portalMeQuery.queryKey, me);
}

export function useVerifyCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { recipient: string; code: string }) => api.post<PortalMe>('/api/portal/auth/verify', input),
    onSuccess: (me) => startSession(queryClient, me),
  });
}

export type PendingChoice = { organisations: { id: string; name: string }[]; expiresAt: string };

/** The organisations a MitID login that matched several may choose between (the choice cookie says which login). */
export function usePendingChoice() {
  return useQuery({ queryKey: ['portal-choice'], queryFn: () => api.get<PendingChoice>('/api/portal/auth/oidc/choice'), staleTime: Infinity, gcTime: 0 });
}

export function useChooseOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { organisationId: string }) => api.post<PortalMe>('/api/portal/auth/oidc/choice', input),
    onSuccess: (me) => startSession(queryClient, me),
  });
}

export function usePortalLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/portal/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] === 'portal' && q.queryKey[1] !== 'me' });
      queryClient.setQueryData(portalMeQuery.queryKey, null);
    },
  });
}

export type PortalOverview = {
  hasSpell: boolean;
  spellActive: boolean;
  nextMeeting: { id: string; label: string; scheduledAt: string; mode: string | null; place: string | null; durationMinutes: number | null } | null;
  questionnaireDue: boolean;
  activitiesDue: { title: string; dueDate: string }[];
  unreadMessages: number | null;
};

export function usePortalOverview() {
  return useQuery({ queryKey: ['portal', 'overview'], queryFn: () => api.get<PortalOverview>('/api/portal/overview') });
}

export type PortalProfiling = { questionnaire: { id: string; definition: Questionnaire } | null; response: { answers: Record<string, AnswerValue>; answeredAt: string } | null; canAnswer: boolean };

export function usePortalProfiling() {
  return useQuery({ queryKey: ['portal', 'profiling'], queryFn: () => api.get<PortalProfiling>('/api/portal/profiling') });
}

export function useSubmitPortalProfiling() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answers: Record<string, AnswerValue | null>) => api.put<PortalProfiling>('/api/portal/profiling', { answers }),
    onSuccess: (data) => {
      queryClient.setQueryData(['portal', 'profiling'], data);
      void queryClient.invalidateQueries({ queryKey: ['portal', 'overview'] });
    },
  });
}

export function usePortalPlan() {
  return useQuery({ queryKey: ['portal', 'plan'], queryFn: () => api.get<Plan>('/api/portal/plan') });
}

export function useAddPlanComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api.post<Plan>('/api/portal/plan/comments', { body }),
    onSuccess: (plan) => queryClient.setQueryData(['portal', 'plan'], plan),
  });
}

export type AccessLogEntry = { id: number; at: string; actorKind: string; role: string | null; organisationName: string; action: string; subjectType: string; purpose: string };

export function useAccessLog(page: number) {
  return useQuery({ queryKey: ['portal', 'access-log', page], queryFn: () => api.get<{ items: AccessLogEntry[]; total: number; page: number; pageSize: number }>(`/api/portal/access-log?page=${page}`) });
}

export type PortalSession = { id: string; offerTitle: string; offerKind: string; description: string | null; title: string; startsAt: string; endsAt: string; place: string; eligible: boolean; notEligibleBecause: string[]; enrolled: boolean };
export type PortalEnrolment = { id: string; sessionId: string; status: string; offerTitle: string; sessionTitle: string; startsAt: string; place: string };

export function usePortalOffers() {
  return useQuery({ queryKey: ['portal', 'offers'], queryFn: () => api.get<{ sessions: PortalSession[]; enrolments: PortalEnrolment[] }>('/api/portal/offers') });
}

export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => api.post<{ id: string; status: string; waitlistPosition: number | null }>(`/api/portal/offers/sessions/${encodeURIComponent(sessionId)}/signup`, {}),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['portal', 'offers'] }),
  });
}

export function useCancelEnrolment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (enrolmentId: string) => api.post<{ id: string; status: string }>(`/api/portal/enrolments/${encodeURIComponent(enrolmentId)}/cancel`, {}),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['portal', 'offers'] }),
  });
}

// Self-booking (the booking feature’s portal page).
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
