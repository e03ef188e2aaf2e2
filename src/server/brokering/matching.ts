import { and, arrayOverlaps, desc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connect';
import { employers, jobOrders, jobseekerCvs, jobseekers, segmentAssessments, spells, vacancies } from '../../db/schema';
import { toCopenhagenIsoDate } from '../../core/calendar/iso-date';
import { MATCH_WEIGHTS, rankCandidates, rankJobs, type MatchCandidate, type MatchJob, type MatchResult } from '../../core/matching/score';
import type { EducationLevel } from '../../core/reference/education-levels';
import { distanceKm, MUNICIPALITIES } from '../../core/reference/municipalities';
import { findOccupation, OCCUPATIONS, occupationGroup } from '../../core/reference/occupations';
import { vacancyMatchesSearch } from '../../core/vacancies/saved-search';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { writeAudit } from '../audit/write-audit';
import { inTenant } from '../tenancy';

/** How many rows the SQL pre-filter may hand to the ranking at most. */
const PREFILTER_LIMIT = 2000;
export const DEFAULT_RADIUS_KM = 75;

/** Municipality codes whose main town lies within `km` of the given municipality's. */
export function municipalitiesWithin(code: number, km: number): number[] {
  return MUNICIPALITIES.filter((m) => (distanceKm(code, m.code) ?? Infinity) <= km).map((m) => m.code);
}

/** The latest risk band decided for the spell (profiling), as SQL. */
const latestRiskBand = sql<string | null>`(select sa.band from segment_assessments sa where sa.spell_id = ${spells.id} order by sa.decided_at desc limit 1)`;

/** The latest risk band of each spell (those without an assessment are left out). */
async function latestRiskBands(tx: DbExecutor, spellIds: string[]): Promise<Map<string, string | null>> {
  if (spellIds.length === 0) return new Map();
  const rows = await tx
    .selectDistinctOn([segmentAssessments.spellId], { spellId: segmentAssessments.spellId, band: segmentAssessments.band })
    .from(segmentAssessments)
    .where(inArray(segmentAssessments.spellId, spellIds))
    .orderBy(segmentAssessments.spellId, desc(segmentAssessments.decidedAt));
  return new Map(rows.map((r) => [r.spellId, r.band]));
}

async function namesOf(tx: DbExecutor, jobseekerIds: string[]): Promise<Map<string, string>> {
  if (jobseekerIds.length === 0) return new Map();
  const rows = await tx.select({ id: jobseekers.id, firstName: jobseekers.firstName, lastName: jobseekers.lastName }).from(jobseekers).where(inArray(jobseekers.id, jobseekerIds));
  return new Map(rows.map((r) => [r.id, `${r.firstName} ${r.lastName}`]));
}

/** The CV columns the ranking reads: the pre-filter fetches these only, not the whole row. */
const rankedCvColumns = {
  jobseekerId: jobseekerCvs.jobseekerId,
  occupationsWanted: jobseekerCvs.occupationsWanted,
  occupationsHeld: jobseekerCvs.occupationsHeld,
  skills: jobseekerCvs.skills,
  education: jobseekerCvs.education,
  summary: jobseekerCvs.summary,
  drivingLicences: jobseekerCvs.drivingLicences,
  maxTravelKm: jobseekerCvs.maxTravelKm,
  hoursWanted: jobseekerCvs.hoursWanted,
  availableFrom: jobseekerCvs.availableFrom,
};
type CvRow = Pick<typeof jobseekerCvs.$inferSelect, keyof typeof rankedCvColumns>;

function toCandidate(cv: CvRow, person: { municipalityCode: number | null; educationLevel: string | null }): MatchCandidate {
  return {
    id: cv.jobseekerId,
    occupationsWanted: cv.occupationsWanted,
    occupationsHeld: cv.occupationsHeld,
    skills: cv.skills,
    education: cv.education,
    summary: cv.summary,
    educationLevel: (person.educationLevel as EducationLevel | null) ?? null,
    drivingLicences: cv.drivingLicences,
    municipalityCode: person.municipalityCode,
    maxTravelKm: cv.maxTravelKm,
    hoursWanted: cv.hoursWanted,
    availableFrom: cv.availableFrom,
  };
}

function toJob(o: typeof jobOrders.$inferSelect): MatchJob {
  return {
    id: o.id,
    occupationCode: o.occupationCode,
    title: o.title,
    text: `${o.description} ${o.requirements}`,
    skills: o.skills,
    educationLevel: (o.educationLevel as EducationLevel | null) ?? null,
    drivingLicence: o.drivingLicence,
    municipalityCode: o.municipalityCode,
    hoursPerWeek: o.hoursPerWeek,
    wantedStart: o.wantedStart,
  };
}

/**
 * A vacancy as the matcher sees it. A feed gives no skills, education requirement, hours or
 * start date, so those are marked unstated: the reasons say so and they do not count.
 */
function vacancyToJob(v: typeof vacancies.$inferSelect): MatchJob {
  return {
    id: v.id,
    occupationCode: v.occupationCode,
    title: v.title,
    text: `${v.occupationText ?? ''} ${v.description}`,
    skills: [],
    educationLevel: null,
    drivingLicence: null,
    municipalityCode: v.municipalityCode,
    hoursPerWeek: null,
    wantedStart: null,
    unstated: ['skills', 'education', 'start'],
  };
}

/** The DISCO-08 codes of the list that lie in the given minor groups. */
function codesInGroups(groups: readonly string[]): string[] {
  const wanted = new Set(groups);
  return OCCUPATIONS.filter((o) => wanted.has(occupationGroup(o.code))).map((o) => o.code);
}

const NO_CRITERIA = { occupationCodes: [], municipalityCode: null, radiusKm: 0 } as const;

const presentResult = (r: MatchResult) => ({ score: r.score, summary: r.summary, parts: r.parts, distanceKm: r.distanceKm, withinTravelLimit: r.withinTravelLimit });

export type JobMatchQuery = { radiusKm?: number; limit: number; freeText?: string | null };
export type CandidateQuery = { segment?: string; risk?: 'low' | 'medium' | 'high'; radiusKm?: number; limit: number };

export function createMatchingService({ db }: { db: Database }) {
  return {
    /**
     * Candidates for a job order: SQL keeps people with an active spell whose CV names the
     * occupation or one in its minor group and who live within the radius (and fit the segment
     * and risk filters); the few left are ranked in TypeScript with reasons.
     */
    async candidatesForJobOrder(ctx: TenantContext, jobOrderId: string, query: CandidateQuery) {
      return db.transaction(async (tx) => {
        const [order] = await tx.select().from(jobOrders).where(inTenant(jobOrders, ctx, eq(jobOrders.id, jobOrderId)));
        if (!order) throw new AppError('not_found');
        const radius = query.radiusKm ?? DEFAULT_RADIUS_KM;
        const nearby = municipalitiesWithin(order.municipalityCode, radius);
        const rows = await tx
          .select({
            cv: rankedCvColumns,
            municipalityCode: jobseekers.municipalityCode,
            educationLevel: jobseekers.educationLevel,
            spellId: spells.id,
            segment: spells.segment,
            spellKind: spells.kind,
          })
          .from(jobseekerCvs)
          .innerJoin(jobseekers, and(eq(jobseekers.id, jobseekerCvs.jobseekerId), eq(jobseekers.organisationId, jobseekerCvs.organisationId)))
          .innerJoin(spells, and(eq(spells.jobseekerId, jobseekerCvs.jobseekerId), eq(spells.organisationId, jobseekerCvs.organisationId), eq(spells.status, 'active')))
          .where(
            inTenant(
              jobseekerCvs,
              ctx,
              arrayOverlaps(jobseekerCvs.occupationKeys, [order.occupationCode, occupationGroup(order.occupationCode)]),
              // The CV's copy of the home municipality (kept by triggers), so the database can combine
              // the occupation GIN index with the (organisation, municipality) index and read only the
              // CV rows that pass both, instead of every CV of a common occupation.
              or(inArray(jobseekerCvs.municipalityCode, nearby), isNull(jobseekerCvs.municipalityCode)),
              query.segment ? eq(spells.segment, query.segment) : undefined,
              query.risk ? sql`${latestRiskBand} = ${query.risk}` : undefined,
            ),
          )
          .limit(PREFILTER_LIMIT);
        const byId = new Map(rows.map((r) => [r.cv.jobseekerId, r]));
        const today = toCopenhagenIsoDate(ctx.clock.now());
        const ranked = rankCandidates(toJob(order), rows.map((r) => toCandidate(r.cv, r)), today, query.limit);
        // Names and risk bands are looked up for the people shown only, not for every row the filter
        // kept: the pre-filter then reads jobseekers and spells from their indexes alone.
        const bands = await latestRiskBands(tx, ranked.map((r) => byId.get(r.candidateId)!.spellId));
        const names = await namesOf(tx, ranked.map((r) => r.candidateId));
        await writeAudit(tx, ctx, { action: 'search', subjectType: 'job_order_candidates', subjectId: jobOrderId, details: { segment: query.segment ?? null, risk: query.risk ?? null, radiusKm: radius, considered: rows.length, shown: ranked.length } });
        return {
          jobOrderId,
          weights: MATCH_WEIGHTS,
          considered: rows.length,
          radiusKm: radius,
          items: ranked.map((r) => {
            const row = byId.get(r.candidateId)!;
            return {
              jobseekerId: r.candidateId,
              name: names.get(r.candidateId) ?? '',
              municipalityCode: row.municipalityCode,
              spellId: row.spellId,
              spellKind: row.spellKind,
              segment: row.segment,
              riskBand: bands.get(row.spellId) ?? null,
              ...presentResult(r),
            };
          }),
        };
      });
    },

    /**
     * Jobs for a jobseeker, the same scoring the other way round: the organisation's open job
     * orders and its imported vacancies not past their deadline, pre-filtered in SQL on the CV's
     * occupation groups and the places within the radius, then ranked together. `freeText`, when
     * given, keeps only jobs whose title, employer and text hold every word (as a saved search).
     */
    async jobsForJobseeker(ctx: TenantContext, jobseekerId: string, query: JobMatchQuery) {
      return db.transaction(async (tx) => {
        const [person] = await tx
          .select({ id: jobseekers.id, municipalityCode: jobseekers.municipalityCode, educationLevel: jobseekers.educationLevel })
          .from(jobseekers)
          .where(inTenant(jobseekers, ctx, eq(jobseekers.id, jobseekerId)));
        if (!person) throw new AppError('not_found');
        const [cv] = await tx.select().from(jobseekerCvs).where(inTenant(jobseekerCvs, ctx, eq(jobseekerCvs.jobseekerId, jobseekerId)));
        const radius = query.radiusKm ?? DEFAULT_RADIUS_KM;
        const freeText = query.freeText?.trim() || null;
        const today = toCopenhagenIsoDate(ctx.clock.now());
        const codes = [...new Set([...(cv?.occupationsWanted ?? []), ...(cv?.occupationsHeld ?? [])])];
        const groups = [...new Set(codes.map(occupationGroup))];
        const nearby = person.municipalityCode !== null ? municipalitiesWithin(person.municipalityCode, radius) : null;
        const searching = cv !== undefined && groups.length > 0;
        const orderRows = searching
          ? await tx
              .select({ o: jobOrders, employerName: employers.name })
              .from(jobOrders)
              .innerJoin(employers, eq(employers.id, jobOrders.employerId))
              .where(
                inTenant(
                  jobOrders,
                  ctx,
                  eq(jobOrders.status, 'open'),
                  inArray(sql`left(${jobOrders.occupationCode}, 3)`, groups),
                  nearby ? inArray(jobOrders.municipalityCode, nearby) : undefined,
                ),
              )
              .limit(PREFILTER_LIMIT)
          : [];
        // Vacancy codes are checked against the DISCO-08 list at import, so the groups become the
        // list's codes in them, which the (organisation, occupation_code) index can use.
        const vacancyRows = searching
          ? await tx
              .select()
              .from(vacancies)
              .where(
                inTenant(
                  vacancies,
                  ctx,
                  inArray(vacancies.occupationCode, codesInGroups(groups)),
                  nearby ? inArray(vacancies.municipalityCode, nearby) : undefined,
                  or(isNull(vacancies.deadline), gte(vacancies.deadline, today)),
                ),
              )
              .limit(PREFILTER_LIMIT)
          : [];
        type Found = { source: 'job_order'; o: (typeof orderRows)[number]['o']; employerName: string } | { source: 'vacancy'; v: (typeof vacancyRows)[number] };
        const found: Found[] = [...orderRows.map((r) => ({ source: 'job_order' as const, o: r.o, employerName: r.employerName })), ...vacancyRows.map((v) => ({ source: 'vacancy' as const, v }))].filter(
          (f) =>
            !freeText ||
            (f.source === 'job_order'
              ? vacancyMatchesSearch({ ...NO_CRITERIA, freeText }, { ...f.o, employerName: f.employerName, description: `${f.o.description} ${f.o.requirements}` })
              : vacancyMatchesSearch({ ...NO_CRITERIA, freeText }, f.v)),
        );
        const byId = new Map(found.map((f) => [f.source === 'job_order' ? f.o.id : f.v.id, f]));
        const ranked = cv ? rankJobs(toCandidate(cv, person), found.map((f) => (f.source === 'job_order' ? toJob(f.o) : vacancyToJob(f.v))), today, query.limit) : [];
        await writeAudit(tx, ctx, {
          action: 'search',
          subjectType: 'jobseeker_job_matches',
          subjectId: jobseekerId,
          jobseekerId,
          details: { radiusKm: radius, freeText: freeText !== null, considered: found.length, jobOrders: orderRows.length, vacancies: vacancyRows.length, shown: ranked.length },
        });
        return {
          jobseekerId,
          weights: MATCH_WEIGHTS,
          considered: found.length,
          radiusKm: radius,
          hasCv: Boolean(cv),
          /** The search this list answers, in the shape of a saved search. */
          search: { occupationCodes: codes, municipalityCode: person.municipalityCode, radiusKm: radius, freeText },
          items: ranked.map((r) => {
            const f = byId.get(r.jobId)!;
            const common = f.source === 'job_order' ? f.o : f.v;
            return {
              source: f.source,
              id: common.id,
              jobOrderId: f.source === 'job_order' ? f.o.id : null,
              vacancyId: f.source === 'vacancy' ? f.v.id : null,
              title: common.title,
              occupationCode: common.occupationCode,
              occupationTitle: findOccupation(common.occupationCode)?.title ?? null,
              employerName: f.source === 'job_order' ? f.employerName : f.v.employerName,
              municipalityCode: common.municipalityCode,
              kind: f.source === 'job_order' ? f.o.kind : null,
              deadline: common.deadline,
              url: f.source === 'vacancy' ? f.v.url : null,
              ...presentResult(r),
            };
          }),
        };
      });
    },
  };
}
export type MatchingService = ReturnType<typeof createMatchingService>;
