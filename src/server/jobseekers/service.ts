import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/connect';
import { jobseekers, municipalities } from '../../db/schema';
import { ageOn, maskCpr, parseCpr } from '../../core/identity/cpr';
import { normalisePhone } from '../../core/identity/phone';
import { isEducationLevel, isLanguageCode } from '../../core/reference';
import { toCopenhagenIsoDate as copenhagenDate } from '../../core/calendar/iso-date';
import { writeAudit } from '../audit/write-audit';
import type { TenantContext } from '../context';
import { AppError, type FieldErrors } from '../errors';
import type { CprCipher } from '../crypto/cpr-cipher';
import { isUniqueViolation } from '../../db/errors';
import { findJobseekerById, findJobseekerIdByCprHash, searchJobseekers, type JobseekerRow } from './queries';
import type { TCreateJobseeker, TJobseeker, TJobseekerListQuery, TUpdateJobseeker } from './schemas';

const FIELD_TEXT = {
  cprFormat: { da: 'CPR-nummeret skal have 10 cifre, fx 010190-1234.', en: 'The CPR number must have 10 digits, e.g. 010190-1234.' },
  cprDate: { da: 'CPR-nummerets fødselsdato findes ikke. Tjek de første 6 cifre.', en: 'The birth date in the CPR number does not exist. Check the first 6 digits.' },
  phone: { da: 'Telefonnummeret skal have 8 cifre, eller + og landekode.', en: 'The phone number must have 8 digits, or + and a country code.' },
  municipality: { da: 'Vælg en af de 98 kommuner.', en: 'Choose one of the 98 municipalities.' },
  education: { da: 'Vælg et uddannelsesniveau fra listen.', en: 'Choose an education level from the list.' },
  language: { da: 'Vælg et sprog fra listen.', en: 'Choose a language from the list.' },
};

function presentJobseeker(row: JobseekerRow, cipher: CprCipher, today: string): TJobseeker {
  return {
    id: row.id,
    cprMasked: maskCpr(cipher.decrypt(row.cprCiphertext)),
    birthDate: row.birthDate,
    age: ageOn(row.birthDate, today),
    sex: row.sex,
    firstName: row.firstName,
    lastName: row.lastName,
    phone: row.phone,
    email: row.email,
    addressLine: row.addressLine,
    postalCode: row.postalCode,
    city: row.city,
    municipality:
      row.municipalityCode !== null && row.municipalityName && row.regionName
        ? { code: row.municipalityCode, name: row.municipalityName, regionName: row.regionName }
        : null,
    educationLevel: row.educationLevel,
    preferredLanguage: row.preferredLanguage,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A query that is a CPR number (with or without dash) is looked up by its keyed hash, never by LIKE. */
function cprFromQuery(q: string | undefined): string | null {
  if (!q) return null;
  const compact = q.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(compact)) return null;
  const parsed = parseCpr(compact);
  return parsed.ok ? parsed.cpr : null;
}

export type JobseekerServiceDeps = { db: Database; cipher: CprCipher };

export function createJobseekerService({ db, cipher }: JobseekerServiceDeps) {
  async function checkFields(tx: Database, ctx: TenantContext, input: Partial<TCreateJobseeker>): Promise<{ fields: FieldErrors; cpr?: { cpr: string; birthDate: string; sex: 'female' | 'male' }; phone?: string | null }> {
    const fields: FieldErrors = {};
    let cpr: { cpr: string; birthDate: string; sex: 'female' | 'male' } | undefined;
    if (input.cpr !== undefined) {
      // A birth date in the future is a typo, not a person.
      const parsed = parseCpr(input.cpr, { today: copenhagenDate(ctx.clock.now()) });
      if (parsed.ok) cpr = { cpr: parsed.cpr, birthDate: parsed.birthDate, sex: parsed.sex };
      else fields.cpr = parsed.reason === 'date' ? FIELD_TEXT.cprDate : FIELD_TEXT.cprFormat;
    }
    let phone: string | null | undefined = undefined;
    if (input.phone !== undefined) {
      if (input.phone === null) phone = null;
      else {
        const normalised = normalisePhone(input.phone);
        if (normalised === null) fields.phone = FIELD_TEXT.phone;
        else phone = normalised;
      }
    }
    if (input.municipalityCode !== undefined && input.municipalityCode !== null) {
      const found = await tx.select({ code: municipalities.code }).from(municipalities).where(eq(municipalities.code, input.municipalityCode)).limit(1);
      if (found.length === 0) fields.municipalityCode = FIELD_TEXT.municipality;
    }
    if (input.educationLevel !== undefined && input.educationLevel !== null && !isEducationLevel(input.educationLevel)) fields.educationLevel = FIELD_TEXT.education;
    if (input.preferredLanguage !== undefined && !isLanguageCode(input.preferredLanguage)) fields.preferredLanguage = FIELD_TEXT.language;
    return { fields, cpr, phone };
  }

  return {
    async createJobseeker(ctx: TenantContext, input: TCreateJobseeker): Promise<TJobseeker> {
      const id = randomUUID();
      try {
        await db.transaction(async (tx) => {
          const checked = await checkFields(tx, ctx, input);
          if (Object.keys(checked.fields).length > 0 || !checked.cpr) throw new AppError('validation_failed', checked.fields);
          const cprHash = cipher.hash(checked.cpr.cpr);
          if (await findJobseekerIdByCprHash(tx, ctx, cprHash)) throw new AppError('jobseeker_cpr_exists', { cpr: { da: 'Der findes allerede en jobsøgende med dette CPR-nummer.', en: 'A jobseeker with this CPR number already exists.' } });
          const now = ctx.clock.now();
          await tx.insert(jobseekers).values({
            id,
            organisationId: ctx.organisationId,
            cprCiphertext: cipher.encrypt(checked.cpr.cpr),
            cprHash,
            birthDate: checked.cpr.birthDate,
            sex: checked.cpr.sex,
            firstName: input.firstName,
            lastName: input.lastName,
            phone: checked.phone ?? null,
            email: input.email ?? null,
            addressLine: input.addressLine ?? null,
            postalCode: input.postalCode ?? null,
            city: input.city ?? null,
            municipalityCode: input.municipalityCode ?? null,
            educationLevel: input.educationLevel ?? null,
            preferredLanguage: input.preferredLanguage ?? 'da',
            createdAt: now,
            updatedAt: now,
          });
          await writeAudit(tx, ctx, { action: 'create', subjectType: 'jobseeker', subjectId: id, jobseekerId: id });
        });
      } catch (error) {
        // Two caseworkers registering the same person at once: the unique index decides.
        if (isUniqueViolation(error)) throw new AppError('jobseeker_cpr_exists');
        throw error;
      }
      return this.getJobseeker(ctx, id);
    },

    async getJobseeker(ctx: TenantContext, id: string): Promise<TJobseeker> {
      return db.transaction(async (tx) => {
        const row = await findJobseekerById(tx, ctx, id);
        if (!row) throw new AppError('not_found');
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'jobseeker', subjectId: id, jobseekerId: id });
        return presentJobseeker(row, cipher, copenhagenDate(ctx.clock.now()));
      });
    },

    async listJobseekers(ctx: TenantContext, query: TJobseekerListQuery) {
      const cpr = cprFromQuery(query.q);
      return db.transaction(async (tx) => {
        const { rows, total } = await searchJobseekers(tx, ctx, query, cpr ? cipher.hash(cpr) : null);
        // The criteria are kept, but never a CPR number in clear text.
        const criteria = { ...query, q: cpr ? '[cpr]' : query.q };
        await writeAudit(tx, ctx, { action: 'search', subjectType: 'jobseeker', details: { criteria, total, resultIds: rows.map((r) => r.id) } });
        const today = copenhagenDate(ctx.clock.now());
        return { items: rows.map((r) => presentJobseeker(r, cipher, today)), total, page: query.page, pageSize: query.pageSize };
      });
    },

    async updateJobseeker(ctx: TenantContext, id: string, input: TUpdateJobseeker): Promise<TJobseeker> {
      try {
        await db.transaction(async (tx) => {
          const current = await findJobseekerById(tx, ctx, id);
          if (!current) throw new AppError('not_found');
          const checked = await checkFields(tx, ctx, input);
          if (Object.keys(checked.fields).length > 0) throw new AppError('validation_failed', checked.fields);
          if (current.version !== input.version) throw new AppError('version_conflict');
          const changes: Partial<typeof jobseekers.$inferInsert> = {};
          if (checked.cpr) {
            const cprHash = cipher.hash(checked.cpr.cpr);
            const other = await findJobseekerIdByCprHash(tx, ctx, cprHash);
            if (other && other !== id) throw new AppError('jobseeker_cpr_exists', { cpr: { da: 'Der findes allerede en jobsøgende med dette CPR-nummer.', en: 'A jobseeker with this CPR number already exists.' } });
            Object.assign(changes, { cprCiphertext: cipher.encrypt(checked.cpr.cpr), cprHash, birthDate: checked.cpr.birthDate, sex: checked.cpr.sex });
          }
          for (const key of ['firstName', 'lastName', 'email', 'addressLine', 'postalCode', 'city', 'municipalityCode', 'educationLevel', 'preferredLanguage'] as const) {
            if (input[key] !== undefined) Object.assign(changes, { [key]: input[key] });
          }
          if (checked.phone !== undefined) changes.phone = checked.phone;
          const changedFields = Object.keys(changes).filter((k) => !['cprCiphertext', 'cprHash', 'birthDate', 'sex'].includes(k));
          if (checked.cpr) changedFields.push('cpr');
          const result = await tx
            .update(jobseekers)
            .set({ ...changes, version: current.version + 1, updatedAt: ctx.clock.now() })
            .where(eq(jobseekers.id, id))
            .returning({ id: jobseekers.id });
          if (result.length !== 1) throw new AppError('version_conflict');
          // Which fields changed, not their values: the audit log must not become a second copy of the data.
          await writeAudit(tx, ctx, { action: 'update', subjectType: 'jobseeker', subjectId: id, jobseekerId: id, details: { fields: changedFields } });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('jobseeker_cpr_exists');
        throw error;
      }
      return this.getJobseeker(ctx, id);
    },

    async revealCpr(ctx: TenantContext, id: string): Promise<{ cpr: string }> {
      return db.transaction(async (tx) => {
        const row = await findJobseekerById(tx, ctx, id);
        if (!row) throw new AppError('not_found');
        await writeAudit(tx, ctx, { action: 'reveal_cpr', subjectType: 'jobseeker', subjectId: id, jobseekerId: id });
        const cpr = cipher.decrypt(row.cprCiphertext);
        return { cpr: `${cpr.slice(0, 6)}-${cpr.slice(6)}` };
      });
    },
  };
}

export type JobseekerService = ReturnType<typeof createJobseekerService>;
