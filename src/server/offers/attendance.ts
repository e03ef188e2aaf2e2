import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connect';
import { attendance, enrolments, jobseekers, offerSessions, offers, organisations, referrals, spells, tasks, units } from '../../db/schema';
import { addDays, toCopenhagenIsoDate } from '../../core/calendar/iso-date';
import { ABSENCE_REASON_LABELS, countsTowardAvailability, findRepeatedAbsence, monthRange, type AbsenceReason } from '../../core/offers';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { writeAudit } from '../audit/write-audit';
import { inTenant } from '../tenancy';
import { loadOrgCalendar, todayOf } from '../calendar/org-calendar';
import type { TAttendance } from './schemas';

export type AbsenceReportRow = {
  day: string;
  name: string;
  referred: boolean;
  sessionTitle: string;
  offerTitle: string;
  reason: AbsenceReason | null;
  reasonLabel: string;
  countsTowardAvailability: boolean;
  note: string | null;
};

export type AbsenceReport = { month: string; unitId: string | null; unitName: string | null; organisationName: string; rows: AbsenceReportRow[]; absences: number; people: number };

export function createAttendanceService({ db }: { db: Database }) {
  async function loadSession(tx: DbExecutor, ctx: TenantContext, id: string) {
    const [row] = await tx.select({ s: offerSessions, offerTitle: offers.title, offerKind: offers.kind }).from(offerSessions).innerJoin(offers, eq(offers.id, offerSessions.offerId)).where(inTenant(offerSessions, ctx, eq(offerSessions.id, id)));
    if (!row) throw new AppError('not_found');
    return row;
  }

  /** Raises one task per episode of repeated absence, for the person's caseworker (or the unit). */
  async function checkRepeatedAbsence(tx: DbExecutor, ctx: TenantContext, enrolment: typeof enrolments.$inferSelect, day: string, sessionUnitId: string | null) {
    const who = enrolment.jobseekerId ? eq(attendance.jobseekerId, enrolment.jobseekerId) : eq(attendance.enrolmentId, enrolment.id);
    const rows = await tx
      .select({ day: attendance.day, reason: attendance.absenceReason })
      .from(attendance)
      .where(inTenant(attendance, ctx, who, eq(attendance.status, 'absent'), gte(attendance.day, addDays(day, -60)), lte(attendance.day, day)));
    const found = findRepeatedAbsence(
      rows.map((r) => ({ day: r.day, reason: (r.reason ?? 'no_notice') as AbsenceReason })),
      day,
    );
    if (!found.repeated) return;
    const [spell] = enrolment.jobseekerId
      ? await tx.select({ id: spells.id, caseworkerId: spells.caseworkerId, unitId: spells.unitId }).from(spells).where(inTenant(spells, ctx, eq(spells.jobseekerId, enrolment.jobseekerId), eq(spells.status, 'active'))).limit(1)
      : [];
    const calendar = await loadOrgCalendar(tx, ctx);
    await tx
      .insert(tasks)
      .values({
        id: randomUUID(),
        organisationId: ctx.organisationId,
        spellId: spell?.id ?? null,
        jobseekerId: enrolment.jobseekerId,
        kind: 'availability_assessment',
        title: `Gentaget fravær fra tilbud (${found.days.length} gange på 30 dage): vurdér rådighed`,
        dueDate: calendar.addWorkingDays(todayOf(ctx), 2),
        assigneeId: spell?.caseworkerId ?? null,
        unitId: spell?.unitId ?? sessionUnitId,
        dedupeKey: `offer_absence:${enrolment.jobseekerId ?? enrolment.id}:${found.episodeStart}`,
        createdAt: ctx.clock.now(),
      })
      .onConflictDoNothing();
  }

  async function report(tx: DbExecutor, ctx: TenantContext, month: string, unitId: string | undefined): Promise<AbsenceReport> {
    const { from, to } = monthRange(month);
    let unitName: string | null = null;
    if (unitId) {
      const [unit] = await tx.select({ name: units.name }).from(units).where(inTenant(units, ctx, eq(units.id, unitId)));
      if (!unit) throw new AppError('not_found');
      unitName = unit.name;
    }
    const rows = await tx
      .select({
        day: attendance.day,
        firstName: jobseekers.firstName,
        lastName: jobseekers.lastName,
        personName: referrals.personName,
        jobseekerId: attendance.jobseekerId,
        enrolmentId: attendance.enrolmentId,
        sessionTitle: offerSessions.title,
        offerTitle: offers.title,
        reason: attendance.absenceReason,
        note: attendance.note,
      })
      .from(attendance)
      .innerJoin(offerSessions, eq(offerSessions.id, attendance.sessionId))
      .innerJoin(offers, eq(offers.id, offerSessions.offerId))
      .innerJoin(enrolments, eq(enrolments.id, attendance.enrolmentId))
      .leftJoin(jobseekers, eq(jobseekers.id, attendance.jobseekerId))
      .leftJoin(referrals, and(eq(referrals.id, enrolments.referralId), eq(referrals.receiverOrganisationId, ctx.organisationId)))
      .where(inTenant(attendance, ctx, eq(attendance.status, 'absent'), gte(attendance.day, from), lte(attendance.day, to), unitId ? eq(offerSessions.unitId, unitId) : undefined))
      .orderBy(asc(jobseekers.lastName), asc(jobseekers.firstName), asc(attendance.day));
    const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, ctx.organisationId));
    const lang = ctx.lang;
    const list: AbsenceReportRow[] = rows.map((r) => {
      const reason = (r.reason ?? null) as AbsenceReason | null;
      return {
        day: r.day,
        name: r.firstName ? `${r.firstName} ${r.lastName}` : (r.personName ?? ''),
        referred: !r.jobseekerId,
        sessionTitle: r.sessionTitle,
        offerTitle: r.offerTitle,
        reason,
        reasonLabel: reason ? ABSENCE_REASON_LABELS[reason][lang] : '',
        countsTowardAvailability: reason ? countsTowardAvailability(reason) : true,
        note: r.note,
      };
    });
    return { month, unitId: unitId ?? null, unitName, organisationName: org?.name ?? '', rows: list, absences: list.length, people: new Set(rows.map((r) => r.jobseekerId ?? r.enrolmentId)).size };
  }

  return {
    /** The roll-call list for one meeting day: everyone holding a seat, with what is registered. */
    async rollCall(ctx: TenantContext, sessionId: string, day?: string) {
      return db.transaction(async (tx) => {
        const { s, offerTitle } = await loadSession(tx, ctx, sessionId);
        const today = todayOf(ctx);
        const first = toCopenhagenIsoDate(s.startsAt);
        const chosen = day ?? (today < first ? first : today > s.lastDay ? s.lastDay : today);
        const people = await tx
          .select({
            enrolmentId: enrolments.id,
            jobseekerId: enrolments.jobseekerId,
            firstName: jobseekers.firstName,
            lastName: jobseekers.lastName,
            personName: referrals.personName,
            status: attendance.status,
            absenceReason: attendance.absenceReason,
            note: attendance.note,
          })
          .from(enrolments)
          .leftJoin(jobseekers, eq(jobseekers.id, enrolments.jobseekerId))
          .leftJoin(referrals, and(eq(referrals.id, enrolments.referralId), eq(referrals.receiverOrganisationId, ctx.organisationId)))
          .leftJoin(attendance, and(eq(attendance.enrolmentId, enrolments.id), eq(attendance.day, chosen)))
          .where(inTenant(enrolments, ctx, eq(enrolments.sessionId, sessionId), sql`${enrolments.status} in ('seated', 'completed', 'dropped_out')`))
          .orderBy(asc(jobseekers.firstName), asc(jobseekers.lastName), asc(referrals.personName));
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'attendance', subjectId: sessionId, details: { day: chosen } });
        return {
          sessionId,
          title: s.title,
          offerTitle,
          place: s.place,
          day: chosen,
          firstDay: first,
          lastDay: s.lastDay,
          participants: people.map((p) => ({
            enrolmentId: p.enrolmentId,
            name: p.firstName ? `${p.firstName} ${p.lastName}` : (p.personName ?? ''),
            status: p.status ?? null,
            absenceReason: p.absenceReason ?? null,
            note: p.note ?? null,
          })),
        };
      });
    },

    /** One tap: present, or absent with a reason. Registering again the same day corrects it. */
    async register(ctx: TenantContext, sessionId: string, input: TAttendance) {
      await db.transaction(async (tx) => {
        const { s } = await loadSession(tx, ctx, sessionId);
        const [enrolment] = await tx.select().from(enrolments).where(inTenant(enrolments, ctx, eq(enrolments.id, input.enrolmentId), eq(enrolments.sessionId, sessionId)));
        if (!enrolment) throw new AppError('not_found');
        if (!['seated', 'completed', 'dropped_out'].includes(enrolment.status)) throw new AppError('validation_failed', { enrolmentId: { da: 'Personen har ikke en plads på holdet.', en: 'The person does not hold a seat on the session.' } });
        const first = toCopenhagenIsoDate(s.startsAt);
        if (input.day < first || input.day > s.lastDay) throw new AppError('validation_failed', { day: { da: 'Dagen ligger uden for holdets periode.', en: 'The day is outside the session’s period.' } });
        if (input.day > todayOf(ctx)) throw new AppError('validation_failed', { day: { da: 'Fremmøde kan ikke registreres for en dag i fremtiden.', en: 'Attendance cannot be registered for a future day.' } });
        if (input.status === 'absent' && !input.absenceReason) throw new AppError('validation_failed', { absenceReason: { da: 'Vælg en fraværsårsag.', en: 'Choose a reason for the absence.' } });
        const values = {
          status: input.status,
          absenceReason: input.status === 'absent' ? input.absenceReason! : null,
          note: input.note ?? null,
          recordedBy: ctx.actor.kind === 'staff' ? ctx.actor.id : null,
          recordedAt: ctx.clock.now(),
        };
        await tx
          .insert(attendance)
          .values({ id: randomUUID(), organisationId: ctx.organisationId, enrolmentId: enrolment.id, sessionId, jobseekerId: enrolment.jobseekerId, day: input.day, ...values })
          .onConflictDoUpdate({ target: [attendance.enrolmentId, attendance.day], set: values });
        if (input.status === 'absent') await checkRepeatedAbsence(tx, ctx, enrolment, input.day, s.unitId);
        await writeAudit(tx, ctx, { action: 'update', subjectType: 'attendance', subjectId: enrolment.id, jobseekerId: enrolment.jobseekerId, details: { day: input.day, status: input.status } });
      });
      return this.rollCall(ctx, sessionId, input.day);
    },

    /** The month's absences per unit, for the availability team (rådighedsteamet). */
    async absenceReport(ctx: TenantContext, month: string, unitId?: string, purpose: 'read' | 'export' = 'read') {
      return db.transaction(async (tx) => {
        const result = await report(tx, ctx, month, unitId);
        await writeAudit(tx, ctx, { action: purpose, subjectType: 'absence_report', subjectId: unitId ?? null, details: { month, rows: result.rows.length } });
        return result;
      });
    },

    /** Sends the month's report to the unit's availability team: a task with the report to open. */
    async sendAbsenceReport(ctx: TenantContext, input: { month: string; unitId: string }) {
      return db.transaction(async (tx) => {
        const result = await report(tx, ctx, input.month, input.unitId);
        const calendar = await loadOrgCalendar(tx, ctx);
        const taskId = randomUUID();
        const inserted = await tx
          .insert(tasks)
          .values({
            id: taskId,
            organisationId: ctx.organisationId,
            kind: 'absence_report',
            title: `Fraværsrapport ${input.month} (${result.unitName}): ${result.absences} fravær, ${result.people} personer – vurdér rådighed`,
            dueDate: calendar.addWorkingDays(todayOf(ctx), 5),
            unitId: input.unitId,
            dedupeKey: `absence_report:${input.unitId}:${input.month}`,
            createdAt: ctx.clock.now(),
          })
          .onConflictDoNothing()
          .returning({ id: tasks.id });
        await writeAudit(tx, ctx, { action: 'export', subjectType: 'absence_report', subjectId: input.unitId, details: { month: input.month, rows: result.rows.length } });
        return { taskCreated: inserted.length > 0, absences: result.absences, people: result.people };
      });
    },
  };
}

export type AttendanceService = ReturnType<typeof createAttendanceService>;
