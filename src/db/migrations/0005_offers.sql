CREATE TABLE "attendance" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"jobseeker_id" uuid,
	"day" date NOT NULL,
	"status" text NOT NULL,
	"absence_reason" text,
	"note" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrolments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"jobseeker_id" uuid,
	"referral_id" uuid,
	"spell_id" uuid,
	"status" text NOT NULL,
	"signup_seq" integer NOT NULL,
	"ever_seated" boolean DEFAULT false NOT NULL,
	"enrolled_by_kind" text NOT NULL,
	"enrolled_by" uuid,
	"enrolled_at" timestamp with time zone NOT NULL,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"late_cancellation" boolean DEFAULT false NOT NULL,
	"ended_on" date,
	"left_for_job" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journey_subscriptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"jobseeker_id" uuid NOT NULL,
	"spell_id" uuid NOT NULL,
	"journey_key" text NOT NULL,
	"anchor_date" date NOT NULL,
	"started_on" date NOT NULL,
	"sent_steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"stop_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offer_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"unit_id" uuid,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"last_day" date NOT NULL,
	"place" text NOT NULL,
	"theme" text,
	"capacity" integer NOT NULL,
	"overbooking_percent" smallint DEFAULT 0 NOT NULL,
	"cancellation_deadline_hours" integer DEFAULT 24 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"last_signup_seq" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"trade" text,
	"duration_weeks" smallint,
	"themes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"eligibility" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"requires_approval" boolean DEFAULT false NOT NULL,
	"open_for_referrals" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progression_talks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"spell_id" uuid,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"duration_minutes" smallint NOT NULL,
	"search_status" text,
	"agreements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"follow_ups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"plan_version" integer,
	"handover" text,
	"held_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"receiver_organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"offer_id" uuid NOT NULL,
	"jobseeker_id" uuid NOT NULL,
	"person_name" text NOT NULL,
	"person_email" text,
	"person_phone" text,
	"reason" text NOT NULL,
	"state" text DEFAULT 'sent' NOT NULL,
	"decision_note" text,
	"outcome" text,
	"enrolment_id" uuid,
	"sent_by" uuid,
	"sent_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_session_id_offer_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."offer_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_jobseeker_id_jobseekers_id_fk" FOREIGN KEY ("jobseeker_id") REFERENCES "public"."jobseekers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_recorded_by_staff_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_session_id_offer_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."offer_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_jobseeker_id_jobseekers_id_fk" FOREIGN KEY ("jobseeker_id") REFERENCES "public"."jobseekers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_spell_id_spells_id_fk" FOREIGN KEY ("spell_id") REFERENCES "public"."spells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_subscriptions" ADD CONSTRAINT "journey_subscriptions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_subscriptions" ADD CONSTRAINT "journey_subscriptions_jobseeker_id_jobseekers_id_fk" FOREIGN KEY ("jobseeker_id") REFERENCES "public"."jobseekers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_subscriptions" ADD CONSTRAINT "journey_subscriptions_spell_id_spells_id_fk" FOREIGN KEY ("spell_id") REFERENCES "public"."spells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_subscriptions" ADD CONSTRAINT "journey_subscriptions_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_sessions" ADD CONSTRAINT "offer_sessions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_sessions" ADD CONSTRAINT "offer_sessions_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_sessions" ADD CONSTRAINT "offer_sessions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_talks" ADD CONSTRAINT "progression_talks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_talks" ADD CONSTRAINT "progression_talks_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_talks" ADD CONSTRAINT "progression_talks_spell_id_spells_id_fk" FOREIGN KEY ("spell_id") REFERENCES "public"."spells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progression_talks" ADD CONSTRAINT "progression_talks_held_by_staff_id_fk" FOREIGN KEY ("held_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_receiver_organisation_id_organisations_id_fk" FOREIGN KEY ("receiver_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_jobseeker_id_jobseekers_id_fk" FOREIGN KEY ("jobseeker_id") REFERENCES "public"."jobseekers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_sent_by_staff_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_decided_by_staff_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_enrolment_day_uq" ON "attendance" USING btree ("enrolment_id","day");--> statement-breakpoint
CREATE INDEX "attendance_org_day_idx" ON "attendance" USING btree ("organisation_id","day");--> statement-breakpoint
CREATE INDEX "attendance_jobseeker_idx" ON "attendance" USING btree ("organisation_id","jobseeker_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_session_seq_uq" ON "enrolments" USING btree ("session_id","signup_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_session_jobseeker_uq" ON "enrolments" USING btree ("session_id","jobseeker_id") WHERE "enrolments"."status" <> 'cancelled' and "enrolments"."jobseeker_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_session_referral_uq" ON "enrolments" USING btree ("session_id","referral_id") WHERE "enrolments"."status" <> 'cancelled' and "enrolments"."referral_id" is not null;--> statement-breakpoint
CREATE INDEX "enrolments_org_jobseeker_idx" ON "enrolments" USING btree ("organisation_id","jobseeker_id");--> statement-breakpoint
CREATE UNIQUE INDEX "journey_subscriptions_spell_uq" ON "journey_subscriptions" USING btree ("spell_id","journey_key");--> statement-breakpoint
CREATE INDEX "journey_subscriptions_status_idx" ON "journey_subscriptions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "offer_sessions_org_start_idx" ON "offer_sessions" USING btree ("organisation_id","starts_at");--> statement-breakpoint
CREATE INDEX "offer_sessions_offer_idx" ON "offer_sessions" USING btree ("offer_id");--> statement-breakpoint
CREATE INDEX "offers_org_kind_idx" ON "offers" USING btree ("organisation_id","kind");--> statement-breakpoint
CREATE INDEX "progression_talks_enrolment_idx" ON "progression_talks" USING btree ("enrolment_id","held_on");--> statement-breakpoint
CREATE INDEX "referrals_sender_idx" ON "referrals" USING btree ("organisation_id","sent_at");--> statement-breakpoint
CREATE INDEX "referrals_receiver_idx" ON "referrals" USING btree ("receiver_organisation_id","sent_at");