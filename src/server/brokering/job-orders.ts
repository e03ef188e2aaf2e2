import { createHash, randomUUID } from 'node:crypto';
import { and, count, desc, eq, gt, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, DbExecutor } from '../../db/connect';
import { employers, jobOrders, loginAttempts, organisations, staff } from '../../db/schema';
import { responseDueAt, responseState, type JobOrderKind } from '../../core/brokering/job-orders';
import { toCopenhagenIsoDate } from '../../core/calendar/iso-date';
import { normalisePhone } from '../../core/identity/phone';
import { findOccupation } from '../../core/reference/occupations';
import type { Clock } from '../clock';
import type { TenantContext } from '../context';
import { AppError, fieldError } from '../errors';
import { writeAudit } from '../audit/write-audit';
import { inTenant } from '../tenancy';
import { queueNotification } from '../notifications/queue';
import { loadEmployer } from './employers';
import type { TCreateJobOrder, TJobOrderListQuery, TPublicJobOrder, TUpdateJobOrder } from './schemas';

type JobOrderRow = typeof jobOrders.$inferSelect;

/** The public form: per source address, this many orders an hour, then 429. */
export const PUBLIC_JOB_ORDERS_PER_HOUR = 10;

const answeredBy = alias(staff, 'answered_by_staff');

function present(o: JobOrderRow, employerName: string, answeredByName: string | null, now: Date) {
  return {
    id: o.id,
    employerId: o.employerId,
    employerName,
    source: o.source,
    title: o.title,
    occupationCode: o.occupationCode,
    occupationTitle: findOccupation(o.occupationCode)?.title ?? null,
    description: o.description,
    requirements: o.requirements,
    skills: o.skills,
    educationLevel: o.educationLevel,
    drivingLicence: o.drivingLicence,
    municipalityCode: o.municipalityCode,
    workplaceAddress: o.workplaceAddress,
    hoursPerWeek: o.hoursPerWeek,
    kind: o.kind as JobOrderKind,
    wantedStart: o.wantedStart,
    deadline: o.deadline,
    positions: o.positions,
    responseHours: o.responseHours,
    responseDueAt: o.responseDueAt.toISOString(),
    answeredAt: o.answeredAt ? o.answeredAt.toISOString() : null,
    answeredByName,
    responseState: responseState(o, now),
    status: o.status,
    brokerId: o.brokerId,
    contactName: o.contactName,
    contactEmail: o.contactEmail,
    contactPhone: o.contactPhone,
    createdAt: o.createdAt.toISOString(),
    version: o.version,
  };
}
export type JobOrderView = ReturnType<typeof present>;

function checkDates(input: { wantedStart?: string | null; deadline?: string | null }, today: string) {
  if (input.deadline && input.deadline < today) throw fieldError('deadline', 'Ansøgningsfristen ligger i fortiden.', 'The deadline is in the past.');
}

async function assertBrokerOfOrg(tx: DbExecutor, ctx: TenantContext, brokerId: string | null | undefined) {
  if (!brokerId) return;
  const [s] = await tx.select({ id: staff.id }).from(staff).where(inTenant(staff, ctx, eq(staff.id, brokerId), eq(staff.active, true)));
  if (!s) throw fieldError('brokerId', 'Medarbejderen findes ikke i organisationen.', 'The staff member does not exist in the organisation.');
}

export async function loadJobOrderView(tx: DbExecutor, ctx: TenantContext, id: string) {
  const [row] = await tx
    .select({ o: jobOrders, employerName: employers.name, answeredByName: answeredBy.name })
    .from(jobOrders)
    .innerJoin(employers, eq(employers.id, jobOrders.employerId))
    .leftJoin(answeredBy, eq(answeredBy.id, jobOrders.answeredBy))
    .where(inTenant(jobOrders, ctx, eq(jobOrders.id, id)));
  if (!row) throw new AppError('not_found');
  return { row: row.o, view: present(row.o, row.employerName, row.answeredByName ?? null, ctx.clock.now()) };
}

function orderValues(input: Omit<TCreateJobOrder, 'employerId' | 'brokerId' | 'contactName' | 'contactEmail' | 'contactPhone'>) {
  return {
    title: input.title,
    occupationCode: input.occupationCode,
    description: input.description ?? '',
    requirements: input.requirements ?? '',
    skills: [...new Set(input.skills ?? [])],
    educationLevel: input.educationLevel ?? null,
    drivingLicence: input.drivingLicence ?? null,
    municipalityCode: input.municipalityCode,
    workplaceAddress: input.workplaceAddress ?? null,
    hoursPerWeek: input.hoursPerWeek,
    kind: input.kind,
    wantedStart: input.wantedStart ?? null,
    deadline: input.deadline ?? null,
    positions: input.positions ?? 1,
    responseHours: input.responseHours ?? 24,
  };
}

export function createJobOrderService({ db }: { db: Database }) {
  return {
    async list(ctx: TenantContext, query: TJobOrderListQuery) {
      const now = ctx.clock.now();
      const responseFilter: Record<NonNullable<TJobOrderListQuery['response']>, SQL | undefined> = {
        waiting: and(isNull(jobOrders.answeredAt), gt(jobOrders.responseDueAt, now)),
        overdue: and(isNull(jobOrders.answeredAt), lte(jobOrders.responseDueAt, now)),
        answered_on_time: and(isNotNull(jobOrders.answeredAt), lte(jobOrders.answeredAt, jobOrders.responseDueAt)),
        answered_late: and(isNotNull(jobOrders.answeredAt), gt(jobOrders.answeredAt, jobOrders.responseDueAt)),
      };
      const where = inTenant(
        jobOrders,
        ctx,
        query.status ? eq(jobOrders.status, query.status) : undefined,
        query.employerId ? eq(jobOrders.employerId, query.employerId) : undefined,
        query.response ? responseFilter[query.response] : undefined,
      );
      return db.transaction(async (tx) => {
        const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(jobOrders).where(where);
        const rows = await tx
          .select({ o: jobOrders, employerName: employers.name, answeredByName: answeredBy.name })
          .from(jobOrders)
          .innerJoin(employers, eq(employers.id, jobOrders.employerId))
          .leftJoin(answeredBy, eq(answeredBy.id, jobOrders.answeredBy))
          .where(where)
          // Unanswered first, soonest due first; then the newest.
          .orderBy(sql`${jobOrders.answeredAt} is not null`, sql`case when ${jobOrders.answeredAt} is null then ${jobOrders.responseDueAt} end`, desc(jobOrders.createdAt), jobOrders.id)
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize);
        await writeAudit(tx, ctx, { action: 'search', subjectType: 'job_order', details: { status: query.status ?? null, response: query.response ?? null, results: Number(total) } });
        return { items: rows.map((r) => present(r.o, r.employerName, r.answeredByName ?? null, now)), total: Number(total), page: query.page, pageSize: query.pageSize };
      });
    },

    async get(ctx: TenantContext, id: string) {
      return db.transaction(async (tx) => {
        const { view } = await loadJobOrderView(tx, ctx, id);
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'job_order', subjectId: id });
        return view;
      });
    },

    async create(ctx: TenantContext, input: TCreateJobOrder) {
      const today = toCopenhagenIsoDate(ctx.clock.now());
      checkDates(input, today);
      return db.transaction(async (tx) => {
        const employer = await loadEmployer(tx, ctx, input.employerId).catch(() => null);
        if (!employer) throw fieldError('employerId', 'Vælg en virksomhed fra listen.', 'Choose an employer from the list.');
        if (employer.mergedIntoId) throw fieldError('employerId', 'Virksomheden er flettet ind i en anden. Vælg den.', 'The employer was merged into another. Choose that one.');
        await assertBrokerOfOrg(tx, ctx, input.brokerId);
        const id = randomUUID();
        const now = ctx.clock.now();
        const values = orderValues(input);
        const actorId = ctx.actor.kind === 'staff' ? ctx.actor.id : null;
        await tx.insert(jobOrders).values({
          id,
          organisationId: ctx.organisationId,
          employerId: employer.id,
          source: 'staff',
          ...values,
          responseDueAt: responseDueAt(now, values.responseHours),
          brokerId: input.brokerId ?? actorId,
          contactName: input.contactName ?? null,
          contactEmail: input.contactEmail ?? null,
          contactPhone: input.contactPhone ? normalisePhone(input.contactPhone) : null,
          createdBy: actorId,
          createdAt: now,
          updatedAt: now,
        });
        await writeAudit(tx, ctx, { action: 'create', subjectType: 'job_order', subjectId: id, details: { employerId: employer.id, source: 'staff' } });
        return (await loadJobOrderView(tx, ctx, id)).view;
      });
    },

    async update(ctx: TenantContext, id: string, input: TUpdateJobOrder) {
      checkDates(input, toCopenhagenIsoDate(ctx.clock.now()));
      return db.transaction(async (tx) => {
        const [row] = await tx.select().from(jobOrders).where(inTenant(jobOrders, ctx, eq(jobOrders.id, id))).for('update');
        if (!row) throw new AppError('not_found');
        if (row.version !== input.version) throw new AppError('version_conflict');
        await assertBrokerOfOrg(tx, ctx, input.brokerId);
        const { version: _v, ...fields } = input;
        const set: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(fields)) if (v !== undefined) set[k] = k === 'skills' ? [...new Set(v as string[])] : v;
        if (fields.responseHours !== undefined) set.responseDueAt = responseDueAt(row.createdAt, fields.responseHours);
        await tx
          .update(jobOrders)
          .set({ ...set, version: row.version + 1, updatedAt: ctx.clock.now() })
          .where(inTenant(jobOrders, ctx, eq(jobOrders.id, id)));
        await writeAudit(tx, ctx, { action: 'update', subjectType: 'job_order', subjectId: id, details: { fields: Object.keys(set) } });
        return (await loadJobOrderView(tx, ctx, id)).view;
      });
    },

    /** The broker has called the employer back: the response time stops. The first answer counts. */
    async markAnswered(ctx: TenantContext, id: string) {
      if (ctx.actor.kind !== 'staff') throw new AppError('forbidden');
      const staffId = ctx.actor.id;
      return db.transaction(async (tx) => {
        const [row] = await tx.select().from(jobOrders).where(inTenant(jobOrders, ctx, eq(jobOrders.id, id))).for('update');
        if (!row) throw new AppError('not_found');
        if (!row.answeredAt) {
          await tx
            .update(jobOrders)
            .set({ answeredAt: ctx.clock.now(), answeredBy: staffId, version: row.version + 1, updatedAt: ctx.clock.now() })
            .where(inTenant(jobOrders, ctx, eq(jobOrders.id, id)));
          await writeAudit(tx, ctx, { action: 'update', subjectType: 'job_order', subjectId: id, details: { fields: ['answeredAt'] } });
        }
        return (await loadJobOrderView(tx, ctx, id)).view;
      });
    },
  };
}
export type JobOrderService = ReturnType<typeof createJobOrderService>;

function hashSource(address: string): string {
  return createHash('sha256').update(`job-order-source:${address}`).digest('hex');
}

/**
 * The public job-order form: no login. The organisation is named in the form's address; the
 * employer is found by CVR in that organisation (or registered from the form); a receipt goes to
 * the contact's e-mail through queueNotification (template job_order_receipt). Throttled per source address (hashed).
 */
export function createPublicJobOrderService({ db, clock }: { db: Database; clock: Clock }) {
  async function organisation(organisationId: string) {
    const [org] = await db.select({ id: organisations.id, name: organisations.name, kind: organisations.kind }).from(organisations).where(eq(organisations.id, organisationId));
    if (!org) throw new AppError('not_found');
    return org;
  }

  return {
    async form(organisationId: string) {
      return { organisation: await organisation(organisationId) };
    },

    async submit(input: TPublicJobOrder, source: string) {
      const key = `job-order-form:${hashSource(source)}`;
      const now = clock.now();
      const since = new Date(now.getTime() - 3_600_000);
      const [recent] = await db.select({ n: count() }).from(loginAttempts).where(and(eq(loginAttempts.key, key), gt(loginAttempts.at, since)));
      if ((recent?.n ?? 0) >= PUBLIC_JOB_ORDERS_PER_HOUR) throw new AppError('too_many_requests');
      // Counted in its own statement, so a refused form counts too.
      await db.insert(loginAttempts).values({ key, at: now });
      const org = await organisation(input.organisationId);
      const ctx: TenantContext = { organisationId: org.id, actor: { kind: 'system', id: null }, purpose: 'jobordre fra arbejdsgiver', lang: input.language, clock };
      if (input.deadline && input.deadline < toCopenhagenIsoDate(clock.now())) throw fieldError('deadline', 'Ansøgningsfristen ligger i fortiden.', 'The deadline is in the past.');
      return db.transaction(async (tx) => {
        const [found] = await tx
          .select()
          .from(employers)
          .where(inTenant(employers, ctx, eq(employers.cvr, input.employer.cvr), isNull(employers.mergedIntoId)))
          .limit(1);
        let employerId = found?.id;
        if (!employerId) {
          employerId = randomUUID();
          await tx.insert(employers).values({
            id: employerId,
            organisationId: ctx.organisationId,
            cvr: input.employer.cvr,
            name: input.employer.name,
            addressLine: input.employer.addressLine ?? null,
            postalCode: input.employer.postalCode ?? null,
            city: input.employer.city ?? null,
            municipalityCode: input.municipalityCode,
            source: 'web_form',
            createdAt: now,
            updatedAt: now,
          });
          await writeAudit(tx, ctx, { action: 'create', subjectType: 'employer', subjectId: employerId, details: { source: 'web_form' } });
        }
        const id = randomUUID();
        const values = orderValues(input);
        const due = responseDueAt(now, values.responseHours);
        await tx.insert(jobOrders).values({
          id,
          organisationId: ctx.organisationId,
          employerId,
          source: 'web_form',
          ...values,
          responseDueAt: due,
          contactName: input.contactName,
          contactEmail: input.contactEmail,
          contactPhone: input.contactPhone ? normalisePhone(input.contactPhone) : null,
          createdAt: now,
          updatedAt: now,
        });
        const reference = id.slice(0, 8).toUpperCase();
        await queueNotification(tx, ctx, {
          template: 'job_order_receipt',
          channel: 'email',
          recipient: input.contactEmail,
          language: input.language,
          idempotencyKey: `job_order_receipt:${id}`,
          vars: { contactName: input.contactName, title: values.title, employer: found?.name ?? input.employer.name, organisation: org.name, reference, responseHours: values.responseHours },
        });
        await writeAudit(tx, ctx, { action: 'create', subjectType: 'job_order', subjectId: id, details: { employerId, source: 'web_form' } });
        return { reference, responseDueAt: due.toISOString() };
      });
    },
  };
}
export type PublicJobOrderService = ReturnType<typeof createPublicJobOrderService>;
