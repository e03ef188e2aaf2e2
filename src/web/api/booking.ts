import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export type BookingMode = 'in_person' | 'phone' | 'video';
export const BOOKING_MODES: BookingMode[] = ['in_person', 'phone', 'video'];

export type WeeklyBlock = { weekday: number; start: string; end: string; slotMinutes: number; place: string | null; modes: BookingMode[]; validFrom?: string | null; validTo?: string | null };
export type AvailabilityException = { id: string; day: string; kind: 'day_off' | 'extra'; start: string | null; end: string | null; slotMinutes: number | null; place: string | null; modes: BookingMode[] | null; note: string | null };
export type Availability = { caseworker: { id: string; name: string; unitId: string | null }; canEdit: boolean; weekly: (WeeklyBlock & { id: string })[]; exceptions: AvailabilityException[] };
export type FreeSlot = { start: string; end: string; day: string; place: string | null; modes: BookingMode[] };
export type NewException = { day: string; kind: 'day_off' | 'extra'; start?: string; end?: string; slotMinutes?: number; place?: string | null; modes?: BookingMode[]; note?: string };

const key = (id: string) => ['availability', id];

export function useAvailability(caseworkerId: string | null) {
  return useQuery({ queryKey: key(caseworkerId ?? ''), queryFn: () => api.get<Availability>(`/api/v1/staff/${encodeURIComponent(caseworkerId!)}/availability`), enabled: !!caseworkerId });
}

export function useFreeSlots(caseworkerId: string | null, from: string, to: string) {
  return useQuery({
    queryKey: ['availability', caseworkerId ?? '', 'slots', from, to],
    queryFn: () => api.get<FreeSlot[]>(`/api/v1/staff/${encodeURIComponent(caseworkerId!)}/free-slots?from=${from}&to=${to}`),
    enabled: !!caseworkerId,
  });
}

export function useReplaceWeekly(caseworkerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (blocks: WeeklyBlock[]) => api.put<Availability>(`/api/v1/staff/${encodeURIComponent(caseworkerId)}/availability`, { blocks }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(caseworkerId) }),
  });
}

export function useAddException(caseworkerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewException) => api.post<AvailabilityException>(`/api/v1/staff/${encodeURIComponent(caseworkerId)}/availability/exceptions`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(caseworkerId) }),
  });
}

export function useRemoveException(caseworkerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/v1/availability-exceptions/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(caseworkerId) }),
  });
}
