CREATE TABLE "enterprise_records" (
	"credit_code" text NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"platform_key" text,
	"kind" text NOT NULL,
	"scale" text NOT NULL,
	"land_owned" numeric(22, 6),
	"land_leased" numeric(22, 6),
	"tax" numeric(22, 6),
	"value_added" numeric(22, 6),
	"revenue" numeric(22, 6),
	"rd_expense" numeric(22, 6),
	"employees" numeric(22, 6),
	"energy_tce" numeric(22, 6),
	"emissions_tons" numeric(22, 6),
	"electricity_kwh" numeric(22, 6),
	"water_tons" numeric(22, 6),
	"producing" boolean NOT NULL,
	"registered_on" date,
	"industry_code" text,
	"backward" boolean DEFAULT false NOT NULL,
	"backward_basis" text,
	"zombie" boolean DEFAULT false NOT NULL,
	"zombie_basis" text,
	"utility" boolean DEFAULT false NOT NULL,
	"imported_at" timestamp (3) with time zone NOT NULL,
	"imported_by" text NOT NULL,
	CONSTRAINT "enterprise_records_credit_code_year_pk" PRIMARY KEY("credit_code","year")
);
--> statement-breakpoint
CREATE TABLE "evaluation_methods" (
	"year" integer PRIMARY KEY NOT NULL,
	"method" jsonb NOT NULL,
	"measures" jsonb NOT NULL,
	"rectification" jsonb NOT NULL,
	"version" integer NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_results" (
	"run_id" integer NOT NULL,
	"credit_code" text NOT NULL,
	"name" text NOT NULL,
	"platform_key" text,
	"set" text NOT NULL,
	"class" text NOT NULL,
	"base_class" text NOT NULL,
	"score" double precision,
	"rank" integer,
	"percentile" double precision,
	"set_size" integer NOT NULL,
	"indicators" jsonb NOT NULL,
	"class_rule" text NOT NULL,
	"excluded_reason" text,
	CONSTRAINT "evaluation_results_run_id_credit_code_pk" PRIMARY KEY("run_id","credit_code")
);
--> statement-breakpoint
CREATE TABLE "evaluation_runs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evaluation_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" integer NOT NULL,
	"method" jsonb NOT NULL,
	"measures" jsonb NOT NULL,
	"rectification" jsonb NOT NULL,
	"city_d_share" numeric(12, 10) NOT NULL,
	"platforms" jsonb NOT NULL,
	"counts" jsonb NOT NULL,
	"sets" jsonb NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"created_by" text NOT NULL,
	"published_at" timestamp (3) with time zone,
	"published_by" text
);
--> statement-breakpoint
ALTER TABLE "enterprise_records" ADD CONSTRAINT "enterprise_records_platform_key_platforms_key_fk" FOREIGN KEY ("platform_key") REFERENCES "public"."platforms"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_results" ADD CONSTRAINT "evaluation_results_run_id_evaluation_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."evaluation_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enterprise_records_year_platform_idx" ON "enterprise_records" USING btree ("year","platform_key","credit_code");--> statement-breakpoint
CREATE INDEX "evaluation_results_run_platform_class_idx" ON "evaluation_results" USING btree ("run_id","platform_key","class");--> statement-breakpoint
CREATE INDEX "evaluation_runs_year_idx" ON "evaluation_runs" USING btree ("year","id");