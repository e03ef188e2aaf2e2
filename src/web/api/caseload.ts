import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toQuery } from './client';
import type { Page } from './types';
import type { CaseloadPage, Task, TrafficLight } from './spell-types';

/** The traffic light sorts one way only: most urgent first. */
export const CASELOAD_SORTS = ['light', 'name', '-name', 'startDate', '-startDate'] as const;
export type CaseloadSort = (typeof CASELOAD_SORTS)[number];

export type CaseloadFilter = {
  /** Whose spells when no caseworker or unit is named; the server picks by role when left out. */
  scope?: 'mine' | 'unit' | 'organisation';
  /** A caseworker's spells, or 'none' for spells nobody holds yet. */
  caseworkerId?: string;
  unitId?: string;
  segment?: string;
  targetGroup?: string;
  light?: TrafficLight;
  sort: CaseloadSort;
  page: number;
  pageSize: number;
};

export function useCaseload(filter: CaseloadFilter) {
  return useQuery({
    queryKey: ['caseload', filter],
    queryFn: ({ signal }) => api.get<CaseloadPage>(`/api/v1/caseload${toQuery({ ...filter, status: 'active' })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useReassign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { spellIds: string[]; caseworkerId: string }) => api.post<unknown>('/api/v1/caseload/reassign', input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['caseload'] });
      void queryClient.invalidateQueries({ queryKey: ['spells'] });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}

export function useTasks(filter: { scope?: 'mine' | 'unit' | 'organisation'; assigneeId?: string; status?: 'open' | 'done'; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['tasks', filter],
    queryFn: ({ signal }) => api.get<Page<Task>>(`/api/v1/tasks${toQuery(filter)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useUpdateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: 'open' | 'done' | 'cancelled' }) => api.patch<unknown>(`/api/v1/tasks/${encodeURIComponent(id)}`, { status }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void queryClient.invalidateQueries({ queryKey: ['caseload'] });
      void queryClient.invalidateQueries({ queryKey: ['spells', 'one'] });
    },
  });
}

/** Overdue first, then by due date: what needs doing first stands first. */
export function sortTasks(tasks: Task[]): Task[] {
  return [...tasks].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate));
}
