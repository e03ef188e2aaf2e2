import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** The creation time every table keeps. */
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['akasse', 'jobcenter'] }).notNull(),
  /** The municipality a jobcenter belongs to; null for an a-kasse. */
  municipalityCode: smallint('municipality_code'),
  createdAt: createdAt(),
});

/** The tenant column: every table with personal or organisation data carries it (see src/server/tenancy.ts). */
export const orgId = () =>
  uuid('organisation_id')
    .notNull()
    .references(() => organisations.id);

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('units_org_idx').on(t.organisationId)],
);

export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    unitId: uuid('unit_id').references(() => units.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['caseworker', 'broker', 'manager', 'admin'] }).notNull(),
    passwordHash: text('password_hash').notNull(),
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    active: boolean('active').notNull().default(true),
    /** Away (holiday, leave): new messages from their jobseekers go to the unit instead. */
    away: boolean('away').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('staff_email_uq').on(sql`lower(${t.email})`), index('staff_org_idx').on(t.organisationId)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a stolen database copy holds no usable session. */
    tokenHash: text('token_hash').primaryKey(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_staff_idx').on(t.staffId)],
);

export const regions = pgTable('regions', {
  code: smallint('code').primaryKey(),
  name: text('name').notNull(),
});

export const municipalities = pgTable('municipalities', {
  code: smallint('code').primaryKey(),
  name: text('name').notNull(),
  regionCode: smallint('region_code')
    .notNull()
    .references(() => regions.code),
  latitude: doublePrecision('latitude').notNull(),
  longitude: doublePrecision('longitude').notNull(),
});

export const jobseekers = pgTable(
  'jobseekers',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** AES-256-GCM ciphertext of the 10-digit CPR number (see src/server/crypto/cpr-cipher.ts). */
    cprCiphertext: text('cpr_ciphertext').notNull(),
    /** Keyed hash (HMAC-SHA256) of the CPR number, so it can be found without decrypting. */
    cprHash: text('cpr_hash').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sex: text('sex', { enum: ['female', 'male'] }).notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    phone: text('phone'),
    email: text('email'),
    addressLine: text('address_line'),
    postalCode: text('postal_code'),
    city: text('city'),
    municipalityCode: smallint('municipality_code').references(() => municipalities.code),
    educationLevel: text('education_level'),
    preferredLanguage: text('preferred_language').notNull().default('da'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('jobseekers_org_cpr_uq').on(t.organisationId, t.cprHash),
    index('jobseekers_org_name_idx').on(t.organisationId, sql`lower(${t.lastName} || ' ' || ${t.firstName})`),
    // Matching reads home and education of thousands of CV holders: from the index alone (index-only scan).
    index('jobseekers_match_idx').on(t.id, t.organisationId, t.municipalityCode, t.educationLevel),
  ],
);

/**
 * Who read or changed whose data, when and why. Rows are only ever inserted: a trigger in
 * the migrations rejects UPDATE and DELETE, so nothing in the app can rewrite history.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorKind: text('actor_kind', { enum: ['staff', 'jobseeker', 'system'] }).notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    jobseekerId: uuid('jobseeker_id'),
    purpose: text('purpose').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('audit_org_at_idx').on(t.organisationId, t.at),
    index('audit_jobseeker_idx').on(t.jobseekerId, t.at),
  ],
);

/** Rate-limit state for logins, kept in the database so several app processes share it. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('login_attempts_key_at_idx').on(t.key, t.at)],
);

/** Set once, when the demo data set was written, so a restart never seeds again. */
export const systemState = pgTable('system_state', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});
