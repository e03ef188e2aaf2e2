import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, jobseekers, organisations, orgId, staff, units } from './core';
import { spells } from './contact-course';

/** The catalogue: an offer (tilbud) the organisation runs, with who may take part as data. */
export const offers = pgTable(
  'offers',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    /** Job clubs are by trade (Jobviften: 5 clubs). */
    trade: text('trade'),
    /** Course length in weeks (job club: 13 for cash benefit, 5 for dagpenge). */
    durationWeeks: smallint('duration_weeks'),
    /** Theme meetings: the themes in rotation. */
    themes: jsonb('themes').$type<string[]>().notNull().default([]),
    eligibility: jsonb('eligibility').$type<Record<string, unknown>>().notNull().default({}),
    /** Fast upskilling: a seat needs the jobcentre's approval first. */
    requiresApproval: boolean('requires_approval').notNull().default(false),
    /** Other organisations (a-kasser) may refer people to it. */
    openForReferrals: boolean('open_for_referrals').notNull().default(false),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('offers_org_kind_idx').on(t.organisationId, t.kind)],
);

/** One occurrence of an offer (hold): dates, place, seats. */
export const offerSessions = pgTable(
  'offer_sessions',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    offerId: uuid('offer_id')
      .notNull()
      .references(() => offers.id),
    unitId: uuid('unit_id').references(() => units.id),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** The last day of a course over several weeks (a job club meets weekly until then). */
    lastDay: date('last_day', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    theme: text('theme'),
    capacity: integer('capacity').notNull(),
    overbookingPercent: smallint('overbooking_percent').notNull().default(0),
    cancellationDeadlineHours: integer('cancellation_deadline_hours').notNull().default(24),
    status: text('status', { enum: ['open', 'cancelled', 'completed'] }).notNull().default('open'),
    /** The last sign-up number handed out: first come, first served is this order. */
    lastSignupSeq: integer('last_signup_seq').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('offer_sessions_org_start_idx').on(t.organisationId, t.startsAt), index('offer_sessions_offer_idx').on(t.offerId)],
);

/**
 * Who crosses between organisations, and only this: a referral from the sender (organisation_id,
 * which owns the row and the person's case) to an offer of the receiver. The receiver sees the
 * person's name, contact and the reason — never the sender's case, spell or notes.
 */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    receiverOrganisationId: uuid('receiver_organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** A referral to an offer, or a request for approval of fast upskilling. */
    kind: text('kind', { enum: ['referral', 'approval_request'] }).notNull(),
    /** Referral: the receiver's offer. Approval request: the sender's own offer. */
    offerId: uuid('offer_id')
      .notNull()
      .references(() => offers.id),
    /** The sender's jobseeker: never shown to the receiver. */
    jobseekerId: uuid('jobseeker_id')
      .notNull()
      .references(() => jobseekers.id),
    personName: text('person_name').notNull(),
    personEmail: text('person_email'),
    personPhone: text('person_phone'),
    reason: text('reason').notNull(),
    state: text('state', { enum: ['sent', 'accepted', 'declined', 'enrolled', 'completed'] }).notNull().default('sent'),
    decisionNote: text('decision_note'),
    outcome: text('outcome'),
    /** Approval request: the sender's enrolment waiting for the decision. */
    enrolmentId: uuid('enrolment_id'),
    sentBy: uuid('sent_by').references(() => staff.id),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => staff.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('referrals_sender_idx').on(t.organisationId, t.sentAt), index('referrals_receiver_idx').on(t.receiverOrganisationId, t.sentAt)],
);

/**
 * A seat (or a place on the waitlist) on a session. The participant is the organisation's own
 * jobseeker, or a person referred from another organisation (referral_id; no jobseeker here).
 */
export const enrolments = pgTable(
  'enrolments',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => offerSessions.id),
    jobseekerId: uuid('jobseeker_id').references(() => jobseekers.id),
    referralId: uuid('referral_id').references(() => referrals.id),
    spellId: uuid('spell_id').references(() => spells.id),
    status: text('status', { enum: ['seated', 'waitlisted', 'pending_approval', 'cancelled', 'completed', 'dropped_out'] }).notNull(),
    /** First come, first served: the order in which the server took the sign-up under the session lock. */
    signupSeq: integer('signup_seq').notNull(),
    everSeated: boolean('ever_seated').notNull().default(false),
    enrolledByKind: text('enrolled_by_kind', { enum: ['staff', 'jobseeker'] }).notNull(),
    enrolledBy: uuid('enrolled_by'),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull(),
    promotedAt: timestamp('promoted_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    lateCancellation: boolean('late_cancellation').notNull().default(false),
    endedOn: date('ended_on', { mode: 'string' }),
    leftForJob: boolean('left_for_job').notNull().default(false),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('enrolments_session_seq_uq').on(t.sessionId, t.signupSeq),
    uniqueIndex('enrolments_session_jobseeker_uq').on(t.sessionId, t.jobseekerId).where(sql`${t.status} <> 'cancelled' and ${t.jobseekerId} is not null`),
    uniqueIndex('enrolments_session_referral_uq').on(t.sessionId, t.referralId).where(sql`${t.status} <> 'cancelled' and ${t.referralId} is not null`),
    index('enrolments_org_jobseeker_idx').on(t.organisationId, t.jobseekerId),
  ],
);

/** Roll-call: one row per participant per meeting day. */
export const attendance = pgTable(
  'attendance',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => offerSessions.id),
    jobseekerId: uuid('jobseeker_id').references(() => jobseekers.id),
    day: date('day', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['present', 'absent'] }).notNull(),
    absenceReason: text('absence_reason'),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => staff.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('attendance_enrolment_day_uq').on(t.enrolmentId, t.day), index('attendance_org_day_idx').on(t.organisationId, t.day), index('attendance_jobseeker_idx').on(t.organisationId, t.jobseekerId, t.day)],
);

/** Job clubs: the weekly progression talk (≤ 20 minutes) and the closing talk. */
export const progressionTalks = pgTable(
  'progression_talks',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    spellId: uuid('spell_id').references(() => spells.id),
    kind: text('kind', { enum: ['progression', 'closing'] }).notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    durationMinutes: smallint('duration_minutes').notNull(),
    searchStatus: text('search_status'),
    /** The agreements for next week, with the Min Plan activity each became. */
    agreements: jsonb('agreements').$type<{ activityId: string; title: string }[]>().notNull().default([]),
    /** Last week's agreements, followed up in this talk. */
    followUps: jsonb('follow_ups').$type<{ activityId: string; title: string; status: 'done' | 'open' | 'dropped' }[]>().notNull().default([]),
    planVersion: integer('plan_version'),
    /** Closing talk: whether the person is expected to find work by themselves soon. */
    handover: text('handover'),
    heldBy: uuid('held_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('progression_talks_enrolment_idx').on(t.enrolmentId, t.heldOn)],
);

/** A person on an e-mail journey (e.g. the 5-mail job-search guide from the notice date). */
export const journeySubscriptions = pgTable(
  'journey_subscriptions',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    jobseekerId: uuid('jobseeker_id')
      .notNull()
      .references(() => jobseekers.id),
    spellId: uuid('spell_id')
      .notNull()
      .references(() => spells.id),
    journeyKey: text('journey_key').notNull(),
    anchorDate: date('anchor_date', { mode: 'string' }).notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    sentSteps: jsonb('sent_steps').$type<number[]>().notNull().default([]),
    status: text('status', { enum: ['active', 'stopped', 'completed'] }).notNull().default('active'),
    stopReason: text('stop_reason'),
    createdBy: uuid('created_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('journey_subscriptions_spell_uq').on(t.spellId, t.journeyKey), index('journey_subscriptions_status_idx').on(t.status)],
);
