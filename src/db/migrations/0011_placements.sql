CREATE TABLE "job_proposals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"job_order_id" uuid NOT NULL,
	"jobseeker_id" uuid NOT NULL,
	"spell_id" uuid NOT NULL,
	"step" text DEFAULT 'proposed' NOT NULL,
	"match_score" integer,
	"note" text,
	"not_hired_reason" text,
	"not_hired_note" text,
	"hired_start_date" date,
	"hired_at" timestamp with time zone,
	"proposed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "job_proposals" ADD CONSTRAINT "job_proposals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_proposals" ADD CONSTRAINT "job_proposals_job_order_id_job_orders_id_fk" FOREIGN KEY ("job_order_id") REFERENCES "public"."job_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_proposals" ADD CONSTRAINT "job_proposals_jobseeker_id_jobseekers_id_fk" FOREIGN KEY ("jobseeker_id") REFERENCES "public"."jobseekers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_proposals" ADD CONSTRAINT "job_proposals_spell_id_spells_id_fk" FOREIGN KEY ("spell_id") REFERENCES "public"."spells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_proposals" ADD CONSTRAINT "job_proposals_proposed_by_staff_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "job_proposals_order_jobseeker_uq" ON "job_proposals" USING btree ("job_order_id","jobseeker_id");--> statement-breakpoint
CREATE INDEX "job_proposals_org_spell_idx" ON "job_proposals" USING btree ("organisation_id","spell_id");--> statement-breakpoint
CREATE INDEX "job_proposals_org_hired_idx" ON "job_proposals" USING btree ("organisation_id","hired_at");