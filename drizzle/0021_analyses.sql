CREATE TABLE "analyses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'processing' NOT NULL,
	"data_tier" integer,
	"analyzers_run" text[] DEFAULT '{}'::text[] NOT NULL,
	"analyzers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"results" jsonb,
	"narrative" text,
	"narrative_source" text,
	"insight_count" integer DEFAULT 0 NOT NULL,
	"row_count" integer DEFAULT 0 NOT NULL,
	"error_message" text,
	"timings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"job_id" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "analyses_status_check" CHECK ("analyses"."status" in ('processing', 'completed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "analysis_insights" (
	"analysis_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"key" text NOT NULL,
	"analyzer" text NOT NULL,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"score" double precision NOT NULL,
	"body" jsonb NOT NULL,
	CONSTRAINT "analysis_insights_analysis_id_rank_pk" PRIMARY KEY("analysis_id","rank")
);
--> statement-breakpoint
CREATE TABLE "analysis_metrics" (
	"analysis_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"value" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analysis_metrics_analysis_id_metric_pk" PRIMARY KEY("analysis_id","metric")
);
--> statement-breakpoint
CREATE TABLE "analyzer_config_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "analyzer_config_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tenant_id" uuid NOT NULL,
	"facility_id" uuid,
	"preset_type" text NOT NULL,
	"diff" jsonb NOT NULL,
	"changed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analyzer_configs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"facility_id" uuid,
	"preset_type" text DEFAULT 'balanced' NOT NULL,
	"config" jsonb NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analyzer_configs_preset_check" CHECK ("analyzer_configs"."preset_type" in ('conservative', 'balanced', 'aggressive', 'custom'))
);
--> statement-breakpoint
CREATE TABLE "chat_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"analysis_id" uuid NOT NULL,
	"role" text NOT NULL,
	"content" text NOT NULL,
	"sources" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_messages_role_check" CHECK ("chat_messages"."role" in ('user', 'assistant'))
);
--> statement-breakpoint
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_insights" ADD CONSTRAINT "analysis_insights_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_insights" ADD CONSTRAINT "analysis_insights_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_metrics" ADD CONSTRAINT "analysis_metrics_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_metrics" ADD CONSTRAINT "analysis_metrics_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analyzer_config_history" ADD CONSTRAINT "analyzer_config_history_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analyzer_configs" ADD CONSTRAINT "analyzer_configs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analyzer_configs" ADD CONSTRAINT "analyzer_configs_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analyses_tenant_created_idx" ON "analyses" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "analyses_import_idx" ON "analyses" USING btree ("import_id");--> statement-breakpoint
CREATE UNIQUE INDEX "analysis_insights_key" ON "analysis_insights" USING btree ("analysis_id","key");--> statement-breakpoint
CREATE INDEX "analysis_metrics_facility_idx" ON "analysis_metrics" USING btree ("tenant_id","facility_id","metric","created_at");--> statement-breakpoint
CREATE INDEX "analyzer_config_history_scope_idx" ON "analyzer_config_history" USING btree ("tenant_id","facility_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "analyzer_configs_scope_key" ON "analyzer_configs" USING btree ("tenant_id",coalesce("facility_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "chat_messages_analysis_idx" ON "chat_messages" USING btree ("analysis_id","created_at");--> statement-breakpoint
-- Tenant isolation (see 0002_identity_rls.sql). Insights, metrics and the configuration history are
-- written once; the history is append-only for the application.
SELECT plantintel_protect_tenant_table('analyses');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('analysis_insights', 'tenant_id', 'SELECT, INSERT, DELETE');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('analysis_metrics', 'tenant_id', 'SELECT, INSERT, DELETE');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('analyzer_configs');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('analyzer_config_history', 'tenant_id', 'SELECT, INSERT');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('chat_messages', 'tenant_id', 'SELECT, INSERT, DELETE');
