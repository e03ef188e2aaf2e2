import { z } from 'zod';
import { ZCode, ZLocalizedText } from '../profiling/localized-text';

/** What makes a survey go out. */
export const SURVEY_TRIGGERS = ['conversation_held', 'offer_completed', 'placement', 'quarterly'] as const;
export type SurveyTrigger = (typeof SURVEY_TRIGGERS)[number];

/** Who answers: the jobseeker, or the employer's contact person (after a placement). */
export const SURVEY_AUDIENCES = ['jobseeker', 'employer'] as const;
export type SurveyAudience = (typeof SURVEY_AUDIENCES)[number];

export type SurveyLanguage = 'da' | 'en';

export const LIKERT_POINTS = 5;
/** 4 and 5 on the 1–5 scale count as satisfied (the seeds' "tilfredse"). */
export const SATISFIED_FROM = 4;

const questionBase = { id: ZCode, text: ZLocalizedText, required: z.boolean() };

export const ZSurveyLikertQuestion = z.object({
  ...questionBase,
  kind: z.literal('likert'),
  /** One label per point, 1 (first) to 5 (last); the page shows them beside the numbers. */
  scaleLabels: z.array(ZLocalizedText).length(LIKERT_POINTS),
});
export const ZSurveyYesNoQuestion = z.object({ ...questionBase, kind: z.literal('yes_no') });
export const ZSurveyFreeTextQuestion = z.object({ ...questionBase, kind: z.literal('free_text'), maxLength: z.number().int().min(1).max(5000) });

export const ZSurveyQuestion = z.discriminatedUnion('kind', [ZSurveyLikertQuestion, ZSurveyYesNoQuestion, ZSurveyFreeTextQuestion]);
export type TSurveyQuestion = z.infer<typeof ZSurveyQuestion>;
export type SurveyQuestionKind = TSurveyQuestion['kind'];

/** A message text with the placeholders {link} (required) and {organisation}. */
const ZMessageText = ZLocalizedText.refine((t) => t.da.includes('{link}') && t.en.includes('{link}'), { message: 'A message must contain {link} in both languages' });

export const ZSurveyMessages = z.object({
  sms: ZMessageText,
  emailSubject: ZLocalizedText,
  email: ZMessageText,
  reminderSms: ZMessageText,
  reminderEmailSubject: ZLocalizedText,
  reminderEmail: ZMessageText,
});
export type TSurveyMessages = z.infer<typeof ZSurveyMessages>;

/**
 * A survey as versioned data (templates/surveys/<key>.json). A change of wording is a new
 * version; an invitation keeps the version it was sent with, so answers are read against the
 * questions the person actually saw.
 */
export const ZSurveyDefinition = z
  .object({
    key: ZCode,
    version: z.number().int().min(1),
    trigger: z.enum(SURVEY_TRIGGERS),
    audience: z.enum(SURVEY_AUDIENCES),
    title: ZLocalizedText,
    intro: ZLocalizedText,
    thanks: ZLocalizedText,
    /** The Likert question whose 4–5 answers count as satisfied. */
    satisfactionQuestion: ZCode,
    questions: z.array(ZSurveyQuestion).min(1).max(20),
    messages: ZSurveyMessages,
  })
  .strict()
  .superRefine((def, ctx) => {
    const seen = new Set<string>();
    for (const q of def.questions) {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions'], message: `Duplicate question id '${q.id}'` });
      seen.add(q.id);
    }
    const satisfaction = def.questions.find((q) => q.id === def.satisfactionQuestion);
    if (!satisfaction || satisfaction.kind !== 'likert') {
      ctx.addIssue({ code: 'custom', path: ['satisfactionQuestion'], message: 'satisfactionQuestion must name a Likert question of the survey' });
    }
  });
export type TSurveyDefinition = z.infer<typeof ZSurveyDefinition>;

/** The definition a trigger uses for an audience; the newest version when several are given. */
export function pickSurveyDefinition(definitions: readonly TSurveyDefinition[], trigger: SurveyTrigger, audience: SurveyAudience): TSurveyDefinition | undefined {
  return definitions.filter((d) => d.trigger === trigger && d.audience === audience).sort((a, b) => b.version - a.version || a.key.localeCompare(b.key))[0];
}

/** The questions in one language, as the public page shows them: nothing about the person. */
export function presentSurveyQuestions(definition: TSurveyDefinition, lang: SurveyLanguage) {
  return definition.questions.map((q) => {
    const base = { id: q.id, kind: q.kind, text: q.text[lang], required: q.required };
    switch (q.kind) {
      case 'likert':
        return { ...base, scaleLabels: q.scaleLabels.map((l) => l[lang]) };
      case 'yes_no':
        return base;
      case 'free_text':
        return { ...base, maxLength: q.maxLength };
      default:
        return q satisfies never;
    }
  });
}
