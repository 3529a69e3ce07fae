CREATE TABLE "ai_cache_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"key_hash" text NOT NULL,
	"query_text" text NOT NULL,
	"embedding" real[],
	"answer" jsonb NOT NULL,
	"tokens_in" integer DEFAULT 0 NOT NULL,
	"tokens_out" integer DEFAULT 0 NOT NULL,
	"cost_usd" double precision DEFAULT 0 NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_hit_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_pipeline_metrics" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ai_pipeline_metrics_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tenant_id" uuid NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"requests" integer NOT NULL,
	"errors" integer DEFAULT 0 NOT NULL,
	"cache_hits" integer NOT NULL,
	"cache_misses" integer NOT NULL,
	"hit_rate" double precision NOT NULL,
	"latency_p50" double precision NOT NULL,
	"latency_p95" double precision NOT NULL,
	"tokens_in" integer DEFAULT 0 NOT NULL,
	"tokens_out" integer DEFAULT 0 NOT NULL,
	"cost_usd" double precision DEFAULT 0 NOT NULL,
	"cost_saved" double precision DEFAULT 0 NOT NULL,
	"tokens_saved" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_pipeline_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"nodes" jsonb NOT NULL,
	"connections" jsonb NOT NULL,
	"features" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_pipelines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sector" text NOT NULL,
	"nodes" jsonb NOT NULL,
	"connections" jsonb NOT NULL,
	"features" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"node_count" integer DEFAULT 0 NOT NULL,
	"complexity_tier" text NOT NULL,
	"complexity_score" double precision NOT NULL,
	"monthly_cost" double precision NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"store_prompts" boolean DEFAULT false NOT NULL,
	"retention_days" integer DEFAULT 30 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deployed_at" timestamp with time zone,
	CONSTRAINT "ai_pipelines_status_check" CHECK ("ai_pipelines"."status" in ('draft', 'active', 'paused', 'archived')),
	CONSTRAINT "ai_pipelines_tier_check" CHECK ("ai_pipelines"."complexity_tier" in ('simple', 'moderate', 'complex', 'enterprise'))
);
--> statement-breakpoint
CREATE TABLE "ai_query_maps" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"queries" integer NOT NULL,
	"clusters" jsonb NOT NULL,
	"points" jsonb NOT NULL,
	"flows" jsonb NOT NULL,
	"snapshot" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_requests" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ai_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tenant_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"pipeline_version" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"protocol" text NOT NULL,
	"purpose" text NOT NULL,
	"api_key_id" uuid,
	"cache" text NOT NULL,
	"status" text NOT NULL,
	"error_code" text,
	"latency_ms" real NOT NULL,
	"upstream_ms" real DEFAULT 0 NOT NULL,
	"tokens_in" integer DEFAULT 0 NOT NULL,
	"tokens_out" integer DEFAULT 0 NOT NULL,
	"cost_usd" double precision DEFAULT 0 NOT NULL,
	"tokens_saved" integer DEFAULT 0 NOT NULL,
	"cost_saved_usd" double precision DEFAULT 0 NOT NULL,
	"provider" text,
	"model" text,
	"cache_entry_id" uuid,
	"prompt" text,
	"response" text,
	CONSTRAINT "ai_requests_protocol_check" CHECK ("ai_requests"."protocol" in ('openai', 'anthropic', 'internal')),
	CONSTRAINT "ai_requests_cache_check" CHECK ("ai_requests"."cache" in ('off', 'miss', 'exact', 'semantic')),
	CONSTRAINT "ai_requests_status_check" CHECK ("ai_requests"."status" in ('ok', 'error', 'refused', 'budget', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "ai_sector_analytics" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ai_sector_analytics_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tenant_id" uuid NOT NULL,
	"sector" text NOT NULL,
	"date" date NOT NULL,
	"total_requests" integer NOT NULL,
	"cache_hits" integer NOT NULL,
	"cache_misses" integer NOT NULL,
	"avg_latency" double precision NOT NULL,
	"cost_saved" double precision NOT NULL,
	"tokens_saved" integer DEFAULT 0 NOT NULL,
	"top_query_types" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_workspace_keys" (
	"api_key_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_workspaces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"sector" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"monthly_budget_usd" double precision,
	"monthly_budget_tokens" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ai_cache_entries" ADD CONSTRAINT "ai_cache_entries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_cache_entries" ADD CONSTRAINT "ai_cache_entries_pipeline_id_ai_pipelines_id_fk" FOREIGN KEY ("pipeline_id") REFERENCES "public"."ai_pipelines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_pipeline_metrics" ADD CONSTRAINT "ai_pipeline_metrics_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_pipeline_metrics" ADD CONSTRAINT "ai_pipeline_metrics_pipeline_id_ai_pipelines_id_fk" FOREIGN KEY ("pipeline_id") REFERENCES "public"."ai_pipelines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_pipeline_versions" ADD CONSTRAINT "ai_pipeline_versions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_pipeline_versions" ADD CONSTRAINT "ai_pipeline_versions_pipeline_id_ai_pipelines_id_fk" FOREIGN KEY ("pipeline_id") REFERENCES "public"."ai_pipelines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_pipeline_versions" ADD CONSTRAINT "ai_pipeline_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_pipelines" ADD CONSTRAINT "ai_pipelines_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_pipelines" ADD CONSTRAINT "ai_pipelines_workspace_id_ai_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."ai_workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_pipelines" ADD CONSTRAINT "ai_pipelines_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_query_maps" ADD CONSTRAINT "ai_query_maps_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_requests" ADD CONSTRAINT "ai_requests_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_requests" ADD CONSTRAINT "ai_requests_pipeline_id_ai_pipelines_id_fk" FOREIGN KEY ("pipeline_id") REFERENCES "public"."ai_pipelines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_sector_analytics" ADD CONSTRAINT "ai_sector_analytics_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_workspace_keys" ADD CONSTRAINT "ai_workspace_keys_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_workspace_keys" ADD CONSTRAINT "ai_workspace_keys_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_workspace_keys" ADD CONSTRAINT "ai_workspace_keys_workspace_id_ai_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."ai_workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_workspaces" ADD CONSTRAINT "ai_workspaces_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ai_cache_entries_key" ON "ai_cache_entries" USING btree ("pipeline_id","key_hash");--> statement-breakpoint
CREATE INDEX "ai_cache_entries_expires_idx" ON "ai_cache_entries" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ai_pipeline_metrics_hour_key" ON "ai_pipeline_metrics" USING btree ("pipeline_id","hour");--> statement-breakpoint
CREATE UNIQUE INDEX "ai_pipeline_versions_key" ON "ai_pipeline_versions" USING btree ("pipeline_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "ai_pipelines_slug_key" ON "ai_pipelines" USING btree ("tenant_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "ai_pipelines_default_key" ON "ai_pipelines" USING btree ("tenant_id") WHERE "ai_pipelines"."is_default";--> statement-breakpoint
CREATE INDEX "ai_pipelines_workspace_idx" ON "ai_pipelines" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "ai_requests_pipeline_at_idx" ON "ai_requests" USING btree ("pipeline_id","at");--> statement-breakpoint
CREATE INDEX "ai_requests_tenant_at_idx" ON "ai_requests" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "ai_sector_analytics_day_key" ON "ai_sector_analytics" USING btree ("tenant_id","sector","date");--> statement-breakpoint
CREATE INDEX "ai_workspace_keys_workspace_idx" ON "ai_workspace_keys" USING btree ("workspace_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ai_workspaces_name_key" ON "ai_workspaces" USING btree ("tenant_id","name");--> statement-breakpoint
SELECT plantintel_protect_tenant_table('ai_workspaces');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('ai_workspace_keys');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('ai_pipelines');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('ai_pipeline_versions');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('ai_requests');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('ai_pipeline_metrics');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('ai_sector_analytics');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('ai_cache_entries');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('ai_query_maps');
