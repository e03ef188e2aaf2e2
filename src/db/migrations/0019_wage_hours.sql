CREATE TABLE "wage_hours" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"spell_id" uuid NOT NULL,
	"jobseeker_id" uuid NOT NULL,
	"month" date NOT NULL,
	"hours" double precision NOT NULL,
	"source" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wage_hours_hours_ck" CHECK ("wage_hours"."hours" >= 0 and "wage_hours"."hours" <= 744),
	CONSTRAINT "wage_hours_month_ck" CHECK (extract(day from "wage_hours"."month") = 1)
);
--> statement-breakpoint
ALTER TABLE "wage_hours" ADD CONSTRAINT "wage_hours_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wage_hours" ADD CONSTRAINT "wage_hours_spell_id_spells_id_fk" FOREIGN KEY ("spell_id") REFERENCES "public"."spells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wage_hours" ADD CONSTRAINT "wage_hours_jobseeker_id_jobseekers_id_fk" FOREIGN KEY ("jobseeker_id") REFERENCES "public"."jobseekers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wage_hours" ADD CONSTRAINT "wage_hours_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "wage_hours_spell_month_uq" ON "wage_hours" USING btree ("spell_id","month");--> statement-breakpoint
CREATE INDEX "wage_hours_org_idx" ON "wage_hours" USING btree ("organisation_id");