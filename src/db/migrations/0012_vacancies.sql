CREATE TABLE "saved_searches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"jobseeker_id" uuid NOT NULL,
	"occupation_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"municipality_code" smallint,
	"radius_km" smallint DEFAULT 0 NOT NULL,
	"free_text" text,
	"digested_until" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vacancies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"title" text NOT NULL,
	"employer_name" text NOT NULL,
	"cvr" text,
	"occupation_code" text NOT NULL,
	"occupation_text" text,
	"municipality_code" smallint NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"deadline" date,
	"url" text,
	"content_hash" text NOT NULL,
	"first_import_id" uuid NOT NULL,
	"last_import_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vacancy_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source" text NOT NULL,
	"format" text NOT NULL,
	"imported_by" uuid,
	"created" integer NOT NULL,
	"updated" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"rejected" integer NOT NULL,
	"rejections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_jobseeker_id_jobseekers_id_fk" FOREIGN KEY ("jobseeker_id") REFERENCES "public"."jobseekers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_first_import_id_vacancy_imports_id_fk" FOREIGN KEY ("first_import_id") REFERENCES "public"."vacancy_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_last_import_id_vacancy_imports_id_fk" FOREIGN KEY ("last_import_id") REFERENCES "public"."vacancy_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_imports" ADD CONSTRAINT "vacancy_imports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancy_imports" ADD CONSTRAINT "vacancy_imports_imported_by_staff_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "saved_searches_org_idx" ON "saved_searches" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "saved_searches_jobseeker_idx" ON "saved_searches" USING btree ("jobseeker_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vacancies_org_source_external_uq" ON "vacancies" USING btree ("organisation_id","source","external_id");--> statement-breakpoint
CREATE INDEX "vacancies_org_occupation_idx" ON "vacancies" USING btree ("organisation_id","occupation_code");--> statement-breakpoint
CREATE INDEX "vacancies_org_created_idx" ON "vacancies" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "vacancy_imports_org_at_idx" ON "vacancy_imports" USING btree ("organisation_id","created_at");