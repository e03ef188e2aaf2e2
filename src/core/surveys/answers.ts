import { LIKERT_POINTS, type TSurveyDefinition } from './survey-definition';

export type SurveyAnswerValue = number | boolean | string;
export type SurveyAnswers = Record<string, SurveyAnswerValue>;
export type FieldMessage = { da: string; en: string };

export type SurveyAnswerCheck =
  | { ok: true; answers: SurveyAnswers; satisfaction: number | null }
  | { ok: false; errors: Record<string, FieldMessage> };

/**
 * Checks answers against the questions the person was shown. Unknown question ids and wrong
 * kinds are errors (named by question); empty free text counts as no answer; the stored answers
 * hold only the survey's own question ids.
 */
export function checkSurveyAnswers(definition: TSurveyDefinition, input: Record<string, unknown>): SurveyAnswerCheck {
  const errors: Record<string, FieldMessage> = {};
  const answers: SurveyAnswers = {};
  const known = new Set(definition.questions.map((q) => q.id));
  for (const key of Object.keys(input)) {
    if (!known.has(key)) errors[`answers.${key}`] = { da: 'Spørgsmålet findes ikke i dette spørgeskema.', en: 'The question is not part of this survey.' };
  }
  for (const q of definition.questions) {
    const value = input[q.id];
    const field = `answers.${q.id}`;
    const missing = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
    if (missing) {
      if (q.required) errors[field] = q.kind === 'free_text' ? { da: 'Skriv et svar.', en: 'Write an answer.' } : { da: 'Vælg et svar.', en: 'Choose an answer.' };
      continue;
    }
    switch (q.kind) {
      case 'likert':
        if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= LIKERT_POINTS) answers[q.id] = value;
        else errors[field] = { da: `Vælg et tal fra 1 til ${LIKERT_POINTS}.`, en: `Choose a number from 1 to ${LIKERT_POINTS}.` };
        break;
      case 'yes_no':
        if (typeof value === 'boolean') answers[q.id] = value;
        else errors[field] = { da: 'Vælg ja eller nej.', en: 'Choose yes or no.' };
        break;
      case 'free_text':
        if (typeof value !== 'string') errors[field] = { da: 'Svaret skal være tekst.', en: 'The answer must be text.' };
        else if (value.trim().length > q.maxLength) errors[field] = { da: `Skriv højst ${q.maxLength} tegn.`, en: `Write at most ${q.maxLength} characters.` };
        else answers[q.id] = value.trim();
        break;
      default:
        q satisfies never;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const score = answers[definition.satisfactionQuestion];
  return { ok: true, answers, satisfaction: typeof score === 'number' ? score : null };
}

/** The free-text answers of a response, by question id. */
export function freeTextsOf(definition: TSurveyDefinition, answers: SurveyAnswers): { questionId: string; text: string }[] {
  return definition.questions.flatMap((q) => (q.kind === 'free_text' && typeof answers[q.id] === 'string' && answers[q.id] !== '' ? [{ questionId: q.id, text: answers[q.id] as string }] : []));
}
