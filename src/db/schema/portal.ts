import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, jobseekers, orgId } from './core';
import { jobPlans } from './contact-course';

/**
 * One-time login codes for the jobseeker's portal. Only a hash of the code is kept (salted with
 * the row id), and only a hash of the address it went to: the outbox message is the one place
 * the code exists in clear text.
 */
export const portalLoginCodes = pgTable(
  'portal_login_codes',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    jobseekerId: uuid('jobseeker_id')
      .notNull()
      .references(() => jobseekers.id),
    /** SHA-256 of the normalised e-mail address or E.164 phone number the code was sent to. */
    recipientHash: text('recipient_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    /** Wrong codes tried against this one; at the limit it no longer works. */
    attempts: integer('attempts').notNull().default(0),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('portal_login_codes_recipient_idx').on(t.recipientHash, t.expiresAt)],
);

/**
 * A MitID login that matched the person in several organisations waits here for their choice:
 * one row per organisation offered, all sharing the SHA-256 of the token in the choice cookie.
 * The set is fixed when the login succeeds, so the browser can only pick from it; the choice
 * works for 10 minutes, once (usedAt is set on every row of the set when one is chosen).
 */
export const portalLoginChoices = pgTable(
  'portal_login_choices',
  {
    id: uuid('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    organisationId: orgId(),
    jobseekerId: uuid('jobseeker_id')
      .notNull()
      .references(() => jobseekers.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('portal_login_choices_token_idx').on(t.tokenHash)],
);

/** Portal sessions: like staff sessions, only a SHA-256 of the cookie token is stored. */
export const portalSessions = pgTable(
  'portal_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    jobseekerId: uuid('jobseeker_id')
      .notNull()
      .references(() => jobseekers.id),
    organisationId: orgId(),
    csrfToken: text('csrf_token').notNull(),
    /** How the jobseeker logged in: a one-time code (e-mail/SMS) or OpenID Connect. */
    method: text('method', { enum: ['email', 'sms', 'oidc'] }).notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('portal_sessions_jobseeker_idx').on(t.jobseekerId)],
);

/** A jobseeker's comment on a version of their Min Plan, shown to the caseworker on the case page. */
export const planComments = pgTable(
  'plan_comments',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    jobseekerId: uuid('jobseeker_id')
      .notNull()
      .references(() => jobseekers.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => jobPlans.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('plan_comments_plan_idx').on(t.planId, t.createdAt)],
);
