CREATE TABLE "instance" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"instance_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"start_count" integer DEFAULT 1 NOT NULL,
	"last_version" text NOT NULL,
	CONSTRAINT "instance_singleton" CHECK ("instance"."id" = 1)
);
