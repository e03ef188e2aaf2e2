import { check, date, doublePrecision, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, jobseekers, orgId, staff } from './core';
import { spells } from './contact-course';
import { WAGE_HOURS_SOURCES } from '../../core/wage-hours';

/**
 * Ordinary paid working hours (løntimer) in a calendar month on a spell (src/core/wage-hours),
 * as reported from eIndkomst or by the person or the employer. Not benefit_hours, which are
 * hours of unemployment for the 410-hour rule. Setting a month again replaces its row, so
 * created_at is the day the figure now held was registered.
 */
export const wageHours = pgTable(
  'wage_hours',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    spellId: uuid('spell_id')
      .notNull()
      .references(() => spells.id),
    jobseekerId: uuid('jobseeker_id')
      .notNull()
      .references(() => jobseekers.id),
    /** The month's first day. */
    month: date('month', { mode: 'string' }).notNull(),
    hours: doublePrecision('hours').notNull(),
    source: text('source', { enum: WAGE_HOURS_SOURCES }).notNull(),
    createdBy: uuid('created_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('wage_hours_spell_month_uq').on(t.spellId, t.month),
    index('wage_hours_org_idx').on(t.organisationId),
    check('wage_hours_hours_ck', sql`${t.hours} >= 0 and ${t.hours} <= 744`),
    check('wage_hours_month_ck', sql`extract(day from ${t.month}) = 1`),
  ],
);
