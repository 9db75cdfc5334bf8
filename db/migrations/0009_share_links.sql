CREATE TABLE "bin_shares" (
	"id" text PRIMARY KEY NOT NULL,
	"bin_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"request_id" bigint,
	"label" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bin_shares_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "bin_shares" ADD CONSTRAINT "bin_shares_bin_id_bins_id_fk" FOREIGN KEY ("bin_id") REFERENCES "public"."bins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bin_shares" ADD CONSTRAINT "bin_shares_request_id_captured_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."captured_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bin_shares_bin_id_idx" ON "bin_shares" USING btree ("bin_id");