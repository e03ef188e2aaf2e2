import { z } from 'zod';
import { ZCode, ZLocalizedText, type TLocalizedText } from './localized-text.js';

/** The four kinds of question the preparation questionnaire (forberedelsesskema) uses. */
export type QuestionKind = 'single_choice' | 'likert' | 'yes_no' | 'free_text';

export const LIKERT_MIN = 1;
export const LIKERT_MAX = 5;

export const ZAnswerOption = z.object({
  code: ZCode,
  label: ZLocalizedText,
});
export type TAnswerOption = z.infer<typeof ZAnswerOption>;

const questionBase = {
  code: ZCode,
  text: ZLocalizedText,
  help: ZLocalizedText.optional(),
  required: z.boolean(),
};

export const ZSingleChoiceQuestion = z.object({
  ...questionBase,
  kind: z.literal('single_choice'),
  options: z.array(ZAnswerOption).min(2),
});

export const ZLikertQuestion = z.object({
  ...questionBase,
  kind: z.literal('likert'),
  /** One label per point, from 1 (first) to 5 (last). */
  scaleLabels: z.array(ZLocalizedText).length(LIKERT_MAX - LIKERT_MIN + 1),
});

export const ZYesNoQuestion = z.object({
  ...questionBase,
  kind: z.literal('yes_no'),
});

export const ZFreeTextQuestion = z.object({
  ...questionBase,
  kind: z.literal('free_text'),
  maxLength: z.number().int().min(1).max(10_000),
});

export const ZQuestion = z.discriminatedUnion('kind', [
  ZSingleChoiceQuestion,
  ZLikertQuestion,
  ZYesNoQuestion,
  ZFreeTextQuestion,
]);
export type TQuestion = z.infer<typeof ZQuestion>;

export const ZQuestionnaire = z
  .object({
    id: ZCode,
    version: z.number().int().min(1),
    title: ZLocalizedText,
    description: ZLocalizedText.optional(),
    questions: z.array(ZQuestion).min(1),
  })
  .superRefine((questionnaire, ctx) => {
    const seen = new Set<string>();
    questionnaire.questions.forEach((question, index) => {
      if (seen.has(question.code)) {
        ctx.addIssue({ code: 'custom', path: ['questions', index, 'code'], message: `Duplicate question code '${question.code}'` });
      }
      seen.add(question.code);
      if (question.kind === 'single_choice') {
        const optionCodes = new Set<string>();
        question.options.forEach((option, optionIndex) => {
          if (optionCodes.has(option.code)) {
            ctx.addIssue({
              code: 'custom',
              path: ['questions', index, 'options', optionIndex, 'code'],
              message: `Duplicate option code '${option.code}' in question '${question.code}'`,
            });
          }
          optionCodes.add(option.code);
        });
      }
    });
  });
export type TQuestionnaire = z.infer<typeof ZQuestionnaire>;

/**
 * What a jobseeker can answer: an option code (single choice), a point 1–5 (Likert),
 * true/false (yes/no) or text (free text).
 */
export type AnswerValue = string | number | boolean;
export type ProfilingAnswers = Readonly<Record<string, AnswerValue>>;

export type AnswerErrorCode = 'invalid_type' | 'required' | 'unknown_option' | 'too_long' | 'unknown_question';

export interface AnswerError {
  /** Form field the error belongs to: `answers.<questionCode>`, or `answers` for the whole set. */
  field: string;
  questionCode: string | null;
  /** 1-based position of the question in the questionnaire, as the jobseeker sees it. */
  questionNumber: number | null;
  code: AnswerErrorCode;
  message: TLocalizedText;
}

export type AnswerValidation =
  | { ok: true; answers: ProfilingAnswers }
  | { ok: false; errors: AnswerError[] };

/**
 * The option code an answer stands for, as risk-model coefficients are keyed:
 * single choice → its code, Likert → '1'…'5', yes/no → 'yes' / 'no'.
 */
export function toOptionCode(value: AnswerValue): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** All answers a question accepts, as option codes (free text has none). */
export function listOptionCodes(question: TQuestion): string[] {
  switch (question.kind) {
    case 'single_choice':
      return question.options.map((option) => option.code);
    case 'likert':
      return question.scaleLabels.map((_, index) => String(LIKERT_MIN + index));
    case 'yes_no':
      return ['yes', 'no'];
    case 'free_text':
      return [];
    default:
      return question satisfies never;
  }
}

function quote(text: TLocalizedText): TLocalizedText {
  return { da: `„${text.da}“`, en: `"${text.en}"` };
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function checkAnswer(question: TQuestion, value: unknown): { code: AnswerErrorCode; message: (q: TLocalizedText, n: number) => TLocalizedText } | null {
  switch (question.kind) {
    case 'single_choice': {
      if (typeof value !== 'string') {
        return {
          code: 'invalid_type',
          message: (q, n) => ({
            da: `Svaret på spørgsmål ${n} (${q.da}) skal være en af svarmulighederne.`,
            en: `The answer to question ${n} (${q.en}) must be one of the options.`,
          }),
        };
      }
      if (!question.options.some((option) => option.code === value)) {
        const codes = question.options.map((option) => option.code).join(', ');
        return {
          code: 'unknown_option',
          message: (q, n) => ({
            da: `Svaret „${value}“ på spørgsmål ${n} (${q.da}) er ikke en af svarmulighederne. Gyldige svar: ${codes}.`,
            en: `The answer "${value}" to question ${n} (${q.en}) is not one of the options. Valid answers: ${codes}.`,
          }),
        };
      }
      return null;
    }
    case 'likert': {
      if (typeof value !== 'number') {
        return {
          code: 'invalid_type',
          message: (q, n) => ({
            da: `Svaret på spørgsmål ${n} (${q.da}) skal være et tal fra ${LIKERT_MIN} til ${LIKERT_MAX}.`,
            en: `The answer to question ${n} (${q.en}) must be a number from ${LIKERT_MIN} to ${LIKERT_MAX}.`,
          }),
        };
      }
      if (!Number.isInteger(value) || value < LIKERT_MIN || value > LIKERT_MAX) {
        return {
          code: 'unknown_option',
          message: (q, n) => ({
            da: `Svaret ${value} på spørgsmål ${n} (${q.da}) er ikke på skalaen. Vælg et helt tal fra ${LIKERT_MIN} til ${LIKERT_MAX}.`,
            en: `The answer ${value} to question ${n} (${q.en}) is not on the scale. Choose a whole number from ${LIKERT_MIN} to ${LIKERT_MAX}.`,
          }),
        };
      }
      return null;
    }
    case 'yes_no': {
      if (typeof value !== 'boolean') {
        return {
          code: 'invalid_type',
          message: (q, n) => ({
            da: `Svaret på spørgsmål ${n} (${q.da}) skal være ja eller nej.`,
            en: `The answer to question ${n} (${q.en}) must be yes or no.`,
          }),
        };
      }
      return null;
    }
    case 'free_text': {
      if (typeof value !== 'string') {
        return {
          code: 'invalid_type',
          message: (q, n) => ({
            da: `Svaret på spørgsmål ${n} (${q.da}) skal være tekst.`,
            en: `The answer to question ${n} (${q.en}) must be text.`,
          }),
        };
      }
      if (value.trim().length > question.maxLength) {
        const max = question.maxLength;
        return {
          code: 'too_long',
          message: (q, n) => ({
            da: `Svaret på spørgsmål ${n} (${q.da}) må højst være ${max} tegn.`,
            en: `The answer to question ${n} (${q.en}) may be at most ${max} characters.`,
          }),
        };
      }
      return null;
    }
    default:
      return question satisfies never;
  }
}

/**
 * Checks a jobseeker's answers against the questionnaire and returns every problem at once,
 * each tied to its question, so a form can show them all beside their fields. On success the
 * answers are returned normalised: free text trimmed, blank optional answers left out.
 */
export function validateAnswers(questionnaire: TQuestionnaire, answers: unknown): AnswerValidation {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    return {
      ok: false,
      errors: [
        {
          field: 'answers',
          questionCode: null,
          questionNumber: null,
          code: 'invalid_type',
          message: {
            da: 'Svarene skal sendes som ét svar pr. spørgsmål (kode → svar).',
            en: 'The answers must be sent as one answer per question (code → answer).',
          },
        },
      ],
    };
  }
  const given = answers as Record<string, unknown>;
  const errors: AnswerError[] = [];
  const normalised: Record<string, AnswerValue> = {};

  questionnaire.questions.forEach((question, index) => {
    const questionNumber = index + 1;
    const field = `answers.${question.code}`;
    const value = Object.hasOwn(given, question.code) ? given[question.code] : undefined;
    const text = quote(question.text);

    if (isBlank(value)) {
      if (question.required) {
        errors.push({
          field,
          questionCode: question.code,
          questionNumber,
          code: 'required',
          message: {
            da: `Spørgsmål ${questionNumber} (${text.da}) skal besvares.`,
            en: `Question ${questionNumber} (${text.en}) must be answered.`,
          },
        });
      }
      return;
    }

    const problem = checkAnswer(question, value);
    if (problem) {
      errors.push({ field, questionCode: question.code, questionNumber, code: problem.code, message: problem.message(text, questionNumber) });
      return;
    }
    normalised[question.code] = typeof value === 'string' ? value.trim() : (value as AnswerValue);
  });

  const known = new Set(questionnaire.questions.map((question) => question.code));
  for (const code of Object.keys(given)) {
    if (!known.has(code)) {
      errors.push({
        field: `answers.${code}`,
        questionCode: code,
        questionNumber: null,
        code: 'unknown_question',
        message: {
          da: `Spørgeskemaet (version ${questionnaire.version}) har intet spørgsmål med koden „${code}“.`,
          en: `The questionnaire (version ${questionnaire.version}) has no question with the code "${code}".`,
        },
      });
    }
  }

  return errors.length > 0 ? { ok: false, errors } : { ok: true, answers: normalised };
}
