import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, toQuery } from './client';

export type PublicSurveyQuestion = { id: string; kind: 'likert' | 'yes_no' | 'free_text'; text: string; required: boolean; scaleLabels?: string[]; maxLength?: number };
export type PublicSurvey = { language: 'da' | 'en'; organisation: string; title: string; intro: string; questions: PublicSurveyQuestion[]; expiresAt: string };
export type SurveyAnswerValue = number | boolean | string;

/** The survey behind a link: no login, and never asked again on its own (a 404 or 410 stays). */
export function usePublicSurvey(code: string) {
  return useQuery({
    queryKey: ['public-survey', code],
    queryFn: ({ signal }) => api.get<PublicSurvey>(`/api/public/surveys/${encodeURIComponent(code)}`, { signal, quiet401: true }),
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useAnswerSurvey(code: string) {
  return useMutation({
    mutationFn: (answers: Record<string, SurveyAnswerValue>) => api.post<{ language: 'da' | 'en'; thanks: string }>(`/api/public/surveys/${encodeURIComponent(code)}`, { answers }, { quiet401: true }),
  });
}

export type SurveyGroup = { key: string | null; label: string | null; invited: number; answered: number; responseRate: number | null; satisfied: number | null; share: number | null; suppressed: boolean };
export type SurveyResults = {
  from: string;
  to: string;
  minAnswers: number;
  suppressionNote: string;
  total: SurveyGroup;
  byUnit: SurveyGroup[];
  byCaseworker: SurveyGroup[];
  byType: SurveyGroup[];
  freeTexts: { shown: boolean; note: string | null; questions: { surveyKey: string; questionId: string; question: string; answers: string[] }[] };
};
export type SurveyResultsFilter = { from?: string; to?: string; unitId?: string; caseworkerId?: string; type?: string };

export function useSurveyResults(filter: SurveyResultsFilter) {
  return useQuery({
    queryKey: ['survey-results', filter],
    queryFn: ({ signal }) => api.get<SurveyResults>(`/api/v1/surveys/results${toQuery(filter)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
