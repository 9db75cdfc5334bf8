ALTER TABLE "bins" ADD COLUMN "last_request_id" bigint;--> statement-breakpoint
ALTER TABLE "captured_requests" ADD COLUMN "previous_id" bigint;--> statement-breakpoint
-- Requests stored before keep a null link; the chain starts from each bin's newest request.
UPDATE "bins" SET "last_request_id" = (SELECT max("id") FROM "captured_requests" WHERE "captured_requests"."bin_id" = "bins"."id");
