import { SATISFIED_FROM, type SurveyAudience, type SurveyTrigger } from './survey-definition';

/** Results are never shown for a group with fewer answers than this: one person's answer must not be readable. */
export const MIN_ANSWERS_SHOWN = 5;

/**
 * One invitation and its answer, as the results page and the scorecards' indicators read them.
 * An invitation not (yet) answered has answeredOn and satisfaction null: it counts towards the
 * response rate, never towards the share satisfied.
 */
export type SatisfactionResponse = {
  invitationId: string;
  surveyKey: string;
  trigger: SurveyTrigger;
  audience: SurveyAudience;
  /** The conversation type for a conversation survey (cv_contact, availability …), else the trigger. */
  type: string;
  unitId: string | null;
  caseworkerId: string | null;
  /** Whom a jobseeker survey asked; only to confine the scorecards' indicators to a set of spells, never shown. */
  jobseekerId?: string | null;
  /** Europe/Copenhagen dates, YYYY-MM-DD. */
  invitedOn: string;
  answeredOn: string | null;
  /** The answer to the survey's satisfaction question, 1–5. */
  satisfaction: number | null;
  /** Every numeric (Likert) answer by question id, for indicators reading another question than satisfaction. */
  scores?: Record<string, number>;
};

export type SatisfactionShare = {
  /** Answers with a satisfaction score (1–5). */
  answered: number;
  /** Of those, answers 4 or 5. */
  satisfied: number;
  /** satisfied / answered, or null with no answers. */
  share: number | null;
};

/** The share satisfied (4–5 on the 1–5 scale) among the answers that scored satisfaction. */
export function satisfactionShare(responses: readonly Pick<SatisfactionResponse, 'satisfaction'>[]): SatisfactionShare {
  let answered = 0;
  let satisfied = 0;
  for (const r of responses) {
    if (r.satisfaction === null || !Number.isFinite(r.satisfaction)) continue;
    answered += 1;
    if (r.satisfaction >= SATISFIED_FROM) satisfied += 1;
  }
  return { answered, satisfied, share: answered === 0 ? null : satisfied / answered };
}

export type SurveyGroupResult = {
  key: string | null;
  invited: number;
  answered: number;
  /** answered / invited, null with no invitations or when suppressed. */
  responseRate: number | null;
  satisfied: number | null;
  share: number | null;
  /** Fewer than MIN_ANSWERS_SHOWN answers: the rate, the share and the free texts are withheld. */
  suppressed: boolean;
};

export type SurveyResultsSummary = {
  minAnswers: number;
  total: SurveyGroupResult;
  byUnit: SurveyGroupResult[];
  byCaseworker: SurveyGroupResult[];
  byType: SurveyGroupResult[];
};

function summariseGroup(key: string | null, rows: readonly SatisfactionResponse[], minAnswers: number): SurveyGroupResult {
  const invited = rows.length;
  const answered = rows.filter((r) => r.answeredOn !== null).length;
  const suppressed = answered < minAnswers;
  if (suppressed) return { key, invited, answered, responseRate: null, satisfied: null, share: null, suppressed };
  const share = satisfactionShare(rows);
  return { key, invited, answered, responseRate: invited === 0 ? null : answered / invited, satisfied: share.satisfied, share: share.share, suppressed };
}

function groupBy(rows: readonly SatisfactionResponse[], keyOf: (r: SatisfactionResponse) => string | null, minAnswers: number): SurveyGroupResult[] {
  const groups = new Map<string | null, SatisfactionResponse[]>();
  for (const r of rows) {
    const key = keyOf(r);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.entries()]
    .map(([key, list]) => summariseGroup(key, list, minAnswers))
    .sort((a, b) => (a.key ?? '\uffff').localeCompare(b.key ?? '\uffff'));
}

/**
 * Response rate and share satisfied in total and by unit, caseworker and type. Every group with
 * fewer than `minAnswers` answers is suppressed, the total included.
 */
export function summariseSurveyResults(rows: readonly SatisfactionResponse[], minAnswers = MIN_ANSWERS_SHOWN): SurveyResultsSummary {
  const min = Math.max(MIN_ANSWERS_SHOWN, minAnswers);
  return {
    minAnswers: min,
    total: summariseGroup(null, rows, min),
    byUnit: groupBy(rows, (r) => r.unitId, min),
    byCaseworker: groupBy(rows, (r) => r.caseworkerId, min),
    byType: groupBy(rows, (r) => r.type, min),
  };
}
