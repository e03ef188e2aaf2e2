import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toQuery } from './client';

export type ThreadStatus = 'open' | 'answered' | 'handled';
export type MessageCategory = 'job' | 'other';

export type ThreadSummary = {
  id: string;
  subject: string;
  category: MessageCategory;
  status: ThreadStatus;
  jobseeker: { id: string; firstName: string; lastName: string };
  caseworker: { id: string; name: string } | null;
  unitId: string | null;
  awaitingSince: string | null;
  answerDueAt: string | null;
  overdue: boolean;
  escalatedAt: string | null;
  lastMessageAt: string;
  unread: number;
  messageCount: number;
};

export type ThreadPage = { items: ThreadSummary[]; total: number; page: number; pageSize: number };

export type Attachment = { id: string; fileName: string; contentType: string; sizeBytes: number };

export type Thread = {
  id: string;
  subject: string;
  category: MessageCategory;
  status: ThreadStatus;
  jobseekerId: string;
  caseworker: { id: string; name: string } | null;
  unitId: string | null;
  awaitingSince: string | null;
  answerDueAt: string | null;
  escalatedAt: string | null;
  messages: { id: string; authorKind: 'jobseeker' | 'staff'; authorName: string | null; body: string; createdAt: string; readAt: string | null; answerDueAt: string | null; answeredAt: string | null; attachments: Attachment[] }[];
};

export type AttachmentUpload = { fileName: string; contentType: string; contentBase64: string };

export type InboxFilter = { box: 'mine' | 'unit' | 'all'; awaiting?: 'true'; page: number; pageSize: number };

export function useInbox(filter: InboxFilter) {
  return useQuery({ queryKey: ['messages', 'inbox', filter], queryFn: ({ signal }) => api.get<ThreadPage>(`/api/v1/messages${toQuery(filter)}`, { signal }), placeholderData: keepPreviousData });
}

export function useJobseekerThreads(jobseekerId: string, page: number) {
  return useQuery({ queryKey: ['messages', 'jobseeker', jobseekerId, page], queryFn: ({ signal }) => api.get<ThreadPage>(`/api/v1/jobseekers/${encodeURIComponent(jobseekerId)}/messages${toQuery({ page, pageSize: 10 })}`, { signal }) });
}

export function useThread(id: string) {
  return useQuery({ queryKey: ['messages', 'thread', id], queryFn: ({ signal }) => api.get<Thread>(`/api/v1/messages/${encodeURIComponent(id)}`, { signal }), refetchOnWindowFocus: false });
}

function useThreadMutation<I>(id: string, send: (input: I) => Promise<Thread>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (thread) => {
      queryClient.setQueryData(['messages', 'thread', id], thread);
      void queryClient.invalidateQueries({ queryKey: ['messages', 'inbox'] });
      void queryClient.invalidateQueries({ queryKey: ['messages', 'jobseeker'] });
    },
  });
}

export function useReply(id: string) {
  return useThreadMutation(id, (input: { body: string; attachments?: AttachmentUpload[] }) => api.post<Thread>(`/api/v1/messages/${encodeURIComponent(id)}/replies`, input));
}

export function useMarkHandled(id: string) {
  return useThreadMutation(id, () => api.post<Thread>(`/api/v1/messages/${encodeURIComponent(id)}/handled`, {}));
}

export function useStartThread() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { jobseekerId: string; subject: string; category: MessageCategory; body: string; attachments?: AttachmentUpload[] }) => api.post<Thread>('/api/v1/messages', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['messages'] }),
  });
}

export function useSetAway() {
  return useMutation({ mutationFn: (away: boolean) => api.put<{ id: string; away: boolean }>('/api/v1/messages/away', { away }) });
}

export function attachmentUrl(id: string): string {
  return `/api/v1/message-attachments/${encodeURIComponent(id)}`;
}

/** Reads files picked in a file input as base64 for the message API. */
export async function readAttachments(files: readonly File[]): Promise<AttachmentUpload[]> {
  return Promise.all(
    files.map(
      (file) =>
        new Promise<AttachmentUpload>((resolve, reject) => {
          const reader = new FileReader();
          reader.onerror = () => reject(reader.error ?? new Error('read failed'));
          reader.onload = () => {
            const url = String(reader.result);
            resolve({ fileName: file.name, contentType: file.type || 'application/octet-stream', contentBase64: url.slice(url.indexOf(',') + 1) });
          };
          reader.readAsDataURL(file);
        }),
    ),
  );
}

export type OutboxItem = {
  id: string;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string | null;
  body: string;
  template: string;
  language: 'da' | 'en';
  status: 'queued' | 'sending' | 'sent' | 'failed' | 'cancelled';
  adapter: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string;
  sentAt: string | null;
};

export type OutboxFilter = { recipient?: string; template?: string; status?: string; page: number; pageSize: number };

export function useOutbox(filter: OutboxFilter) {
  return useQuery({
    queryKey: ['outbox', filter],
    queryFn: ({ signal }) => api.get<{ items: OutboxItem[]; total: number; page: number; pageSize: number; templates: string[] }>(`/api/v1/outbox${toQuery(filter)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
