import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export type Label = { da: string; en: string };
export type FeedFormat = 'json' | 'csv';

export type VacancyImportReport = {
  importId: string;
  source: string;
  format: FeedFormat;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: { line: number; externalId: string | null; reason: Label }[];
};

export type VacancyImportSummary = Omit<VacancyImportReport, 'rejections'> & { at: string };

export function useVacancyImports() {
  return useQuery({ queryKey: ['vacancy-imports'], queryFn: () => api.get<{ items: VacancyImportSummary[] }>('/api/v1/vacancy-imports'), refetchOnWindowFocus: false });
}

export function useImportVacancies() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { source: string; format: FeedFormat; content: string }) => api.post<VacancyImportReport>('/api/v1/vacancy-imports', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['vacancy-imports'] }),
  });
}
