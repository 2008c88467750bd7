CREATE TABLE "target_trips" (
	"target_id" integer NOT NULL,
	"trip_id" integer NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"province" text NOT NULL,
	"city" text NOT NULL,
	"linked_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "target_trips_target_id_trip_id_pk" PRIMARY KEY("target_id","trip_id")
);
--> statement-breakpoint
ALTER TABLE "trips" ADD COLUMN "updated_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "trips" ADD COLUMN "updated_by" text;--> statement-breakpoint
ALTER TABLE "trips" ADD COLUMN "withdrawn_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "trips" ADD COLUMN "withdrawn_by" text;--> statement-breakpoint
ALTER TABLE "trips" ADD COLUMN "withdraw_reason" text;--> statement-breakpoint
ALTER TABLE "target_trips" ADD CONSTRAINT "target_trips_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "target_trips_trip_idx" ON "target_trips" USING btree ("trip_id");