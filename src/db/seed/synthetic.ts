import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Database, DbExecutor } from '../connect';
import { bulkInsert } from '../bulk-insert';
import { employers, jobOrders, jobseekerCvs, jobseekers, organisations, segmentAssessments, spells, staff } from '../schema';
import type { CprCipher } from '../../server/crypto/cpr-cipher';
import type { IsoDate } from '../../core/calendar/iso-date';
import { generateEmployers, generateJobOrders, generateJobseekers, type SyntheticOptions, type SyntheticPerson } from '../../core/synthetic/generate';
import { createSeededRandom } from '../../core/synthetic/random';

// Writes synthetic data (src/core/synthetic) into a database: multi-row inserts in batches, in
// one transaction, so an interrupted run leaves nothing behind (src/db/bulk-insert.ts). Used by `jobspor gen` and the
// matching benchmark.

export type SyntheticLoad = {
  seed: number;
  today: IsoDate;
  jobseekers: number;
  employers: number;
  jobOrders: number;
  /** Rows per INSERT (one array parameter per column, so no parameter limit applies). */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
};

export type SyntheticOrganisation = { id: string; name: string; kind: 'akasse' | 'jobcenter'; created: boolean };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The organisation named (by id or exact name); a new a-kasse of that name when there is none. */
export async function findOrCreateOrganisation(db: Database, nameOrId: string, seed: number): Promise<SyntheticOrganisation> {
  const match = UUID.test(nameOrId) ? or(eq(organisations.id, nameOrId), eq(organisations.name, nameOrId)) : eq(organisations.name, nameOrId);
  const [found] = await db.select({ id: organisations.id, name: organisations.name, kind: organisations.kind }).from(organisations).where(match).orderBy(asc(organisations.id)).limit(1);
  if (found) return { ...found, kind: found.kind as 'akasse' | 'jobcenter', created: false };
  if (UUID.test(nameOrId)) throw new Error(`No organisation with id ${nameOrId}`);
  // Derived from the seed, so a re-run into a fresh database gives the same ids throughout.
  const id = createSeededRandom(seed + 3_000_017).uuid();
  await db.insert(organisations).values({ id, name: nameOrId, kind: 'akasse', municipalityCode: null });
  return { id, name: nameOrId, kind: 'akasse', created: true };
}

export type SyntheticLoadResult = { jobseekers: number; spells: number; assessments: number; cvs: number; employers: number; jobOrders: number; ms: number };

export async function writeSyntheticData(db: Database, cipher: CprCipher, org: { id: string; kind: 'akasse' | 'jobcenter' }, load: SyntheticLoad): Promise<SyntheticLoadResult> {
  const started = performance.now();
  const batchSize = load.batchSize ?? 5000;
  const caseworkers = await db
    .select({ id: staff.id, unitId: staff.unitId })
    .from(staff)
    .where(and(eq(staff.organisationId, org.id), eq(staff.role, 'caseworker')))
    .orderBy(asc(staff.id));
  const options: SyntheticOptions = { seed: load.seed, today: load.today, organisationId: org.id, organisationKind: org.kind, caseworkers };
  const brokers = await db
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.organisationId, org.id), inArray(staff.role, ['broker', 'manager'])))
    .orderBy(asc(staff.id));

  // People already in the organisation keep their CPR numbers: the generator draws around them.
  const taken = new Set((await db.select({ h: jobseekers.cprHash }).from(jobseekers).where(eq(jobseekers.organisationId, org.id))).map((r) => r.h));
  const hashes = new Map<string, string>();
  const isTaken = (cpr: string) => {
    const h = cipher.hash(cpr);
    hashes.set(cpr, h);
    return taken.has(h);
  };

  const employerRows = generateEmployers(options, load.employers);
  const orderRows = generateJobOrders(options, employerRows, load.jobOrders);
  const result: SyntheticLoadResult = { jobseekers: 0, spells: 0, assessments: 0, cvs: 0, employers: employerRows.length, jobOrders: orderRows.length, ms: 0 };

  await db.transaction(async (tx) => {
    const [clash] = employerRows.length ? await tx.select({ id: employers.id }).from(employers).where(eq(employers.id, employerRows[0]!.id)) : [];
    if (clash) throw new Error(`Seed ${load.seed} has already been loaded into this database; choose another --seed.`);
    for (let i = 0; i < employerRows.length; i += batchSize) {
      await bulkInsert(tx, employers, 
        employerRows.slice(i, i + batchSize).map((e) => ({
          id: e.id,
          organisationId: org.id,
          cvr: e.cvr,
          pNumbers: e.pNumbers,
          name: e.name,
          addressLine: e.addressLine,
          postalCode: e.postalCode,
          city: e.city,
          municipalityCode: e.municipalityCode,
          trade: e.trade,
          cooperationAgreement: e.cooperationAgreement,
          source: 'staff' as const,
          createdAt: e.createdAt,
          updatedAt: e.createdAt,
        })),
      );
    }
    for (let i = 0; i < orderRows.length; i += batchSize) {
      await bulkInsert(tx, jobOrders, 
        orderRows.slice(i, i + batchSize).map((o, j) => ({
          ...o,
          organisationId: org.id,
          brokerId: brokers.length ? brokers[(i + j) % brokers.length]!.id : null,
          updatedAt: o.createdAt,
        })),
      );
    }

    let batch: SyntheticPerson[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await writePeople(tx, cipher, org.id, batch, hashes);
      result.jobseekers += batch.length;
      result.spells += batch.length;
      result.cvs += batch.length;
      result.assessments += batch.filter((p) => p.assessment).length;
      batch = [];
      load.onProgress?.(result.jobseekers, load.jobseekers);
    };
    for (const person of generateJobseekers(options, load.jobseekers, isTaken)) {
      batch.push(person);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
  });
  result.ms = Math.round(performance.now() - started);
  return result;
}

async function writePeople(tx: DbExecutor, cipher: CprCipher, organisationId: string, people: SyntheticPerson[], hashes: Map<string, string>): Promise<void> {
  await bulkInsert(tx, jobseekers, 
    people.map(({ jobseeker: j }) => {
      const hash = hashes.get(j.cpr) ?? cipher.hash(j.cpr);
      hashes.delete(j.cpr);
      return {
        id: j.id,
        organisationId,
        cprCiphertext: cipher.encrypt(j.cpr),
        cprHash: hash,
        birthDate: j.birthDate,
        sex: j.sex,
        firstName: j.firstName,
        lastName: j.lastName,
        phone: j.phone,
        email: j.email,
        addressLine: j.addressLine,
        postalCode: j.postalCode,
        city: j.city,
        municipalityCode: j.municipalityCode,
        educationLevel: j.educationLevel,
        preferredLanguage: j.preferredLanguage,
        createdAt: j.createdAt,
        updatedAt: j.createdAt,
      };
    }),
  );
  await bulkInsert(tx, spells, people.map(({ spell }) => ({ ...spell, organisationId, updatedAt: spell.createdAt })));
  const assessments = people.flatMap((p) => (p.assessment ? [{ ...p.assessment, organisationId }] : []));
  await bulkInsert(tx, segmentAssessments, assessments);
  await bulkInsert(tx, jobseekerCvs, people.map(({ cv, spell }) => ({ ...cv, organisationId, updatedAt: spell.createdAt })));
}
