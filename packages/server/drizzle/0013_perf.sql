CREATE TABLE "job_progress" (
	"id" text PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"progress" jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
-- Issue #15: the in-memory caches of sessions and published catalogs hear of changes made by any process on this
-- database. Each trigger NOTIFYs its channel on commit, once per statement that changed rows; the servers LISTEN
-- (platform/change-listener.ts). The idle clock's UPDATE of sessions is not signalled: it only moves forward.
CREATE FUNCTION pgs_notify_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed_rows) THEN PERFORM pg_notify('pgs_sessions', TG_TABLE_NAME); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION pgs_notify_catalog() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed_rows) THEN PERFORM pg_notify('pgs_catalog', TG_TABLE_NAME); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sessions_deleted_notify AFTER DELETE ON sessions REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pgs_notify_sessions();
--> statement-breakpoint
CREATE TRIGGER users_updated_notify AFTER UPDATE ON users REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pgs_notify_sessions();
--> statement-breakpoint
CREATE TRIGGER users_deleted_notify AFTER DELETE ON users REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pgs_notify_sessions();
--> statement-breakpoint
CREATE TRIGGER catalog_versions_inserted_notify AFTER INSERT ON catalog_versions REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pgs_notify_catalog();
--> statement-breakpoint
CREATE TRIGGER catalog_versions_updated_notify AFTER UPDATE ON catalog_versions REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pgs_notify_catalog();
--> statement-breakpoint
CREATE TRIGGER catalog_versions_deleted_notify AFTER DELETE ON catalog_versions REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pgs_notify_catalog();
--> statement-breakpoint
CREATE TRIGGER industries_inserted_notify AFTER INSERT ON industries REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pgs_notify_catalog();
--> statement-breakpoint
CREATE TRIGGER industries_deleted_notify AFTER DELETE ON industries REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pgs_notify_catalog();
