CREATE TABLE "digest_channels" (
	"team_id" integer PRIMARY KEY NOT NULL,
	"platform" "platform" NOT NULL,
	"chat_id" text NOT NULL,
	"set_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "digest_channels" ADD CONSTRAINT "digest_channels_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digest_channels" ADD CONSTRAINT "digest_channels_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_team_time_objections" ON "activities" USING btree ("team_id","occurred_at") WHERE objections <> '{}'::text[];--> statement-breakpoint
CREATE INDEX "customers_team_created" ON "customers" USING btree ("team_id","created_at");--> statement-breakpoint
CREATE INDEX "customers_team_intent" ON "customers" USING btree ("team_id","intent_at") WHERE intent_at is not null;--> statement-breakpoint
CREATE INDEX "follow_ups_team_due" ON "follow_ups" USING btree ("team_id","due_at");