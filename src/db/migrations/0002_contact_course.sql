CREATE TABLE "benefit_hours" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"spell_id" uuid NOT NULL,
	"month" date NOT NULL,
	"hours" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "closing_days" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversation_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" uuid,
	"from_time" timestamp with time zone,
	"to_time" timestamp with time zone,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"spell_id" uuid NOT NULL,
	"plan_key" text,
	"cadence_template_id" uuid,
	"type" text NOT NULL,
	"label" text NOT NULL,
	"mandatory" boolean NOT NULL,
	"planned_mode" text NOT NULL,
	"earliest" date,
	"latest" date,
	"status" text NOT NULL,
	"scheduled_at" timestamp with time zone,
	"duration_minutes" integer,
	"mode" text,
	"place" text,
	"caseworker_id" uuid,
	"self_booked" boolean DEFAULT false NOT NULL,
	"move_count" integer DEFAULT 0 NOT NULL,
	"outside_window_reason" text,
	"held_on" date,
	"notes" text,
	"guide_answers" jsonb,
	"agreements" jsonb,
	"jobs_presented" jsonb,
	"exemption_reason" text,
	"cancel_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"spell_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"job_goals" jsonb NOT NULL,
	"activities" jsonb NOT NULL,
	"search_requirement_per_week" double precision,
	"search_strategy" text,
	"change_note" text,
	"created_by_kind" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"valid_from" date NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"template" text NOT NULL,
	"jobseeker_id" uuid,
	"staff_id" uuid,
	"status" text DEFAULT 'queued' NOT NULL,
	"idempotency_key" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "profiling_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"spell_id" uuid NOT NULL,
	"questionnaire_template_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"answered_by" text NOT NULL,
	"answered_by_staff_id" uuid,
	"answered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "segment_assessments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"spell_id" uuid NOT NULL,
	"profiling_response_id" uuid,
	"risk_model_template_id" uuid,
	"score" jsonb,
	"probability" double precision,
	"band" text,
	"suggested_segment" text,
	"chosen_segment" text NOT NULL,
	"overridden" boolean NOT NULL,
	"reason" text,
	"cadence_template_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spells" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"jobseeker_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"start_date" date NOT NULL,
	"registration_date" date NOT NULL,
	"notice_end_date" date,
	"target_group" text NOT NULL,
	"unit_id" uuid,
	"caseworker_id" uuid,
	"segment" text,
	"cadence_template_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"end_date" date,
	"end_reason" text,
	"passed_410_on" date,
	"previous_spell_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"spell_id" uuid,
	"jobseeker_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"due_date" date NOT NULL,
	"assignee_id" uuid,
	"unit_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" uuid
);
--> statement-breakpoint
ALTER TABLE "benefit_hours" ADD CONSTRAINT "benefit_hours_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_hours" ADD CONSTRAINT "benefit_hours_spell_id_spells_id_fk" FOREIGN KEY ("spell_id") REFERENCES "public"."spells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closing_days" ADD CONSTRAINT "closing_days_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_events" ADD CONSTRAINT "conversation_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_events" ADD CONSTRAINT "conversation_events_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_spell_id_spells_id_fk" FOREIGN KEY ("spell_id") REFERENCES "public"."spells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_cadence_template_id_org_templates_id_fk" FOREIGN KEY ("cadence_template_id") REFERENCES "public"."org_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_caseworker_id_staff_id_fk" FOREIGN KEY ("caseworker_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_plans" ADD CONSTRAINT "job_plans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_plans" ADD CONSTRAINT "job_plans_spell_id_spells_id_fk" FOREIGN KEY ("spell_id") REFERENCES "public"."spells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_templates" ADD CONSTRAINT "org_templates_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_templates" ADD CONSTRAINT "org_templates_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiling_responses" ADD CONSTRAINT "profiling_responses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiling_responses" ADD CONSTRAINT "profiling_responses_spell_id_spells_id_fk" FOREIGN KEY ("spell_id") REFERENCES "public"."spells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiling_responses" ADD CONSTRAINT "profiling_responses_questionnaire_template_id_org_templates_id_fk" FOREIGN KEY ("questionnaire_template_id") REFERENCES "public"."org_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiling_responses" ADD CONSTRAINT "profiling_responses_answered_by_staff_id_staff_id_fk" FOREIGN KEY ("answered_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_assessments" ADD CONSTRAINT "segment_assessments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_assessments" ADD CONSTRAINT "segment_assessments_spell_id_spells_id_fk" FOREIGN KEY ("spell_id") REFERENCES "public"."spells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_assessments" ADD CONSTRAINT "segment_assessments_profiling_response_id_profiling_responses_id_fk" FOREIGN KEY ("profiling_response_id") REFERENCES "public"."profiling_responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_assessments" ADD CONSTRAINT "segment_assessments_risk_model_template_id_org_templates_id_fk" FOREIGN KEY ("risk_model_template_id") REFERENCES "public"."org_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_assessments" ADD CONSTRAINT "segment_assessments_cadence_template_id_org_templates_id_fk" FOREIGN KEY ("cadence_template_id") REFERENCES "public"."org_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_assessments" ADD CONSTRAINT "segment_assessments_decided_by_staff_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spells" ADD CONSTRAINT "spells_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spells" ADD CONSTRAINT "spells_jobseeker_id_jobseekers_id_fk" FOREIGN KEY ("jobseeker_id") REFERENCES "public"."jobseekers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spells" ADD CONSTRAINT "spells_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spells" ADD CONSTRAINT "spells_caseworker_id_staff_id_fk" FOREIGN KEY ("caseworker_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spells" ADD CONSTRAINT "spells_cadence_template_id_org_templates_id_fk" FOREIGN KEY ("cadence_template_id") REFERENCES "public"."org_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_spell_id_spells_id_fk" FOREIGN KEY ("spell_id") REFERENCES "public"."spells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_jobseeker_id_jobseekers_id_fk" FOREIGN KEY ("jobseeker_id") REFERENCES "public"."jobseekers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assignee_id_staff_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_completed_by_staff_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "benefit_hours_spell_month_uq" ON "benefit_hours" USING btree ("spell_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "closing_days_org_day_uq" ON "closing_days" USING btree ("organisation_id","day");--> statement-breakpoint
CREATE INDEX "conversation_events_conv_idx" ON "conversation_events" USING btree ("conversation_id","at");--> statement-breakpoint
CREATE INDEX "conversations_spell_idx" ON "conversations" USING btree ("spell_id");--> statement-breakpoint
CREATE INDEX "conversations_org_status_latest_idx" ON "conversations" USING btree ("organisation_id","status","latest");--> statement-breakpoint
CREATE INDEX "conversations_caseworker_time_idx" ON "conversations" USING btree ("caseworker_id","scheduled_at");--> statement-breakpoint
CREATE UNIQUE INDEX "job_plans_spell_version_uq" ON "job_plans" USING btree ("spell_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "org_templates_key_version_uq" ON "org_templates" USING btree ("organisation_id","kind","key","version");--> statement-breakpoint
CREATE INDEX "org_templates_org_kind_idx" ON "org_templates" USING btree ("organisation_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_idempotency_uq" ON "outbox" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "outbox_org_created_idx" ON "outbox" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "profiling_responses_spell_idx" ON "profiling_responses" USING btree ("spell_id","answered_at");--> statement-breakpoint
CREATE INDEX "segment_assessments_spell_idx" ON "segment_assessments" USING btree ("spell_id","decided_at");--> statement-breakpoint
CREATE INDEX "spells_org_status_idx" ON "spells" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "spells_jobseeker_idx" ON "spells" USING btree ("jobseeker_id");--> statement-breakpoint
CREATE INDEX "spells_caseworker_idx" ON "spells" USING btree ("organisation_id","caseworker_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_dedupe_uq" ON "tasks" USING btree ("organisation_id","dedupe_key") WHERE "tasks"."dedupe_key" is not null;--> statement-breakpoint
CREATE INDEX "tasks_assignee_status_idx" ON "tasks" USING btree ("organisation_id","assignee_id","status","due_date");