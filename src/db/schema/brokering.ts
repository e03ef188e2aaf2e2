import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, jobseekers, municipalities, orgId, staff } from './core';
import { spells } from './contact-course';

// Job brokering (jobformidling): employers, their contact log, job orders and the jobseeker's
// CV data that matching reads. Proposals/placements, imported vacancies and job alerts come
// later and hang off job_orders / jobseeker_cvs by id.

const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** A workplace the organisation works with (virksomhed, institution), identified by CVR. */
export const employers = pgTable(
  'employers',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    /** 8 digits, modulus-11 checked; null for an employer without one (e.g. a foreign firm). */
    cvr: text('cvr'),
    /** Production units (workplaces), 10 digits each. */
    pNumbers: text('p_numbers').array().notNull().default(sql`'{}'::text[]`),
    name: text('name').notNull(),
    addressLine: text('address_line'),
    postalCode: text('postal_code'),
    city: text('city'),
    municipalityCode: smallint('municipality_code').references(() => municipalities.code),
    /** Trade (branche), free text such as 'Dagtilbud' or 'Detailhandel'. */
    trade: text('trade'),
    cooperationAgreement: boolean('cooperation_agreement').notNull().default(false),
    cooperationNotes: text('cooperation_notes'),
    /** How the record came: typed by staff or from the public job-order form. */
    source: text('source', { enum: ['staff', 'web_form'] }).notNull().default('staff'),
    /** Set when this record was merged into another; it keeps existing for the history. */
    mergedIntoId: uuid('merged_into_id'),
    mergedAt: timestamp('merged_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('employers_org_name_idx').on(t.organisationId, sql`lower(${t.name})`),
    uniqueIndex('employers_org_cvr_active_uq').on(t.organisationId, t.cvr).where(sql`${t.cvr} is not null and ${t.mergedIntoId} is null`),
  ],
);

/** A person at the employer the brokers talk to (leader, HR, shop steward). */
export const employerContactPersons = pgTable(
  'employer_contact_persons',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    name: text('name').notNull(),
    jobTitle: text('job_title'),
    phone: text('phone'),
    email: text('email'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('employer_contact_persons_employer_idx').on(t.employerId)],
);

/** The log of contacts with an employer: who met whom, when, how it went, what happens next. */
export const employerContacts = pgTable(
  'employer_contacts',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    /** The record the contact was first logged on (differs from employer_id after a merge). */
    originalEmployerId: uuid('original_employer_id')
      .notNull()
      .references(() => employers.id),
    kind: text('kind', { enum: ['visit', 'call', 'meeting', 'event'] }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    contactPersonId: uuid('contact_person_id').references(() => employerContactPersons.id),
    outcome: text('outcome').notNull(),
    nextStep: text('next_step'),
    nextStepDue: date('next_step_due', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [index('employer_contacts_employer_idx').on(t.employerId, t.occurredAt), index('employer_contacts_org_at_idx').on(t.organisationId, t.occurredAt)],
);

/** An employer's request to fill a job (jobordre). */
export const jobOrders = pgTable(
  'job_orders',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    source: text('source', { enum: ['staff', 'web_form'] }).notNull(),
    title: text('title').notNull(),
    /** DISCO-08 unit group, 4 digits (src/core/reference/occupations.ts). */
    occupationCode: text('occupation_code').notNull(),
    description: text('description').notNull().default(''),
    requirements: text('requirements').notNull().default(''),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    educationLevel: text('education_level'),
    drivingLicence: text('driving_licence'),
    municipalityCode: smallint('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    workplaceAddress: text('workplace_address'),
    hoursPerWeek: smallint('hours_per_week').notNull(),
    kind: text('kind', { enum: ['permanent', 'temporary', 'wage_subsidy', 'internship', 'trainee'] }).notNull(),
    wantedStart: date('wanted_start', { mode: 'string' }),
    deadline: date('deadline', { mode: 'string' }),
    positions: smallint('positions').notNull().default(1),
    /** The employer wants an answer within this many hours (often 24); tracked by due/answered. */
    responseHours: smallint('response_hours').notNull().default(24),
    responseDueAt: timestamp('response_due_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by').references(() => staff.id),
    status: text('status', { enum: ['open', 'filled', 'closed', 'cancelled'] }).notNull().default('open'),
    brokerId: uuid('broker_id').references(() => staff.id),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    createdBy: uuid('created_by').references(() => staff.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('job_orders_org_status_idx').on(t.organisationId, t.status, t.createdAt),
    index('job_orders_employer_idx').on(t.employerId),
    index('job_orders_org_occupation_idx').on(t.organisationId, t.occupationCode),
  ],
);

/** The jobseeker's CV as matching reads it; one row per jobseeker. */
export const jobseekerCvs = pgTable(
  'jobseeker_cvs',
  {
    jobseekerId: uuid('jobseeker_id')
      .primaryKey()
      .references(() => jobseekers.id),
    organisationId: orgId(),
    /** DISCO-08 codes (4 digits) the person wants. */
    occupationsWanted: text('occupations_wanted').array().notNull().default(sql`'{}'::text[]`),
    /** DISCO-08 codes (4 digits) the person has held. */
    occupationsHeld: text('occupations_held').array().notNull().default(sql`'{}'::text[]`),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    education: text('education').array().notNull().default(sql`'{}'::text[]`),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    drivingLicences: text('driving_licences').array().notNull().default(sql`'{}'::text[]`),
    hoursWanted: smallint('hours_wanted'),
    maxTravelKm: smallint('max_travel_km'),
    availableFrom: date('available_from', { mode: 'string' }),
    summary: text('summary').notNull().default(''),
    /**
     * A copy of the jobseeker's home municipality, which match_candidates is built from. Kept by
     * triggers (migration cv_municipality_trigger): whatever a writer puts here is overwritten from
     * jobseekers, and a move updates it.
     */
    municipalityCode: smallint('municipality_code'),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => staff.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Also serves the tenancy lookups the former organisation-only index did.
    index('jobseeker_cvs_org_municipality_idx').on(t.organisationId, t.municipalityCode),
  ],
);

/**
 * The candidate pre-filter's index: one row per jobseeker with an active spell and a CV, per
 * DISCO-08 minor group (3 digits) the CV wants or has held, with what the shortlist scores.
 * Derived data, kept by triggers on jobseeker_cvs, spells and jobseekers (migration
 * match_candidates_triggers) and never written by the application, so it cannot drift. Its
 * covering index (organisation, group, municipality) lets the pre-filter read every candidate of
 * a job order's group and region without touching a table page.
 */
export const matchCandidates = pgTable(
  'match_candidates',
  {
    jobseekerId: uuid('jobseeker_id')
      .notNull()
      .references(() => jobseekers.id, { onDelete: 'cascade' }),
    occupationGroup: text('occupation_group').notNull(),
    organisationId: orgId(),
    municipalityCode: smallint('municipality_code'),
    /** The jobseeker's active spell (the latest started, should there be two). */
    spellId: uuid('spell_id')
      .notNull()
      .references(() => spells.id, { onDelete: 'cascade' }),
    spellKind: text('spell_kind').notNull(),
    segment: text('segment'),
    occupationsWanted: text('occupations_wanted').array().notNull(),
    occupationsHeld: text('occupations_held').array().notNull(),
    /** The CV's skills trimmed and lower-cased (skillKeys in core/matching/score): the shortlist counts those the job names. */
    skillKeys: text('skill_keys').array().notNull(),
    educationLevel: text('education_level'),
    maxTravelKm: smallint('max_travel_km'),
    hoursWanted: smallint('hours_wanted'),
    availableFrom: date('available_from', { mode: 'string' }),
  },
  (t) => [primaryKey({ columns: [t.jobseekerId, t.occupationGroup] })],
);
