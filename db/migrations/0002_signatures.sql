ALTER TABLE "bins" ADD COLUMN "secrets_sealed" text;--> statement-breakpoint
ALTER TABLE "captured_requests" ADD COLUMN "signature_verdict" text;--> statement-breakpoint
ALTER TABLE "captured_requests" ADD COLUMN "signature" jsonb;