CREATE TABLE "employer_contact_persons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"job_title" text,
	"phone" text,
	"email" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employer_contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"original_employer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"staff_id" uuid NOT NULL,
	"contact_person_id" uuid,
	"outcome" text NOT NULL,
	"next_step" text,
	"next_step_due" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"cvr" text,
	"p_numbers" text[] DEFAULT '{}'::text[] NOT NULL,
	"name" text NOT NULL,
	"address_line" text,
	"postal_code" text,
	"city" text,
	"municipality_code" smallint,
	"trade" text,
	"cooperation_agreement" boolean DEFAULT false NOT NULL,
	"cooperation_notes" text,
	"source" text DEFAULT 'staff' NOT NULL,
	"merged_into_id" uuid,
	"merged_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"source" text NOT NULL,
	"title" text NOT NULL,
	"occupation_code" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"requirements" text DEFAULT '' NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"education_level" text,
	"driving_licence" text,
	"municipality_code" smallint NOT NULL,
	"workplace_address" text,
	"hours_per_week" smallint NOT NULL,
	"kind" text NOT NULL,
	"wanted_start" date,
	"deadline" date,
	"positions" smallint DEFAULT 1 NOT NULL,
	"response_hours" smallint DEFAULT 24 NOT NULL,
	"response_due_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"broker_id" uuid,
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobseeker_cvs" (
	"jobseeker_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"occupations_wanted" text[] DEFAULT '{}'::text[] NOT NULL,
	"occupations_held" text[] DEFAULT '{}'::text[] NOT NULL,
	"occupation_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"education" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"driving_licences" text[] DEFAULT '{}'::text[] NOT NULL,
	"hours_wanted" smallint,
	"max_travel_km" smallint,
	"available_from" date,
	"summary" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "employer_contact_persons" ADD CONSTRAINT "employer_contact_persons_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_contact_persons" ADD CONSTRAINT "employer_contact_persons_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_contacts" ADD CONSTRAINT "employer_contacts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_contacts" ADD CONSTRAINT "employer_contacts_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_contacts" ADD CONSTRAINT "employer_contacts_original_employer_id_employers_id_fk" FOREIGN KEY ("original_employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_contacts" ADD CONSTRAINT "employer_contacts_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_contacts" ADD CONSTRAINT "employer_contacts_contact_person_id_employer_contact_persons_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "public"."employer_contact_persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employers" ADD CONSTRAINT "employers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employers" ADD CONSTRAINT "employers_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_orders" ADD CONSTRAINT "job_orders_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_orders" ADD CONSTRAINT "job_orders_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_orders" ADD CONSTRAINT "job_orders_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_orders" ADD CONSTRAINT "job_orders_answered_by_staff_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_orders" ADD CONSTRAINT "job_orders_broker_id_staff_id_fk" FOREIGN KEY ("broker_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_orders" ADD CONSTRAINT "job_orders_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobseeker_cvs" ADD CONSTRAINT "jobseeker_cvs_jobseeker_id_jobseekers_id_fk" FOREIGN KEY ("jobseeker_id") REFERENCES "public"."jobseekers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobseeker_cvs" ADD CONSTRAINT "jobseeker_cvs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobseeker_cvs" ADD CONSTRAINT "jobseeker_cvs_updated_by_staff_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employer_contact_persons_employer_idx" ON "employer_contact_persons" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "employer_contacts_employer_idx" ON "employer_contacts" USING btree ("employer_id","occurred_at");--> statement-breakpoint
CREATE INDEX "employer_contacts_org_at_idx" ON "employer_contacts" USING btree ("organisation_id","occurred_at");--> statement-breakpoint
CREATE INDEX "employers_org_name_idx" ON "employers" USING btree ("organisation_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "employers_org_cvr_active_uq" ON "employers" USING btree ("organisation_id","cvr") WHERE "employers"."cvr" is not null and "employers"."merged_into_id" is null;--> statement-breakpoint
CREATE INDEX "job_orders_org_status_idx" ON "job_orders" USING btree ("organisation_id","status","created_at");--> statement-breakpoint
CREATE INDEX "job_orders_employer_idx" ON "job_orders" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "job_orders_org_occupation_idx" ON "job_orders" USING btree ("organisation_id","occupation_code");--> statement-breakpoint
CREATE INDEX "jobseeker_cvs_org_idx" ON "jobseeker_cvs" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "jobseeker_cvs_keys_gin" ON "jobseeker_cvs" USING gin ("occupation_keys");