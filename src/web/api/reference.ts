import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { LabelledCode, Municipality } from './types';

const forever = { staleTime: Infinity, gcTime: Infinity } as const;

export function useMunicipalities() {
  return useQuery({ queryKey: ['reference', 'municipalities'], queryFn: () => api.get<Municipality[]>('/api/v1/reference/municipalities'), ...forever });
}

export function useEducationLevels() {
  return useQuery({ queryKey: ['reference', 'education-levels'], queryFn: () => api.get<LabelledCode[]>('/api/v1/reference/education-levels'), ...forever });
}

export function useLanguages() {
  return useQuery({ queryKey: ['reference', 'languages'], queryFn: () => api.get<LabelledCode[]>('/api/v1/reference/languages'), ...forever });
}

/** The label in the app's language, falling back to the code itself. */
export function labelOf(list: LabelledCode[] | undefined, code: string | null, language: string): string {
  if (!code) return '';
  const found = list?.find((item) => item.code === code);
  if (!found) return code;
  return language === 'en' ? found.en : found.da;
}
