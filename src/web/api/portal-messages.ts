import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { AttachmentUpload, MessageCategory, Thread, ThreadPage } from './messages';

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
