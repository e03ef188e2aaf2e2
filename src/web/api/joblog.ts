import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest, toQuery } from './client';

export type JoblogKind = 'advertised' | 'unsolicited' | 'network' | 'other_activity';
export type JoblogStatus = 'sent' | 'interview' | 'rejected' | 'hired';
export const JOBLOG_KINDS: JoblogKind[] = ['advertised', 'unsolicited', 'network', 'other_activity'];
export const JOBLOG_STATUSES: JoblogStatus[] = ['sent', 'interview', 'rejected', 'hired'];
export type JoblogSort = 'date' | '-date' | 'employer' | '-employer' | 'status' | '-status' | 'kind' | '-kind';

export type JoblogEntry = {
  id: string;
  jobseekerId: string;
  spellId: string | null;
  date: string;
  employer: string;
  jobTitle: string;
  kind: JoblogKind;
  source: string | null;
  status: JoblogStatus;
  note: string | null;
  version: number;
  createdByKind: 'staff' | 'jobseeker';
  createdAt: string;
  updatedAt: string;
  attachment: { fileName: string; contentType: string; size: number } | null;
};
export type JoblogPage = { items: JoblogEntry[]; total: number; page: number; pageSize: number };
export type JoblogEntryInput = { date: string; employer: string; jobTitle: string; kind: JoblogKind; source: string | null; status: JoblogStatus; note: string | null };

export type JoblogMonth = {
  month: string;
  from: string;
  to: string;
  days: number;
  searches: number;
  entries: number;
  perWeek: number;
  benchmark: 'green' | 'light_green' | 'red';
  meetsRequirement: boolean | null;
  provisional: boolean;
  judged: boolean;
};
export type JoblogHit = { rule: 'benchmark_red' | 'below_requirement' | 'no_activity' | 'no_interviews'; title: string; dueDate: string; params: Record<string, string | number> };
export type JoblogOverview = {
  spell: { id: string; startDate: string; status: 'active' | 'ended' } | null;
  rules: { templateId: string | null; version: number | null; greenPerWeek: number; inactivityDays: number; noInterviewsMinApplications: number; noInterviewsWindowDays: number };
  requirementPerWeek: number | null;
  requirementSource: 'plan' | 'organisation' | null;
  months: JoblogMonth[];
  weeks: { week: string; from: string; to: string; searches: number }[];
  lastEntryDate: string | null;
  hits: JoblogHit[];
};

/** Where the joblog lives: staff reach a jobseeker's, the portal the signed-in jobseeker's own. */
export type JoblogBase = { list: string; overview: string; entry: (id: string) => string };

export function staffJoblogBase(jobseekerId: string): JoblogBase {
  const js = encodeURIComponent(jobseekerId);
  return { list: `/api/v1/jobseekers/${js}/joblog`, overview: `/api/v1/jobseekers/${js}/joblog/overview`, entry: (id) => `/api/v1/joblog/${encodeURIComponent(id)}` };
}

export function useJoblogEntries(base: JoblogBase, query: { page: number; pageSize: number; sort: JoblogSort }) {
  return useQuery({ queryKey: ['joblog', base.list, query], queryFn: () => api.get<JoblogPage>(`${base.list}${toQuery(query)}`), placeholderData: keepPreviousData });
}

export function joblogOverviewQuery(base: JoblogBase) {
  return queryOptions({ queryKey: ['joblog-overview', base.overview], queryFn: () => api.get<JoblogOverview>(base.overview) });
}

export function useJoblogOverview(base: JoblogBase) {
  return useQuery(joblogOverviewQuery(base));
}

function useInvalidate(base: JoblogBase) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['joblog', base.list] }),
      queryClient.invalidateQueries({ queryKey: ['joblog-overview', base.overview] }),
      queryClient.invalidateQueries({ queryKey: ['spell'] }),
    ]);
}

export function useSaveJoblogEntry(base: JoblogBase) {
  const invalidate = useInvalidate(base);
  return useMutation({
    mutationFn: ({ id, version, input }: { id?: string; version?: number; input: JoblogEntryInput }) =>
      id ? api.patch<JoblogEntry>(base.entry(id), { ...input, version }) : api.post<JoblogEntry>(base.list, input),
    onSuccess: () => invalidate(),
  });
}

export function useDeleteJoblogEntry(base: JoblogBase) {
  const invalidate = useInvalidate(base);
  return useMutation({ mutationFn: ({ id, version }: { id: string; version: number }) => apiRequest<void>('DELETE', base.entry(id), { version }), onSuccess: () => invalidate() });
}

export function useAttachApplication(base: JoblogBase) {
  const invalidate = useInvalidate(base);
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: { fileName: string; contentType: string; contentBase64: string } }) => api.put<JoblogEntry>(`${base.entry(id)}/attachment`, file),
    onSuccess: () => invalidate(),
  });
}

export function attachmentUrl(base: JoblogBase, entryId: string): string {
  return `${base.entry(entryId)}/attachment`;
}

/** Reads a chosen file as base64 (without the data: prefix). */
export function readFileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
