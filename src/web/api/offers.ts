import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toQuery } from './client';

export const OFFER_KINDS = ['workshop', 'job_cafe', 'job_club', 'theme_meeting', 'info_meeting', 'mentor', 'coaching', 'course', 'fast_upskilling', 'trainee', 'webinar'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];
export const ABSENCE_REASONS = ['no_notice', 'sick', 'child_sick', 'job_interview', 'work', 'approved_leave', 'other'] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

export type Eligibility = { segments?: string[]; minAge?: number; maxAge?: number; targetGroups?: string[]; situation?: 'notice' | 'unemployed' | 'any' };

export type Offer = {
  id: string;
  kind: OfferKind;
  title: string;
  description: string | null;
  trade: string | null;
  durationWeeks: number | null;
  themes: string[];
  eligibility: Eligibility;
  requiresApproval: boolean;
  openForReferrals: boolean;
  active: boolean;
  version: number;
  openSessions?: number;
};

export type OfferSession = {
  id: string;
  offerId: string;
  offerTitle: string | null;
  offerKind: OfferKind | null;
  unitId: string | null;
  title: string;
  startsAt: string;
  endsAt: string;
  lastDay: string;
  place: string;
  theme: string | null;
  capacity: number;
  overbookingPercent: number;
  allowedSeats: number;
  seated: number;
  waiting: number;
  cancellationDeadlineHours: number;
  status: 'open' | 'cancelled' | 'completed';
  version: number;
};

export type Participant = {
  id: string;
  status: 'seated' | 'waitlisted' | 'pending_approval' | 'cancelled' | 'completed' | 'dropped_out';
  signupSeq: number;
  waitlistPosition: number | null;
  jobseekerId: string | null;
  referred: boolean;
  name: string;
  enrolledAt: string;
  promotedAt: string | null;
  lateCancellation: boolean;
  notifiedVia: 'email' | 'sms' | null;
};

export type RollCall = {
  sessionId: string;
  title: string;
  offerTitle: string;
  place: string;
  day: string;
  firstDay: string;
  lastDay: string;
  participants: { enrolmentId: string; name: string; status: 'present' | 'absent' | null; absenceReason: AbsenceReason | null; note: string | null }[];
};

export type AbsenceReport = {
  month: string;
  unitName: string | null;
  absences: number;
  people: number;
  rows: { day: string; name: string; sessionTitle: string; offerTitle: string; reasonLabel: string; countsTowardAvailability: boolean; note: string | null }[];
};

export type Referral = {
  id: string;
  kind: 'referral' | 'approval_request';
  side: 'sender' | 'receiver';
  state: 'sent' | 'accepted' | 'declined' | 'enrolled' | 'completed';
  offer: { id: string; title: string; kind: OfferKind };
  senderOrganisation: string;
  receiverOrganisation: string;
  personName: string;
  personEmail: string | null;
  personPhone: string | null;
  reason: string;
  decisionNote: string | null;
  outcome: string | null;
  sentAt: string;
  version: number;
};

export type NewOffer = { kind: OfferKind; title: string; trade?: string; durationWeeks?: number; themes?: string[]; eligibility: Eligibility; openForReferrals?: boolean };
export type NewSession = { startsAt: string; endsAt: string; lastDay?: string; place: string; capacity: number; overbookingPercent: number; cancellationDeadlineHours: number };

const id = encodeURIComponent;

export function useOffers() {
  return useQuery({ queryKey: ['offers', 'list'], queryFn: () => api.get<Offer[]>('/api/v1/offers') });
}

export function useOffer(offerId: string) {
  return useQuery({ queryKey: ['offers', 'one', offerId], queryFn: () => api.get<Offer & { sessions: OfferSession[] }>(`/api/v1/offers/${id(offerId)}`) });
}

export function useCreateOffer() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (input: NewOffer) => api.post<Offer>('/api/v1/offers', input), onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['offers'] }) });
}

export function useCreateSession(offerId: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (input: NewSession) => api.post<OfferSession>(`/api/v1/offers/${id(offerId)}/sessions`, input), onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['offers'] }) });
}

/** Each fetch is an audited read of the participant list, so it is not refetched on focus. */
export function useSession(sessionId: string) {
  return useQuery({ queryKey: ['sessions', sessionId], queryFn: () => api.get<OfferSession & { participants: Participant[] }>(`/api/v1/offer-sessions/${id(sessionId)}`), refetchOnWindowFocus: false });
}

export function useEnrol(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobseekerId: string) => api.post<{ id: string; status: Participant['status']; waitlistPosition: number | null }>(`/api/v1/offer-sessions/${id(sessionId)}/enrolments`, { jobseekerId }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['sessions', sessionId] }),
  });
}

export function useCancelEnrolment(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { enrolmentId: string; reason: string }) => api.post(`/api/v1/enrolments/${id(input.enrolmentId)}/cancel`, { reason: input.reason }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['sessions', sessionId] }),
  });
}

export function useRollCall(sessionId: string, day: string | undefined) {
  return useQuery({ queryKey: ['roll-call', sessionId, day ?? ''], queryFn: () => api.get<RollCall>(`/api/v1/offer-sessions/${id(sessionId)}/roll-call${toQuery({ day })}`), refetchOnWindowFocus: false });
}

export function useRegisterAttendance(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { enrolmentId: string; day: string; status: 'present' | 'absent'; absenceReason?: AbsenceReason }) => api.post<RollCall>(`/api/v1/offer-sessions/${id(sessionId)}/attendance`, input),
    onSuccess: (data, input) => {
      // The list shown may be keyed by the chosen day or by "today" (no day chosen): update both.
      queryClient.setQueryData(['roll-call', sessionId, input.day], data);
      queryClient.setQueriesData({ queryKey: ['roll-call', sessionId, ''] }, (old: RollCall | undefined) => (old && old.day === data.day ? data : old));
    },
  });
}

export function useAbsenceReport(month: string, unitId: string) {
  return useQuery({
    queryKey: ['absence-report', month, unitId],
    queryFn: () => api.get<AbsenceReport>(`/api/v1/absence-report${toQuery({ month, unitId })}`),
    enabled: /^\d{4}-\d{2}$/.test(month) && unitId !== '',
    refetchOnWindowFocus: false,
  });
}

export function useSendAbsenceReport() {
  return useMutation({ mutationFn: (input: { month: string; unitId: string }) => api.post<{ taskCreated: boolean; absences: number; people: number }>('/api/v1/absence-report/send', input) });
}

export function useReferrals(box: 'inbox' | 'outbox') {
  return useQuery({ queryKey: ['referrals', box], queryFn: () => api.get<Referral[]>(`/api/v1/referrals${toQuery({ box })}`), refetchOnWindowFocus: false });
}

export function useReferralAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { referralId: string; action: 'decide' | 'enrol' | 'complete'; body: Record<string, unknown> }) => api.post<Referral>(`/api/v1/referrals/${id(input.referralId)}/${input.action}`, input.body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['referrals'] }),
  });
}

export function useOfferSessions(offerId: string | undefined) {
  return useQuery({ queryKey: ['sessions', 'of', offerId], queryFn: () => api.get<OfferSession[]>(`/api/v1/offer-sessions${toQuery({ offerId })}`), enabled: !!offerId });
}

/** An instant from a Copenhagen date and wall-clock time, whatever the browser's time zone. */
export function copenhagenInstant(date: string, time: string): string {
  const guess = new Date(`${date}T${time}:00Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(guess)
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return new Date(guess.getTime() - (wall - guess.getTime())).toISOString();
}
