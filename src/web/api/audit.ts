import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, toQuery } from './client';
import type { AuditEntry, Page } from './types';

export type AuditFilter = { action?: string; from?: string; to?: string; jobseekerId?: string; actorId?: string; page: number; pageSize: number };

export function useAuditLog(filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', filter],
    queryFn: ({ signal }) => api.get<Page<AuditEntry>>(`/api/v1/audit${toQuery(filter)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
