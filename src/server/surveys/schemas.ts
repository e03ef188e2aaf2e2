import { z } from 'zod';
import { msg } from '../validation';

export const ZSurveyResultsQuery = z.object({
  from: z.iso.date(msg('date')).optional(),
  to: z.iso.date(msg('date')).optional(),
  unitId: z.uuid(msg('uuid')).optional(),
  caseworkerId: z.uuid(msg('uuid')).optional(),
  type: z
    .string()
    .trim()
    .regex(/^[a-z0-9_-]{1,60}$/)
    .optional(),
});
export type TSurveyResultsQuery = z.infer<typeof ZSurveyResultsQuery>;

const ZGroup = z.object({
  key: z.string().nullable(),
  label: z.string().nullable(),
  invited: z.number(),
  answered: z.number(),
  responseRate: z.number().nullable(),
  satisfied: z.number().nullable(),
  share: z.number().nullable(),
  suppressed: z.boolean(),
});

export const ZSurveyResults = z.object({
  from: z.string(),
  to: z.string(),
  minAnswers: z.number(),
  suppressionNote: z.string(),
  total: ZGroup,
  byUnit: z.array(ZGroup),
  byCaseworker: z.array(ZGroup),
  byType: z.array(ZGroup),
  freeTexts: z.object({
    shown: z.boolean(),
    note: z.string().nullable(),
    questions: z.array(z.object({ surveyKey: z.string(), questionId: z.string(), question: z.string(), answers: z.array(z.string()) })),
  }),
});

export const ZSurveyDefinitionList = z.array(
  z.object({ key: z.string(), version: z.number(), trigger: z.string(), audience: z.string(), title: z.string(), questions: z.array(z.object({ id: z.string(), kind: z.string(), text: z.string() })) }),
);

/** The public page: a survey's questions in one language. */
const ZPublicQuestion = z.object({
  id: z.string(),
  kind: z.enum(['likert', 'yes_no', 'free_text']),
  text: z.string(),
  required: z.boolean(),
  scaleLabels: z.array(z.string()).optional(),
  maxLength: z.number().optional(),
});

export const ZPublicSurvey = z.object({
  language: z.enum(['da', 'en']),
  organisation: z.string(),
  title: z.string(),
  intro: z.string(),
  questions: z.array(ZPublicQuestion),
  expiresAt: z.string(),
});

export const ZPublicCodeParams = z.object({ code: z.string().max(64) });

export const ZPublicAnswerBody = z
  .object({ answers: z.record(z.string().max(60), z.union([z.number(), z.boolean(), z.string().max(10_000), z.null()])) })
  .strict()
  .meta({ examples: [{ answers: { satisfaction: 5, comment: 'God og konkret samtale.' } }] });

export const ZPublicAnswerResult = z.object({ language: z.enum(['da', 'en']), thanks: z.string() });
