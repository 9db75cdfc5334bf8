CREATE TABLE "bins" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text,
	"token_hash" text NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "captured_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"bin_id" text NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"query" text DEFAULT '' NOT NULL,
	"headers" jsonb NOT NULL,
	"body" "bytea" NOT NULL,
	"content_type" text,
	"body_size" bigint NOT NULL,
	"body_too_large" boolean DEFAULT false NOT NULL,
	"remote_addr" text,
	"response_status" integer NOT NULL,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "captured_requests" ADD CONSTRAINT "captured_requests_bin_id_bins_id_fk" FOREIGN KEY ("bin_id") REFERENCES "public"."bins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "captured_requests_bin_id_id_idx" ON "captured_requests" USING btree ("bin_id","id" desc);