import { useQuery } from '@tanstack/react-query';
import { api, toQuery } from './client';

export type Label = { da: string; en: string };
export type TrafficLight = 'met' | 'near' | 'not_met' | 'none';
export type CellStatus = 'ok' | 'suppressed' | 'no_data' | 'awaiting_data';

export type ScorecardSummary = { id: string; name: string; scope: 'organisation' | 'unit' | 'initiative'; unitId: string | null; initiativeId: string | null; firstMonth: string; version: number };

export type ScorecardTable = ScorecardSummary & {
  measuredOn: string;
  months: { month: string; measuredOn: string; source: 'snapshot' | 'live' | 'provisional'; revision: number | null; revisions: number; computedAt: string | null; reason: string | null }[];
  milestones: string[];
  rows: {
    indicatorCode: string;
    name: Label;
    description: Label;
    unit: 'percent' | 'count' | 'weeks';
    direction: 'higher_is_better' | 'lower_is_better';
    indicatorStatus: 'available' | 'awaiting_data' | 'unknown';
    awaitingFeature: string | null;
    baseline: { value: number | null; date: string | null; note: string | null; computed: boolean; status: CellStatus | 'none'; n: number };
    targets: { date: string; value: number; light: TrafficLight; due: boolean }[];
    cells: { month: string; status: CellStatus; value: number | null; n: number; lower: number | null; upper: number | null; target: number | null; light: TrafficLight }[];
  }[];
};

export type Initiative = { id: string; name: string; description: string | null; startDate: string | null; markers: { id: string; name: string; spells: number }[] };

export type SurvivalCurves = {
  asOf: string;
  cohortMonths: number;
  curves: { group: string; n: number; events: number; suppressed: boolean; points: { day: number; share: number; lower: number | null; upper: number | null; atRisk: number }[] }[];
};

export function useScorecards() {
  return useQuery({ queryKey: ['scorecards'], queryFn: ({ signal }) => api.get<ScorecardSummary[]>('/api/v1/scorecards', { signal }) });
}

export function useScorecard(id: string | undefined) {
  return useQuery({ queryKey: ['scorecard', id], enabled: Boolean(id), queryFn: ({ signal }) => api.get<ScorecardTable>(`/api/v1/scorecards/${encodeURIComponent(id!)}`, { signal }) });
}

export function useInitiatives() {
  return useQuery({ queryKey: ['initiatives'], queryFn: ({ signal }) => api.get<Initiative[]>('/api/v1/initiatives', { signal }) });
}

export function useSurvivalCurves(params: { initiativeId?: string; groupBy?: string }) {
  return useQuery({ queryKey: ['survival', params], queryFn: ({ signal }) => api.get<SurvivalCurves>(`/api/v1/measurement/survival${toQuery(params)}`, { signal }) });
}

export function exportUrl(id: string, format: 'xlsx' | 'csv' | 'pdf'): string {
  return `/api/v1/scorecards/${encodeURIComponent(id)}/export?format=${format}`;
}
