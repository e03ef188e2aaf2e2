CREATE TABLE "match_candidates" (
	"jobseeker_id" uuid NOT NULL,
	"occupation_group" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"municipality_code" smallint,
	"spell_id" uuid NOT NULL,
	"spell_kind" text NOT NULL,
	"segment" text,
	"occupations_wanted" text[] NOT NULL,
	"occupations_held" text[] NOT NULL,
	"skill_keys" text[] NOT NULL,
	"education_level" text,
	"max_travel_km" smallint,
	"hours_wanted" smallint,
	"available_from" date,
	CONSTRAINT "match_candidates_jobseeker_id_occupation_group_pk" PRIMARY KEY("jobseeker_id","occupation_group")
);
--> statement-breakpoint
DROP INDEX "jobseeker_cvs_keys_gin";--> statement-breakpoint
ALTER TABLE "match_candidates" ADD CONSTRAINT "match_candidates_jobseeker_id_jobseekers_id_fk" FOREIGN KEY ("jobseeker_id") REFERENCES "public"."jobseekers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_candidates" ADD CONSTRAINT "match_candidates_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_candidates" ADD CONSTRAINT "match_candidates_spell_id_spells_id_fk" FOREIGN KEY ("spell_id") REFERENCES "public"."spells"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobseeker_cvs" DROP COLUMN "occupation_keys";