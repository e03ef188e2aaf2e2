import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, orgId, staff } from './core';

type Mode = 'in_person' | 'phone' | 'video';

/**
 * A caseworker's published availability: a weekly block (weekday, hours in Copenhagen time) cut
 * into slots a jobseeker can book. Replaced as a whole list per caseworker.
 */
export const availabilityBlocks = pgTable(
  'availability_blocks',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    caseworkerId: uuid('caseworker_id')
      .notNull()
      .references(() => staff.id),
    weekday: smallint('weekday').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    slotMinutes: integer('slot_minutes').notNull(),
    place: text('place'),
    modes: jsonb('modes').$type<Mode[]>().notNull(),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('availability_blocks_caseworker_idx').on(t.organisationId, t.caseworkerId)],
);

/** One date of a caseworker's availability that differs: a day off, or extra hours. */
export const availabilityExceptions = pgTable(
  'availability_exceptions',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    caseworkerId: uuid('caseworker_id')
      .notNull()
      .references(() => staff.id),
    day: date('day', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: ['day_off', 'extra'] }).notNull(),
    startTime: text('start_time'),
    endTime: text('end_time'),
    slotMinutes: integer('slot_minutes'),
    place: text('place'),
    modes: jsonb('modes').$type<Mode[]>(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('availability_exceptions_caseworker_day_idx').on(t.organisationId, t.caseworkerId, t.day),
    // One day off per caseworker and date; extra hours may be several blocks.
    uniqueIndex('availability_exceptions_day_off_uq').on(t.caseworkerId, t.day, t.kind).where(sql`kind = 'day_off'`),
  ],
);
