CREATE TABLE "land_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"values" jsonb NOT NULL,
	"version" integer NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parcel_deadlines" (
	"parcel_id" integer NOT NULL,
	"kind" text NOT NULL,
	"platform_key" text NOT NULL,
	"responsible_person" text NOT NULL,
	"due_on" date NOT NULL,
	CONSTRAINT "parcel_deadlines_parcel_id_kind_pk" PRIMARY KEY("parcel_id","kind")
);
--> statement-breakpoint
CREATE TABLE "parcel_delays" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "parcel_delays_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"parcel_id" integer NOT NULL,
	"cause" text NOT NULL,
	"reason" text NOT NULL,
	"evidence" text,
	"from_on" date NOT NULL,
	"to_on" date NOT NULL,
	"recorded_at" timestamp (3) with time zone NOT NULL,
	"recorded_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parcel_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "parcel_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"parcel_id" integer NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"effective_date" date NOT NULL,
	"summary" text NOT NULL,
	"details" jsonb,
	"at" timestamp (3) with time zone NOT NULL,
	"actor_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parcels" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "parcels_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"platform_key" text NOT NULL,
	"state" text NOT NULL,
	"area_mu" numeric(20, 6) NOT NULL,
	"planned_use" text NOT NULL,
	"industry_code" text,
	"plot_ratio_min" numeric(20, 6),
	"plot_ratio_max" numeric(20, 6),
	"district" text,
	"address" text,
	"lng" numeric(10, 6),
	"lat" numeric(10, 6),
	"boundary" jsonb,
	"boundary_area_mu" numeric(20, 6),
	"approved_on" date NOT NULL,
	"approval_document" text NOT NULL,
	"responsible_person" text NOT NULL,
	"acquisition_status" text,
	"deadline" date,
	"supply_way" text,
	"contract_no" text,
	"contract_date" date,
	"land_price" numeric(20, 6),
	"holder_credit_code" text,
	"holder_name" text,
	"agreed_start_on" date,
	"agreed_completion_on" date,
	"total_investment" numeric(20, 6),
	"started_on" date,
	"completed_on" date,
	"developed_area" numeric(20, 6),
	"invested_amount" numeric(20, 6),
	"built_area" numeric(20, 6),
	"suspended_since" date,
	"vacated_on" date,
	"vacated_from" text,
	"vacated_from_credit_code" text,
	"vacate_reason" text,
	"reuse_way" text,
	"reused_on" date,
	"recovered_on" date,
	"recovery_decision_no" text,
	"is_public" boolean DEFAULT false NOT NULL,
	"contact" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "parcels_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "parcel_deadlines" ADD CONSTRAINT "parcel_deadlines_parcel_id_parcels_id_fk" FOREIGN KEY ("parcel_id") REFERENCES "public"."parcels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parcel_delays" ADD CONSTRAINT "parcel_delays_parcel_id_parcels_id_fk" FOREIGN KEY ("parcel_id") REFERENCES "public"."parcels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parcel_events" ADD CONSTRAINT "parcel_events_parcel_id_parcels_id_fk" FOREIGN KEY ("parcel_id") REFERENCES "public"."parcels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parcels" ADD CONSTRAINT "parcels_platform_key_platforms_key_fk" FOREIGN KEY ("platform_key") REFERENCES "public"."platforms"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "parcel_deadlines_due_idx" ON "parcel_deadlines" USING btree ("due_on","parcel_id");--> statement-breakpoint
CREATE INDEX "parcel_deadlines_platform_due_idx" ON "parcel_deadlines" USING btree ("platform_key","due_on","parcel_id");--> statement-breakpoint
CREATE INDEX "parcel_delays_parcel_idx" ON "parcel_delays" USING btree ("parcel_id");--> statement-breakpoint
CREATE INDEX "parcel_events_parcel_idx" ON "parcel_events" USING btree ("parcel_id","id");--> statement-breakpoint
CREATE INDEX "parcels_platform_state_id_idx" ON "parcels" USING btree ("platform_key","state","id");--> statement-breakpoint
CREATE INDEX "parcels_public_idx" ON "parcels" USING btree ("is_public");