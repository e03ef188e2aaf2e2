import { eq } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connect';
import { jobseekerCvs, jobseekers } from '../../db/schema';
import { findOccupation } from '../../core/reference/occupations';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { writeAudit } from '../audit/write-audit';
import { inTenant } from '../tenancy';
import type { TPutCv } from './schemas';

type CvRow = typeof jobseekerCvs.$inferSelect;

const ref = (code: string) => ({ code, title: findOccupation(code)?.title ?? { da: code, en: code } });

function present(jobseekerId: string, cv: CvRow | undefined) {
  return {
    jobseekerId,
    version: cv?.version ?? 0,
    occupationsWanted: (cv?.occupationsWanted ?? []).map(ref),
    occupationsHeld: (cv?.occupationsHeld ?? []).map(ref),
    skills: cv?.skills ?? [],
    education: cv?.education ?? [],
    languages: cv?.languages ?? [],
    drivingLicences: cv?.drivingLicences ?? [],
    hoursWanted: cv?.hoursWanted ?? null,
    maxTravelKm: cv?.maxTravelKm ?? null,
    availableFrom: cv?.availableFrom ?? null,
    summary: cv?.summary ?? '',
    updatedAt: cv ? cv.updatedAt.toISOString() : null,
  };
}

const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

async function assertJobseeker(tx: DbExecutor, ctx: TenantContext, jobseekerId: string) {
  const [p] = await tx.select({ id: jobseekers.id }).from(jobseekers).where(inTenant(jobseekers, ctx, eq(jobseekers.id, jobseekerId)));
  if (!p) throw new AppError('not_found');
}

export function createCvService({ db }: { db: Database }) {
  return {
    async get(ctx: TenantContext, jobseekerId: string) {
      return db.transaction(async (tx) => {
        await assertJobseeker(tx, ctx, jobseekerId);
        const [cv] = await tx.select().from(jobseekerCvs).where(inTenant(jobseekerCvs, ctx, eq(jobseekerCvs.jobseekerId, jobseekerId)));
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'jobseeker_cv', subjectId: jobseekerId, jobseekerId });
        return present(jobseekerId, cv);
      });
    },

    /** Replaces the CV data (version 0 when there is none yet); a stale version is 409. */
    async put(ctx: TenantContext, jobseekerId: string, input: TPutCv) {
      return db.transaction(async (tx) => {
        const [person] = await tx.select({ id: jobseekers.id }).from(jobseekers).where(inTenant(jobseekers, ctx, eq(jobseekers.id, jobseekerId))).for('update');
        if (!person) throw new AppError('not_found');
        const [current] = await tx.select().from(jobseekerCvs).where(inTenant(jobseekerCvs, ctx, eq(jobseekerCvs.jobseekerId, jobseekerId)));
        if ((current?.version ?? 0) !== input.version) throw new AppError('version_conflict');
        const wanted = unique(input.occupationsWanted);
        const held = unique(input.occupationsHeld);
        const values = {
          occupationsWanted: wanted,
          occupationsHeld: held,
          skills: unique(input.skills),
          education: unique(input.education),
          languages: unique(input.languages),
          drivingLicences: unique(input.drivingLicences),
          hoursWanted: input.hoursWanted,
          maxTravelKm: input.maxTravelKm,
          availableFrom: input.availableFrom,
          summary: input.summary,
          version: input.version + 1,
          updatedBy: ctx.actor.kind === 'staff' ? ctx.actor.id : null,
          updatedAt: ctx.clock.now(),
        };
        if (current) await tx.update(jobseekerCvs).set(values).where(inTenant(jobseekerCvs, ctx, eq(jobseekerCvs.jobseekerId, jobseekerId)));
        else await tx.insert(jobseekerCvs).values({ jobseekerId, organisationId: ctx.organisationId, ...values });
        const changed = current ? (Object.keys(input) as (keyof TPutCv)[]).filter((k) => k !== 'version' && JSON.stringify(input[k]) !== JSON.stringify(current[k as keyof CvRow])) : ['cv'];
        await writeAudit(tx, ctx, { action: current ? 'update' : 'create', subjectType: 'jobseeker_cv', subjectId: jobseekerId, jobseekerId, details: { fields: changed } });
        const [saved] = await tx.select().from(jobseekerCvs).where(inTenant(jobseekerCvs, ctx, eq(jobseekerCvs.jobseekerId, jobseekerId)));
        return present(jobseekerId, saved);
      });
    },
  };
}
export type CvService = ReturnType<typeof createCvService>;
