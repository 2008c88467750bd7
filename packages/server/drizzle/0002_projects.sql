CREATE TABLE "project_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "project_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"reason" text,
	"effective_date" date NOT NULL,
	"details" jsonb,
	"at" timestamp (3) with time zone NOT NULL,
	"actor_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_identities" (
	"identity_key" text PRIMARY KEY NOT NULL,
	"first_project_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "projects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"platform_key" text NOT NULL,
	"reported_platform_key" text NOT NULL,
	"investor_name" text NOT NULL,
	"investor_credit_code" text,
	"identity_key" text NOT NULL,
	"industry_code" text NOT NULL,
	"total_investment" numeric(20, 6) NOT NULL,
	"fixed_asset_investment" numeric(20, 6) NOT NULL,
	"land_mu" numeric(20, 6),
	"expected_annual_tax" numeric(20, 6) NOT NULL,
	"expected_annual_output" numeric(20, 6),
	"description" text DEFAULT '' NOT NULL,
	"category_at_report" text NOT NULL,
	"catalog_version_at_report" text,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"first_report" boolean NOT NULL,
	"duplicate_of" integer,
	"reported_at" timestamp (3) with time zone NOT NULL,
	"reported_by" text NOT NULL,
	"tracked_on" date,
	"landed_on" date,
	"closed_reason" text,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "project_events" ADD CONSTRAINT "project_events_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_platform_key_platforms_key_fk" FOREIGN KEY ("platform_key") REFERENCES "public"."platforms"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_reported_platform_key_platforms_key_fk" FOREIGN KEY ("reported_platform_key") REFERENCES "public"."platforms"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_events_project_idx" ON "project_events" USING btree ("project_id","version");--> statement-breakpoint
CREATE INDEX "projects_platform_status_idx" ON "projects" USING btree ("platform_key","status");--> statement-breakpoint
CREATE INDEX "projects_identity_idx" ON "projects" USING btree ("identity_key");