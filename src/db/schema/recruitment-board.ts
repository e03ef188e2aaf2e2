import { date, index, integer, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, municipalities, orgId, staff, units } from './core';
import { employers } from './brokering';

// The internal recruitment board (rekrutteringstavle): posts staff share with colleagues, and
// who wants to hear about which. The rule "does this post concern this subscription" is pure,
// in src/core/brokering/recruitment-board.ts.

/** An opening, an employer's labour need or an internship place, shared with colleagues. */
export const boardPosts = pgTable(
  'board_posts',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    kind: text('kind', { enum: ['opening', 'labour_need', 'internship'] }).notNull(),
    title: text('title').notNull(),
    text: text('text').notNull().default(''),
    employerId: uuid('employer_id').references(() => employers.id),
    /** DISCO-08 unit group, 4 digits; null when the post is about an employer rather than a trade. */
    occupationCode: text('occupation_code'),
    municipalityCode: smallint('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    places: smallint('places').notNull().default(1),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
    closedReason: text('closed_reason', { enum: ['filled', 'withdrawn', 'expired', 'mistake', 'other'] }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => staff.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => staff.id),
    /** The author's unit when posting, so a unit's contribution can be counted. */
    unitId: uuid('unit_id').references(() => units.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('board_posts_org_status_idx').on(t.organisationId, t.status, t.createdAt), index('board_posts_employer_idx').on(t.employerId)],
);

/** A staff member's wish to hear of new posts: the whole board (every filter null) or a kind, a minor group, a municipality. */
export const boardSubscriptions = pgTable(
  'board_subscriptions',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    kind: text('kind', { enum: ['opening', 'labour_need', 'internship'] }),
    /** DISCO-08 minor group, 3 digits. */
    occupationGroup: text('occupation_group'),
    municipalityCode: smallint('municipality_code').references(() => municipalities.code),
    createdAt: createdAt(),
  },
  // The same filters twice would only send the same notice twice; NULLS NOT DISTINCT makes "whole board" unique too.
  (t) => [unique('board_subscriptions_staff_filter_uq').on(t.staffId, t.kind, t.occupationGroup, t.municipalityCode).nullsNotDistinct(), index('board_subscriptions_org_idx').on(t.organisationId)],
);
