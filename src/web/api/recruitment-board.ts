import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toQuery } from './client';

export const BOARD_POST_KINDS = ['opening', 'labour_need', 'internship'] as const;
export type BoardPostKind = (typeof BOARD_POST_KINDS)[number];
export const BOARD_CLOSE_REASONS = ['filled', 'withdrawn', 'expired', 'mistake', 'other'] as const;
export type BoardCloseReason = (typeof BOARD_CLOSE_REASONS)[number];
export const BOARD_SORTS = ['-created', 'created', 'expires', '-expires', 'title', '-title'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

export type BoardPost = {
  id: string;
  kind: BoardPostKind;
  title: string;
  text: string;
  employer: { id: string; name: string } | null;
  occupationCode: string | null;
  occupationTitle: { da: string; en: string } | null;
  municipalityCode: number;
  places: number;
  expiresOn: string;
  expired: boolean;
  status: 'open' | 'closed';
  closedReason: BoardCloseReason | null;
  closedAt: string | null;
  closedByName: string | null;
  author: { id: string; name: string };
  unitName: string | null;
  canEdit: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type BoardQuery = { q?: string; kind?: BoardPostKind; status: 'open' | 'closed' | 'all'; municipalityCode?: number; occupation?: string; sort: BoardSort; page: number };

export type NewBoardPost = { kind: BoardPostKind; title: string; text: string; employerId: string | null; occupationCode: string | null; municipalityCode: number | null; places: number; expiresOn: string };

export type BoardSubscription = { id: string; kind: BoardPostKind | null; occupationGroup: string | null; municipalityCode: number | null; createdAt: string };
export type NewBoardSubscription = { kind: BoardPostKind | null; occupationGroup: string | null; municipalityCode: number | null };

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export function useBoardPosts(query: BoardQuery) {
  return useQuery({ queryKey: ['board-posts', 'list', query], queryFn: () => api.get<Page<BoardPost>>(`/api/v1/board-posts${toQuery(query)}`), refetchOnWindowFocus: false });
}

export function useCreateBoardPost() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (input: NewBoardPost) => api.post<BoardPost>('/api/v1/board-posts', input), onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['board-posts'] }) });
}

export function useCloseBoardPost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; version: number; reason: BoardCloseReason }) => api.post<BoardPost>(`/api/v1/board-posts/${encodeURIComponent(input.id)}/close`, { version: input.version, reason: input.reason }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['board-posts'] }),
  });
}

export function useReopenBoardPost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; version: number }) => api.post<BoardPost>(`/api/v1/board-posts/${encodeURIComponent(input.id)}/reopen`, { version: input.version }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['board-posts'] }),
  });
}

export function useBoardSubscriptions() {
  return useQuery({ queryKey: ['board-subscriptions'], queryFn: () => api.get<{ items: BoardSubscription[] }>('/api/v1/board-subscriptions'), refetchOnWindowFocus: false });
}

export function useSubscribeToBoard() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (input: NewBoardSubscription) => api.post<BoardSubscription>('/api/v1/board-subscriptions', input), onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['board-subscriptions'] }) });
}

export function useUnsubscribeFromBoard() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.delete<void>(`/api/v1/board-subscriptions/${encodeURIComponent(id)}`), onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['board-subscriptions'] }) });
}

export function useUpdateBoardPost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: NewBoardPost & { id: string; version: number }) => api.patch<BoardPost>(`/api/v1/board-posts/${encodeURIComponent(id)}`, input),
    // Waiting for the fresh list lets the edit form close on the saved values, without a flash of the old ones.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['board-posts'] }),
  });
}
