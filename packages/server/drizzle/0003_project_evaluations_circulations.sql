CREATE TABLE "project_circulations" (
	"project_id" integer PRIMARY KEY NOT NULL,
	"from_platform_key" text NOT NULL,
	"to_platform_key" text NOT NULL,
	"first_place_share" numeric(5, 4) NOT NULL,
	"host_share" numeric(5, 4) NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"actor_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_evaluations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "project_evaluations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"sheet" jsonb NOT NULL,
	"scores" jsonb NOT NULL,
	"total" numeric(6, 1) NOT NULL,
	"passes" boolean NOT NULL,
	"verdict" jsonb NOT NULL,
	"opinion" text NOT NULL,
	"reviewer" text NOT NULL,
	"reviewed_on" date NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"actor_name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "project_circulations" ADD CONSTRAINT "project_circulations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_circulations" ADD CONSTRAINT "project_circulations_from_platform_key_platforms_key_fk" FOREIGN KEY ("from_platform_key") REFERENCES "public"."platforms"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_circulations" ADD CONSTRAINT "project_circulations_to_platform_key_platforms_key_fk" FOREIGN KEY ("to_platform_key") REFERENCES "public"."platforms"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_evaluations" ADD CONSTRAINT "project_evaluations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_evaluations_project_idx" ON "project_evaluations" USING btree ("project_id","id");