CREATE TABLE "request_search" (
	"request_id" bigint PRIMARY KEY NOT NULL,
	"bin_id" text NOT NULL,
	"search_text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_queue" (
	"request_id" bigint PRIMARY KEY NOT NULL,
	"bin_id" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "request_search" ADD CONSTRAINT "request_search_request_id_captured_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."captured_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "request_search_bin_id_idx" ON "request_search" USING btree ("bin_id");--> statement-breakpoint
CREATE INDEX "request_search_text_idx" ON "request_search" USING gin ("search_text" gin_trgm_ops);