import { and, arrayOverlaps, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connect';
import { employers, jobOrders, jobseekerCvs, jobseekers, segmentAssessments, spells } from '../../db/schema';
import { toCopenhagenIsoDate } from '../../core/calendar/iso-date';
import { MATCH_WEIGHTS, rankCandidates, rankJobs, type MatchCandidate, type MatchJob, type MatchResult } from '../../core/matching/score';
import type { EducationLevel } from '../../core/reference/education-levels';
import { distanceKm, MUNICIPALITIES } from '../../core/reference/municipalities';
import { findOccupation, occupationGroup } from '../../core/reference/occupations';
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

type CvRow = typeof jobseekerCvs.$inferSelect;

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

const presentResult = (r: MatchResult) => ({ score: r.score, summary: r.summary, parts: r.parts, distanceKm: r.distanceKm, withinTravelLimit: r.withinTravelLimit });

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
            cv: jobseekerCvs,
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
              or(inArray(jobseekers.municipalityCode, nearby), isNull(jobseekers.municipalityCode)),
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

    /** Open job orders for a jobseeker, the same scoring the other way round. */
    async jobsForJobseeker(ctx: TenantContext, jobseekerId: string, query: { radiusKm?: number; limit: number }) {
      return db.transaction(async (tx) => {
        const [person] = await tx
          .select({ id: jobseekers.id, municipalityCode: jobseekers.municipalityCode, educationLevel: jobseekers.educationLevel })
          .from(jobseekers)
          .where(inTenant(jobseekers, ctx, eq(jobseekers.id, jobseekerId)));
        if (!person) throw new AppError('not_found');
        const [cv] = await tx.select().from(jobseekerCvs).where(inTenant(jobseekerCvs, ctx, eq(jobseekerCvs.jobseekerId, jobseekerId)));
        const radius = query.radiusKm ?? DEFAULT_RADIUS_KM;
        const groups = [...new Set([...(cv?.occupationsWanted ?? []), ...(cv?.occupationsHeld ?? [])].map(occupationGroup))];
        const rows =
          cv && groups.length > 0
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
                    person.municipalityCode !== null ? inArray(jobOrders.municipalityCode, municipalitiesWithin(person.municipalityCode, radius)) : undefined,
                  ),
                )
                .limit(PREFILTER_LIMIT)
            : [];
        const byId = new Map(rows.map((r) => [r.o.id, r]));
        const today = toCopenhagenIsoDate(ctx.clock.now());
        const ranked = cv ? rankJobs(toCandidate(cv, person), rows.map((r) => toJob(r.o)), today, query.limit) : [];
        await writeAudit(tx, ctx, { action: 'search', subjectType: 'jobseeker_job_matches', subjectId: jobseekerId, jobseekerId, details: { radiusKm: radius, considered: rows.length, shown: ranked.length } });
        return {
          jobseekerId,
          weights: MATCH_WEIGHTS,
          considered: rows.length,
          radiusKm: radius,
          hasCv: Boolean(cv),
          items: ranked.map((r) => {
            const { o, employerName } = byId.get(r.jobId)!;
            return {
              jobOrderId: o.id,
              title: o.title,
              occupationCode: o.occupationCode,
              occupationTitle: findOccupation(o.occupationCode)?.title ?? null,
              employerName,
              municipalityCode: o.municipalityCode,
              kind: o.kind,
              deadline: o.deadline,
              ...presentResult(r),
            };
          }),
        };
      });
    },
  };
}
export type MatchingService = ReturnType<typeof createMatchingService>;
