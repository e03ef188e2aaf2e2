import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbExecutor } from '../../db/connect';
import { jobseekers, messageAttachments, messages, messageThreads, spells, staff } from '../../db/schema';
import type { TenantContext } from '../context';
import { inTenant } from '../tenancy';
import { toCopenhagenIsoDate } from '../../core/calendar/iso-date';
import type { PromiseInquiryRecord } from '../../core/messages/promise-kpi';

export type ThreadFilter = { jobseekerId?: string; caseworkerId?: string; unitId?: string; status?: 'open' | 'answered' | 'handled'; awaiting?: boolean };

/** Threads for a list, newest activity first, with the jobseeker's name, the addressee and unread counts (for the reader's side). */
export async function searchThreads(tx: DbExecutor, ctx: TenantContext, filter: ThreadFilter, paging: { page: number; pageSize: number }, reader: 'staff' | 'jobseeker') {
  const where = inTenant(
    messageThreads,
    ctx,
    filter.jobseekerId ? eq(messageThreads.jobseekerId, filter.jobseekerId) : undefined,
    filter.caseworkerId && filter.unitId
      ? sql`(${messageThreads.caseworkerId} = ${filter.caseworkerId} or (${messageThreads.caseworkerId} is null and ${messageThreads.unitId} = ${filter.unitId}))`
      : filter.caseworkerId
        ? eq(messageThreads.caseworkerId, filter.caseworkerId)
        : filter.unitId
          ? eq(messageThreads.unitId, filter.unitId)
          : undefined,
    filter.status ? eq(messageThreads.status, filter.status) : undefined,
    filter.awaiting ? isNotNull(messageThreads.awaitingSince) : undefined,
  );
  const unreadFrom = reader === 'staff' ? 'jobseeker' : 'staff';
  const [rows, [totalRow]] = await Promise.all([
    tx
      .select({
        thread: messageThreads,
        firstName: jobseekers.firstName,
        lastName: jobseekers.lastName,
        caseworkerName: staff.name,
        unread: sql<number>`(select count(*)::int from ${messages} m where m.thread_id = ${messageThreads.id} and m.author_kind = ${unreadFrom} and m.read_at is null)`,
        messageCount: sql<number>`(select count(*)::int from ${messages} m where m.thread_id = ${messageThreads.id})`,
      })
      .from(messageThreads)
      .innerJoin(jobseekers, eq(jobseekers.id, messageThreads.jobseekerId))
      .leftJoin(staff, eq(staff.id, messageThreads.caseworkerId))
      .where(where)
      .orderBy(desc(messageThreads.lastMessageAt), asc(messageThreads.id))
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize),
    tx.select({ n: count() }).from(messageThreads).where(where),
  ]);
  return { rows, total: totalRow?.n ?? 0 };
}

export async function findThread(tx: DbExecutor, ctx: TenantContext, id: string, extra?: SQL) {
  const [row] = await tx.select().from(messageThreads).where(inTenant(messageThreads, ctx, eq(messageThreads.id, id), extra));
  return row;
}

export async function threadMessages(tx: DbExecutor, ctx: TenantContext, threadId: string) {
  const rows = await tx
    .select({ message: messages, staffName: staff.name })
    .from(messages)
    .leftJoin(staff, and(eq(messages.authorKind, 'staff'), eq(staff.id, messages.authorId)))
    .where(inTenant(messages, ctx, eq(messages.threadId, threadId)))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const ids = rows.map((r) => r.message.id);
  const files =
    ids.length === 0
      ? []
      : await tx
          .select({ id: messageAttachments.id, messageId: messageAttachments.messageId, fileName: messageAttachments.fileName, contentType: messageAttachments.contentType, sizeBytes: messageAttachments.sizeBytes })
          .from(messageAttachments)
          .where(inTenant(messageAttachments, ctx, inArray(messageAttachments.messageId, ids)))
          .orderBy(asc(messageAttachments.fileName));
  return rows.map((r) => ({ ...r, attachments: files.filter((f) => f.messageId === r.message.id) }));
}

/** Where a jobseeker's new message goes: the caseworker of their newest active spell, or the unit when that person is away. */
export async function routeForJobseeker(tx: DbExecutor, ctx: TenantContext, jobseekerId: string) {
  const [row] = await tx
    .select({ caseworkerId: spells.caseworkerId, unitId: spells.unitId, away: staff.away, active: staff.active, staffUnitId: staff.unitId })
    .from(spells)
    .leftJoin(staff, eq(staff.id, spells.caseworkerId))
    .where(inTenant(spells, ctx, eq(spells.jobseekerId, jobseekerId)))
    .orderBy(sql`case when ${spells.status} = 'active' then 0 else 1 end`, desc(spells.startDate))
    .limit(1);
  if (!row) return { caseworkerId: null, unitId: null };
  const unitId = row.unitId ?? row.staffUnitId ?? null;
  if (!row.caseworkerId || row.away || row.active === false) return { caseworkerId: null, unitId };
  return { caseworkerId: row.caseworkerId, unitId };
}

/** Active staff who should hear of a new message: the caseworker, or the unit's caseworkers (and managers) when it went to the unit. */
export async function staffToAlert(tx: DbExecutor, ctx: TenantContext, route: { caseworkerId: string | null; unitId: string | null }) {
  if (route.caseworkerId) return tx.select({ id: staff.id, name: staff.name, email: staff.email }).from(staff).where(inTenant(staff, ctx, eq(staff.id, route.caseworkerId), eq(staff.active, true)));
  if (!route.unitId) return [];
  return tx
    .select({ id: staff.id, name: staff.name, email: staff.email })
    .from(staff)
    .where(inTenant(staff, ctx, eq(staff.unitId, route.unitId), eq(staff.active, true), eq(staff.away, false), inArray(staff.role, ['caseworker', 'manager'])))
    .orderBy(asc(staff.id));
}

/** Jobseeker messages still waiting for an answer in a thread. */
export function waitingInquiries(ctx: TenantContext, threadId: string) {
  return inTenant(messages, ctx, eq(messages.threadId, threadId), eq(messages.authorKind, 'jobseeker'), isNotNull(messages.answerDueAt), isNull(messages.answeredAt));
}

/** Every inquiry under the answer promise in the organisation, for the indicators (scoped later, like survey answers). */
export async function loadAnswerPromiseInquiries(tx: DbExecutor, ctx: Pick<TenantContext, 'organisationId'>): Promise<PromiseInquiryRecord[]> {
  const rows = await tx
    .select({ createdAt: messages.createdAt, answerDueAt: messages.answerDueAt, answeredAt: messages.answeredAt, answerWorkingMinutes: messages.answerWorkingMinutes, unitId: messageThreads.unitId, caseworkerId: messageThreads.caseworkerId, jobseekerId: messageThreads.jobseekerId })
    .from(messages)
    .innerJoin(messageThreads, eq(messageThreads.id, messages.threadId))
    .where(inTenant(messages, ctx, isNotNull(messages.answerDueAt)));
  return rows.map((r) => ({ ...r, answerDueAt: r.answerDueAt!, receivedOn: toCopenhagenIsoDate(r.createdAt) }));
}
