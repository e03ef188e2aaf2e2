import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toQuery } from './client';

export type Label = { da: string; en: string };

export type Employer = {
  id: string;
  cvr: string | null;
  pNumbers: string[];
  name: string;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  municipalityCode: number | null;
  trade: string | null;
  cooperationAgreement: boolean;
  cooperationNotes: string | null;
  source: 'staff' | 'web_form';
  mergedIntoId: string | null;
  version: number;
  lastContactAt: string | null;
  openJobOrders: number;
};

export const CONTACT_KINDS = ['visit', 'call', 'meeting', 'event'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export type EmployerContact = {
  id: string;
  kind: ContactKind;
  occurredAt: string;
  staffName: string;
  contactPersonName: string | null;
  outcome: string;
  nextStep: string | null;
  nextStepDue: string | null;
  mergedFromEmployerId: string | null;
};

export type EmployerDetail = Employer & {
  contactPersons: { id: string; name: string; jobTitle: string | null; phone: string | null; email: string | null; active: boolean }[];
  contacts: EmployerContact[];
  mergedFrom: { id: string; name: string; cvr: string | null; mergedAt: string | null }[];
};

export const JOB_ORDER_KINDS = ['permanent', 'temporary', 'wage_subsidy', 'internship', 'trainee'] as const;
export type JobOrderKind = (typeof JOB_ORDER_KINDS)[number];
export type ResponseState = 'waiting' | 'overdue' | 'answered_on_time' | 'answered_late';

export type JobOrder = {
  id: string;
  employerId: string;
  employerName: string;
  source: 'staff' | 'web_form';
  title: string;
  occupationCode: string;
  occupationTitle: Label | null;
  description: string;
  requirements: string;
  skills: string[];
  municipalityCode: number;
  hoursPerWeek: number;
  kind: JobOrderKind;
  wantedStart: string | null;
  deadline: string | null;
  responseHours: number;
  responseDueAt: string;
  answeredAt: string | null;
  answeredByName: string | null;
  responseState: ResponseState;
  status: 'open' | 'filled' | 'closed' | 'cancelled';
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  version: number;
};

export type MatchPart = { part: string; weight: number; value: number | null; points: number; reason: Label };
export type Candidate = {
  jobseekerId: string;
  name: string;
  segment: string | null;
  riskBand: string | null;
  score: number;
  summary: Label;
  parts: MatchPart[];
  distanceKm: number | null;
  withinTravelLimit: boolean | null;
};

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

const id = encodeURIComponent;

export function useEmployers(query: { q?: string; page: number }) {
  return useQuery({ queryKey: ['employers', 'list', query], queryFn: () => api.get<Page<Employer>>(`/api/v1/employers${toQuery({ q: query.q, page: query.page })}`), refetchOnWindowFocus: false });
}

export function useEmployer(employerId: string) {
  return useQuery({ queryKey: ['employers', 'one', employerId], queryFn: () => api.get<EmployerDetail>(`/api/v1/employers/${id(employerId)}`), refetchOnWindowFocus: false });
}

export type NewEmployer = { cvr?: string | null; name: string; city?: string | null; municipalityCode?: number | null; trade?: string | null; cooperationAgreement?: boolean };

export function useCreateEmployer() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (input: NewEmployer) => api.post<EmployerDetail>('/api/v1/employers', input), onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['employers'] }) });
}

export type NewContact = { kind: ContactKind; occurredAt: string; contactPersonId?: string | null; outcome: string; nextStep?: string | null; nextStepDue?: string | null };

export function useLogContact(employerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewContact) => api.post<EmployerDetail>(`/api/v1/employers/${id(employerId)}/contacts`, input),
    onSuccess: (data) => queryClient.setQueryData(['employers', 'one', employerId], data),
  });
}

export type NewContactPerson = { name: string; jobTitle?: string | null; phone?: string | null; email?: string | null };

export function useAddContactPerson(employerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewContactPerson) => api.post<EmployerDetail['contactPersons'][number]>(`/api/v1/employers/${id(employerId)}/contact-persons`, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['employers', 'one', employerId] }),
  });
}

export function useMergeEmployer(employerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { fromEmployerId: string; version: number }) => api.post<EmployerDetail>(`/api/v1/employers/${id(employerId)}/merge`, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['employers'] }),
  });
}

export function useJobOrders(query: { response?: ResponseState; page: number }) {
  return useQuery({ queryKey: ['job-orders', 'list', query], queryFn: () => api.get<Page<JobOrder>>(`/api/v1/job-orders${toQuery({ response: query.response, page: query.page, status: 'open' })}`), refetchOnWindowFocus: false });
}

export function useJobOrder(jobOrderId: string) {
  return useQuery({ queryKey: ['job-orders', 'one', jobOrderId], queryFn: () => api.get<JobOrder>(`/api/v1/job-orders/${id(jobOrderId)}`), refetchOnWindowFocus: false });
}

export type NewJobOrder = { employerId: string; title: string; occupationCode: string; description?: string; skills?: string[]; municipalityCode: number; hoursPerWeek: number; kind: JobOrderKind; wantedStart?: string | null; responseHours?: number };

export function useCreateJobOrder() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (input: NewJobOrder) => api.post<JobOrder>('/api/v1/job-orders', input), onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['job-orders'] }) });
}

export function useAnswerJobOrder(jobOrderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<JobOrder>(`/api/v1/job-orders/${id(jobOrderId)}/answer`, {}),
    onSuccess: (data) => {
      queryClient.setQueryData(['job-orders', 'one', jobOrderId], data);
      void queryClient.invalidateQueries({ queryKey: ['job-orders', 'list'] });
    },
  });
}

/** Each fetch is an audited search, so it is not refetched on focus. */
export function useCandidates(jobOrderId: string, filters: { risk?: string; segment?: string }) {
  return useQuery({
    queryKey: ['job-orders', 'candidates', jobOrderId, filters],
    queryFn: () => api.get<{ weights: Record<string, number>; considered: number; shortlisted: number; radiusKm: number; items: Candidate[] }>(`/api/v1/job-orders/${id(jobOrderId)}/candidates${toQuery(filters)}`),
    refetchOnWindowFocus: false,
  });
}

export type PublicJobOrderInput = {
  organisationId: string;
  language: 'da' | 'en';
  employer: { cvr: string; name: string; city?: string };
  contactName: string;
  contactEmail: string;
  contactPhone?: string;
  title: string;
  occupationCode: string;
  description?: string;
  municipalityCode: number;
  hoursPerWeek: number;
  kind: JobOrderKind;
  wantedStart?: string | null;
  responseHours: number;
};

export function usePublicJobOrderForm(organisationId: string) {
  return useQuery({ queryKey: ['public-job-order-form', organisationId], queryFn: () => api.get<{ organisation: { id: string; name: string } }>(`/api/public/job-order-form/${id(organisationId)}`), retry: false });
}

export function useSubmitPublicJobOrder() {
  return useMutation({ mutationFn: (input: PublicJobOrderInput) => api.post<{ reference: string; responseDueAt: string }>('/api/public/job-orders', input) });
}

export type Cv = {
  jobseekerId: string;
  version: number;
  occupationsWanted: { code: string; title: Label }[];
  occupationsHeld: { code: string; title: Label }[];
  skills: string[];
  education: string[];
  languages: string[];
  drivingLicences: string[];
  hoursWanted: number | null;
  maxTravelKm: number | null;
  availableFrom: string | null;
  summary: string;
};
export type CvInput = Omit<Cv, 'jobseekerId' | 'occupationsWanted' | 'occupationsHeld'> & { occupationsWanted: string[]; occupationsHeld: string[] };

/** A ranked job: one of the organisation's job orders, or an imported vacancy (with its own page). */
export type JobMatch = {
  source: 'job_order' | 'vacancy';
  id: string;
  jobOrderId: string | null;
  vacancyId: string | null;
  title: string;
  occupationTitle: Label | null;
  employerName: string;
  municipalityCode: number;
  kind: string | null;
  deadline: string | null;
  url: string | null;
  score: number;
  summary: Label;
  distanceKm: number | null;
};

export function useCv(jobseekerId: string) {
  return useQuery({ queryKey: ['cv', jobseekerId], queryFn: () => api.get<Cv>(`/api/v1/jobseekers/${id(jobseekerId)}/cv`), refetchOnWindowFocus: false });
}

export function useSaveCv(jobseekerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CvInput) => api.put<Cv>(`/api/v1/jobseekers/${id(jobseekerId)}/cv`, input),
    onSuccess: (data) => {
      queryClient.setQueryData(['cv', jobseekerId], data);
      void queryClient.invalidateQueries({ queryKey: ['job-matches', jobseekerId] });
    },
  });
}

export function useJobMatches(jobseekerId: string) {
  return useQuery({ queryKey: ['job-matches', jobseekerId], queryFn: () => api.get<{ items: JobMatch[] }>(`/api/v1/jobseekers/${id(jobseekerId)}/job-matches`), refetchOnWindowFocus: false });
}

// ---------------------------------------------------------------- proposals and placements

export { correctionSteps, NOT_HIRED_REASONS, PROPOSAL_STEPS, type NotHiredReason, type ProposalStep } from '../../core/brokering/proposals';
import type { NotHiredReason, ProposalStep } from '../../core/brokering/proposals';

export type Proposal = {
  id: string;
  jobOrderId: string;
  jobseekerId: string;
  jobseekerName: string;
  step: ProposalStep;
  nextSteps: ProposalStep[];
  matchScore: number | null;
  note: string | null;
  notHiredReason: NotHiredReason | null;
  notHiredNote: string | null;
  hiredStartDate: string | null;
  version: number;
};

export type MoveProposalInput = { step: ProposalStep; version: number; notHiredReason?: NotHiredReason; notHiredNote?: string; hiredStartDate?: string; correctionReason?: string };

export function useProposals(jobOrderId: string) {
  return useQuery({ queryKey: ['job-orders', 'proposals', jobOrderId], queryFn: () => api.get<{ items: Proposal[] }>(`/api/v1/job-orders/${id(jobOrderId)}/proposals`) });
}

export function usePropose(jobOrderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { jobseekerId: string; matchScore?: number | null }) => api.post<Proposal>(`/api/v1/job-orders/${id(jobOrderId)}/proposals`, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['job-orders', 'proposals', jobOrderId] }),
  });
}

/** A hire can fill the order, so the order is fetched again too. */
export function useMoveProposal(jobOrderId: string, proposalId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MoveProposalInput) => api.post<Proposal>(`/api/v1/proposals/${id(proposalId)}/step`, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['job-orders', 'proposals', jobOrderId] });
      void queryClient.invalidateQueries({ queryKey: ['job-orders', 'one', jobOrderId] });
    },
  });
}
