ALTER TABLE "identities" ADD COLUMN "direct_chat_id" text;--> statement-breakpoint
ALTER TABLE "identities" ADD COLUMN "last_seen_at" timestamp with time zone;