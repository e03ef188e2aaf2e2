import { queryOptions, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api } from './client';
import type { AnswerValue, Conversation, ConversationGuides, ConversationMode, JobPresented, Profiling, SpellDetail, SpellKind, SpellSummary } from './spell-types';

const enc = encodeURIComponent;

/** Each fetch of a spell is an audited read, so it is not refetched on window focus. */
export function spellQuery(id: string) {
  return queryOptions({ queryKey: ['spells', 'one', id], queryFn: () => api.get<SpellDetail>(`/api/v1/spells/${enc(id)}`), refetchOnWindowFocus: false });
}

export function useSpell(id: string) {
  return useQuery(spellQuery(id));
}

export function useJobseekerSpells(jobseekerId: string, enabled = true) {
  return useQuery({
    queryKey: ['spells', 'of-jobseeker', jobseekerId],
    queryFn: () => api.get<SpellSummary[]>(`/api/v1/jobseekers/${enc(jobseekerId)}/spells`),
    refetchOnWindowFocus: false,
    enabled,
  });
}

export type NewSpellInput = { kind: SpellKind; startDate: string; registrationDate?: string; noticeEndDate?: string | null; targetGroup: string; unitId?: string | null; caseworkerId?: string | null };

export function useCreateSpell(jobseekerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewSpellInput) => api.post<SpellDetail>(`/api/v1/jobseekers/${enc(jobseekerId)}/spells`, input),
    onSuccess: (spell) => {
      queryClient.setQueryData(spellQuery(spell.id).queryKey, spell);
      void queryClient.invalidateQueries({ queryKey: ['spells', 'of-jobseeker', jobseekerId] });
      void queryClient.invalidateQueries({ queryKey: ['caseload'] });
    },
  });
}

/** Every change that answers with the whole spell puts it straight into the cache. */
function useSpellMutation<I>(spellId: string, request: (input: I) => Promise<SpellDetail>, alsoStale: QueryKey[] = []) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (spell) => {
      queryClient.setQueryData(spellQuery(spellId).queryKey, spell);
      for (const key of alsoStale) void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: ['spells', 'of-jobseeker', spell.jobseekerId] });
      void queryClient.invalidateQueries({ queryKey: ['caseload'] });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}

export function useUpdateSpell(spellId: string) {
  return useSpellMutation(spellId, (input: { version: number; targetGroup?: string; unitId?: string | null; caseworkerId?: string | null }) => api.patch<SpellDetail>(`/api/v1/spells/${enc(spellId)}`, input));
}

export function useEndSpell(spellId: string) {
  return useSpellMutation(spellId, (input: { version: number; endDate: string; endReason: string }) => api.post<SpellDetail>(`/api/v1/spells/${enc(spellId)}/end`, input));
}

export function useConvertNotice(spellId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; firstDayOfUnemployment: string }) => api.post<SpellDetail>(`/api/v1/spells/${enc(spellId)}/convert`, input),
    onSuccess: (spell) => {
      queryClient.setQueryData(spellQuery(spell.id).queryKey, spell);
      void queryClient.invalidateQueries({ queryKey: ['spells'] });
      void queryClient.invalidateQueries({ queryKey: ['caseload'] });
    },
  });
}

export function useSetBenefitHours(spellId: string) {
  return useSpellMutation(spellId, (input: { month: string; hours: number }) => api.put<SpellDetail>(`/api/v1/spells/${enc(spellId)}/benefit-hours`, input));
}

export function useDecideSegment(spellId: string) {
  return useSpellMutation(spellId, (input: { segment: string; reason?: string }) => api.post<SpellDetail>(`/api/v1/spells/${enc(spellId)}/segment`, input), [['profiling', spellId]]);
}

export function profilingQuery(spellId: string) {
  return queryOptions({ queryKey: ['profiling', spellId], queryFn: () => api.get<Profiling>(`/api/v1/spells/${enc(spellId)}/profiling`), refetchOnWindowFocus: false });
}

export function useProfiling(spellId: string) {
  return useQuery(profilingQuery(spellId));
}

export function useSubmitProfiling(spellId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answers: Record<string, AnswerValue | null>) => api.post<Profiling>(`/api/v1/spells/${enc(spellId)}/profiling`, { answers }),
    onSuccess: (profiling) => queryClient.setQueryData(profilingQuery(spellId).queryKey, profiling),
  });
}

export function useConversationGuides() {
  return useQuery({ queryKey: ['conversation-guides'], queryFn: () => api.get<ConversationGuides>('/api/v1/conversation-guides'), staleTime: Infinity });
}

export type BookInput = { version: number; scheduledAt: string; durationMinutes: number; mode: ConversationMode; place?: string | null; outsideWindowReason?: string };
export type HoldInput = { version: number; heldOn?: string; notes?: string; guideAnswers?: Record<string, string>; agreements?: string[]; jobsPresented?: JobPresented[] };

type ConversationActions = {
  book: BookInput;
  move: BookInput & { reason: string };
  cancel: { version: number; reason: string };
  hold: HoldInput;
  'no-show': { version: number; note?: string };
  exempt: { version: number; reason: string };
};
export type ConversationAction = keyof ConversationActions;

/** One conversation action; afterwards the spell is fetched again, since a change may plan new talks or raise tasks. */
export function useConversationAction<A extends ConversationAction>(spellId: string, conversationId: string, action: A) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ConversationActions[A]) => api.post<Conversation>(`/api/v1/conversations/${enc(conversationId)}/${action}`, input),
    onSuccess: async () => {
      void queryClient.invalidateQueries({ queryKey: ['caseload'] });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      await queryClient.invalidateQueries({ queryKey: spellQuery(spellId).queryKey });
    },
  });
}

export function useAddConversation(spellId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { type: string; label?: string }) => api.post<Conversation>(`/api/v1/spells/${enc(spellId)}/conversations`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: spellQuery(spellId).queryKey }),
  });
}
