import { and, asc, eq, inArray, lt, ne } from 'drizzle-orm';
import type { Database, DbExecutor } from '../../db/connect';
import { conversations, jobseekers, organisations, spells, staff, tasks, units } from '../../db/schema';
import { queueNotification } from '../notifications/queue';
import { composeWeeklyDigest, type DigestConversationItem, type DigestTaskItem } from '../../core/caseload/digest';
import { isoWeekKey } from '../../core/caseload/iso-week';
import { toCopenhagenIsoDate } from '../../core/calendar/iso-date';
import { writeAudit } from '../audit/write-audit';
import type { Clock } from '../clock';
import type { TenantContext } from '../context';
import { systemContext } from '../system-context';
import { inTenant } from '../tenancy';

export type DigestResult = { week: string; recipients: number; written: number; alreadySent: number };

type Overdue<T> = T & { caseworkerId: string | null; unitId: string | null };

/** Overdue mandatory talks of active spells. Names only: no CPR number is ever selected. */
async function overdueConversations(db: DbExecutor, ctx: TenantContext, today: string): Promise<Overdue<DigestConversationItem>[]> {
  const rows = await db
    .select({
      firstName: jobseekers.firstName,
      lastName: jobseekers.lastName,
      caseworkerId: spells.caseworkerId,
      caseworkerName: staff.name,
      unitId: spells.unitId,
      label: conversations.label,
      latest: conversations.latest,
    })
    .from(conversations)
    .innerJoin(spells, eq(spells.id, conversations.spellId))
    .innerJoin(jobseekers, eq(jobseekers.id, spells.jobseekerId))
    .leftJoin(staff, and(eq(staff.id, spells.caseworkerId), eq(staff.organisationId, spells.organisationId)))
    .where(
      inTenant(
        conversations,
        ctx,
        inTenant(spells, ctx, eq(spells.status, 'active')),
        inTenant(jobseekers, ctx),
        eq(conversations.mandatory, true),
        inArray(conversations.status, ['planned', 'booked']),
        lt(conversations.latest, today),
      ),
    )
    .orderBy(asc(conversations.latest));
  return rows.map((r) => ({ jobseekerName: `${r.firstName} ${r.lastName}`, caseworkerName: r.caseworkerName, caseworkerId: r.caseworkerId, unitId: r.unitId, label: r.label, latest: r.latest! }));
}

/** Overdue open tasks; "overdue talk" tasks are left out, as their talks are listed already. */
async function overdueTasks(db: DbExecutor, ctx: TenantContext, today: string): Promise<Overdue<DigestTaskItem>[]> {
  const rows = await db
    .select({
      firstName: jobseekers.firstName,
      lastName: jobseekers.lastName,
      caseworkerId: tasks.assigneeId,
      caseworkerName: staff.name,
      unitId: tasks.unitId,
      title: tasks.title,
      dueDate: tasks.dueDate,
    })
    .from(tasks)
    .leftJoin(jobseekers, and(eq(jobseekers.id, tasks.jobseekerId), eq(jobseekers.organisationId, tasks.organisationId)))
    .leftJoin(staff, and(eq(staff.id, tasks.assigneeId), eq(staff.organisationId, tasks.organisationId)))
    .where(inTenant(tasks, ctx, eq(tasks.status, 'open'), lt(tasks.dueDate, today), ne(tasks.kind, 'overdue_talk')))
    .orderBy(asc(tasks.dueDate));
  return rows.map((r) => ({
    jobseekerName: r.firstName !== null && r.lastName !== null ? `${r.firstName} ${r.lastName}` : null,
    caseworkerName: r.caseworkerName,
    caseworkerId: r.caseworkerId,
    unitId: r.unitId,
    title: r.title,
    dueDate: r.dueDate,
  }));
}

/**
 * The weekly e-mail of overdue items: to each caseworker their own, to each manager their
 * unit's (the whole organisation's for a manager without a unit). Written to the outbox with the
 * key digest:<staffId>:<ISO week>, so a second run in the same week writes nothing.
 */
export async function runWeeklyDigest(db: Database, clock: Clock): Promise<DigestResult> {
  const today = toCopenhagenIsoDate(clock.now());
  const week = isoWeekKey(today);
  const result: DigestResult = { week, recipients: 0, written: 0, alreadySent: 0 };
  const orgs = await db.select({ id: organisations.id }).from(organisations).orderBy(asc(organisations.id));
  for (const org of orgs) {
    const ctx = systemContext(org.id, clock, 'ugentlig oversigt over overskredne frister');
    await db.transaction(async (tx) => {
      const [talks, openTasks, recipients, unitRows] = await Promise.all([
        overdueConversations(tx, ctx, today),
        overdueTasks(tx, ctx, today),
        tx
          .select({ id: staff.id, name: staff.name, email: staff.email, role: staff.role, unitId: staff.unitId })
          .from(staff)
          .where(inTenant(staff, ctx, eq(staff.active, true), inArray(staff.role, ['caseworker', 'manager'])))
          .orderBy(asc(staff.id)),
        tx.select({ id: units.id, name: units.name }).from(units).where(inTenant(units, ctx)),
      ]);
      const unitName = new Map(unitRows.map((u) => [u.id, u.name]));
      const mails: { staffId: string; email: string; subject: string; body: string; itemCount: number }[] = [];
      for (const person of recipients) {
        const mine = <T extends { caseworkerId: string | null; unitId: string | null }>(items: T[]) =>
          person.role === 'caseworker' ? items.filter((i) => i.caseworkerId === person.id) : person.unitId ? items.filter((i) => i.unitId === person.unitId) : items;
        const conversationsOf = mine(talks);
        const tasksOf = mine(openTasks);
        const mail = composeWeeklyDigest({
          recipientName: person.name,
          recipientRole: person.role === 'manager' ? 'manager' : 'caseworker',
          scopeName: person.unitId ? unitName.get(person.unitId) : 'hele organisationen',
          week,
          today,
          conversations: conversationsOf,
          tasks: tasksOf,
        });
        if (!mail) continue;
        mails.push({ staffId: person.id, email: person.email, subject: mail.subject, body: mail.body, itemCount: conversationsOf.length + tasksOf.length });
      }
      result.recipients += mails.length;
      if (mails.length === 0) return;
      const written: { id: string; staffId: string; itemCount: number }[] = [];
      for (const m of mails) {
        const queued = await queueNotification(tx, ctx, {
          template: 'weekly_digest',
          channel: 'email',
          recipient: m.email,
          staffId: m.staffId,
          language: 'da',
          content: { subject: m.subject, body: m.body },
          idempotencyKey: `digest:${m.staffId}:${week}`,
        });
        if (queued.created) written.push({ id: queued.id, staffId: m.staffId, itemCount: m.itemCount });
      }
      result.written += written.length;
      result.alreadySent += mails.length - written.length;
      // Jobseekers' names leave the system in these mails: each mail is an export in the audit log.
      await writeAudit(
        tx,
        ctx,
        written.map((w) => ({ action: 'export' as const, subjectType: 'digest_email', subjectId: w.id, details: { recipientStaffId: w.staffId, week, items: w.itemCount } })),
      );
    });
  }
  return result;
}
