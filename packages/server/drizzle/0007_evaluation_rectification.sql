CREATE TABLE "evaluation_rectification" (
	"run_id" integer NOT NULL,
	"credit_code" text NOT NULL,
	"name" text NOT NULL,
	"platform_key" text,
	"class" text NOT NULL,
	"tax_per_mu" text NOT NULL,
	"bar" text NOT NULL,
	"track" text NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "evaluation_rectification_run_id_credit_code_pk" PRIMARY KEY("run_id","credit_code")
);
--> statement-breakpoint
ALTER TABLE "evaluation_rectification" ADD CONSTRAINT "evaluation_rectification_run_id_evaluation_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."evaluation_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_rectification_run_platform_track_idx" ON "evaluation_rectification" USING btree ("run_id","platform_key","track");