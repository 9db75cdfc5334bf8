DROP INDEX "captured_requests_search_idx";--> statement-breakpoint
ALTER TABLE "captured_requests" DROP COLUMN "search_text";