import { and, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Database, DbExecutor } from '../../db/connect';
import { toArrayLiteral } from '../../db/bulk-insert';
import { rawRows } from '../../db/raw-rows';
import { employers, jobOrders, jobseekerCvs, jobseekers, matchCandidates, vacancies } from '../../db/schema';
import { toCopenhagenIsoDate } from '../../core/calendar/iso-date';
import { MATCH_WEIGHTS, rankCandidates, rankJobs, shortlist, skillKeys, type MatchCandidate, type MatchJob, type MatchResult, type ShortlistCandidate } from '../../core/matching/score';
import type { EducationLevel } from '../../core/reference/education-levels';
import { distanceKm, MUNICIPALITIES } from '../../core/reference/municipalities';
import { findOccupation, OCCUPATIONS, occupationGroup } from '../../core/reference/occupations';
import { vacancyMatchesSearch } from '../../core/vacancies/saved-search';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { writeAudit } from '../audit/write-audit';
import { inTenant } from '../tenancy';

/**
 * How many job orders, and how many vacancies, the pre-filter of jobs for a jobseeker hands to the
 * ranking at most; beyond it, the person's own codes come first, then the nearest.
 */
export const JOB_PREFILTER_LIMIT = 2000;
/**
 * How many pre-filtered candidates are ranked in full (see `shortlist` in core/matching/score).
 * `npm run bench:matching` prints how often the top 50 differ from ranking every candidate.
 */
export const SHORTLIST_SIZE = 200;
export const DEFAULT_RADIUS_KM = 75;

/** Municipality codes whose main town lies within `km` of the given municipality's. */
export function municipalitiesWithin(code: number, km: number): number[] {
  return MUNICIPALITIES.filter((m) => (distanceKm(code, m.code) ?? Infinity) <= km).map((m) => m.code);
}

/** The latest risk band decided for the spell (profiling), as SQL. */
const latestRiskBand = sql<string | null>`(select sa.band from segment_assessments sa where sa.spell_id = ${matchCandidates.spellId} order by sa.decided_at desc limit 1)`;

/** What the list shows of the people ranked: name, the spell the candidacy rests on, its latest risk band. */
async function shownCandidates(tx: DbExecutor, ctx: TenantContext, group: string, jobseekerIds: string[]) {
  const rows = await tx
    .select({
      jobseekerId: jobseekers.id,
      firstName: jobseekers.firstName,
      lastName: jobseekers.lastName,
      municipalityCode: matchCandidates.municipalityCode,
      spellId: matchCandidates.spellId,
      spellKind: matchCandidates.spellKind,
      segment: matchCandidates.segment,
      riskBand: latestRiskBand,
    })
    .from(matchCandidates)
    .innerJoin(jobseekers, eq(jobseekers.id, matchCandidates.jobseekerId))
    .where(inTenant(matchCandidates, ctx, eq(matchCandidates.occupationGroup, group), inArray(matchCandidates.jobseekerId, jobseekerIds)));
  return new Map(
    rows.map(({ jobseekerId, firstName, lastName, ...rest }) => [jobseekerId, { name: `${firstName} ${lastName}`, ...rest }]),
  );
}

type CvRow = Pick<
  typeof jobseekerCvs.$inferSelect,
  'jobseekerId' | 'occupationsWanted' | 'occupationsHeld' | 'skills' | 'education' | 'summary' | 'drivingLicences' | 'maxTravelKm' | 'hoursWanted' | 'availableFrom'
>;

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

export function createMatchingService({
  db,
  shortlistSize = SHORTLIST_SIZE,
  jobPrefilterLimit = JOB_PREFILTER_LIMIT,
}: {
  db: Database;
  shortlistSize?: number;
  jobPrefilterLimit?: number;
}) {
  return {
    /**
     * Candidates for a job order, in three steps. SQL reads every person with an active spell whose
     * CV names an occupation in the order's minor group and who lives within the radius (and fits
     * the segment and risk filters) from match_candidates' covering index. The shortlist keeps the
     * `shortlistSize` of them who score best on the parts that need no words. Only their skills and
     * free text are read, and they are ranked in full with reasons.
     */
    async candidatesForJobOrder(ctx: TenantContext, jobOrderId: string, query: CandidateQuery) {
      return db.transaction(async (tx) => {
        const [order] = await tx.select().from(jobOrders).where(inTenant(jobOrders, ctx, eq(jobOrders.id, jobOrderId)));
        if (!order) throw new AppError('not_found');
        const radius = query.radiusKm ?? DEFAULT_RADIUS_KM;
        const nearby = municipalitiesWithin(order.municipalityCode, radius);
        const group = occupationGroup(order.occupationCode);
        const m = matchCandidates;
        const asked = skillKeys(order.skills);
        const pool = await rawRows<ShortlistCandidate>(
          tx,
          sql`select ${m.jobseekerId} as "id",
                case when ${order.occupationCode}::text = any(${m.occupationsWanted}) then 'wanted'
                     when ${order.occupationCode}::text = any(${m.occupationsHeld}) then 'held'
                     else 'related' end as "occupationMatch",
                ${asked.length ? sql.join(asked.map((k) => sql`(${m.skillKeys} @> array[${k}::text])::int`), sql` + `) : sql`0`} as "skillsNamed",
                ${m.educationLevel} as "educationLevel", ${m.municipalityCode} as "municipalityCode", ${m.maxTravelKm} as "maxTravelKm",
                ${m.hoursWanted} as "hoursWanted", ${m.availableFrom} as "availableFrom"
              from ${m}
              where ${and(
                eq(m.organisationId, ctx.organisationId),
                eq(m.occupationGroup, group),
                sql`(${m.municipalityCode} = any(${toArrayLiteral(nearby.map(String))}::smallint[]) or ${m.municipalityCode} is null)`,
                query.segment ? eq(m.segment, query.segment) : undefined,
                query.risk ? sql`${latestRiskBand} = ${query.risk}` : undefined,
              )}`,
        );
        const job = toJob(order);
        const today = toCopenhagenIsoDate(ctx.clock.now());
        const short = shortlist(job, pool, today, shortlistSize);
        const c = jobseekerCvs;
        const words = short.length
          ? await rawRows<Pick<MatchCandidate, 'id' | 'occupationsWanted' | 'occupationsHeld' | 'skills' | 'education' | 'summary' | 'drivingLicences'>>(
              tx,
              sql`select ${c.jobseekerId} as "id", ${c.occupationsWanted} as "occupationsWanted", ${c.occupationsHeld} as "occupationsHeld", ${c.skills} as "skills",
                    ${c.education} as "education", ${c.summary} as "summary", ${c.drivingLicences} as "drivingLicences"
                  from ${c}
                  where ${c.organisationId} = ${ctx.organisationId} and ${c.jobseekerId} = any(${toArrayLiteral(short.map((s) => s.id))}::uuid[])`,
            )
          : [];
        const wordsOf = new Map(words.map((w) => [w.id, w]));
        const candidates = short.flatMap((s) => {
          const w = wordsOf.get(s.id);
          return w ? [{ ...s, ...w }] : [];
        });
        const ranked = rankCandidates(job, candidates, today, query.limit);
        const shown = await shownCandidates(tx, ctx, group, ranked.map((r) => r.candidateId));
        await writeAudit(tx, ctx, {
          action: 'search',
          subjectType: 'job_order_candidates',
          subjectId: jobOrderId,
          details: { segment: query.segment ?? null, risk: query.risk ?? null, radiusKm: radius, considered: pool.length, shortlisted: short.length, shown: ranked.length },
        });
        return {
          jobOrderId,
          weights: MATCH_WEIGHTS,
          considered: pool.length,
          shortlisted: short.length,
          radiusKm: radius,
          items: ranked.map((r) => {
            const c = shown.get(r.candidateId)!;
            return { jobseekerId: r.candidateId, ...c, ...presentResult(r) };
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
        const home = person.municipalityCode;
        const nearby = home !== null ? municipalitiesWithin(home, radius).sort((a, b) => distanceKm(home, a)! - distanceKm(home, b)!) : null;
        const searching = cv !== undefined && groups.length > 0;
        // Should more jobs pass than the ranking takes, the cut is not arbitrary: jobs in the
        // person's own codes first, then the nearest, then by id.
        const mostRelevantFirst = (code: PgColumn, municipality: PgColumn, id: PgColumn) => [
          sql`(${code} = any(${toArrayLiteral(codes)}::text[])) desc`,
          nearby ? sql`array_position(${toArrayLiteral(nearby.map(String))}::smallint[], ${municipality})` : sql`0`,
          id,
        ];
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
              .orderBy(...mostRelevantFirst(jobOrders.occupationCode, jobOrders.municipalityCode, jobOrders.id))
              .limit(jobPrefilterLimit)
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
              .orderBy(...mostRelevantFirst(vacancies.occupationCode, vacancies.municipalityCode, vacancies.id))
              .limit(jobPrefilterLimit)
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
