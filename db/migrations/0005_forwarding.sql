ALTER TABLE "replays" ADD COLUMN "trigger" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "replays" ADD COLUMN "attempt" integer DEFAULT 1 NOT NULL;