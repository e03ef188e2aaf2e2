import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Plan, PlanInput } from './spell-types';

export function planQuery(spellId: string) {
  return queryOptions({ queryKey: ['plan', spellId], queryFn: () => api.get<Plan>(`/api/v1/spells/${encodeURIComponent(spellId)}/plan`), refetchOnWindowFocus: false });
}

export function usePlan(spellId: string) {
  return useQuery(planQuery(spellId));
}

export function useSavePlan(spellId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PlanInput) => api.post<Plan>(`/api/v1/spells/${encodeURIComponent(spellId)}/plan`, input),
    onSuccess: (plan) => queryClient.setQueryData(planQuery(spellId).queryKey, plan),
  });
}

export function planPdfUrl(spellId: string): string {
  return `/api/v1/spells/${encodeURIComponent(spellId)}/plan.pdf`;
}
