-- match_candidates is derived from jobseeker_cvs, spells and jobseekers, and kept here rather than
-- by the writers, so no code path can let it drift. The triggers on inserts, updates and deletes of
-- CVs and spells are per statement with transition tables, so a bulk load refreshes its rows in one
-- pass instead of one per row.
CREATE OR REPLACE FUNCTION match_candidates_refresh(ids uuid[]) RETURNS void AS $$
BEGIN
  DELETE FROM match_candidates m USING unnest(ids) AS x(id) WHERE m.jobseeker_id = x.id;
  INSERT INTO match_candidates (jobseeker_id, occupation_group, organisation_id, municipality_code, spell_id, spell_kind, segment,
      occupations_wanted, occupations_held, skill_keys, education_level, max_travel_km, hours_wanted, available_from)
    SELECT c.jobseeker_id, g.occupation_group, c.organisation_id, c.municipality_code, s.id, s.kind, s.segment,
      c.occupations_wanted, c.occupations_held,
      -- As skillKeys in src/core/matching/score.ts: trimmed, lower-cased, each once.
      ARRAY(SELECT DISTINCT lower(btrim(k)) FROM unnest(c.skills) AS k WHERE btrim(k) <> ''), j.education_level, c.max_travel_km, c.hours_wanted, c.available_from
    FROM (SELECT DISTINCT x.id FROM unnest(ids) AS x(id)) x
    JOIN jobseeker_cvs c ON c.jobseeker_id = x.id
    JOIN jobseekers j ON j.id = c.jobseeker_id
    -- Should a person have two active spells, the latest started is the one a broker works with.
    CROSS JOIN LATERAL (
      SELECT s.id, s.kind, s.segment FROM spells s
      WHERE s.jobseeker_id = c.jobseeker_id AND s.organisation_id = c.organisation_id AND s.status = 'active'
      ORDER BY s.start_date DESC, s.id DESC
      LIMIT 1
    ) s
    -- The minor group is the code's first three digits (occupationGroup in src/core/reference/occupations.ts).
    CROSS JOIN LATERAL (SELECT DISTINCT left(code, 3) AS occupation_group FROM unnest(c.occupations_wanted || c.occupations_held) AS code) g
  -- Two transactions changing the same person at once must not fail on the key.
  ON CONFLICT (jobseeker_id, occupation_group) DO UPDATE SET
    organisation_id = EXCLUDED.organisation_id, municipality_code = EXCLUDED.municipality_code, spell_id = EXCLUDED.spell_id,
    spell_kind = EXCLUDED.spell_kind, segment = EXCLUDED.segment, occupations_wanted = EXCLUDED.occupations_wanted,
    occupations_held = EXCLUDED.occupations_held, skill_keys = EXCLUDED.skill_keys, education_level = EXCLUDED.education_level, max_travel_km = EXCLUDED.max_travel_km,
    hours_wanted = EXCLUDED.hours_wanted, available_from = EXCLUDED.available_from;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION match_candidates_after_insert() RETURNS trigger AS $$
BEGIN
  PERFORM match_candidates_refresh(ARRAY(SELECT jobseeker_id FROM new_rows));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION match_candidates_after_update() RETURNS trigger AS $$
BEGIN
  PERFORM match_candidates_refresh(ARRAY(SELECT jobseeker_id FROM new_rows UNION SELECT jobseeker_id FROM old_rows));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION match_candidates_after_delete() RETURNS trigger AS $$
BEGIN
  PERFORM match_candidates_refresh(ARRAY(SELECT jobseeker_id FROM old_rows));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION match_candidates_after_jobseeker_update() RETURNS trigger AS $$
BEGIN
  PERFORM match_candidates_refresh(ARRAY[NEW.id]);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER jobseeker_cvs_match_insert AFTER INSERT ON jobseeker_cvs REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION match_candidates_after_insert();
--> statement-breakpoint
CREATE TRIGGER jobseeker_cvs_match_update AFTER UPDATE ON jobseeker_cvs REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION match_candidates_after_update();
--> statement-breakpoint
CREATE TRIGGER jobseeker_cvs_match_delete AFTER DELETE ON jobseeker_cvs REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION match_candidates_after_delete();
--> statement-breakpoint
CREATE TRIGGER spells_match_insert AFTER INSERT ON spells REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION match_candidates_after_insert();
--> statement-breakpoint
CREATE TRIGGER spells_match_update AFTER UPDATE ON spells REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION match_candidates_after_update();
--> statement-breakpoint
CREATE TRIGGER spells_match_delete AFTER DELETE ON spells REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION match_candidates_after_delete();
--> statement-breakpoint
-- The municipality reaches match_candidates through the CV's copy (migration cv_municipality_trigger).
CREATE TRIGGER jobseekers_match_education AFTER UPDATE OF education_level ON jobseekers
  FOR EACH ROW WHEN (OLD.education_level IS DISTINCT FROM NEW.education_level)
  EXECUTE FUNCTION match_candidates_after_jobseeker_update();
--> statement-breakpoint
-- Covering, so the pre-filter is an index-only scan: everything the shortlist scores is in the index.
CREATE INDEX match_candidates_prefilter_idx ON match_candidates (organisation_id, occupation_group, municipality_code)
  INCLUDE (jobseeker_id, segment, occupations_wanted, occupations_held, skill_keys, education_level, max_travel_km, hours_wanted, available_from);
--> statement-breakpoint
SELECT match_candidates_refresh(ARRAY(SELECT jobseeker_id FROM jobseeker_cvs));
