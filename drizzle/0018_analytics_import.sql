CREATE TABLE "analytics_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"reject_policy" text DEFAULT 'skip' NOT NULL,
	"duplicate_policy" text DEFAULT 'refuse' NOT NULL,
	"file_retention_days" integer DEFAULT 365 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analytics_settings_reject_policy_check" CHECK ("analytics_settings"."reject_policy" in ('skip', 'fail')),
	CONSTRAINT "analytics_settings_duplicate_policy_check" CHECK ("analytics_settings"."duplicate_policy" in ('refuse', 'mark'))
);
--> statement-breakpoint
CREATE TABLE "import_errors" (
	"import_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"column_name" text,
	"value" text,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"file_size" bigint NOT NULL,
	"file_hash" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"duplicate_of" uuid,
	"profile_id" uuid,
	"profile_version" integer,
	"mappings" jsonb NOT NULL,
	"aggregation_strategy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"granularity" text DEFAULT 'header' NOT NULL,
	"auto_mapped" boolean DEFAULT false NOT NULL,
	"reject_policy" text DEFAULT 'skip' NOT NULL,
	"sheet" text,
	"detected" jsonb,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_accepted" integer DEFAULT 0 NOT NULL,
	"rows_rejected" integer DEFAULT 0 NOT NULL,
	"work_orders" integer DEFAULT 0 NOT NULL,
	"error_message" text,
	"timings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"job_id" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	CONSTRAINT "imports_status_check" CHECK ("imports"."status" in ('queued', 'processing', 'completed', 'failed')),
	CONSTRAINT "imports_granularity_check" CHECK ("imports"."granularity" in ('header', 'operation')),
	CONSTRAINT "imports_reject_policy_check" CHECK ("imports"."reject_policy" in ('skip', 'fail'))
);
--> statement-breakpoint
CREATE TABLE "mapping_profile_versions" (
	"profile_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"tenant_id" uuid NOT NULL,
	"content" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mapping_profile_versions_profile_id_version_pk" PRIMARY KEY("profile_id","version")
);
--> statement-breakpoint
CREATE TABLE "mapping_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"erp_system" text,
	"data_granularity" text DEFAULT 'header' NOT NULL,
	"aggregation_strategy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"mappings" jsonb NOT NULL,
	"config_variables" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"usage_count" integer DEFAULT 0 NOT NULL,
	"last_used" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mapping_profiles_granularity_check" CHECK ("mapping_profiles"."data_granularity" in ('header', 'operation'))
);
--> statement-breakpoint
CREATE TABLE "work_orders" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "work_orders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tenant_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"operations" integer,
	"work_order" text,
	"operation_seq" text,
	"part_number" text,
	"part_family" text,
	"work_center" text,
	"machine" text,
	"operator" text,
	"shift" text,
	"supplier" text,
	"material_lot" text,
	"customer" text,
	"facility" text,
	"qty_planned" double precision,
	"qty_completed" double precision,
	"qty_scrap" double precision,
	"qty_rework" double precision,
	"planned_start" timestamp with time zone,
	"planned_end" timestamp with time zone,
	"actual_start" timestamp with time zone,
	"actual_end" timestamp with time zone,
	"labor_hours_planned" double precision,
	"labor_hours_actual" double precision,
	"setup_hours" double precision,
	"run_hours" double precision,
	"downtime_minutes" double precision,
	"downtime_reason" text,
	"material_cost_planned" double precision,
	"material_cost_actual" double precision,
	"labor_cost_planned" double precision,
	"labor_cost_actual" double precision,
	"overhead_cost_planned" double precision,
	"overhead_cost_actual" double precision,
	"standard_cost_total" double precision,
	"actual_cost_total" double precision,
	"defect_count" double precision,
	"defect_type" text,
	"machine_failure" boolean,
	"tool_wear_minutes" double precision,
	"process_temperature" double precision,
	"ambient_temperature" double precision,
	"spindle_speed" double precision,
	"torque" double precision,
	"extra" jsonb
);
--> statement-breakpoint
ALTER TABLE "analytics_settings" ADD CONSTRAINT "analytics_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_errors" ADD CONSTRAINT "import_errors_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_errors" ADD CONSTRAINT "import_errors_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_profile_id_mapping_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."mapping_profiles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_profile_versions" ADD CONSTRAINT "mapping_profile_versions_profile_id_mapping_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."mapping_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_profile_versions" ADD CONSTRAINT "mapping_profile_versions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_profiles" ADD CONSTRAINT "mapping_profiles_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_errors_import_row_idx" ON "import_errors" USING btree ("import_id","row_no");--> statement-breakpoint
CREATE INDEX "imports_tenant_created_idx" ON "imports" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "imports_tenant_hash_idx" ON "imports" USING btree ("tenant_id","file_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "mapping_profiles_tenant_name_key" ON "mapping_profiles" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "work_orders_import_row_idx" ON "work_orders" USING btree ("import_id","row_no");--> statement-breakpoint
-- Tenant isolation (see 0002_identity_rls.sql). Work orders and row errors are written by import
-- jobs and never updated.
SELECT plantintel_protect_tenant_table('mapping_profiles');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('mapping_profile_versions', 'tenant_id', 'SELECT, INSERT');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('imports');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('import_errors', 'tenant_id', 'SELECT, INSERT, DELETE');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('work_orders', 'tenant_id', 'SELECT, INSERT, DELETE');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('analytics_settings');
