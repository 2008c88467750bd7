ALTER TABLE "enterprise_records" DROP CONSTRAINT "enterprise_records_platform_key_platforms_key_fk";
--> statement-breakpoint
-- Issue #15: the foreign key above checked each row of a year's import alone when its COPY ended (≈ 0.3–0.5 s of an
-- import of 100 000 enterprises, against a COPY into the table without it); these triggers check the platform keys
-- one statement wrote as one set, and refuse what the key refused: a record naming a platform that is not in
-- platforms, and deleting or renaming a platform that records still name. NULL (an enterprise outside the three
-- platforms) passes, as it did.
CREATE FUNCTION pgs_check_records_have_platform() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM (SELECT DISTINCT platform_key FROM written_rows WHERE platform_key IS NOT NULL) AS w
             WHERE NOT EXISTS (SELECT 1 FROM platforms p WHERE p.key = w.platform_key)) THEN
    RAISE EXCEPTION 'insert or update on table "enterprise_records" names a platform that is not in platforms'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION pgs_check_removed_platforms_unused() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM (SELECT DISTINCT key FROM removed_platforms) AS r
             WHERE NOT EXISTS (SELECT 1 FROM platforms p WHERE p.key = r.key)
               AND EXISTS (SELECT 1 FROM enterprise_records e WHERE e.platform_key = r.key)) THEN
    RAISE EXCEPTION 'delete or update on table "platforms" would leave enterprise records naming a platform that is gone'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER enterprise_records_inserted_have_platform AFTER INSERT ON enterprise_records REFERENCING NEW TABLE AS written_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pgs_check_records_have_platform();
--> statement-breakpoint
CREATE TRIGGER enterprise_records_updated_have_platform AFTER UPDATE ON enterprise_records REFERENCING NEW TABLE AS written_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pgs_check_records_have_platform();
--> statement-breakpoint
CREATE TRIGGER platforms_deleted_unused_by_records AFTER DELETE ON platforms REFERENCING OLD TABLE AS removed_platforms
  FOR EACH STATEMENT EXECUTE FUNCTION pgs_check_removed_platforms_unused();
--> statement-breakpoint
CREATE TRIGGER platforms_renamed_unused_by_records AFTER UPDATE ON platforms REFERENCING OLD TABLE AS removed_platforms
  FOR EACH STATEMENT EXECUTE FUNCTION pgs_check_removed_platforms_unused();
