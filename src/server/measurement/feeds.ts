import { eq, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connect';
import { employerContacts, staff } from '../../db/schema';
import { filterToScope, type EmployerContactRecord, type IndicatorSpell, type MeasureOptions, type TIndicatorFilters } from '../../core/indicators';
import type { PromiseInquiryRecord } from '../../core/messages/promise-kpi';
import type { SatisfactionResponse } from '../../core/surveys/satisfaction';
import type { TenantContext } from '../context';
import { loadAnswerPromiseInquiries } from '../messages/queries';
import { loadSatisfactionResponses } from '../surveys/queries';
import { inTenant } from '../tenancy';

/** What the indicators read besides the spells: loaded once per measurement, for every scope. */
export type IndicatorFeeds = {
  satisfaction: readonly SatisfactionResponse[];
  answerPromise: readonly PromiseInquiryRecord[];
  employerContacts: readonly EmployerContactRecord[];
};

export const NO_FEEDS: IndicatorFeeds = { satisfaction: [], answerPromise: [], employerContacts: [] };

const copenhagenDate = (column: unknown) => sql<string>`to_char((${column}) at time zone 'Europe/Copenhagen', 'YYYY-MM-DD')`;

async function loadEmployerContacts(db: DbExecutor, ctx: Pick<TenantContext, 'organisationId'>): Promise<EmployerContactRecord[]> {
  return db
    .select({
      employerId: employerContacts.employerId,
      contactedOn: copenhagenDate(employerContacts.occurredAt),
      recordedOn: copenhagenDate(employerContacts.createdAt),
      unitId: staff.unitId,
      caseworkerId: employerContacts.staffId,
    })
    .from(employerContacts)
    .innerJoin(staff, eq(staff.id, employerContacts.staffId))
    .where(inTenant(employerContacts, ctx));
}

export async function loadIndicatorFeeds(db: DbExecutor, ctx: Pick<TenantContext, 'organisationId'>): Promise<IndicatorFeeds> {
  return {
    satisfaction: await loadSatisfactionResponses(db, ctx),
    answerPromise: await loadAnswerPromiseInquiries(db, ctx),
    employerContacts: await loadEmployerContacts(db, ctx),
  };
}

/** The feeds confined to a scope: unit and staff member from each record, people filters through the chosen spells. */
export function scopeFeeds(feeds: IndicatorFeeds, filters: TIndicatorFilters | null, chosen: readonly IndicatorSpell[]): Pick<MeasureOptions, 'satisfaction' | 'answerPromise' | 'employerContacts'> {
  return {
    satisfaction: filterToScope(feeds.satisfaction, filters, chosen),
    answerPromise: filterToScope(feeds.answerPromise, filters, chosen),
    employerContacts: filterToScope(feeds.employerContacts, filters, chosen),
  };
}
