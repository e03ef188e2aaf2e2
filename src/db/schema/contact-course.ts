import { sql } from 'drizzle-orm';
import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, jobseekers, orgId, staff, units } from './core';

const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/**
 * What an organisation configures, versioned: cadences, questionnaires, risk models. Each edit is a
 * new version; spells and assessments point at the exact version they used.
 */
export const orgTemplates = pgTable(
  'org_templates',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    kind: text('kind', { enum: ['cadence', 'questionnaire', 'risk_model', 'indicator', 'booking_rules', 'joblog_rules'] }).notNull(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('org_templates_key_version_uq').on(t.organisationId, t.kind, t.key, t.version), index('org_templates_org_kind_idx').on(t.organisationId, t.kind)],
);

/** The organisation's own closing days (lukkedage), on top of weekends and public holidays. */
export const closingDays = pgTable(
  'closing_days',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    day: date('day', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('closing_days_org_day_uq').on(t.organisationId, t.day)],
);

export const spells = pgTable(
  'spells',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    jobseekerId: uuid('jobseeker_id')
      .notNull()
      .references(() => jobseekers.id),
    kind: text('kind', { enum: ['unemployment', 'notice'] }).notNull(),
    /** Day 0: the first day of unemployment (or, for a notice spell, the day notice was given). */
    startDate: date('start_date', { mode: 'string' }).notNull(),
    registrationDate: date('registration_date', { mode: 'string' }).notNull(),
    /** A notice spell's last day of employment. */
    noticeEndDate: date('notice_end_date', { mode: 'string' }),
    targetGroup: text('target_group').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    caseworkerId: uuid('caseworker_id').references(() => staff.id),
    segment: text('segment'),
    cadenceTemplateId: uuid('cadence_template_id').references(() => orgTemplates.id),
    status: text('status', { enum: ['active', 'ended'] }).notNull().default('active'),
    endDate: date('end_date', { mode: 'string' }),
    endReason: text('end_reason'),
    /** The month-end on which the paid benefit hours passed 410 (the 2024 handover rule). */
    passed410On: date('passed_410_on', { mode: 'string' }),
    /** A notice spell that turned into this unemployment spell. */
    previousSpellId: uuid('previous_spell_id'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('spells_org_status_idx').on(t.organisationId, t.status),
    index('spells_jobseeker_idx').on(t.jobseekerId),
    // Matching joins CVs to the person's active spell: everything it reads is in the index (index-only scan).
    index('spells_active_match_idx').on(t.jobseekerId, t.organisationId, t.id, t.segment, t.kind).where(sql`${t.status} = 'active'`),
    index('spells_caseworker_idx').on(t.organisationId, t.caseworkerId, t.status),
  ],
);

/** Paid benefit hours per calendar month (month = its first day). */
export const benefitHours = pgTable(
  'benefit_hours',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    spellId: uuid('spell_id')
      .notNull()
      .references(() => spells.id),
    month: date('month', { mode: 'string' }).notNull(),
    hours: doublePrecision('hours').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('benefit_hours_spell_month_uq').on(t.spellId, t.month)],
);

export const profilingResponses = pgTable(
  'profiling_responses',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    spellId: uuid('spell_id')
      .notNull()
      .references(() => spells.id),
    questionnaireTemplateId: uuid('questionnaire_template_id')
      .notNull()
      .references(() => orgTemplates.id),
    answers: jsonb('answers').$type<Record<string, string | number | boolean>>().notNull(),
    answeredBy: text('answered_by', { enum: ['staff', 'jobseeker'] }).notNull(),
    answeredByStaffId: uuid('answered_by_staff_id').references(() => staff.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('profiling_responses_spell_idx').on(t.spellId, t.answeredAt)],
);

/** The caseworker's segment decision, kept with the model's score and version it was made on. */
export const segmentAssessments = pgTable(
  'segment_assessments',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    spellId: uuid('spell_id')
      .notNull()
      .references(() => spells.id),
    profilingResponseId: uuid('profiling_response_id').references(() => profilingResponses.id),
    riskModelTemplateId: uuid('risk_model_template_id').references(() => orgTemplates.id),
    score: jsonb('score').$type<Record<string, unknown>>(),
    probability: doublePrecision('probability'),
    band: text('band'),
    suggestedSegment: text('suggested_segment'),
    chosenSegment: text('chosen_segment').notNull(),
    overridden: boolean('overridden').notNull(),
    reason: text('reason'),
    cadenceTemplateId: uuid('cadence_template_id').references(() => orgTemplates.id),
    decidedBy: uuid('decided_by').references(() => staff.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('segment_assessments_spell_idx').on(t.spellId, t.decidedAt)],
);

export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    spellId: uuid('spell_id')
      .notNull()
      .references(() => spells.id),
    /** The cadence conversation it was planned from (key#occurrence); null for an ad-hoc talk. */
    planKey: text('plan_key'),
    cadenceTemplateId: uuid('cadence_template_id').references(() => orgTemplates.id),
    type: text('type').notNull(),
    label: text('label').notNull(),
    mandatory: boolean('mandatory').notNull(),
    plannedMode: text('planned_mode').notNull(),
    earliest: date('earliest', { mode: 'string' }),
    latest: date('latest', { mode: 'string' }),
    status: text('status', { enum: ['planned', 'booked', 'held', 'no_show', 'cancelled', 'exempted', 'superseded'] }).notNull(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    durationMinutes: integer('duration_minutes'),
    mode: text('mode'),
    place: text('place'),
    caseworkerId: uuid('caseworker_id').references(() => staff.id),
    selfBooked: boolean('self_booked').notNull().default(false),
    moveCount: integer('move_count').notNull().default(0),
    outsideWindowReason: text('outside_window_reason'),
    heldOn: date('held_on', { mode: 'string' }),
    notes: text('notes'),
    guideAnswers: jsonb('guide_answers').$type<Record<string, string>>(),
    agreements: jsonb('agreements').$type<string[]>(),
    jobsPresented: jsonb('jobs_presented').$type<{ title: string; employer?: string; jobOrderId?: string }[]>(),
    exemptionReason: text('exemption_reason'),
    cancelReason: text('cancel_reason'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('conversations_spell_idx').on(t.spellId),
    index('conversations_org_status_latest_idx').on(t.organisationId, t.status, t.latest),
    index('conversations_caseworker_time_idx').on(t.caseworkerId, t.scheduledAt),
  ],
);

/** Every booking, move, cancellation and outcome of a conversation, for the timeline and move limits. */
export const conversationEvents = pgTable(
  'conversation_events',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    kind: text('kind', { enum: ['planned', 'booked', 'moved', 'cancelled', 'held', 'no_show', 'exempted', 'superseded', 'replanned'] }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorKind: text('actor_kind', { enum: ['staff', 'jobseeker', 'system'] }).notNull(),
    actorId: uuid('actor_id'),
    fromTime: timestamp('from_time', { withTimezone: true }),
    toTime: timestamp('to_time', { withTimezone: true }),
    reason: text('reason'),
  },
  (t) => [index('conversation_events_conv_idx').on(t.conversationId, t.at)],
);

/** Min Plan: every change is a new row with the next version; the newest is in force. */
export const jobPlans = pgTable(
  'job_plans',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    spellId: uuid('spell_id')
      .notNull()
      .references(() => spells.id),
    version: integer('version').notNull(),
    jobGoals: jsonb('job_goals').$type<{ title: string; occupationCode?: string | null }[]>().notNull(),
    activities: jsonb('activities').$type<{ id: string; title: string; dueDate: string | null; status: 'open' | 'done' | 'dropped' }[]>().notNull(),
    searchRequirementPerWeek: doublePrecision('search_requirement_per_week'),
    searchStrategy: text('search_strategy'),
    changeNote: text('change_note'),
    createdByKind: text('created_by_kind', { enum: ['staff', 'jobseeker'] }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('job_plans_spell_version_uq').on(t.spellId, t.version)],
);

export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    spellId: uuid('spell_id').references(() => spells.id),
    jobseekerId: uuid('jobseeker_id').references(() => jobseekers.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    assigneeId: uuid('assignee_id').references(() => staff.id),
    unitId: uuid('unit_id').references(() => units.id),
    status: text('status', { enum: ['open', 'done', 'cancelled'] }).notNull().default('open'),
    /** One open task per cause: the sweep can run any number of times. */
    dedupeKey: text('dedupe_key'),
    createdAt: createdAt(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedBy: uuid('completed_by').references(() => staff.id),
  },
  (t) => [
    uniqueIndex('tasks_dedupe_uq').on(t.organisationId, t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
    index('tasks_assignee_status_idx').on(t.organisationId, t.assigneeId, t.status, t.dueDate),
  ],
);

/** Messages waiting to be sent, and sent; in the embedded mode staff read them here. */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey(),
    organisationId: orgId(),
    channel: text('channel', { enum: ['email', 'sms'] }).notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    template: text('template').notNull(),
    jobseekerId: uuid('jobseeker_id'),
    staffId: uuid('staff_id'),
    /**
     * queued → sending → sent | failed (src/server/notifications/deliver.ts); a scheduled reminder
     * that no longer applies (the talk moved or was cancelled) is cancelled before it is due.
     */
    status: text('status', { enum: ['queued', 'sending', 'sent', 'failed', 'cancelled'] }).notNull().default('queued'),
    idempotencyKey: text('idempotency_key').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** The language the text was written in (the recipient's preferred one). */
    language: text('language', { enum: ['da', 'en'] }).notNull().default('da'),
    /** Not sent before this: now for most, two days before a meeting for a reminder, later after a failed try. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** When a worker took it for sending; a 'sending' row claimed long ago belongs to a worker that died. */
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    /** Which adapter delivered it: outbox (stays in the app), sms_http, smtp. */
    adapter: text('adapter'),
    providerMessageId: text('provider_message_id'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('outbox_idempotency_uq').on(t.idempotencyKey),
    index('outbox_org_created_idx').on(t.organisationId, t.createdAt),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
  ],
);
