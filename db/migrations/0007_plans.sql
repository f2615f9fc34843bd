CREATE TABLE "plans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"team_id" integer NOT NULL,
	"user_id" integer,
	"month" text NOT NULL,
	"deals" numeric(14, 2) NOT NULL,
	"close_rate" double precision NOT NULL,
	"card_rate" double precision NOT NULL,
	"carried" integer NOT NULL,
	"days" integer NOT NULL,
	"pool" integer NOT NULL,
	"new_acards" integer NOT NULL,
	"new_customers" integer NOT NULL,
	"customers_per_day" integer NOT NULL,
	"acards_per_day" integer NOT NULL,
	"set_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_scope" UNIQUE NULLS NOT DISTINCT("team_id","user_id","month")
);
--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;