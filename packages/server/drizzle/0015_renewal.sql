CREATE TABLE "renewal_case_steps" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "renewal_case_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"step_no" integer NOT NULL,
	"step_key" text NOT NULL,
	"happened_on" date NOT NULL,
	"note" text,
	"recorded_at" timestamp (3) with time zone NOT NULL,
	"recorded_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "renewal_cases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "renewal_cases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"platform_key" text NOT NULL,
	"credit_code" text NOT NULL,
	"enterprise_name" text NOT NULL,
	"industry_code" text,
	"track" text NOT NULL,
	"status" text NOT NULL,
	"steps_done" integer DEFAULT 0 NOT NULL,
	"department" text NOT NULL,
	"responsible_person" text NOT NULL,
	"opened_on" date NOT NULL,
	"deadline" date NOT NULL,
	"completed_on" date,
	"plan_year" integer DEFAULT 0 NOT NULL,
	"measure" text,
	"exit_way" text,
	"disposal_way" text,
	"violation" text,
	"original_capacity" numeric(20, 6),
	"planned_capacity" numeric(20, 6),
	"capacity_unit" text,
	"environment_ok" boolean,
	"safety_ok" boolean,
	"energy_ok" boolean,
	"parcel_code" text,
	"note" text,
	"closed_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"created_by" text NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "renewal_case_steps" ADD CONSTRAINT "renewal_case_steps_case_id_renewal_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."renewal_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_cases" ADD CONSTRAINT "renewal_cases_platform_key_platforms_key_fk" FOREIGN KEY ("platform_key") REFERENCES "public"."platforms"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "renewal_case_steps_case_step_idx" ON "renewal_case_steps" USING btree ("case_id","step_no");--> statement-breakpoint
CREATE UNIQUE INDEX "renewal_cases_one_per_track_idx" ON "renewal_cases" USING btree ("credit_code","track","plan_year") WHERE "renewal_cases"."status" <> 'withdrawn';--> statement-breakpoint
CREATE INDEX "renewal_cases_platform_status_deadline_idx" ON "renewal_cases" USING btree ("platform_key","status","deadline");