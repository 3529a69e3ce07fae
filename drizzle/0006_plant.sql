CREATE TABLE "batch_oee" (
	"batch_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"window_seconds" double precision NOT NULL,
	"planned_stop_seconds" double precision NOT NULL,
	"planned_production_seconds" double precision NOT NULL,
	"unplanned_downtime_seconds" double precision NOT NULL,
	"run_seconds" double precision NOT NULL,
	"ideal_run_seconds" double precision NOT NULL,
	"total_count" integer NOT NULL,
	"good_count" integer NOT NULL,
	"availability" double precision,
	"performance" double precision,
	"quality" double precision,
	"oee" double precision,
	"scrap_rate" double precision,
	"yield_rate" double precision,
	"labour_cost" double precision NOT NULL,
	"material_cost" double precision NOT NULL,
	"scrap_cost" double precision NOT NULL,
	"performance_above_ideal" boolean NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "batch_oee_segments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"day" date NOT NULL,
	"shift_name" text,
	"segment_start" timestamp with time zone NOT NULL,
	"segment_end" timestamp with time zone NOT NULL,
	"planned_production_seconds" double precision NOT NULL,
	"unplanned_downtime_seconds" double precision NOT NULL,
	"run_seconds" double precision NOT NULL,
	"ideal_run_seconds" double precision NOT NULL,
	"ideal_good_seconds" double precision NOT NULL,
	"total_count" double precision NOT NULL,
	"good_count" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"code" text NOT NULL,
	"product_sku" text NOT NULL,
	"product_name" text,
	"planned_quantity" integer NOT NULL,
	"ideal_cycle_seconds" double precision NOT NULL,
	"planned_start" timestamp with time zone,
	"planned_end" timestamp with time zone,
	"labour_rate" double precision DEFAULT 0 NOT NULL,
	"material_cost_per_unit" double precision DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"good_count" integer,
	"scrap_count" integer,
	"rework_count" integer,
	"labour_hours" double precision,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "batches_status_check" CHECK ("batches"."status" in ('planned', 'running', 'completed'))
);
--> statement-breakpoint
CREATE TABLE "downtime_reasons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"planned" boolean NOT NULL,
	"category" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "line_status_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reason_code" text,
	"note" text,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"changed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "production_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"status" text DEFAULT 'idle' NOT NULL,
	"status_since" timestamp with time zone DEFAULT now() NOT NULL,
	"status_reason_code" text,
	"oee_target" double precision DEFAULT 0.85 NOT NULL,
	"scrap_threshold" double precision DEFAULT 0.05 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "production_lines_status_check" CHECK ("production_lines"."status" in ('running', 'idle', 'down', 'maintenance'))
);
--> statement-breakpoint
CREATE TABLE "shifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"name" text NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"days" smallint[] NOT NULL,
	"breaks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "batch_oee" ADD CONSTRAINT "batch_oee_batch_id_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_oee" ADD CONSTRAINT "batch_oee_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_oee_segments" ADD CONSTRAINT "batch_oee_segments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_oee_segments" ADD CONSTRAINT "batch_oee_segments_batch_id_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batches" ADD CONSTRAINT "batches_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batches" ADD CONSTRAINT "batches_line_id_production_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."production_lines"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batches" ADD CONSTRAINT "batches_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "downtime_reasons" ADD CONSTRAINT "downtime_reasons_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_status_history" ADD CONSTRAINT "line_status_history_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_status_history" ADD CONSTRAINT "line_status_history_line_id_production_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."production_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "production_lines" ADD CONSTRAINT "production_lines_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "production_lines" ADD CONSTRAINT "production_lines_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "batch_oee_tenant_line_idx" ON "batch_oee" USING btree ("tenant_id","line_id");--> statement-breakpoint
CREATE INDEX "batch_oee_segments_tenant_day_idx" ON "batch_oee_segments" USING btree ("tenant_id","day");--> statement-breakpoint
CREATE INDEX "batch_oee_segments_batch_idx" ON "batch_oee_segments" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "batches_tenant_code_key" ON "batches" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE INDEX "batches_tenant_line_created_idx" ON "batches" USING btree ("tenant_id","line_id","created_at");--> statement-breakpoint
CREATE INDEX "batches_tenant_status_idx" ON "batches" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "downtime_reasons_tenant_code_key" ON "downtime_reasons" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE INDEX "line_status_history_line_time_idx" ON "line_status_history" USING btree ("line_id","started_at");--> statement-breakpoint
CREATE INDEX "line_status_history_tenant_time_idx" ON "line_status_history" USING btree ("tenant_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "production_lines_tenant_facility_code_key" ON "production_lines" USING btree ("tenant_id","facility_id","code");--> statement-breakpoint
CREATE INDEX "production_lines_tenant_status_idx" ON "production_lines" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "shifts_facility_name_key" ON "shifts" USING btree ("tenant_id","facility_id","name");