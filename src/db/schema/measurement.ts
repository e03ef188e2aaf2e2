import { date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, orgId, staff, units } from './core';
import { spells } from './contact-course';

/** A tagged group of cases with its own scorecard (projekt, investeringsprojekt). */
export const initiatives = pgTable(
  'initiatives',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    name: text('name').notNull(),
    description: text('description'),
    startDate: date('start_date', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('initiatives_org_name_uq').on(t.organisationId, t.name)],
);

/** A marker a spell can carry (markering), e.g. "henvist til Klar, parat – i job"; most belong to an initiative. */
export const markers = pgTable(
  'markers',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    initiativeId: uuid('initiative_id').references(() => initiatives.id),
    name: text('name').notNull(),
    description: text('description'),
    createdBy: uuid('created_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('markers_org_name_uq').on(t.organisationId, t.name), index('markers_initiative_idx').on(t.initiativeId)],
);

/** Which spells carry which markers, and since when (the day counts in the monthly figures). */
export const spellMarkers = pgTable(
  'spell_markers',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    spellId: uuid('spell_id')
      .notNull()
      .references(() => spells.id),
    markerId: uuid('marker_id')
      .notNull()
      .references(() => markers.id),
    markedOn: date('marked_on', { mode: 'string' }).notNull(),
    markedBy: uuid('marked_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('spell_markers_spell_marker_uq').on(t.spellId, t.markerId), index('spell_markers_org_marker_idx').on(t.organisationId, t.markerId)],
);

export type ScorecardFilters = {
  unitIds?: string[];
  caseworkerIds?: string[];
  segments?: string[];
  targetGroups?: string[];
  ageBands?: string[];
  municipalityCodes?: number[];
  markerIds?: string[];
};

/** A monthly status scheme (statusskema) for the organisation, one unit or one initiative. */
export const scorecards = pgTable(
  'scorecards',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    name: text('name').notNull(),
    scope: text('scope', { enum: ['organisation', 'unit', 'initiative'] }).notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    initiativeId: uuid('initiative_id').references(() => initiatives.id),
    /** Further filters (segment, target group, age band, …) on top of the scope. */
    filters: jsonb('filters').$type<ScorecardFilters>().notNull().default({}),
    /** The first month shown. */
    firstMonth: text('first_month').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => staff.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('scorecards_org_idx').on(t.organisationId)],
);

/** One indicator row of a scorecard with its baseline and minimum targets at milestone dates. */
export const scorecardRows = pgTable(
  'scorecard_rows',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    scorecardId: uuid('scorecard_id')
      .notNull()
      .references(() => scorecards.id),
    position: integer('position').notNull(),
    indicatorCode: text('indicator_code').notNull(),
    /** A baseline given by hand (e.g. from jobindsats.dk); null = computed on baselineDate. */
    baselineValue: doublePrecision('baseline_value'),
    baselineDate: date('baseline_date', { mode: 'string' }),
    baselineNote: text('baseline_note'),
    targets: jsonb('targets').$type<{ date: string; value: number }[]>().notNull().default([]),
    nearTolerance: doublePrecision('near_tolerance'),
  },
  (t) => [uniqueIndex('scorecard_rows_position_uq').on(t.scorecardId, t.position)],
);

export type SnapshotCell = {
  indicatorCode: string;
  status: string;
  unit: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  n: number;
  lower: number | null;
  upper: number | null;
  /** The indicator version the value was computed with. */
  indicatorVersion: number | null;
};

/**
 * A month's figures as computed once, on the 1st of the next month. Never updated: a
 * recomputation is a new revision beside the old ones (a trigger rejects UPDATE and DELETE).
 */
export const scorecardSnapshots = pgTable(
  'scorecard_snapshots',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    scorecardId: uuid('scorecard_id')
      .notNull()
      .references(() => scorecards.id),
    month: text('month').notNull(),
    revision: integer('revision').notNull(),
    measuredOn: date('measured_on', { mode: 'string' }).notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
    computedBy: uuid('computed_by').references(() => staff.id),
    reason: text('reason'),
    cells: jsonb('cells').$type<SnapshotCell[]>().notNull(),
  },
  (t) => [uniqueIndex('scorecard_snapshots_month_rev_uq').on(t.scorecardId, t.month, t.revision), index('scorecard_snapshots_org_month_idx').on(t.organisationId, t.month)],
);
