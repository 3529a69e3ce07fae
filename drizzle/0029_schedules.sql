CREATE TABLE "analysis_schedule_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"schedule_id" uuid NOT NULL,
	"slot" timestamp with time zone NOT NULL,
	"trigger" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"file_name" text,
	"import_id" uuid,
	"analysis_id" uuid,
	"error" text,
	"comparison" jsonb,
	"timings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"job_id" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	CONSTRAINT "analysis_schedule_runs_trigger_check" CHECK ("analysis_schedule_runs"."trigger" in ('schedule', 'manual')),
	CONSTRAINT "analysis_schedule_runs_status_check" CHECK ("analysis_schedule_runs"."status" in ('queued', 'running', 'completed', 'failed', 'skipped'))
);
--> statement-breakpoint
CREATE TABLE "analysis_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"name" text NOT NULL,
	"cron" text NOT NULL,
	"source_kind" text NOT NULL,
	"url" text,
	"headers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"profile_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"next_run_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analysis_schedules_status_check" CHECK ("analysis_schedules"."status" in ('active', 'paused')),
	CONSTRAINT "analysis_schedules_source_check" CHECK ("analysis_schedules"."source_kind" in ('folder', 'url'))
);
--> statement-breakpoint
ALTER TABLE "analysis_schedule_runs" ADD CONSTRAINT "analysis_schedule_runs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_schedule_runs" ADD CONSTRAINT "analysis_schedule_runs_schedule_id_analysis_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."analysis_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_schedule_runs" ADD CONSTRAINT "analysis_schedule_runs_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_schedule_runs" ADD CONSTRAINT "analysis_schedule_runs_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_schedules" ADD CONSTRAINT "analysis_schedules_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_schedules" ADD CONSTRAINT "analysis_schedules_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_schedules" ADD CONSTRAINT "analysis_schedules_profile_id_mapping_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."mapping_profiles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "analysis_schedule_runs_slot_key" ON "analysis_schedule_runs" USING btree ("schedule_id","slot");--> statement-breakpoint
CREATE INDEX "analysis_schedule_runs_schedule_idx" ON "analysis_schedule_runs" USING btree ("schedule_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "analysis_schedules_name_key" ON "analysis_schedules" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "analysis_schedules_due_idx" ON "analysis_schedules" USING btree ("next_run_at") WHERE "analysis_schedules"."status" = 'active';--> statement-breakpoint
SELECT plantintel_protect_tenant_table('analysis_schedules');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('analysis_schedule_runs');
