ALTER TABLE "bins" ADD COLUMN "search_indexed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Bins that exist at the upgrade were indexed from their first capture: they stay so.
UPDATE "bins" SET "search_indexed" = true;--> statement-breakpoint
-- The queue had no foreign key: drop the ids of requests deleted before they were indexed.
DELETE FROM "search_queue" WHERE NOT EXISTS (SELECT 1 FROM "captured_requests" WHERE "captured_requests"."id" = "search_queue"."request_id");--> statement-breakpoint
ALTER TABLE "search_queue" ADD CONSTRAINT "search_queue_request_id_captured_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."captured_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_queue_bin_id_request_id_idx" ON "search_queue" USING btree ("bin_id","request_id");
