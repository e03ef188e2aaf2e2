import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connect';
import { jobseekers, municipalities, regions } from '../../db/schema';
import type { TenantContext } from '../context';
import { inTenant } from '../tenancy';
import type { TJobseekerListQuery } from './schemas';

const jobseekerColumns = {
  id: jobseekers.id,
  cprCiphertext: jobseekers.cprCiphertext,
  birthDate: jobseekers.birthDate,
  sex: jobseekers.sex,
  firstName: jobseekers.firstName,
  lastName: jobseekers.lastName,
  phone: jobseekers.phone,
  email: jobseekers.email,
  addressLine: jobseekers.addressLine,
  postalCode: jobseekers.postalCode,
  city: jobseekers.city,
  municipalityCode: jobseekers.municipalityCode,
  municipalityName: municipalities.name,
  regionName: regions.name,
  educationLevel: jobseekers.educationLevel,
  preferredLanguage: jobseekers.preferredLanguage,
  version: jobseekers.version,
  createdAt: jobseekers.createdAt,
  updatedAt: jobseekers.updatedAt,
};

export type JobseekerRow = {
  id: string;
  cprCiphertext: string;
  birthDate: string;
  sex: 'female' | 'male';
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  municipalityCode: number | null;
  municipalityName: string | null;
  regionName: string | null;
  educationLevel: string | null;
  preferredLanguage: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

function selectJobseekers(db: DbExecutor) {
  return db
    .select(jobseekerColumns)
    .from(jobseekers)
    .leftJoin(municipalities, eq(municipalities.code, jobseekers.municipalityCode))
    .leftJoin(regions, eq(regions.code, municipalities.regionCode));
}

export async function findJobseekerById(db: DbExecutor, ctx: TenantContext, id: string): Promise<JobseekerRow | undefined> {
  const rows = await selectJobseekers(db).where(inTenant(jobseekers, ctx, eq(jobseekers.id, id))).limit(1);
  return rows[0] as JobseekerRow | undefined;
}

export async function findJobseekerIdByCprHash(db: DbExecutor, ctx: TenantContext, cprHash: string): Promise<string | undefined> {
  const rows = await db.select({ id: jobseekers.id }).from(jobseekers).where(inTenant(jobseekers, ctx, eq(jobseekers.cprHash, cprHash))).limit(1);
  return rows[0]?.id;
}

const SORTS: Record<TJobseekerListQuery['sort'], SQL[]> = {
  name: [asc(sql`lower(${jobseekers.lastName})`), asc(sql`lower(${jobseekers.firstName})`), asc(jobseekers.id)],
  '-name': [desc(sql`lower(${jobseekers.lastName})`), desc(sql`lower(${jobseekers.firstName})`), desc(jobseekers.id)],
  created: [asc(jobseekers.createdAt), asc(jobseekers.id)],
  '-created': [desc(jobseekers.createdAt), desc(jobseekers.id)],
  birthDate: [asc(jobseekers.birthDate), asc(jobseekers.id)],
  '-birthDate': [desc(jobseekers.birthDate), desc(jobseekers.id)],
  municipality: [asc(municipalities.name), asc(jobseekers.id)],
  '-municipality': [desc(municipalities.name), desc(jobseekers.id)],
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function searchJobseekers(
  db: DbExecutor,
  ctx: TenantContext,
  query: TJobseekerListQuery,
  cprHash: string | null,
): Promise<{ rows: JobseekerRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (cprHash) {
    conditions.push(eq(jobseekers.cprHash, cprHash));
  } else if (query.q) {
    // Every word must match the name, the e-mail or the phone: "hans ny" finds Hans Nielsen.
    for (const word of query.q.split(/\s+/).filter(Boolean).slice(0, 5)) {
      const like = `%${escapeLike(word)}%`;
      conditions.push(
        or(ilike(jobseekers.firstName, like), ilike(jobseekers.lastName, like), ilike(jobseekers.email, like), ilike(jobseekers.phone, like)) as SQL,
      );
    }
  }
  if (query.municipalityCode) conditions.push(eq(jobseekers.municipalityCode, query.municipalityCode));
  const where = inTenant(jobseekers, ctx, ...conditions);
  const [rows, totals] = await Promise.all([
    selectJobseekers(db)
      .where(where)
      .orderBy(...SORTS[query.sort])
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(jobseekers).leftJoin(municipalities, eq(municipalities.code, jobseekers.municipalityCode)).where(and(where)),
  ]);
  return { rows: rows as JobseekerRow[], total: totals[0]?.n ?? 0 };
}
