DROP INDEX "projects_platform_status_idx";--> statement-breakpoint
CREATE INDEX "projects_platform_status_id_idx" ON "projects" USING btree ("platform_key","status","id");