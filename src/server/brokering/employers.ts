import { randomUUID } from 'node:crypto';
import { asc, count, countDistinct, desc, eq, gte, ilike, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connect';
import { employerContactPersons, employerContacts, employers, jobOrders, staff, units } from '../../db/schema';
import { isUniqueViolation } from '../../db/errors';
import { addDays, startOfCopenhagenDay } from '../../core/calendar/iso-date';
import { normalisePhone } from '../../core/identity/phone';
import type { TenantContext } from '../context';
import { AppError, fieldError } from '../errors';
import { writeAudit } from '../audit/write-audit';
import { inTenant } from '../tenancy';
import type { TCreateContactPerson, TCreateEmployer, TCreateEmployerContact, TEmployerListQuery, TUpdateEmployer } from './schemas';

type EmployerRow = typeof employers.$inferSelect;

const cvrExists = () => fieldError('cvr', 'Der findes allerede en virksomhed med dette CVR-nummer. Søg den frem, eller flet de to.', 'An employer with this CVR number already exists. Look it up, or merge the two.');

function present(e: EmployerRow, extra: { lastContactAt: Date | null; openJobOrders: number }) {
  return {
    id: e.id,
    cvr: e.cvr,
    pNumbers: e.pNumbers,
    name: e.name,
    addressLine: e.addressLine,
    postalCode: e.postalCode,
    city: e.city,
    municipalityCode: e.municipalityCode,
    trade: e.trade,
    cooperationAgreement: e.cooperationAgreement,
    cooperationNotes: e.cooperationNotes,
    source: e.source,
    mergedIntoId: e.mergedIntoId,
    version: e.version,
    lastContactAt: extra.lastContactAt ? new Date(extra.lastContactAt).toISOString() : null,
    openJobOrders: Number(extra.openJobOrders),
  };
}

/** Loads an employer of the caller's organisation (merged ones too), or 404. */
export async function loadEmployer(tx: DbExecutor, ctx: Pick<TenantContext, 'organisationId'>, id: string, lock = false): Promise<EmployerRow> {
  const query = tx.select().from(employers).where(inTenant(employers, ctx, eq(employers.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found');
  return row;
}

function changedFields(input: Record<string, unknown>): string[] {
  return Object.keys(input).filter((k) => k !== 'version' && input[k] !== undefined);
}

export function createEmployerService({ db }: { db: Database }) {
  async function stats(tx: DbExecutor, ctx: TenantContext, ids: string[]) {
    if (ids.length === 0) return new Map<string, { lastContactAt: Date | null; openJobOrders: number }>();
    const contactRows = await tx
      .select({ employerId: employerContacts.employerId, last: sql<Date | null>`max(${employerContacts.occurredAt})` })
      .from(employerContacts)
      .where(inTenant(employerContacts, ctx, inArray(employerContacts.employerId, ids)))
      .groupBy(employerContacts.employerId);
    const orderRows = await tx
      .select({ employerId: jobOrders.employerId, n: count() })
      .from(jobOrders)
      .where(inTenant(jobOrders, ctx, inArray(jobOrders.employerId, ids), eq(jobOrders.status, 'open')))
      .groupBy(jobOrders.employerId);
    const out = new Map(ids.map((id) => [id, { lastContactAt: null as Date | null, openJobOrders: 0 }]));
    for (const r of contactRows) out.get(r.employerId)!.lastContactAt = r.last;
    for (const r of orderRows) out.get(r.employerId)!.openJobOrders = Number(r.n);
    return out;
  }

  async function detail(tx: DbExecutor, ctx: TenantContext, id: string) {
    const e = await loadEmployer(tx, ctx, id);
    const persons = await tx
      .select()
      .from(employerContactPersons)
      .where(inTenant(employerContactPersons, ctx, eq(employerContactPersons.employerId, id)))
      .orderBy(asc(employerContactPersons.name));
    const contacts = await tx
      .select({ c: employerContacts, staffName: staff.name, personName: employerContactPersons.name })
      .from(employerContacts)
      .innerJoin(staff, eq(staff.id, employerContacts.staffId))
      .leftJoin(employerContactPersons, eq(employerContactPersons.id, employerContacts.contactPersonId))
      .where(inTenant(employerContacts, ctx, eq(employerContacts.employerId, id)))
      .orderBy(desc(employerContacts.occurredAt));
    const mergedFrom = await tx
      .select({ id: employers.id, name: employers.name, cvr: employers.cvr, mergedAt: employers.mergedAt })
      .from(employers)
      .where(inTenant(employers, ctx, eq(employers.mergedIntoId, id)))
      .orderBy(asc(employers.mergedAt));
    const s = (await stats(tx, ctx, [id])).get(id)!;
    return {
      ...present(e, s),
      contactPersons: persons.map((p) => ({ id: p.id, name: p.name, jobTitle: p.jobTitle, phone: p.phone, email: p.email, active: p.active })),
      contacts: contacts.map(({ c, staffName, personName }) => ({
        id: c.id,
        kind: c.kind,
        occurredAt: c.occurredAt.toISOString(),
        staffId: c.staffId,
        staffName,
        contactPersonId: c.contactPersonId,
        contactPersonName: personName ?? null,
        outcome: c.outcome,
        nextStep: c.nextStep,
        nextStepDue: c.nextStepDue,
        mergedFromEmployerId: c.originalEmployerId === c.employerId ? null : c.originalEmployerId,
      })),
      mergedFrom: mergedFrom.map((m) => ({ ...m, mergedAt: m.mergedAt ? m.mergedAt.toISOString() : null })),
    };
  }

  return {
    async list(ctx: TenantContext, query: TEmployerListQuery) {
      return db.transaction(async (tx) => {
        const conditions = [
          query.includeMerged === 'yes' ? undefined : isNull(employers.mergedIntoId),
          query.municipalityCode !== undefined ? eq(employers.municipalityCode, query.municipalityCode) : undefined,
          query.cooperation ? eq(employers.cooperationAgreement, query.cooperation === 'yes') : undefined,
        ];
        const q = query.q?.trim();
        if (q) {
          const digits = q.replace(/[\s-]/g, '');
          const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
          conditions.push(
            /^\d{8}$/.test(digits)
              ? eq(employers.cvr, digits)
              : /^\d{10}$/.test(digits)
                ? sql`${digits} = any(${employers.pNumbers})`
                : or(ilike(employers.name, like), ilike(employers.city, like), ilike(employers.trade, like)),
          );
        }
        const where = inTenant(employers, ctx, ...conditions);
        const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(employers).where(where);
        const rows = await tx
          .select()
          .from(employers)
          .where(where)
          .orderBy(asc(sql`lower(${employers.name})`), asc(employers.id))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize);
        const s = await stats(tx, ctx, rows.map((r) => r.id));
        await writeAudit(tx, ctx, { action: 'search', subjectType: 'employer', details: { q: q ?? null, municipalityCode: query.municipalityCode ?? null, cooperation: query.cooperation ?? null, results: Number(total) } });
        return { items: rows.map((r) => present(r, s.get(r.id)!)), total: Number(total), page: query.page, pageSize: query.pageSize };
      });
    },

    async get(ctx: TenantContext, id: string) {
      return db.transaction(async (tx) => {
        const out = await detail(tx, ctx, id);
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'employer', subjectId: id });
        return out;
      });
    },

    async create(ctx: TenantContext, input: TCreateEmployer) {
      const id = randomUUID();
      try {
        return await db.transaction(async (tx) => {
          await tx.insert(employers).values({
            id,
            organisationId: ctx.organisationId,
            cvr: input.cvr ?? null,
            pNumbers: [...new Set(input.pNumbers ?? [])],
            name: input.name,
            addressLine: input.addressLine ?? null,
            postalCode: input.postalCode ?? null,
            city: input.city ?? null,
            municipalityCode: input.municipalityCode ?? null,
            trade: input.trade ?? null,
            cooperationAgreement: input.cooperationAgreement ?? false,
            cooperationNotes: input.cooperationNotes ?? null,
            source: 'staff',
            createdAt: ctx.clock.now(),
            updatedAt: ctx.clock.now(),
          });
          await writeAudit(tx, ctx, { action: 'create', subjectType: 'employer', subjectId: id, details: { fields: changedFields(input) } });
          return detail(tx, ctx, id);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw cvrExists();
        throw error;
      }
    },

    async update(ctx: TenantContext, id: string, input: TUpdateEmployer) {
      try {
        return await db.transaction(async (tx) => {
          const e = await loadEmployer(tx, ctx, id, true);
          if (e.mergedIntoId) throw new AppError('unprocessable', { id: { da: 'Virksomheden er flettet ind i en anden. Ret den anden.', en: 'The employer was merged into another. Edit that one.' } });
          if (e.version !== input.version) throw new AppError('version_conflict');
          const { version: _v, ...fields } = input;
          const set: Partial<EmployerRow> = {};
          for (const [k, v] of Object.entries(fields)) if (v !== undefined) (set as Record<string, unknown>)[k] = k === 'pNumbers' ? [...new Set(v as string[])] : v;
          await tx
            .update(employers)
            .set({ ...set, version: e.version + 1, updatedAt: ctx.clock.now() })
            .where(inTenant(employers, ctx, eq(employers.id, id)));
          await writeAudit(tx, ctx, { action: 'update', subjectType: 'employer', subjectId: id, details: { fields: changedFields(fields) } });
          return detail(tx, ctx, id);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw cvrExists();
        throw error;
      }
    },

    async addContactPerson(ctx: TenantContext, employerId: string, input: TCreateContactPerson) {
      return db.transaction(async (tx) => {
        await loadEmployer(tx, ctx, employerId);
        const id = randomUUID();
        await tx.insert(employerContactPersons).values({
          id,
          organisationId: ctx.organisationId,
          employerId,
          name: input.name,
          jobTitle: input.jobTitle ?? null,
          phone: input.phone ? normalisePhone(input.phone) : null,
          email: input.email ?? null,
          createdAt: ctx.clock.now(),
        });
        await writeAudit(tx, ctx, { action: 'create', subjectType: 'employer_contact_person', subjectId: id, details: { employerId, fields: changedFields(input) } });
        const [p] = await tx.select().from(employerContactPersons).where(inTenant(employerContactPersons, ctx, eq(employerContactPersons.id, id)));
        return { id: p!.id, name: p!.name, jobTitle: p!.jobTitle, phone: p!.phone, email: p!.email, active: p!.active };
      });
    },

    async logContact(ctx: TenantContext, employerId: string, input: TCreateEmployerContact) {
      if (ctx.actor.kind !== 'staff') throw new AppError('forbidden');
      const staffId = ctx.actor.id;
      return db.transaction(async (tx) => {
        const e = await loadEmployer(tx, ctx, employerId);
        if (e.mergedIntoId) throw new AppError('unprocessable', { id: { da: 'Virksomheden er flettet ind i en anden. Log kontakten dér.', en: 'The employer was merged into another. Log the contact there.' } });
        if (input.contactPersonId) {
          const [p] = await tx
            .select({ id: employerContactPersons.id })
            .from(employerContactPersons)
            .where(inTenant(employerContactPersons, ctx, eq(employerContactPersons.id, input.contactPersonId), eq(employerContactPersons.employerId, employerId)));
          if (!p) throw fieldError('contactPersonId', 'Kontaktpersonen hører ikke til virksomheden.', 'The contact person does not belong to the employer.');
        }
        const id = randomUUID();
        await tx.insert(employerContacts).values({
          id,
          organisationId: ctx.organisationId,
          employerId,
          originalEmployerId: employerId,
          kind: input.kind,
          occurredAt: new Date(input.occurredAt),
          staffId,
          contactPersonId: input.contactPersonId ?? null,
          outcome: input.outcome,
          nextStep: input.nextStep ?? null,
          nextStepDue: input.nextStepDue ?? null,
          createdAt: ctx.clock.now(),
        });
        await writeAudit(tx, ctx, { action: 'create', subjectType: 'employer_contact', subjectId: id, details: { employerId, kind: input.kind } });
        return detail(tx, ctx, employerId);
      });
    },

    /**
     * Merges `fromEmployerId` into `intoId`: contacts, contact persons and job orders move over
     * (each contact remembers the record it was logged on), P-numbers are joined, a missing CVR
     * or address is taken from the other record, and the merged record stays, marked, for history.
     */
    async merge(ctx: TenantContext, intoId: string, input: { fromEmployerId: string; version: number }) {
      if (intoId === input.fromEmployerId) throw fieldError('fromEmployerId', 'Vælg en anden virksomhed end den, du fletter ind i.', 'Choose an employer other than the one you merge into.');
      return db.transaction(async (tx) => {
        // Lock both in a fixed order so two merges cannot deadlock.
        const [a, b] = [intoId, input.fromEmployerId].sort();
        const first = await loadEmployer(tx, ctx, a!, true).catch(() => null);
        const second = await loadEmployer(tx, ctx, b!, true).catch(() => null);
        const into = [first, second].find((e) => e?.id === intoId);
        const from = [first, second].find((e) => e?.id === input.fromEmployerId);
        if (!into) throw new AppError('not_found');
        if (!from) throw fieldError('fromEmployerId', 'Virksomheden findes ikke.', 'The employer does not exist.');
        if (into.mergedIntoId || from.mergedIntoId) throw fieldError('fromEmployerId', 'En af virksomhederne er allerede flettet.', 'One of the employers has already been merged.');
        if (into.version !== input.version) throw new AppError('version_conflict');
        if (into.cvr && from.cvr && into.cvr !== from.cvr)
          throw fieldError('fromEmployerId', 'Virksomhederne har forskellige CVR-numre og er ikke den samme.', 'The employers have different CVR numbers and are not the same.');
        const now = ctx.clock.now();
        const moved = {
          contacts: (await tx.update(employerContacts).set({ employerId: intoId }).where(inTenant(employerContacts, ctx, eq(employerContacts.employerId, from.id))).returning({ id: employerContacts.id })).length,
          contactPersons: (
            await tx.update(employerContactPersons).set({ employerId: intoId }).where(inTenant(employerContactPersons, ctx, eq(employerContactPersons.employerId, from.id))).returning({ id: employerContactPersons.id })
          ).length,
          jobOrders: (await tx.update(jobOrders).set({ employerId: intoId }).where(inTenant(jobOrders, ctx, eq(jobOrders.employerId, from.id))).returning({ id: jobOrders.id })).length,
        };
        // The merged record gives up its CVR first (the unique index covers unmerged records only).
        await tx.update(employers).set({ mergedIntoId: intoId, mergedAt: now, version: from.version + 1, updatedAt: now }).where(inTenant(employers, ctx, eq(employers.id, from.id)));
        await tx
          .update(employers)
          .set({
            cvr: into.cvr ?? from.cvr,
            pNumbers: [...new Set([...into.pNumbers, ...from.pNumbers])],
            addressLine: into.addressLine ?? from.addressLine,
            postalCode: into.postalCode ?? from.postalCode,
            city: into.city ?? from.city,
            municipalityCode: into.municipalityCode ?? from.municipalityCode,
            trade: into.trade ?? from.trade,
            cooperationAgreement: into.cooperationAgreement || from.cooperationAgreement,
            cooperationNotes: [into.cooperationNotes, from.cooperationNotes].filter(Boolean).join('\n\n') || null,
            version: into.version + 1,
            updatedAt: now,
          })
          .where(inTenant(employers, ctx, eq(employers.id, intoId)));
        await writeAudit(tx, ctx, [
          { action: 'update', subjectType: 'employer', subjectId: intoId, details: { merge: 'into', fromEmployerId: from.id, moved } },
          { action: 'update', subjectType: 'employer', subjectId: from.id, details: { merge: 'from', intoEmployerId: intoId, moved } },
        ]);
        return detail(tx, ctx, intoId);
      });
    },

    /** Contacts and distinct employers contacted, per broker and per unit, from–to inclusive (Copenhagen days). */
    async contactCounts(ctx: TenantContext, range: { from: string; to: string }) {
      if (range.to < range.from) throw fieldError('to', 'Slutdatoen ligger før startdatoen.', 'The end date is before the start date.');
      const fromAt = startOfCopenhagenDay(range.from);
      const toAt = startOfCopenhagenDay(addDays(range.to, 1));
      const where = inTenant(employerContacts, ctx, gte(employerContacts.occurredAt, fromAt), lt(employerContacts.occurredAt, toAt));
      const [total] = await db.select({ contacts: count(), employers: countDistinct(employerContacts.employerId) }).from(employerContacts).where(where);
      const byStaff = await db
        .select({ staffId: staff.id, name: staff.name, unitId: staff.unitId, contacts: count(), employers: countDistinct(employerContacts.employerId) })
        .from(employerContacts)
        .innerJoin(staff, eq(staff.id, employerContacts.staffId))
        .where(where)
        .groupBy(staff.id, staff.name, staff.unitId)
        .orderBy(asc(staff.name));
      const byUnit = await db
        .select({ unitId: staff.unitId, name: units.name, contacts: count(), employers: countDistinct(employerContacts.employerId) })
        .from(employerContacts)
        .innerJoin(staff, eq(staff.id, employerContacts.staffId))
        .leftJoin(units, eq(units.id, staff.unitId))
        .where(where)
        .groupBy(staff.unitId, units.name)
        .orderBy(asc(units.name));
      const n = (v: unknown) => Number(v);
      return {
        from: range.from,
        to: range.to,
        total: { contacts: n(total?.contacts ?? 0), employers: n(total?.employers ?? 0) },
        byStaff: byStaff.map((r) => ({ ...r, contacts: n(r.contacts), employers: n(r.employers) })),
        byUnit: byUnit.map((r) => ({ ...r, contacts: n(r.contacts), employers: n(r.employers) })),
      };
    },
  };
}

export type EmployerService = ReturnType<typeof createEmployerService>;

