CREATE TABLE "assessment_figure_rows" (
	"assessment_id" integer NOT NULL,
	"platform_key" text NOT NULL,
	"source_key" text NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"ref" text NOT NULL,
	"name" text NOT NULL,
	"figure" text NOT NULL,
	"note" text NOT NULL,
	CONSTRAINT "assessment_figure_rows_assessment_id_platform_key_source_key_seq_pk" PRIMARY KEY("assessment_id","platform_key","source_key","seq")
);
--> statement-breakpoint
ALTER TABLE "assessment_figure_rows" ADD CONSTRAINT "assessment_figure_rows_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;