ALTER TABLE "evaluation_rectification" DROP CONSTRAINT "evaluation_rectification_run_id_evaluation_runs_id_fk";
--> statement-breakpoint
ALTER TABLE "evaluation_results" DROP CONSTRAINT "evaluation_results_run_id_evaluation_runs_id_fk";
--> statement-breakpoint
-- Issue #15: the two foreign keys above checked each row of a run alone (≈ 0.7 s of an evaluation of 100 000
-- enterprises); these triggers check the rows one statement (a COPY of a whole run) wrote as one set, and refuse
-- what the keys refused: a row naming no run, and deleting a run that still has rows. evaluation_runs.id is an
-- identity column GENERATED ALWAYS, so no UPDATE moves a run away from its rows.
CREATE FUNCTION pgs_check_rows_have_run() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM (SELECT DISTINCT run_id FROM written_rows) AS w
             WHERE NOT EXISTS (SELECT 1 FROM evaluation_runs r WHERE r.id = w.run_id)) THEN
    RAISE EXCEPTION 'insert or update on table "%" names a run that is not in evaluation_runs', TG_TABLE_NAME
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION pgs_check_deleted_runs_unused() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM deleted_runs d WHERE EXISTS (SELECT 1 FROM evaluation_results x WHERE x.run_id = d.id))
     OR EXISTS (SELECT 1 FROM deleted_runs d WHERE EXISTS (SELECT 1 FROM evaluation_rectification x WHERE x.run_id = d.id)) THEN
    RAISE EXCEPTION 'delete on table "evaluation_runs" would leave results or rectification rows without their run'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER evaluation_results_inserted_have_run AFTER INSERT ON evaluation_results REFERENCING NEW TABLE AS written_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pgs_check_rows_have_run();
--> statement-breakpoint
CREATE TRIGGER evaluation_results_updated_have_run AFTER UPDATE ON evaluation_results REFERENCING NEW TABLE AS written_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pgs_check_rows_have_run();
--> statement-breakpoint
CREATE TRIGGER evaluation_rectification_inserted_have_run AFTER INSERT ON evaluation_rectification REFERENCING NEW TABLE AS written_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pgs_check_rows_have_run();
--> statement-breakpoint
CREATE TRIGGER evaluation_rectification_updated_have_run AFTER UPDATE ON evaluation_rectification REFERENCING NEW TABLE AS written_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pgs_check_rows_have_run();
--> statement-breakpoint
CREATE TRIGGER evaluation_runs_deleted_unused AFTER DELETE ON evaluation_runs REFERENCING OLD TABLE AS deleted_runs
  FOR EACH STATEMENT EXECUTE FUNCTION pgs_check_deleted_runs_unused();
