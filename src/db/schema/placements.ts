import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { jobseekers, organisations, staff } from './core';
import { spells } from './contact-course';
import { jobOrders } from './brokering';
import { PROPOSAL_STEPS, NOT_HIRED_REASONS } from '../../core/brokering/proposals';

/**
 * A broker's proposal of a jobseeker for a job order, and how it went (src/core/brokering/proposals.ts).
 * A proposal that ends `hired` is a placement: it ended the spell as ordinary_job on `hired_start_date`.
 */
export const jobProposals = pgTable(
  'job_proposals',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    jobOrderId: uuid('job_order_id')
      .notNull()
      .references(() => jobOrders.id),
    jobseekerId: uuid('jobseeker_id')
      .notNull()
      .references(() => jobseekers.id),
    /** The active spell when proposed; the one a hire ends. */
    spellId: uuid('spell_id')
      .notNull()
      .references(() => spells.id),
    step: text('step', { enum: PROPOSAL_STEPS }).notNull().default('proposed'),
    /** From the ranked candidates (with its score then) or chosen by hand. */
    matchScore: integer('match_score'),
    note: text('note'),
    notHiredReason: text('not_hired_reason', { enum: NOT_HIRED_REASONS }),
    notHiredNote: text('not_hired_note'),
    hiredStartDate: date('hired_start_date', { mode: 'string' }),
    hiredAt: timestamp('hired_at', { withTimezone: true }),
    proposedBy: uuid('proposed_by').references(() => staff.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('job_proposals_order_jobseeker_uq').on(t.jobOrderId, t.jobseekerId),
    index('job_proposals_org_spell_idx').on(t.organisationId, t.spellId),
    index('job_proposals_org_hired_idx').on(t.organisationId, t.hiredAt),
  ],
);
