CREATE TABLE "business_activities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"spell_id" uuid NOT NULL,
	"jobseeker_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"employer_id" uuid,
	"proposal_id" uuid,
	"agreed_on" date NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"note" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_activities_dates_ck" CHECK ("business_activities"."agreed_on" <= "business_activities"."start_date" and ("business_activities"."end_date" is null or "business_activities"."end_date" >= "business_activities"."start_date"))
);
--> statement-breakpoint
ALTER TABLE "business_activities" ADD CONSTRAINT "business_activities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_activities" ADD CONSTRAINT "business_activities_spell_id_spells_id_fk" FOREIGN KEY ("spell_id") REFERENCES "public"."spells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_activities" ADD CONSTRAINT "business_activities_jobseeker_id_jobseekers_id_fk" FOREIGN KEY ("jobseeker_id") REFERENCES "public"."jobseekers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_activities" ADD CONSTRAINT "business_activities_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_activities" ADD CONSTRAINT "business_activities_proposal_id_job_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."job_proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_activities" ADD CONSTRAINT "business_activities_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "business_activities_org_spell_idx" ON "business_activities" USING btree ("organisation_id","spell_id");--> statement-breakpoint
CREATE UNIQUE INDEX "business_activities_proposal_uq" ON "business_activities" USING btree ("proposal_id");