import { eq, gte, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connect';
import { staff, surveyDefinitions, surveyInvitations, surveyResponses, units } from '../../db/schema';
import { ZSurveyDefinition, type SurveyAudience, type SurveyTrigger, type TSurveyDefinition } from '../../core/surveys/survey-definition';
import type { SatisfactionResponse } from '../../core/surveys/satisfaction';
import type { TenantContext } from '../context';
import { inTenant } from '../tenancy';

/** Which invitations to count. Dates are the invitation's day (Europe/Copenhagen), inclusive. */
export type SatisfactionFilters = {
  from?: string;
  to?: string;
  unitId?: string;
  caseworkerId?: string;
  /** Conversation type (cv_contact …) or trigger name for the other surveys. */
  type?: string;
  trigger?: SurveyTrigger;
  audience?: SurveyAudience;
  surveyKey?: string;
};

function conditionsOf(filters: SatisfactionFilters): SQL[] {
  const c: SQL[] = [];
  if (filters.from) c.push(gte(surveyInvitations.invitedOn, filters.from));
  if (filters.to) c.push(lte(surveyInvitations.invitedOn, filters.to));
  if (filters.unitId) c.push(eq(surveyInvitations.unitId, filters.unitId));
  if (filters.caseworkerId) c.push(eq(surveyInvitations.caseworkerId, filters.caseworkerId));
  if (filters.type) c.push(eq(surveyInvitations.type, filters.type));
  if (filters.trigger) c.push(eq(surveyInvitations.trigger, filters.trigger));
  if (filters.audience) c.push(eq(surveyInvitations.audience, filters.audience));
  if (filters.surveyKey) c.push(eq(surveyInvitations.surveyKey, filters.surveyKey));
  return c;
}

/**
 * Every invitation matching the filters with its satisfaction score (null when not answered):
 * the rows the results page and the scorecards' satisfaction indicators count. Feed them to
 * `satisfactionShare` (src/core/surveys) for the share satisfied, or count `answeredOn` for the
 * response rate. No personal data: ids of unit and caseworker, dates and a score.
 */
export async function loadSatisfactionResponses(db: DbExecutor, ctx: Pick<TenantContext, 'organisationId'>, filters: SatisfactionFilters = {}): Promise<SatisfactionResponse[]> {
  const rows = await db
    .select({
      invitationId: surveyInvitations.id,
      surveyKey: surveyInvitations.surveyKey,
      trigger: surveyInvitations.trigger,
      audience: surveyInvitations.audience,
      type: surveyInvitations.type,
      unitId: surveyInvitations.unitId,
      caseworkerId: surveyInvitations.caseworkerId,
      jobseekerId: surveyInvitations.jobseekerId,
      invitedOn: surveyInvitations.invitedOn,
      answeredOn: sql<string | null>`to_char(${surveyResponses.answeredAt} at time zone 'Europe/Copenhagen', 'YYYY-MM-DD')`,
      satisfaction: surveyResponses.satisfaction,
      // The numeric (Likert) answers only: free text never leaves the database this way.
      scores: sql<Record<string, number>>`(select coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb) from jsonb_each(${surveyResponses.answers}) e where jsonb_typeof(e.value) = 'number')`,
    })
    .from(surveyInvitations)
    .leftJoin(surveyResponses, eq(surveyResponses.invitationId, surveyInvitations.id))
    .where(inTenant(surveyInvitations, ctx, ...conditionsOf(filters)))
    .orderBy(surveyInvitations.invitedOn, surveyInvitations.id);
  return rows;
}

export type FreeTextGroup = { surveyKey: string; questionId: string; question: { da: string; en: string }; answers: string[] };

/** The free-text answers matching the filters, by survey question, sorted so their order says nothing about who or when. */
export async function loadFreeTexts(db: DbExecutor, ctx: Pick<TenantContext, 'organisationId'>, filters: SatisfactionFilters): Promise<FreeTextGroup[]> {
  const rows = await db
    .select({ definitionId: surveyInvitations.definitionId, answers: surveyResponses.answers })
    .from(surveyResponses)
    .innerJoin(surveyInvitations, eq(surveyInvitations.id, surveyResponses.invitationId))
    .where(inTenant(surveyInvitations, ctx, isNotNull(surveyResponses.id), ...conditionsOf(filters)));
  if (rows.length === 0) return [];
  const ids = [...new Set(rows.map((r) => r.definitionId))];
  const defs = new Map<string, TSurveyDefinition>();
  for (const d of await db.select().from(surveyDefinitions).where(inTenant(surveyDefinitions, ctx, inArray(surveyDefinitions.id, ids)))) {
    const parsed = ZSurveyDefinition.safeParse(d.definition);
    if (parsed.success) defs.set(d.id, parsed.data);
  }
  const groups = new Map<string, FreeTextGroup>();
  for (const row of rows) {
    const def = defs.get(row.definitionId);
    if (!def) continue;
    for (const q of def.questions) {
      const text = row.answers[q.id];
      if (q.kind !== 'free_text' || typeof text !== 'string' || text === '') continue;
      const key = `${def.key}:${q.id}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { surveyKey: def.key, questionId: q.id, question: q.text, answers: [] }));
      group.answers.push(text);
    }
  }
  return [...groups.values()].map((g) => ({ ...g, answers: g.answers.sort((a, b) => a.localeCompare(b, 'da')) })).sort((a, b) => `${a.surveyKey}:${a.questionId}`.localeCompare(`${b.surveyKey}:${b.questionId}`));
}

export async function labelsOf(db: DbExecutor, ctx: Pick<TenantContext, 'organisationId'>, unitIds: string[], staffIds: string[]) {
  const [unitRows, staffRows] = await Promise.all([
    unitIds.length ? db.select({ id: units.id, name: units.name }).from(units).where(inTenant(units, ctx, inArray(units.id, unitIds))) : Promise.resolve([]),
    staffIds.length ? db.select({ id: staff.id, name: staff.name }).from(staff).where(inTenant(staff, ctx, inArray(staff.id, staffIds))) : Promise.resolve([]),
  ]);
  return { units: new Map(unitRows.map((u) => [u.id, u.name])), staff: new Map(staffRows.map((s) => [s.id, s.name])) };
}
