import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from './client';
import type { AttachmentUpload, MessageCategory, Thread, ThreadPage } from './messages';

export type PortalMe = { id: string; organisationId: string; organisationName: string; firstName: string; lastName: string; preferredLanguage: string; csrfToken: string };

/** The logged-in jobseeker, or null; its CSRF token is the one changes in the portal carry. */
export const portalMeQuery = queryOptions({
  queryKey: ['portal', 'me'],
  queryFn: async () => {
    try {
      const me = await api.get<PortalMe>('/api/portal/auth/me', { quiet401: true });
      setCsrfToken(me.csrfToken);
      return me;
    } catch {
      return null;
    }
  },
  staleTime: 60_000,
});

export function usePortalMe() {
  return useQuery(portalMeQuery);
}

export function usePortalThreads() {
  return useQuery({ queryKey: ['portal', 'messages'], queryFn: ({ signal }) => api.get<ThreadPage>('/api/portal/messages?pageSize=50', { signal, quiet401: true }) });
}

export function usePortalThread(id: string) {
  return useQuery({ queryKey: ['portal', 'messages', id], queryFn: ({ signal }) => api.get<Thread>(`/api/portal/messages/${encodeURIComponent(id)}`, { signal, quiet401: true }), refetchOnWindowFocus: false });
}

export function usePortalStartThread() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { subject: string; category: MessageCategory; body: string; attachments?: AttachmentUpload[] }) => api.post<Thread>('/api/portal/messages', input, { quiet401: true }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['portal', 'messages'] }),
  });
}

export function usePortalReply(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: string; attachments?: AttachmentUpload[] }) => api.post<Thread>(`/api/portal/messages/${encodeURIComponent(id)}/replies`, input, { quiet401: true }),
    onSuccess: (thread) => {
      queryClient.setQueryData(['portal', 'messages', id], thread);
      void queryClient.invalidateQueries({ queryKey: ['portal', 'messages'], exact: true });
    },
  });
}

export function portalAttachmentUrl(id: string): string {
  return `/api/portal/message-attachments/${encodeURIComponent(id)}`;
}
