CREATE TABLE "survey_definitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_invitations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"definition_id" uuid NOT NULL,
	"survey_key" text NOT NULL,
	"trigger" text NOT NULL,
	"audience" text NOT NULL,
	"subject_id" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"jobseeker_id" uuid,
	"unit_id" uuid,
	"caseworker_id" uuid,
	"type" text NOT NULL,
	"language" text NOT NULL,
	"channel" text NOT NULL,
	"invited_at" timestamp with time zone NOT NULL,
	"invited_on" date NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"reminded_at" timestamp with time zone,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "survey_link_throttle" (
	"source_hash" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"lookups" integer DEFAULT 0 NOT NULL,
	"misses" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "survey_link_throttle_source_hash_window_start_pk" PRIMARY KEY("source_hash","window_start")
);
--> statement-breakpoint
CREATE TABLE "survey_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"invitation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"invitation_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"satisfaction" smallint,
	"answered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey_definitions" ADD CONSTRAINT "survey_definitions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_definition_id_survey_definitions_id_fk" FOREIGN KEY ("definition_id") REFERENCES "public"."survey_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_jobseeker_id_jobseekers_id_fk" FOREIGN KEY ("jobseeker_id") REFERENCES "public"."jobseekers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_caseworker_id_staff_id_fk" FOREIGN KEY ("caseworker_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_links" ADD CONSTRAINT "survey_links_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_links" ADD CONSTRAINT "survey_links_invitation_id_survey_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."survey_invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_invitation_id_survey_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."survey_invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_definitions_key_version_uq" ON "survey_definitions" USING btree ("organisation_id","key","version");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_dedupe_uq" ON "survey_invitations" USING btree ("organisation_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "survey_invitations_org_day_idx" ON "survey_invitations" USING btree ("organisation_id","invited_on");--> statement-breakpoint
CREATE INDEX "survey_invitations_open_idx" ON "survey_invitations" USING btree ("expires_at") WHERE "survey_invitations"."answered_at" is null and "survey_invitations"."reminded_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_links_code_hash_uq" ON "survey_links" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "survey_links_invitation_idx" ON "survey_links" USING btree ("invitation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_invitation_uq" ON "survey_responses" USING btree ("invitation_id");