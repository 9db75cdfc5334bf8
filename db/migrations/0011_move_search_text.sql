-- Search text moves out of captured_requests into its own indexed table (see db/schema.ts).
INSERT INTO "request_search" ("request_id", "bin_id", "search_text")
SELECT "id", "bin_id", "search_text" FROM "captured_requests" WHERE "search_text" IS NOT NULL;--> statement-breakpoint
-- Requests stored without search text (none are expected) are indexed by the app at start-up.
INSERT INTO "search_queue" ("request_id", "bin_id")
SELECT "id", "bin_id" FROM "captured_requests" WHERE "search_text" IS NULL;
