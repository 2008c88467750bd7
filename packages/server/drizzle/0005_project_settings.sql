CREATE TABLE "project_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"negotiation_window_days" integer NOT NULL,
	"evaluation_sheet" jsonb NOT NULL,
	"version" integer NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "project_settings" ADD CONSTRAINT "project_settings_one_row" CHECK ("id" = 1);