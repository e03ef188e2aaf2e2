import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { jobseekers, municipalities, organisations, staff } from './core';

// Imported vacancies (stillingsopslag from a job board or an employer's feed) and the log of
// imports. A vacancy is one row per organisation + source + external id, so importing the same
// feed again changes nothing and a changed row updates in place (src/server/vacancies/).

/** One run of an import: who, which source, the counts and the rejected rows with their reasons. */
export const vacancyImports = pgTable(
  'vacancy_imports',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    source: text('source').notNull(),
    format: text('format', { enum: ['json', 'csv'] }).notNull(),
    /** The staff member, or null when run by the CLI. */
    importedBy: uuid('imported_by').references(() => staff.id),
    created: integer('created').notNull(),
    updated: integer('updated').notNull(),
    unchanged: integer('unchanged').notNull(),
    rejected: integer('rejected').notNull(),
    /** [{ line, externalId, reason: { da, en } }] */
    rejections: jsonb('rejections').notNull().default(sql`'[]'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('vacancy_imports_org_at_idx').on(t.organisationId, t.createdAt)],
);

/** A vacancy from a feed, matchable like a job order (DISCO-08 code + municipality). */
export const vacancies = pgTable(
  'vacancies',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The feed's name as given at import, e.g. 'jobnet' or 'region-syd'. */
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    title: text('title').notNull(),
    employerName: text('employer_name').notNull(),
    cvr: text('cvr'),
    /** DISCO-08 unit group, 4 digits; resolved from occupation_text when the feed gave only text. */
    occupationCode: text('occupation_code').notNull(),
    occupationText: text('occupation_text'),
    municipalityCode: smallint('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    description: text('description').notNull().default(''),
    deadline: date('deadline', { mode: 'string' }),
    url: text('url'),
    /** sha256 of the feed's values: equal on re-import = unchanged. */
    contentHash: text('content_hash').notNull(),
    firstImportId: uuid('first_import_id')
      .notNull()
      .references(() => vacancyImports.id),
    lastImportId: uuid('last_import_id')
      .notNull()
      .references(() => vacancyImports.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('vacancies_org_source_external_uq').on(t.organisationId, t.source, t.externalId),
    index('vacancies_org_occupation_idx').on(t.organisationId, t.occupationCode),
    index('vacancies_org_created_idx').on(t.organisationId, t.createdAt),
  ],
);

/**
 * A jobseeker's saved vacancy search: a daily digest e-mails the vacancies imported since the
 * last one that match it (src/server/vacancies/saved-searches.ts, worker job vacancy-digest).
 */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    jobseekerId: uuid('jobseeker_id')
      .notNull()
      .references(() => jobseekers.id),
    /** DISCO-08 codes (4 digits); empty = any occupation. */
    occupationCodes: text('occupation_codes').array().notNull().default(sql`'{}'::text[]`),
    /** Centre of the search; null = anywhere. */
    municipalityCode: smallint('municipality_code').references(() => municipalities.code),
    radiusKm: smallint('radius_km').notNull().default(0),
    /** Every word must appear in the title, employer or description; null = no text condition. */
    freeText: text('free_text'),
    /** Vacancies imported after this have not been in a digest yet. */
    digestedUntil: timestamp('digested_until', { withTimezone: true }).notNull(),
    /** The jobseeker paused the daily e-mail; resuming starts from then, so no backlog arrives. */
    digestPaused: boolean('digest_paused').notNull().default(false),
    /** When the last digest e-mail was queued, and the vacancies it listed (shown in the portal). */
    lastDigestAt: timestamp('last_digest_at', { withTimezone: true }),
    lastDigestVacancyIds: uuid('last_digest_vacancy_ids').array().notNull().default(sql`'{}'::uuid[]`),
    lastDigestCount: integer('last_digest_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('saved_searches_org_idx').on(t.organisationId), index('saved_searches_jobseeker_idx').on(t.jobseekerId)],
);
