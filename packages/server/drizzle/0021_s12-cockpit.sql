CREATE INDEX "project_events_effective_idx" ON "project_events" USING btree ("effective_date","project_id");--> statement-breakpoint
CREATE INDEX "projects_status_landed_idx" ON "projects" USING btree ("status","landed_on");--> statement-breakpoint
CREATE INDEX "parcel_events_effective_idx" ON "parcel_events" USING btree ("effective_date","parcel_id");