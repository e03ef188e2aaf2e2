-- jobseeker_cvs.municipality_code is a copy of jobseekers.municipality_code for the candidate
-- pre-filter's index. It is kept here, not by the writers, so no code path can let it drift:
-- a CV always takes its jobseeker's municipality (whatever the writer sent), and a move is copied
-- to the CV in the same statement.
CREATE OR REPLACE FUNCTION jobseeker_cvs_take_municipality() RETURNS trigger AS $$
BEGIN
  NEW.municipality_code := (SELECT j.municipality_code FROM jobseekers j WHERE j.id = NEW.jobseeker_id);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jobseekers_copy_municipality_to_cv() RETURNS trigger AS $$
BEGIN
  UPDATE jobseeker_cvs SET municipality_code = NEW.municipality_code
    WHERE jobseeker_id = NEW.id AND municipality_code IS DISTINCT FROM NEW.municipality_code;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
UPDATE jobseeker_cvs c SET municipality_code = j.municipality_code
  FROM jobseekers j
  WHERE j.id = c.jobseeker_id AND c.municipality_code IS DISTINCT FROM j.municipality_code;
--> statement-breakpoint
CREATE TRIGGER jobseeker_cvs_municipality BEFORE INSERT OR UPDATE OF jobseeker_id, municipality_code ON jobseeker_cvs
  FOR EACH ROW EXECUTE FUNCTION jobseeker_cvs_take_municipality();
--> statement-breakpoint
CREATE TRIGGER jobseekers_municipality_to_cv AFTER UPDATE OF municipality_code ON jobseekers
  FOR EACH ROW WHEN (OLD.municipality_code IS DISTINCT FROM NEW.municipality_code)
  EXECUTE FUNCTION jobseekers_copy_municipality_to_cv();
