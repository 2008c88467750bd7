CREATE TABLE "holiday_calendars" (
	"year" integer PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"festivals" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "staff_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"platform_key" text NOT NULL,
	"name" text NOT NULL,
	"position" text NOT NULL,
	"main_leader" boolean NOT NULL,
	"takes_part_in_investment" boolean NOT NULL,
	"from_month" text NOT NULL,
	"until_month" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "time_declarations" (
	"staff_id" integer NOT NULL,
	"month" text NOT NULL,
	"investment_days" numeric(4, 1) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "time_declarations_staff_id_month_pk" PRIMARY KEY("staff_id","month")
);
--> statement-breakpoint
CREATE TABLE "trip_attachments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "trip_attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"trip_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"kind" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_at" timestamp (3) with time zone NOT NULL,
	"uploaded_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trip_contacts" (
	"trip_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"credit_code" text,
	"target_id" integer,
	CONSTRAINT "trip_contacts_trip_id_seq_pk" PRIMARY KEY("trip_id","seq")
);
--> statement-breakpoint
CREATE TABLE "trip_projects" (
	"trip_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	CONSTRAINT "trip_projects_trip_id_project_id_pk" PRIMARY KEY("trip_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "trip_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"report_within_days" integer NOT NULL,
	"version" integer NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trip_travellers" (
	"trip_id" integer NOT NULL,
	"staff_id" integer NOT NULL,
	CONSTRAINT "trip_travellers_trip_id_staff_id_pk" PRIMARY KEY("trip_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "trips" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "trips_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"platform_key" text NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"province" text NOT NULL,
	"city" text NOT NULL,
	"outcome" text NOT NULL,
	"reported_at" timestamp (3) with time zone NOT NULL,
	"reported_on" date NOT NULL,
	"due_on" date NOT NULL,
	"late" boolean NOT NULL,
	"reported_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_platform_key_platforms_key_fk" FOREIGN KEY ("platform_key") REFERENCES "public"."platforms"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_declarations" ADD CONSTRAINT "time_declarations_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trip_attachments" ADD CONSTRAINT "trip_attachments_trip_id_trips_id_fk" FOREIGN KEY ("trip_id") REFERENCES "public"."trips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trip_contacts" ADD CONSTRAINT "trip_contacts_trip_id_trips_id_fk" FOREIGN KEY ("trip_id") REFERENCES "public"."trips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trip_projects" ADD CONSTRAINT "trip_projects_trip_id_trips_id_fk" FOREIGN KEY ("trip_id") REFERENCES "public"."trips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trip_travellers" ADD CONSTRAINT "trip_travellers_trip_id_trips_id_fk" FOREIGN KEY ("trip_id") REFERENCES "public"."trips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trip_travellers" ADD CONSTRAINT "trip_travellers_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trips" ADD CONSTRAINT "trips_platform_key_platforms_key_fk" FOREIGN KEY ("platform_key") REFERENCES "public"."platforms"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_platform_idx" ON "staff" USING btree ("platform_key","id");--> statement-breakpoint
CREATE INDEX "time_declarations_month_idx" ON "time_declarations" USING btree ("month");--> statement-breakpoint
CREATE INDEX "trip_attachments_trip_idx" ON "trip_attachments" USING btree ("trip_id");--> statement-breakpoint
CREATE INDEX "trip_travellers_staff_idx" ON "trip_travellers" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "trips_platform_start_idx" ON "trips" USING btree ("platform_key","start_on");