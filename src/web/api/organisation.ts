import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Organisation, StaffRole } from './types';

export function useOrganisation() {
  return useQuery({ queryKey: ['organisation'], queryFn: () => api.get<Organisation>('/api/v1/organisation') });
}

export type NewStaffInput = { email: string; name: string; role: StaffRole; unitId: string | null; password: string };

export function useCreateStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewStaffInput) => api.post<{ id: string }>('/api/v1/staff', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organisation'] }),
  });
}

export function useUpdateStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...changes }: { id: string; active?: boolean; role?: StaffRole; unitId?: string | null; name?: string }) =>
      api.patch<void>(`/api/v1/staff/${encodeURIComponent(id)}`, changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organisation'] }),
  });
}
