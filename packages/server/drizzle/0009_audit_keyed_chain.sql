-- The audit chain becomes keyed (HMAC-SHA256, key outside the database) and gap-free numbered; rows carry the
-- client's address and user agent. Rows written before this migration keep their plain SHA-256 hashes: they are
-- numbered here in id order, and the key file created for such a database records how many there are
-- (`npm run audit:key`), so verify checks them the old way and the first keyed row seals them.
ALTER TABLE "audit_events" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "client_address" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "user_agent" text;--> statement-breakpoint
ALTER TABLE "audit_events" DISABLE TRIGGER "audit_events_no_update_delete";--> statement-breakpoint
UPDATE "audit_events" SET "seq" = numbered.n FROM (SELECT "id", row_number() OVER (ORDER BY "id") AS n FROM "audit_events") AS numbered WHERE "audit_events"."id" = numbered."id";--> statement-breakpoint
ALTER TABLE "audit_events" ENABLE TRIGGER "audit_events_no_update_delete";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "seq" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_seq_idx" ON "audit_events" USING btree ("seq");--> statement-breakpoint
-- Only the table's owner (the role that runs migrations) may change the trail: any other role keeps SELECT and
-- INSERT at most, whatever default privileges granted it (restricted-role.ts). The server checks this at start too.
DO $$
DECLARE grantee_name text;
BEGIN
  FOR grantee_name IN
    SELECT DISTINCT g.grantee FROM information_schema.role_table_grants g
    WHERE g.table_schema = current_schema() AND g.table_name = 'audit_events'
      AND g.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER', 'REFERENCES')
      AND g.grantee <> (SELECT pg_get_userbyid(c.relowner) FROM pg_class c WHERE c.oid = 'audit_events'::regclass)
  LOOP
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON audit_events FROM %s',
      CASE WHEN grantee_name = 'PUBLIC' THEN 'PUBLIC' ELSE quote_ident(grantee_name) END);
  END LOOP;
END $$;
