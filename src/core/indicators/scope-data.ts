import type { SatisfactionResponse } from '../surveys/satisfaction';
import type { IndicatorSpell, TIndicatorFilters } from './spell-data';

/**
 * The survey answers (or other records with a unit, caseworker and jobseeker, such as inquiries
 * under the answer promise) that belong to a scope. Unit and caseworker are on the invitation itself;
 * the filters that describe people (segment, target group, age, municipality, initiative) keep
 * the answers of jobseekers whose spells are in the chosen set — so an employer's answer counts
 * only where no such filter is set.
 */
export function filterToScope<T extends Pick<SatisfactionResponse, 'unitId' | 'caseworkerId'> & { jobseekerId?: string | null }>(responses: readonly T[], filters: TIndicatorFilters | null, chosen: readonly IndicatorSpell[]): T[] {
  if (filters === null) return [];
  const byPerson = Boolean(filters.segments?.length || filters.targetGroups?.length || filters.ageBands?.length || filters.municipalityCodes?.length || filters.markerIds?.length);
  const people = byPerson ? new Set(chosen.map((s) => s.jobseekerId)) : null;
  return responses.filter(
    (r) =>
      (filters.unitIds?.length ? r.unitId !== null && filters.unitIds.includes(r.unitId) : true) &&
      (filters.caseworkerIds?.length ? r.caseworkerId !== null && filters.caseworkerIds.includes(r.caseworkerId) : true) &&
      (people === null || (r.jobseekerId != null && people.has(r.jobseekerId))),
  );
}
