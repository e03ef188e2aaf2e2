import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Jobseeker, JobseekerInput, JobseekerSort, Page } from './types';

export type JobseekerSearch = { q?: string; municipalityCode?: number; page: number; pageSize: number; sort: JobseekerSort };

/**
 * Searching by name goes in a POST body, never the URL, so personal data stays out of
 * browser history and access logs.
 */
export function useJobseekerSearch(search: JobseekerSearch, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['jobseekers', 'search', search],
    queryFn: ({ signal }) => api.post<Page<Jobseeker>>('/api/v1/jobseekers/search', search, { signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** Each fetch is an audited read, so it is not refetched on window focus. */
export function jobseekerQuery(id: string) {
  return queryOptions({
    queryKey: ['jobseekers', 'one', id],
    queryFn: () => api.get<Jobseeker>(`/api/v1/jobseekers/${encodeURIComponent(id)}`),
    refetchOnWindowFocus: false,
  });
}

export function useJobseeker(id: string) {
  return useQuery(jobseekerQuery(id));
}

export function useCreateJobseeker() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: JobseekerInput) => api.post<Jobseeker>('/api/v1/jobseekers', input),
    onSuccess: (created) => {
      queryClient.setQueryData(['jobseekers', 'one', created.id], created);
      void queryClient.invalidateQueries({ queryKey: ['jobseekers', 'search'] });
    },
  });
}

export function useUpdateJobseeker(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: JobseekerInput & { version: number }) => api.patch<Jobseeker>(`/api/v1/jobseekers/${encodeURIComponent(id)}`, input),
    onSuccess: (updated) => {
      queryClient.setQueryData(['jobseekers', 'one', id], updated);
      void queryClient.invalidateQueries({ queryKey: ['jobseekers', 'search'] });
    },
  });
}

export function useRevealCpr(id: string) {
  return useMutation({ mutationFn: () => api.post<{ cpr: string }>(`/api/v1/jobseekers/${encodeURIComponent(id)}/cpr-reveal`) });
}
