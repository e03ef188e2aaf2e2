import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Database } from '../../db/connect';
import { messageThreads, organisations, staff, tasks, units } from '../../db/schema';
import { toCopenhagenIsoDate } from '../../core/calendar/iso-date';
import { writeAudit } from '../audit/write-audit';
import type { Clock } from '../clock';
import { queueNotification } from '../notifications/queue';
import { appLink } from '../surveys/links';
import { systemContext } from '../system-context';
import { inTenant } from '../tenancy';
import { formatCopenhagen } from './service';

export type EscalationCounts = { overdue: number; escalated: number; withoutManager: number };

/**
 * Job-related inquiries whose answer promise has passed go to the manager of the thread's unit
 * (any manager of the organisation when the unit has none): a task and an e-mail, once per wait.
 * The worker runs it every 15 minutes; it is idempotent (escalated_at, the task's dedupe key, the
 * notification's idempotency key).
 */
export async function escalateOverdueInquiries(db: Database, clock: Clock): Promise<EscalationCounts> {
  const counts: EscalationCounts = { overdue: 0, escalated: 0, withoutManager: 0 };
  const now = clock.now();
  const orgs = await db.select({ id: organisations.id }).from(organisations).orderBy(asc(organisations.id));
  for (const org of orgs) {
    const ctx = systemContext(org.id, clock, 'svarløfte på jobhenvendelser');
    await db.transaction(async (tx) => {
      const overdue = await tx
        .select()
        .from(messageThreads)
        .where(inTenant(messageThreads, ctx, isNotNull(messageThreads.awaitingSince), isNull(messageThreads.escalatedAt), lte(messageThreads.answerDueAt, now)))
        .orderBy(asc(messageThreads.answerDueAt))
        .for('update', { skipLocked: true });
      if (overdue.length === 0) return;
      counts.overdue += overdue.length;
      const managers = await tx
        .select({ id: staff.id, name: staff.name, email: staff.email, unitId: staff.unitId, unitName: units.name })
        .from(staff)
        .leftJoin(units, eq(units.id, staff.unitId))
        .where(inTenant(staff, ctx, eq(staff.role, 'manager'), eq(staff.active, true)))
        .orderBy(asc(staff.id));
      for (const thread of overdue) {
        const manager = managers.find((m) => thread.unitId !== null && m.unitId === thread.unitId) ?? managers.find((m) => m.unitId === null) ?? managers[0];
        const waitKey = `${thread.id}:${thread.awaitingSince!.getTime()}`;
        await tx.update(messageThreads).set({ escalatedAt: now }).where(and(eq(messageThreads.id, thread.id)));
        if (!manager) {
          counts.withoutManager++;
          continue;
        }
        await tx
          .insert(tasks)
          .values({
            id: randomUUID(),
            organisationId: org.id,
            jobseekerId: thread.jobseekerId,
            kind: 'message_overdue',
            title: `Jobhenvendelse ikke besvaret inden for svarløftet: ${thread.subject}`,
            dueDate: toCopenhagenIsoDate(now),
            assigneeId: manager.id,
            unitId: thread.unitId,
            dedupeKey: `message_overdue:${waitKey}`,
            createdAt: now,
          })
          .onConflictDoNothing();
        await queueNotification(tx, ctx, {
          template: 'message_overdue',
          channel: 'email',
          recipient: manager.email,
          staffId: manager.id,
          language: 'da',
          vars: { staffName: manager.name, unit: manager.unitName ?? 'organisationen', due: formatCopenhagen(thread.answerDueAt!), link: appLink(`/messages/${thread.id}`) },
          idempotencyKey: `message_overdue:${waitKey}`,
        });
        await writeAudit(tx, ctx, { action: 'update', subjectType: 'message_thread', subjectId: thread.id, jobseekerId: thread.jobseekerId, details: { change: 'escalated', managerId: manager.id } });
        counts.escalated++;
      }
    });
  }
  return counts;
}
