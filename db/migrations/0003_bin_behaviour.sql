ALTER TABLE "bins" ADD COLUMN "failures_remaining" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "bins" ADD COLUMN "refused_count" bigint DEFAULT 0 NOT NULL;