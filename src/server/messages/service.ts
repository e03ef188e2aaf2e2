import { randomUUID } from 'node:crypto';
import { eq, gte, isNotNull, isNull, lt } from 'drizzle-orm';
import { addDays, startOfCopenhagenDay } from '../../core/calendar/iso-date';
import { measureAnswerPromise } from '../../core/messages/promise-kpi';
import type { Database, DbExecutor } from '../../db/connect';
import { jobseekers, messageAttachments, messages, messageThreads, organisations, staff } from '../../db/schema';
import { addWorkingHours, carriesPromise, workingMinutesBetween } from '../../core/messages/answer-promise';
import { ATTACHMENT_LIMITS, checkAttachment, type AttachmentProblem } from '../../core/messages/attachments';
import type { TenantContext } from '../context';
import { AppError, type FieldErrors } from '../errors';
import { writeAudit } from '../audit/write-audit';
import { inTenant } from '../tenancy';
import { loadOrgCalendar } from '../calendar/org-calendar';
import { queueNotification, reachJobseeker } from '../notifications/queue';
import { appLink } from '../surveys/links';
import { loadAnswerPromise } from './answer-promise';
import { findThread, routeForJobseeker, searchThreads, staffToAlert, threadMessages, waitingInquiries } from './queries';

export type AttachmentInput = { fileName: string; contentType: string; contentBase64: string };
export type NewThreadInput = { jobseekerId?: string; subject: string; category: 'job' | 'other'; body: string; attachments?: AttachmentInput[] };
export type ReplyInput = { body: string; attachments?: AttachmentInput[] };
export type InboxQuery = { box: 'mine' | 'unit' | 'all'; status?: 'open' | 'answered' | 'handled'; awaiting?: boolean; page: number; pageSize: number };

const PROBLEM_TEXT: Record<AttachmentProblem, { da: string; en: string }> = {
  too_large: { da: 'Filen er for stor (højst 5 MB).', en: 'The file is too large (5 MB at most).' },
  type_not_allowed: { da: 'Filtypen kan ikke vedhæftes. Brug PDF, Word, JPEG, PNG eller tekst.', en: 'This kind of file cannot be attached. Use PDF, Word, JPEG, PNG or text.' },
  empty: { da: 'Filen er tom.', en: 'The file is empty.' },
  too_many: { da: `Højst ${ATTACHMENT_LIMITS.maxPerMessage} filer og 5 MB i alt pr. besked.`, en: `At most ${ATTACHMENT_LIMITS.maxPerMessage} files and 5 MB in all per message.` },
  bad_name: { da: 'Filnavnet er ugyldigt.', en: 'The file name is not valid.' },
};

/**
 * Checks the text and decodes and checks the attachments; every problem is a field error (a file
 * by its place in the list), all of them at once.
 */
function checkMessage(input: { subject?: string; body: string; attachments?: AttachmentInput[] }) {
  const fields: FieldErrors = {};
  if (input.subject !== undefined && input.subject.trim().length === 0) fields.subject = { da: 'Skriv en overskrift.', en: 'Write a subject.' };
  if (input.body.trim().length === 0) fields.body = { da: 'Skriv en besked.', en: 'Write a message.' };
  const list = input.attachments ?? [];
  const decoded = list.map((a, i) => {
    const content = Buffer.from(a.contentBase64, 'base64');
    const problem = checkAttachment({ fileName: a.fileName, contentType: a.contentType, content });
    if (problem) fields[`attachments.${i}`] = PROBLEM_TEXT[problem];
    return { fileName: a.fileName.trim(), contentType: a.contentType, content };
  });
  const total = decoded.reduce((sum, d) => sum + d.content.length, 0);
  if (list.length > ATTACHMENT_LIMITS.maxPerMessage || total > ATTACHMENT_LIMITS.maxTotalBytes) fields.attachments = PROBLEM_TEXT.too_many;
  if (new Set(decoded.map((d) => d.fileName)).size !== decoded.length) fields.attachments = { da: 'To filer har samme navn.', en: 'Two files have the same name.' };
  if (Object.keys(fields).length > 0) throw new AppError('validation_failed', fields);
  return decoded;
}

function presentThreadSummary(r: Awaited<ReturnType<typeof searchThreads>>['rows'][number], now: Date) {
  const t = r.thread;
  return {
    id: t.id,
    subject: t.subject,
    category: t.category,
    status: t.status,
    jobseeker: { id: t.jobseekerId, firstName: r.firstName, lastName: r.lastName },
    caseworker: t.caseworkerId ? { id: t.caseworkerId, name: r.caseworkerName ?? '' } : null,
    unitId: t.unitId,
    awaitingSince: t.awaitingSince?.toISOString() ?? null,
    answerDueAt: t.answerDueAt?.toISOString() ?? null,
    overdue: t.answerDueAt !== null && t.answerDueAt.getTime() < now.getTime(),
    escalatedAt: t.escalatedAt?.toISOString() ?? null,
    lastMessageAt: t.lastMessageAt.toISOString(),
    unread: Number(r.unread),
    messageCount: Number(r.messageCount),
  };
}

export function createMessageService({ db }: { db: Database }) {
  /** Alerts for a new message: the staff it is addressed to, or the jobseeker. No content in the alert, only that there is a message. */
  async function alert(tx: DbExecutor, ctx: TenantContext, thread: typeof messageThreads.$inferSelect, messageId: string, from: 'jobseeker' | 'staff') {
    if (from === 'jobseeker') {
      const people = await staffToAlert(tx, ctx, { caseworkerId: thread.caseworkerId, unitId: thread.unitId });
      for (const person of people) {
        await queueNotification(tx, ctx, {
          template: 'message_to_staff',
          channel: 'email',
          recipient: person.email,
          staffId: person.id,
          language: 'da',
          vars: {
            staffName: person.name,
            addressee: thread.caseworkerId ? 'dig' : 'din enhed',
            promise: thread.answerDueAt ? ` Det er en jobhenvendelse med svarløfte: svar senest ${formatCopenhagen(thread.answerDueAt)}.` : '',
            link: appLink(`/messages/${thread.id}`),
          },
          idempotencyKey: `message:${messageId}:staff:${person.id}`,
        });
      }
      return;
    }
    const reach = await reachJobseeker(tx, ctx, thread.jobseekerId, 'email');
    if (!reach) return;
    const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, ctx.organisationId));
    await queueNotification(tx, ctx, {
      template: 'message_to_jobseeker',
      channel: reach.channel,
      recipient: reach.recipient,
      jobseekerId: thread.jobseekerId,
      language: reach.language,
      vars: { firstName: reach.firstName, organisation: org?.name ?? '', link: appLink('/portal/messages') },
      idempotencyKey: `message:${messageId}:jobseeker`,
    });
  }

  async function storeMessage(tx: DbExecutor, ctx: TenantContext, threadId: string, body: string, files: ReturnType<typeof checkMessage>, answerDueAt: Date | null) {
    const id = randomUUID();
    const now = ctx.clock.now();
    await tx.insert(messages).values({ id, organisationId: ctx.organisationId, threadId, authorKind: ctx.actor.kind === 'jobseeker' ? 'jobseeker' : 'staff', authorId: ctx.actor.id!, body: body.trim(), answerDueAt, createdAt: now });
    if (files.length > 0) {
      await tx.insert(messageAttachments).values(files.map((f) => ({ id: randomUUID(), organisationId: ctx.organisationId, messageId: id, fileName: f.fileName, contentType: f.contentType, sizeBytes: f.content.length, content: f.content, createdAt: now })));
    }
    return id;
  }

  /** The deadline of an inquiry arriving now, or null when it carries no promise. */
  async function dueFor(tx: DbExecutor, ctx: TenantContext, category: 'job' | 'other'): Promise<Date | null> {
    const promise = loadAnswerPromise();
    if (!carriesPromise(promise, category)) return null;
    const calendar = await loadOrgCalendar(tx, ctx);
    return addWorkingHours(ctx.clock.now(), promise.promiseWorkingHours, promise, calendar);
  }

  /** Staff answered (or handled) the thread: every waiting inquiry gets its answer time, and the wait ends. */
  async function endWait(tx: DbExecutor, ctx: TenantContext, thread: typeof messageThreads.$inferSelect) {
    const now = ctx.clock.now();
    const waiting = await tx.select({ id: messages.id, createdAt: messages.createdAt }).from(messages).where(waitingInquiries(ctx, thread.id));
    if (waiting.length > 0) {
      const calendar = await loadOrgCalendar(tx, ctx);
      const promise = loadAnswerPromise();
      for (const m of waiting) {
        await tx.update(messages).set({ answeredAt: now, answerWorkingMinutes: workingMinutesBetween(m.createdAt, now, promise, calendar) }).where(inTenant(messages, ctx, eq(messages.id, m.id)));
      }
    }
    return { awaitingSince: null, answerDueAt: null, escalatedAt: null, firstAnsweredAt: thread.firstAnsweredAt ?? now };
  }

  async function loadForActor(tx: DbExecutor, ctx: TenantContext, id: string) {
    const thread = await findThread(tx, ctx, id, ctx.actor.kind === 'jobseeker' ? eq(messageThreads.jobseekerId, ctx.actor.id) : undefined);
    if (!thread) throw new AppError('not_found');
    return thread;
  }

  async function present(tx: DbExecutor, ctx: TenantContext, thread: typeof messageThreads.$inferSelect) {
    const list = await threadMessages(tx, ctx, thread.id);
    const jobseekerView = ctx.actor.kind === 'jobseeker';
    const [caseworker] = thread.caseworkerId ? await tx.select({ name: staff.name }).from(staff).where(inTenant(staff, ctx, eq(staff.id, thread.caseworkerId))) : [];
    const [person] = await tx.select({ firstName: jobseekers.firstName, lastName: jobseekers.lastName }).from(jobseekers).where(inTenant(jobseekers, ctx, eq(jobseekers.id, thread.jobseekerId)));
    const jobseekerName = person ? `${person.firstName} ${person.lastName}` : null;
    return {
      id: thread.id,
      subject: thread.subject,
      category: thread.category,
      status: thread.status,
      jobseekerId: thread.jobseekerId,
      caseworker: thread.caseworkerId ? { id: thread.caseworkerId, name: caseworker?.name ?? '' } : null,
      unitId: thread.unitId,
      awaitingSince: thread.awaitingSince?.toISOString() ?? null,
      answerDueAt: thread.answerDueAt?.toISOString() ?? null,
      escalatedAt: jobseekerView ? null : (thread.escalatedAt?.toISOString() ?? null),
      messages: list.map((m) => ({
        id: m.message.id,
        authorKind: m.message.authorKind,
        // Who answered is part of the service: the jobseeker sees the staff member's name, never an id.
        authorName: m.message.authorKind === 'staff' ? (m.staffName ?? '') : jobseekerView ? null : jobseekerName,
        body: m.message.body,
        createdAt: m.message.createdAt.toISOString(),
        readAt: m.message.readAt?.toISOString() ?? null,
        answerDueAt: jobseekerView ? null : (m.message.answerDueAt?.toISOString() ?? null),
        answeredAt: jobseekerView ? null : (m.message.answeredAt?.toISOString() ?? null),
        attachments: m.attachments.map((a) => ({ id: a.id, fileName: a.fileName, contentType: a.contentType, sizeBytes: a.sizeBytes })),
      })),
    };
  }

  return {
    /** A new thread: from a jobseeker (to their caseworker or unit) or from staff (to a jobseeker). */
    async startThread(ctx: TenantContext, input: NewThreadInput) {
      const files = checkMessage(input);
      const id = randomUUID();
      await db.transaction(async (tx) => {
        const jobseekerId = ctx.actor.kind === 'jobseeker' ? ctx.actor.id : input.jobseekerId;
        if (!jobseekerId) throw new AppError('validation_failed', { jobseekerId: { da: 'Vælg den jobsøgende.', en: 'Choose the jobseeker.' } });
        const [person] = await tx.select({ id: jobseekers.id }).from(jobseekers).where(inTenant(jobseekers, ctx, eq(jobseekers.id, jobseekerId)));
        if (!person) throw ctx.actor.kind === 'jobseeker' ? new AppError('not_found') : new AppError('validation_failed', { jobseekerId: { da: 'Den jobsøgende findes ikke.', en: 'The jobseeker does not exist.' } });
        const route = await routeForJobseeker(tx, ctx, jobseekerId);
        const fromJobseeker = ctx.actor.kind === 'jobseeker';
        const due = fromJobseeker ? await dueFor(tx, ctx, input.category) : null;
        const now = ctx.clock.now();
        const caseworkerId = fromJobseeker ? route.caseworkerId : ctx.actor.kind === 'staff' ? ctx.actor.id : null;
        const thread = {
          id,
          organisationId: ctx.organisationId,
          jobseekerId,
          subject: input.subject.trim(),
          category: input.category,
          caseworkerId,
          unitId: fromJobseeker ? route.unitId : ctx.actor.kind === 'staff' ? (ctx.actor.unitId ?? route.unitId) : route.unitId,
          status: fromJobseeker ? ('open' as const) : ('answered' as const),
          awaitingSince: due ? now : null,
          answerDueAt: due,
          firstAnsweredAt: null,
          escalatedAt: null,
          lastMessageAt: now,
          createdAt: now,
        };
        await tx.insert(messageThreads).values(thread);
        const messageId = await storeMessage(tx, ctx, id, input.body, files, due);
        await alert(tx, ctx, thread, messageId, fromJobseeker ? 'jobseeker' : 'staff');
        await writeAudit(tx, ctx, { action: 'create', subjectType: 'message_thread', subjectId: id, jobseekerId, details: { category: input.category, attachments: files.length } });
      });
      return this.getThread(ctx, id, { audit: false });
    },

    async reply(ctx: TenantContext, threadId: string, input: ReplyInput) {
      const files = checkMessage(input);
      await db.transaction(async (tx) => {
        const thread = await loadForActor(tx, ctx, threadId);
        const now = ctx.clock.now();
        if (ctx.actor.kind === 'jobseeker') {
          const waiting = thread.awaitingSince !== null;
          const due = waiting ? thread.answerDueAt : await dueFor(tx, ctx, thread.category);
          const messageId = await storeMessage(tx, ctx, threadId, input.body, files, due);
          const [updated] = await tx
            .update(messageThreads)
            .set({ status: 'open', lastMessageAt: now, ...(waiting || !due ? {} : { awaitingSince: now, answerDueAt: due, escalatedAt: null }) })
            .where(eq(messageThreads.id, threadId))
            .returning();
          await alert(tx, ctx, updated!, messageId, 'jobseeker');
        } else {
          const messageId = await storeMessage(tx, ctx, threadId, input.body, files, null);
          const ended = await endWait(tx, ctx, thread);
          const [updated] = await tx
            .update(messageThreads)
            .set({ ...ended, status: 'answered', lastMessageAt: now, caseworkerId: thread.caseworkerId ?? (ctx.actor.kind === 'staff' ? ctx.actor.id : null) })
            .where(eq(messageThreads.id, threadId))
            .returning();
          // Reading a thread before answering it marks the jobseeker's messages read.
          await tx.update(messages).set({ readAt: now }).where(inTenant(messages, ctx, eq(messages.threadId, threadId), eq(messages.authorKind, 'jobseeker'), isNull(messages.readAt)));
          await alert(tx, ctx, updated!, messageId, 'staff');
        }
        await writeAudit(tx, ctx, { action: 'update', subjectType: 'message_thread', subjectId: threadId, jobseekerId: thread.jobseekerId, details: { change: 'reply', attachments: files.length } });
      });
      return this.getThread(ctx, threadId, { audit: false });
    },

    /** Staff: the thread needs nothing more (answered by phone, say). A waiting inquiry counts as answered now. */
    async markHandled(ctx: TenantContext, threadId: string) {
      await db.transaction(async (tx) => {
        const thread = await loadForActor(tx, ctx, threadId);
        const ended = await endWait(tx, ctx, thread);
        await tx.update(messageThreads).set({ ...ended, status: 'handled' }).where(eq(messageThreads.id, threadId));
        await tx.update(messages).set({ readAt: ctx.clock.now() }).where(inTenant(messages, ctx, eq(messages.threadId, threadId), eq(messages.authorKind, 'jobseeker'), isNull(messages.readAt)));
        await writeAudit(tx, ctx, { action: 'update', subjectType: 'message_thread', subjectId: threadId, jobseekerId: thread.jobseekerId, details: { change: 'handled' } });
      });
      return this.getThread(ctx, threadId, { audit: false });
    },

    /** One thread with its messages; reading it marks the other side's messages read. */
    async getThread(ctx: TenantContext, threadId: string, options: { audit?: boolean } = {}) {
      return db.transaction(async (tx) => {
        const thread = await loadForActor(tx, ctx, threadId);
        if (options.audit !== false) {
          const other = ctx.actor.kind === 'jobseeker' ? 'staff' : 'jobseeker';
          await tx.update(messages).set({ readAt: ctx.clock.now() }).where(inTenant(messages, ctx, eq(messages.threadId, threadId), eq(messages.authorKind, other), isNull(messages.readAt)));
          await writeAudit(tx, ctx, { action: 'read', subjectType: 'message_thread', subjectId: threadId, jobseekerId: thread.jobseekerId });
        }
        return present(tx, ctx, thread);
      });
    },

    async getAttachment(ctx: TenantContext, attachmentId: string) {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .select({ file: messageAttachments, threadId: messages.threadId })
          .from(messageAttachments)
          .innerJoin(messages, eq(messages.id, messageAttachments.messageId))
          .where(inTenant(messageAttachments, ctx, eq(messageAttachments.id, attachmentId)));
        if (!row) throw new AppError('not_found');
        const thread = await loadForActor(tx, ctx, row.threadId);
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'message_attachment', subjectId: attachmentId, jobseekerId: thread.jobseekerId });
        return { fileName: row.file.fileName, contentType: row.file.contentType, content: row.file.content };
      });
    },

    /** Staff inbox: mine (addressed to me, or to my unit without a caseworker), my unit's, or all. */
    async inbox(ctx: TenantContext, query: InboxQuery) {
      if (ctx.actor.kind !== 'staff') throw new AppError('forbidden');
      const actor = ctx.actor;
      return db.transaction(async (tx) => {
        const filter =
          query.box === 'mine'
            ? { caseworkerId: actor.id, unitId: actor.unitId ?? undefined }
            : query.box === 'unit' && actor.unitId
              ? { unitId: actor.unitId }
              : {}; // all, or "my unit" for someone without one (a manager of the whole organisation)
        const { rows, total } = await searchThreads(tx, ctx, { ...filter, status: query.status, awaiting: query.awaiting }, query, 'staff');
        await writeAudit(tx, ctx, { action: 'search', subjectType: 'message_thread', details: { criteria: query, total, resultIds: [...new Set(rows.map((r) => r.thread.jobseekerId))] } });
        return { items: rows.map((r) => presentThreadSummary(r, ctx.clock.now())), total, page: query.page, pageSize: query.pageSize };
      });
    },

    /** A jobseeker's threads: for the case page (staff) or the portal (the jobseeker). */
    async listForJobseeker(ctx: TenantContext, jobseekerId: string, paging: { page: number; pageSize: number }) {
      return db.transaction(async (tx) => {
        if (ctx.actor.kind === 'jobseeker' && ctx.actor.id !== jobseekerId) throw new AppError('not_found');
        const [person] = await tx.select({ id: jobseekers.id }).from(jobseekers).where(inTenant(jobseekers, ctx, eq(jobseekers.id, jobseekerId)));
        if (!person) throw new AppError('not_found');
        const { rows, total } = await searchThreads(tx, ctx, { jobseekerId }, paging, ctx.actor.kind === 'jobseeker' ? 'jobseeker' : 'staff');
        await writeAudit(tx, ctx, { action: 'read', subjectType: 'message_thread_list', subjectId: jobseekerId, jobseekerId });
        const items = rows.map((r) => presentThreadSummary(r, ctx.clock.now()));
        return { items: ctx.actor.kind === 'jobseeker' ? items.map((i) => ({ ...i, escalatedAt: null, overdue: false })) : items, total, page: paging.page, pageSize: paging.pageSize };
      });
    },

    /** The answer promise for the KPIs: inquiries that arrived in [from, to] (Danish dates). Aggregates only, so no audit row. */
    async promiseKpi(ctx: TenantContext, from: string, to: string) {
      const rows = await db
        .select({ answerDueAt: messages.answerDueAt, answeredAt: messages.answeredAt, answerWorkingMinutes: messages.answerWorkingMinutes })
        .from(messages)
        .where(inTenant(messages, ctx, isNotNull(messages.answerDueAt), gte(messages.createdAt, startOfCopenhagenDay(from)), lt(messages.createdAt, startOfCopenhagenDay(addDays(to, 1)))));
      return { from, to, ...measureAnswerPromise(rows.map((r) => ({ ...r, answerDueAt: r.answerDueAt! })), ctx.clock.now()) };
    },

    /** Marks the staff member away (or back): while away, new messages from their jobseekers go to the unit. */
    async setAway(ctx: TenantContext, staffId: string, away: boolean) {
      return db.transaction(async (tx) => {
        const rows = await tx.update(staff).set({ away }).where(inTenant(staff, ctx, eq(staff.id, staffId))).returning({ id: staff.id, away: staff.away });
        if (rows.length === 0) throw new AppError('not_found');
        await writeAudit(tx, ctx, { action: 'update', subjectType: 'staff', subjectId: staffId, details: { fields: ['away'] } });
        return rows[0]!;
      });
    },
  };
}

export function formatCopenhagen(at: Date, lang: 'da' | 'en' = 'da'): string {
  return new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { timeZone: 'Europe/Copenhagen', dateStyle: 'long', timeStyle: 'short' }).format(at);
}

export type MessageService = ReturnType<typeof createMessageService>;
