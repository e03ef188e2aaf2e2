import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { jobseekers, orgId, staff, units } from './core';

/** The survey versions an organisation has sent with (seeded from templates/surveys). */
export const surveyDefinitions = pgTable(
  'survey_definitions',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('survey_definitions_key_version_uq').on(t.organisationId, t.key, t.version)],
);

/**
 * One survey sent to one person after one event. `dedupe_key` (trigger, audience, subject) makes
 * sending idempotent: holding a talk twice, or a worker running twice, sends one survey.
 */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    definitionId: uuid('definition_id')
      .notNull()
      .references(() => surveyDefinitions.id),
    surveyKey: text('survey_key').notNull(),
    trigger: text('trigger', { enum: ['conversation_held', 'offer_completed', 'placement', 'quarterly'] }).notNull(),
    audience: text('audience', { enum: ['jobseeker', 'employer'] }).notNull(),
    /** What the survey is about: a conversation, an enrolment, a placement, a jobseeker's quarter. */
    subjectId: text('subject_id').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    jobseekerId: uuid('jobseeker_id').references(() => jobseekers.id),
    unitId: uuid('unit_id').references(() => units.id),
    caseworkerId: uuid('caseworker_id').references(() => staff.id),
    /** The conversation type for a conversation survey, else the trigger: the results' "type". */
    type: text('type').notNull(),
    language: text('language', { enum: ['da', 'en'] }).notNull(),
    channel: text('channel', { enum: ['sms', 'email'] }).notNull(),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull(),
    invitedOn: date('invited_on', { mode: 'string' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('survey_invitations_dedupe_uq').on(t.organisationId, t.dedupeKey),
    index('survey_invitations_org_day_idx').on(t.organisationId, t.invitedOn),
    index('survey_invitations_open_idx').on(t.expiresAt).where(sql`${t.answeredAt} is null and ${t.remindedAt} is null`),
  ],
);

/**
 * The links of an invitation: a 22-character token (e-mail) and 8-character short codes (SMS).
 * Only a SHA-256 of each is kept, so a copy of the database opens no survey.
 */
export const surveyLinks = pgTable(
  'survey_links',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    invitationId: uuid('invitation_id')
      .notNull()
      .references(() => surveyInvitations.id),
    kind: text('kind', { enum: ['token', 'short'] }).notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('survey_links_code_hash_uq').on(t.codeHash), index('survey_links_invitation_idx').on(t.invitationId)],
);

/** The one answer to an invitation. */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    invitationId: uuid('invitation_id')
      .notNull()
      .references(() => surveyInvitations.id),
    answers: jsonb('answers').$type<Record<string, number | boolean | string>>().notNull(),
    /** The answer to the survey's satisfaction question (1–5), for the results and indicators. */
    satisfaction: smallint('satisfaction'),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('survey_responses_invitation_uq').on(t.invitationId)],
);

/**
 * How often a source (a SHA-256 of its address) asked the public survey resolver in a window,
 * and how many of those asked for a code that does not work. Kept in the database so several
 * app processes share the limit.
 */
export const surveyLinkThrottle = pgTable(
  'survey_link_throttle',
  {
    sourceHash: text('source_hash').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    lookups: integer('lookups').notNull().default(0),
    misses: integer('misses').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.sourceHash, t.windowStart] })],
);
