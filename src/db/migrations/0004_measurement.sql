CREATE TABLE "initiatives" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"start_date" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "markers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"initiative_id" uuid,
	"name" text NOT NULL,
	"description" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scorecard_rows" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"scorecard_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"indicator_code" text NOT NULL,
	"baseline_value" double precision,
	"baseline_date" date,
	"baseline_note" text,
	"targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"near_tolerance" double precision
);
--> statement-breakpoint
CREATE TABLE "scorecard_snapshots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"scorecard_id" uuid NOT NULL,
	"month" text NOT NULL,
	"revision" integer NOT NULL,
	"measured_on" date NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"computed_by" uuid,
	"reason" text,
	"cells" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scorecards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"scope" text NOT NULL,
	"unit_id" uuid,
	"initiative_id" uuid,
	"filters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"first_month" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spell_markers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"spell_id" uuid NOT NULL,
	"marker_id" uuid NOT NULL,
	"marked_on" date NOT NULL,
	"marked_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "markers" ADD CONSTRAINT "markers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "markers" ADD CONSTRAINT "markers_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "markers" ADD CONSTRAINT "markers_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_rows" ADD CONSTRAINT "scorecard_rows_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_rows" ADD CONSTRAINT "scorecard_rows_scorecard_id_scorecards_id_fk" FOREIGN KEY ("scorecard_id") REFERENCES "public"."scorecards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_snapshots" ADD CONSTRAINT "scorecard_snapshots_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_snapshots" ADD CONSTRAINT "scorecard_snapshots_scorecard_id_scorecards_id_fk" FOREIGN KEY ("scorecard_id") REFERENCES "public"."scorecards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_snapshots" ADD CONSTRAINT "scorecard_snapshots_computed_by_staff_id_fk" FOREIGN KEY ("computed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecards" ADD CONSTRAINT "scorecards_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecards" ADD CONSTRAINT "scorecards_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecards" ADD CONSTRAINT "scorecards_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecards" ADD CONSTRAINT "scorecards_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spell_markers" ADD CONSTRAINT "spell_markers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spell_markers" ADD CONSTRAINT "spell_markers_spell_id_spells_id_fk" FOREIGN KEY ("spell_id") REFERENCES "public"."spells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spell_markers" ADD CONSTRAINT "spell_markers_marker_id_markers_id_fk" FOREIGN KEY ("marker_id") REFERENCES "public"."markers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spell_markers" ADD CONSTRAINT "spell_markers_marked_by_staff_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "initiatives_org_name_uq" ON "initiatives" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "markers_org_name_uq" ON "markers" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE INDEX "markers_initiative_idx" ON "markers" USING btree ("initiative_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scorecard_rows_position_uq" ON "scorecard_rows" USING btree ("scorecard_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "scorecard_snapshots_month_rev_uq" ON "scorecard_snapshots" USING btree ("scorecard_id","month","revision");--> statement-breakpoint
CREATE INDEX "scorecard_snapshots_org_month_idx" ON "scorecard_snapshots" USING btree ("organisation_id","month");--> statement-breakpoint
CREATE INDEX "scorecards_org_idx" ON "scorecards" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "spell_markers_spell_marker_uq" ON "spell_markers" USING btree ("spell_id","marker_id");--> statement-breakpoint
CREATE INDEX "spell_markers_org_marker_idx" ON "spell_markers" USING btree ("organisation_id","marker_id");--> statement-breakpoint
-- A stored month never silently changes: a recomputation is a new revision row.
CREATE OR REPLACE FUNCTION scorecard_snapshots_reject_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'scorecard_snapshots are never changed; store a new revision' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER scorecard_snapshots_no_update BEFORE UPDATE OR DELETE ON scorecard_snapshots
  FOR EACH ROW EXECUTE FUNCTION scorecard_snapshots_reject_change();
