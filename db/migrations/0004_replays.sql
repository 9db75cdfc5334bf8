CREATE TABLE "replays" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_id" bigint NOT NULL,
	"bin_id" text NOT NULL,
	"method" text NOT NULL,
	"url" text NOT NULL,
	"request_headers" jsonb NOT NULL,
	"status" integer,
	"response_headers" jsonb NOT NULL,
	"response_body" "bytea" NOT NULL,
	"body_truncated" boolean DEFAULT false NOT NULL,
	"duration_ms" integer NOT NULL,
	"error" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "replays" ADD CONSTRAINT "replays_request_id_captured_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."captured_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "replays" ADD CONSTRAINT "replays_bin_id_bins_id_fk" FOREIGN KEY ("bin_id") REFERENCES "public"."bins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "replays_request_id_idx" ON "replays" USING btree ("request_id","id" desc);