CREATE TABLE "delivery_keys" (
	"bin_id" text NOT NULL,
	"key" text NOT NULL,
	"first_request_id" bigint NOT NULL,
	"deliveries" integer DEFAULT 1 NOT NULL,
	"last_seen_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delivery_keys_bin_id_key_pk" PRIMARY KEY("bin_id","key")
);
--> statement-breakpoint
ALTER TABLE "captured_requests" ADD COLUMN "dedup_key" text;--> statement-breakpoint
ALTER TABLE "captured_requests" ADD COLUMN "dedup_source" text;--> statement-breakpoint
ALTER TABLE "captured_requests" ADD COLUMN "occurrence" integer;--> statement-breakpoint
ALTER TABLE "captured_requests" ADD COLUMN "duplicate_of" bigint;--> statement-breakpoint
ALTER TABLE "delivery_keys" ADD CONSTRAINT "delivery_keys_bin_id_bins_id_fk" FOREIGN KEY ("bin_id") REFERENCES "public"."bins"("id") ON DELETE cascade ON UPDATE no action;