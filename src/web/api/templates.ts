import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { ClosingDay, TemplateDetail, TemplateSummary } from './spell-types';

export function useCadenceTemplates(enabled = true) {
  return useQuery({ queryKey: ['templates', 'cadence'], queryFn: () => api.get<TemplateSummary[]>('/api/v1/templates?kind=cadence'), enabled });
}

export function useTemplate(id: string) {
  return useQuery({ queryKey: ['templates', 'one', id], queryFn: () => api.get<TemplateDetail>(`/api/v1/templates/${encodeURIComponent(id)}`) });
}

export function useSetTemplateActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => api.patch<void>(`/api/v1/templates/${encodeURIComponent(id)}`, { active }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['templates'] }),
  });
}

export function useClosingDays() {
  return useQuery({ queryKey: ['closing-days'], queryFn: () => api.get<ClosingDay[]>('/api/v1/closing-days') });
}

export function useAddClosingDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { day: string; reason: string }) => api.post<ClosingDay>('/api/v1/closing-days', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['closing-days'] }),
  });
}

export function useRemoveClosingDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/v1/closing-days/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['closing-days'] }),
  });
}
