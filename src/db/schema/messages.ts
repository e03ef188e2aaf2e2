import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './columns';
import { createdAt, jobseekers, orgId, staff, units } from './core';

/**
 * A conversation in the secure inbox between a jobseeker and their caseworker (or the unit when
 * the caseworker is away). While a job-related inquiry waits for an answer, `awaitingSince` and
 * `answerDueAt` (24 working hours later) say so; a staff answer ends the wait. The escalation job
 * sets `escalatedAt` once per wait.
 */
export const messageThreads = pgTable(
  'message_threads',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    jobseekerId: uuid('jobseeker_id')
      .notNull()
      .references(() => jobseekers.id),
    subject: text('subject').notNull(),
    category: text('category', { enum: ['job', 'other'] }).notNull(),
    /** The caseworker it is addressed to; null when it went to the unit (caseworker away, or none). */
    caseworkerId: uuid('caseworker_id').references(() => staff.id),
    unitId: uuid('unit_id').references(() => units.id),
    status: text('status', { enum: ['open', 'answered', 'handled'] }).notNull().default('open'),
    /** When the jobseeker's inquiry that started the wait arrived. */
    awaitingSince: timestamp('awaiting_since', { withTimezone: true }),
    answerDueAt: timestamp('answer_due_at', { withTimezone: true }),
    firstAnsweredAt: timestamp('first_answered_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('message_threads_jobseeker_idx').on(t.organisationId, t.jobseekerId, t.lastMessageAt),
    index('message_threads_inbox_idx').on(t.organisationId, t.status, t.lastMessageAt),
    index('message_threads_due_idx').on(t.answerDueAt).where(sql`${t.awaitingSince} is not null and ${t.escalatedAt} is null`),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => messageThreads.id),
    authorKind: text('author_kind', { enum: ['jobseeker', 'staff'] }).notNull(),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
    /** Read by the other side: the jobseeker for a staff message, any staff member for the jobseeker's. */
    readAt: timestamp('read_at', { withTimezone: true }),
    /** A jobseeker's message that started a wait under the answer promise: its deadline … */
    answerDueAt: timestamp('answer_due_at', { withTimezone: true }),
    /** … when staff answered (or marked it handled), and how many working minutes that took: the KPI. */
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answerWorkingMinutes: integer('answer_working_minutes'),
    createdAt: createdAt(),
  },
  (t) => [index('messages_thread_idx').on(t.threadId, t.createdAt), index('messages_promise_idx').on(t.organisationId, t.createdAt).where(sql`${t.answerDueAt} is not null`)],
);

export const messageAttachments = pgTable(
  'message_attachments',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytea('content').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('message_attachments_message_idx').on(t.messageId), uniqueIndex('message_attachments_name_uq').on(t.messageId, t.fileName)],
);
