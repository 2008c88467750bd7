CREATE TABLE "assessment_interviews" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assessment_interviews_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"platform_key" text NOT NULL,
	"year" integer NOT NULL,
	"assessment_id" integer,
	"reason" text NOT NULL,
	"held_on" date NOT NULL,
	"participants" text NOT NULL,
	"minutes" text NOT NULL,
	"follow_up_deadline" date NOT NULL,
	"recorded_at" timestamp (3) with time zone NOT NULL,
	"recorded_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_milestones" (
	"project_id" integer PRIMARY KEY NOT NULL,
	"responsible_unit" text NOT NULL,
	"milestones" jsonb NOT NULL,
	"version" integer NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_rubrics" (
	"year" integer PRIMARY KEY NOT NULL,
	"rubric" jsonb NOT NULL,
	"version" integer NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assessments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" integer NOT NULL,
	"as_of" date NOT NULL,
	"status" text NOT NULL,
	"rubric" jsonb NOT NULL,
	"rubric_version" integer NOT NULL,
	"result" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"created_by" text NOT NULL,
	"published_at" timestamp (3) with time zone,
	"published_by" text
);
--> statement-breakpoint
ALTER TABLE "assessment_interviews" ADD CONSTRAINT "assessment_interviews_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_interviews_platform_idx" ON "assessment_interviews" USING btree ("platform_key","year");--> statement-breakpoint
CREATE INDEX "assessments_year_idx" ON "assessments" USING btree ("year","id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_one_published_per_year" ON "assessments" USING btree ("year") WHERE "assessments"."status" = 'published';