import { sql } from 'drizzle-orm';
import { bigserial, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './columns';
import { createdAt, jobseekers, orgId } from './core';
import { spells } from './contact-course';

/** The jobseeker's record of applications and other job-search acts (joblog). */
export const joblogEntries = pgTable(
  'joblog_entries',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    jobseekerId: uuid('jobseeker_id')
      .notNull()
      .references(() => jobseekers.id),
    /** The spell active on the entry's date, if any. */
    spellId: uuid('spell_id').references(() => spells.id),
    date: date('date', { mode: 'string' }).notNull(),
    employer: text('employer').notNull(),
    jobTitle: text('job_title').notNull(),
    kind: text('kind', { enum: ['advertised', 'unsolicited', 'network', 'other_activity'] }).notNull(),
    source: text('source'),
    status: text('status', { enum: ['sent', 'interview', 'rejected', 'hired'] }).notNull(),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdByKind: text('created_by_kind', { enum: ['staff', 'jobseeker'] }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('joblog_entries_jobseeker_date_idx').on(t.organisationId, t.jobseekerId, t.date)],
);

/**
 * The application attached to an entry, in the database (bytea): one backup, one tenancy rule and
 * one transaction for the entry and its file, on PGlite and on several app processes alike.
 */
export const joblogAttachments = pgTable(
  'joblog_attachments',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => joblogEntries.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('joblog_attachments_entry_uq').on(t.entryId)],
);

/**
 * Sync out: every change to the joblog, CV and Min Plan, written in the transaction of the change
 * and delivered in `seq` order by the worker to the configured sink (docs/sync-events.md).
 */
export const syncEvents = pgTable(
  'sync_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull(),
    organisationId: orgId(),
    type: text('type').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    jobseekerId: uuid('jobseeker_id').references(() => jobseekers.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    actorKind: text('actor_kind', { enum: ['staff', 'jobseeker', 'system'] }).notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('sync_events_id_uq').on(t.id), index('sync_events_pending_idx').on(t.seq).where(sql`${t.status} = 'pending'`)],
);
