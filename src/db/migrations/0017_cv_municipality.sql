DROP INDEX "jobseeker_cvs_org_idx";--> statement-breakpoint
ALTER TABLE "jobseeker_cvs" ADD COLUMN "municipality_code" smallint;--> statement-breakpoint
CREATE INDEX "jobseeker_cvs_org_municipality_idx" ON "jobseeker_cvs" USING btree ("organisation_id","municipality_code");