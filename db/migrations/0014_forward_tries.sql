CREATE TABLE "forward_tries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"bin_id" text NOT NULL,
	"request_id" bigint NOT NULL,
	"rule" jsonb NOT NULL,
	"attempt" integer NOT NULL,
	"due_at" timestamp (3) with time zone NOT NULL,
	"claimed_until" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "forward_tries" ADD CONSTRAINT "forward_tries_bin_id_bins_id_fk" FOREIGN KEY ("bin_id") REFERENCES "public"."bins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forward_tries" ADD CONSTRAINT "forward_tries_request_id_captured_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."captured_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "forward_tries_due_at_idx" ON "forward_tries" USING btree ("due_at");