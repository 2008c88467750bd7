CREATE TABLE "target_channel_contracts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "target_channel_contracts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"channel_id" integer NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"scope" text NOT NULL,
	"fee_terms" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_channels" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "target_channels_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"platform_key" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"brought_by" text,
	"contact" text,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "target_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"target_id" integer NOT NULL,
	"lineage_id" integer NOT NULL,
	"quarter" text NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"reason" text,
	"details" jsonb,
	"at" timestamp (3) with time zone NOT NULL,
	"actor_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_quarters" (
	"platform_key" text NOT NULL,
	"quarter" text NOT NULL,
	"carried_from" text,
	"carried_at" timestamp (3) with time zone,
	"drops" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"closed_at" timestamp (3) with time zone,
	"closed_by" text,
	CONSTRAINT "target_quarters_platform_key_quarter_pk" PRIMARY KEY("platform_key","quarter")
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "targets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"lineage_id" integer NOT NULL,
	"platform_key" text NOT NULL,
	"quarter" text NOT NULL,
	"name" text NOT NULL,
	"credit_code" text,
	"types" text[] NOT NULL,
	"hq_province" text NOT NULL,
	"hq_city" text NOT NULL,
	"industry_code" text NOT NULL,
	"category" text NOT NULL,
	"catalog_version" text,
	"expected_investment" numeric(20, 4) NOT NULL,
	"tier" text,
	"plan" jsonb NOT NULL,
	"owner" text NOT NULL,
	"status" text NOT NULL,
	"status_reason" text,
	"reason" text,
	"channel_id" integer,
	"project_id" integer,
	"identified_on" date NOT NULL,
	"contacted_on" date,
	"carried_from_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"created_by" text NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "target_channel_contracts" ADD CONSTRAINT "target_channel_contracts_channel_id_target_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."target_channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_channels" ADD CONSTRAINT "target_channels_platform_key_platforms_key_fk" FOREIGN KEY ("platform_key") REFERENCES "public"."platforms"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_events" ADD CONSTRAINT "target_events_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_quarters" ADD CONSTRAINT "target_quarters_platform_key_platforms_key_fk" FOREIGN KEY ("platform_key") REFERENCES "public"."platforms"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_platform_key_platforms_key_fk" FOREIGN KEY ("platform_key") REFERENCES "public"."platforms"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_channel_id_target_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."target_channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "target_events_lineage_idx" ON "target_events" USING btree ("lineage_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "targets_quarter_lineage_idx" ON "targets" USING btree ("platform_key","quarter","lineage_id");--> statement-breakpoint
CREATE INDEX "targets_quarter_idx" ON "targets" USING btree ("quarter","platform_key","id");--> statement-breakpoint
CREATE INDEX "targets_lineage_idx" ON "targets" USING btree ("lineage_id");--> statement-breakpoint
CREATE INDEX "targets_credit_code_idx" ON "targets" USING btree ("credit_code");