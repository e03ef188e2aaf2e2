import { check, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, jobseekers, orgId, staff } from './core';
import { spells } from './contact-course';
import { employers } from './brokering';
import { jobProposals } from './placements';
import { BUSINESS_ACTIVITY_KINDS } from '../../core/business-activities';

/**
 * A business-oriented activity on a spell (src/core/business-activities): a work trial or a wage
 * subsidy at an employer. Registered by a caseworker, or started by a hire on a job order of
 * that kind (proposal_id). The spell stays active; the indicators read agreed_on and start_date.
 */
export const businessActivities = pgTable(
  'business_activities',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    spellId: uuid('spell_id')
      .notNull()
      .references(() => spells.id),
    jobseekerId: uuid('jobseeker_id')
      .notNull()
      .references(() => jobseekers.id),
    kind: text('kind', { enum: BUSINESS_ACTIVITY_KINDS }).notNull(),
    employerId: uuid('employer_id').references(() => employers.id),
    /** The hire that started it, when it came through job brokering. */
    proposalId: uuid('proposal_id').references(() => jobProposals.id),
    agreedOn: date('agreed_on', { mode: 'string' }).notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    note: text('note'),
    createdBy: uuid('created_by').references(() => staff.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index('business_activities_org_spell_idx').on(t.organisationId, t.spellId),
    uniqueIndex('business_activities_proposal_uq').on(t.proposalId),
    check('business_activities_dates_ck', sql`${t.agreedOn} <= ${t.startDate} and (${t.endDate} is null or ${t.endDate} >= ${t.startDate})`),
  ],
);
