import type { Database } from '../../db/connect';
import { addDays } from '../../core/calendar/iso-date';
import { MIN_ANSWERS_SHOWN, summariseSurveyResults, type SurveyGroupResult } from '../../core/surveys/satisfaction';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { writeAudit } from '../audit/write-audit';
import { todayOf } from '../calendar/org-calendar';
import { loadSurveyDefinitions } from './definitions';
import { labelsOf, loadFreeTexts, loadSatisfactionResponses } from './queries';
import type { TSurveyResultsQuery } from './schemas';

/** Without dates the results cover the last 90 days. */
export const DEFAULT_RESULT_DAYS = 90;

const SUPPRESSION_NOTE = {
  da: `Grupper med færre end ${MIN_ANSWERS_SHOWN} svar vises ikke, så ingen enkeltpersons svar kan læses ud af tallene.`,
  en: `Groups with fewer than ${MIN_ANSWERS_SHOWN} answers are not shown, so no single person's answer can be read from the figures.`,
};
const FREE_TEXT_NOTE = {
  da: `Kommentarer vises først, når der er mindst ${MIN_ANSWERS_SHOWN} svar i det valgte udsnit.`,
  en: `Comments are shown only when the selection holds at least ${MIN_ANSWERS_SHOWN} answers.`,
};

export function createSurveyService({ db }: { db: Database }) {
  return {
    /**
     * Response rate and share satisfied in total and by unit, caseworker and type. Groups under
     * 5 answers are suppressed; free-text answers are listed only for the whole selection and only
     * when it holds 5 answers or more, sorted, with nothing to tie them to a person.
     */
    async results(ctx: TenantContext, query: TSurveyResultsQuery) {
      const to = query.to ?? todayOf(ctx);
      const from = query.from ?? addDays(to, -(DEFAULT_RESULT_DAYS - 1));
      if (from > to) throw new AppError('validation_failed', { from: { da: 'Fra-datoen ligger efter til-datoen.', en: 'The from date is after the to date.' } });
      const filters = { from, to, unitId: query.unitId, caseworkerId: query.caseworkerId, type: query.type };
      return db.transaction(async (tx) => {
        const rows = await loadSatisfactionResponses(tx, ctx, filters);
        const summary = summariseSurveyResults(rows);
        const labels = await labelsOf(
          tx,
          ctx,
          summary.byUnit.flatMap((g) => (g.key ? [g.key] : [])),
          summary.byCaseworker.flatMap((g) => (g.key ? [g.key] : [])),
        );
        const showTexts = !summary.total.suppressed;
        const texts = showTexts ? await loadFreeTexts(tx, ctx, filters) : [];
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'survey_results', details: { from, to, unitId: query.unitId ?? null, caseworkerId: query.caseworkerId ?? null, type: query.type ?? null } });
        const labelled = (groups: SurveyGroupResult[], names: Map<string, string> | null) => groups.map((g) => ({ ...g, label: g.key === null ? null : names ? (names.get(g.key) ?? null) : g.key }));
        return {
          from,
          to,
          minAnswers: summary.minAnswers,
          suppressionNote: SUPPRESSION_NOTE[ctx.lang],
          total: { ...summary.total, label: null },
          byUnit: labelled(summary.byUnit, labels.units),
          byCaseworker: labelled(summary.byCaseworker, labels.staff),
          byType: labelled(summary.byType, null),
          freeTexts: {
            shown: showTexts,
            note: showTexts ? null : FREE_TEXT_NOTE[ctx.lang],
            questions: texts.map((g) => ({ surveyKey: g.surveyKey, questionId: g.questionId, question: g.question[ctx.lang], answers: g.answers })),
          },
        };
      });
    },

    async definitions(ctx: TenantContext) {
      return db.transaction(async (tx) => {
        const stored = await loadSurveyDefinitions(tx, ctx);
        return stored
          .map(({ definition: d }) => ({
            key: d.key,
            version: d.version,
            trigger: d.trigger,
            audience: d.audience,
            title: d.title[ctx.lang],
            questions: d.questions.map((q) => ({ id: q.id, kind: q.kind, text: q.text[ctx.lang] })),
          }))
          .sort((a, b) => a.key.localeCompare(b.key) || b.version - a.version);
      });
    },
  };
}

export type SurveyService = ReturnType<typeof createSurveyService>;
