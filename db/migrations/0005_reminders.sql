CREATE TABLE "scheduled_runs" (
	"kind" text NOT NULL,
	"scope_key" text NOT NULL,
	"period" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scheduled_runs_kind_scope_key_period_pk" PRIMARY KEY("kind","scope_key","period")
);
--> statement-breakpoint
CREATE INDEX "follow_ups_unnotified" ON "follow_ups" USING btree ("due_at") WHERE notified_at is null;--> statement-breakpoint
CREATE INDEX "follow_ups_customer" ON "follow_ups" USING btree ("customer_id");