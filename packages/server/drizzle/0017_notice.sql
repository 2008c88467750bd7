CREATE TABLE "key_task_progress" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "key_task_progress_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"task_id" integer NOT NULL,
	"part" text NOT NULL,
	"month" text NOT NULL,
	"value" numeric(20, 6) NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"reported_on" date NOT NULL,
	"reported_at" timestamp (3) with time zone NOT NULL,
	"reported_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "key_tasks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "key_tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"lead_department" text NOT NULL,
	"platform_keys" text[] NOT NULL,
	"deadline" date NOT NULL,
	"target" numeric(20, 6) NOT NULL,
	"unit" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"created_by" text NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notice_objections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notice_objections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"notice_id" integer NOT NULL,
	"number_in_notice" integer NOT NULL,
	"reference" text NOT NULL,
	"credit_code" text NOT NULL,
	"contact" text NOT NULL,
	"reason" text NOT NULL,
	"submitted_at" timestamp (3) with time zone NOT NULL,
	"client_address" text,
	"answer" text,
	"answered_at" timestamp (3) with time zone,
	"answered_by" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"subject_id" integer NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"start_day" date NOT NULL,
	"end_day" date NOT NULL,
	"working_days" integer NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"created_by" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "key_task_progress" ADD CONSTRAINT "key_task_progress_task_id_key_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."key_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "key_task_progress_task_part_month_uq" ON "key_task_progress" USING btree ("task_id","part","month");--> statement-breakpoint
CREATE INDEX "key_tasks_year_idx" ON "key_tasks" USING btree ("year","id");--> statement-breakpoint
CREATE UNIQUE INDEX "notice_objections_number_uq" ON "notice_objections" USING btree ("notice_id","number_in_notice");--> statement-breakpoint
CREATE UNIQUE INDEX "notice_objections_reference_uq" ON "notice_objections" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "notice_objections_notice_idx" ON "notice_objections" USING btree ("notice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notices_kind_subject_uq" ON "notices" USING btree ("kind","subject_id");