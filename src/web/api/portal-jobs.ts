import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toQuery } from './client';
import type { JobMatch } from './brokering';

/** The criteria of a saved search; "Job til dig" answers with the one it used, ready to save. */
export type SearchCriteria = { occupationCodes: string[]; municipalityCode: number | null; radiusKm: number; freeText: string | null };

export type PortalJobs = { hasCv: boolean; considered: number; radiusKm: number; search: SearchCriteria; weights: Record<string, number>; items: JobMatch[] };

export function usePortalJobs(params: { radiusKm?: number; freeText?: string }) {
  return useQuery({
    queryKey: ['portal', 'jobs', params],
    queryFn: () => api.get<PortalJobs>(`/api/portal/jobs${toQuery({ radiusKm: params.radiusKm, freeText: params.freeText })}`),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
  });
}

export type DigestVacancy = { id: string; title: string; employerName: string; municipalityCode: number; deadline: string | null; url: string | null };
export type SavedSearch = SearchCriteria & { id: string; digestPaused: boolean; createdAt: string; lastDigest: { at: string; count: number; vacancies: DigestVacancy[] } | null };

const SEARCHES = ['portal', 'saved-searches'] as const;

export function useSavedSearches() {
  return useQuery({ queryKey: SEARCHES, queryFn: () => api.get<{ items: SavedSearch[] }>('/api/portal/saved-searches') });
}

export function useCreateSavedSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SearchCriteria) => api.post<SavedSearch>('/api/portal/saved-searches', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: SEARCHES }),
  });
}

export function useUpdateSavedSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: SearchCriteria & { id: string; digestPaused?: boolean }) => api.put<SavedSearch>(`/api/portal/saved-searches/${encodeURIComponent(id)}`, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: SEARCHES }),
  });
}

export function useDeleteSavedSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/portal/saved-searches/${encodeURIComponent(id)}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: SEARCHES }),
  });
}
