import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from './client';

export const WAGE_HOURS_SOURCES = ['eindkomst', 'jobseeker', 'employer'] as const;
export type WageHoursSource = (typeof WAGE_HOURS_SOURCES)[number];

/** One month's ordinary paid hours on a spell; `month` is YYYY-MM, `createdAt` when the figure now held was registered. */
export type WageHoursMonth = { month: string; hours: number; source: WageHoursSource; createdAt: string };

export type SetWageHours = { month: string; hours: number; source: WageHoursSource };

const enc = encodeURIComponent;

/** Each fetch is an audited read, so it is not refetched on window focus. */
export function wageHoursKey(spellId: string) {
  return ['wage-hours', spellId];
}

/**
 * A write refused because the list was out of date: the month was removed (404) or changed (409)
 * by someone else first. The list is then fetched again, so the user sees what is held now.
 */
export function isStaleWrite(error: unknown): boolean {
  return isApiError(error) && (error.status === 404 || error.status === 409);
}

export function useWageHours(spellId: string) {
  return useQuery({ queryKey: wageHoursKey(spellId), queryFn: () => api.get<WageHoursMonth[]>(`/api/v1/spells/${enc(spellId)}/wage-hours`), refetchOnWindowFocus: false });
}

/** Sets a month's hours, or replaces them when the month has a figure already. */
export function useSetWageHours(spellId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetWageHours) => api.put<WageHoursMonth>(`/api/v1/spells/${enc(spellId)}/wage-hours`, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: wageHoursKey(spellId) }),
    onError: (error) => {
      if (isStaleWrite(error)) void queryClient.invalidateQueries({ queryKey: wageHoursKey(spellId) });
    },
  });
}

export function useRemoveWageHours(spellId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (month: string) => api.delete<void>(`/api/v1/spells/${enc(spellId)}/wage-hours/${enc(month)}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: wageHoursKey(spellId) }),
    onError: (error) => {
      if (isStaleWrite(error)) void queryClient.invalidateQueries({ queryKey: wageHoursKey(spellId) });
    },
  });
}
