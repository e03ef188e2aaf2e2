ALTER TABLE "saved_searches" ADD COLUMN "digest_paused" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "saved_searches" ADD COLUMN "last_digest_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "saved_searches" ADD COLUMN "last_digest_vacancy_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "saved_searches" ADD COLUMN "last_digest_count" integer DEFAULT 0 NOT NULL;