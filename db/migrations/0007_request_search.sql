ALTER TABLE "captured_requests" ADD COLUMN "search_text" text;--> statement-breakpoint
CREATE INDEX "captured_requests_search_idx" ON "captured_requests" USING gin ("search_text" gin_trgm_ops);