import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export const BUSINESS_ACTIVITY_KINDS = ['internship', 'wage_subsidy'] as const;
export type BusinessActivityKind = (typeof BUSINESS_ACTIVITY_KINDS)[number];

export type BusinessActivity = {
  id: string;
  spellId: string;
  kind: BusinessActivityKind;
  employerId: string | null;
  employerName: string | null;
  proposalId: string | null;
  jobOrder: { id: string; title: string } | null;
  agreedOn: string;
  startDate: string;
  endDate: string | null;
  note: string | null;
  version: number;
};

export type NewBusinessActivity = { kind: string; employerId: string | null; agreedOn?: string; startDate: string; endDate: string | null; note: string | null };

const enc = encodeURIComponent;

/** Each fetch is an audited read, so it is not refetched on window focus. */
export function businessActivitiesKey(spellId: string) {
  return ['business-activities', spellId];
}

export function useBusinessActivities(spellId: string) {
  return useQuery({ queryKey: businessActivitiesKey(spellId), queryFn: () => api.get<BusinessActivity[]>(`/api/v1/spells/${enc(spellId)}/business-activities`), refetchOnWindowFocus: false });
}

export function useCreateBusinessActivity(spellId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewBusinessActivity) => api.post<BusinessActivity>(`/api/v1/spells/${enc(spellId)}/business-activities`, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: businessActivitiesKey(spellId) }),
  });
}

export function useEndBusinessActivity(spellId: string, activityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; endDate: string }) => api.patch<BusinessActivity>(`/api/v1/business-activities/${enc(activityId)}`, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: businessActivitiesKey(spellId) }),
  });
}
