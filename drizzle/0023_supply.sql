CREATE TABLE "supply_clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"latitude" double precision,
	"longitude" double precision,
	"time_windows" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"service_minutes" double precision DEFAULT 10 NOT NULL,
	"priority" integer DEFAULT 3 NOT NULL,
	"sla_hours" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supply_inventory" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"description" text,
	"category" text,
	"on_hand" double precision DEFAULT 0 NOT NULL,
	"reserved" double precision DEFAULT 0 NOT NULL,
	"on_order" double precision DEFAULT 0 NOT NULL,
	"unit_cost" double precision DEFAULT 0 NOT NULL,
	"holding_cost_rate" double precision DEFAULT 0.2 NOT NULL,
	"ordering_cost" double precision DEFAULT 0 NOT NULL,
	"lead_time_days" double precision DEFAULT 7 NOT NULL,
	"lead_time_sd_days" double precision DEFAULT 0 NOT NULL,
	"service_level" double precision DEFAULT 0.95 NOT NULL,
	"service_kind" text DEFAULT 'cycle' NOT NULL,
	"moq" double precision DEFAULT 0 NOT NULL,
	"lot_size" double precision DEFAULT 1 NOT NULL,
	"policy" text DEFAULT 'sQ' NOT NULL,
	"review_period_days" double precision DEFAULT 7 NOT NULL,
	"supplier" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supply_inventory_service_kind_check" CHECK ("supply_inventory"."service_kind" in ('cycle', 'fill_rate')),
	CONSTRAINT "supply_inventory_policy_check" CHECK ("supply_inventory"."policy" in ('sQ', 'RS'))
);
--> statement-breakpoint
CREATE TABLE "supply_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" text DEFAULT 'customer' NOT NULL,
	"reference" text,
	"client_id" uuid,
	"warehouse_id" uuid NOT NULL,
	"supplier" text,
	"lines" jsonb NOT NULL,
	"requested_date" date NOT NULL,
	"window_start" text,
	"window_end" text,
	"status" text DEFAULT 'confirmed' NOT NULL,
	"priority" integer DEFAULT 3 NOT NULL,
	"decision_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supply_orders_kind_check" CHECK ("supply_orders"."kind" in ('customer', 'purchase', 'transfer')),
	CONSTRAINT "supply_orders_status_check" CHECK ("supply_orders"."status" in ('draft', 'confirmed', 'allocated', 'shipped', 'delivered', 'received', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "supply_vehicle_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"vehicle_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"sequence" integer DEFAULT 1 NOT NULL,
	"planned_start" timestamp with time zone,
	"planned_end" timestamp with time zone,
	"actual_start" timestamp with time zone,
	"actual_end" timestamp with time zone,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supply_assignments_status_check" CHECK ("supply_vehicle_assignments"."status" in ('planned', 'in_progress', 'completed', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "supply_vehicles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"type" text NOT NULL,
	"capacity_kg" double precision NOT NULL,
	"capacity_m3" double precision NOT NULL,
	"cost_per_km" double precision DEFAULT 0 NOT NULL,
	"cost_per_hour" double precision DEFAULT 0 NOT NULL,
	"co2_per_km" double precision DEFAULT 0 NOT NULL,
	"depot_id" uuid,
	"shift_start" text DEFAULT '06:00' NOT NULL,
	"shift_end" text DEFAULT '18:00' NOT NULL,
	"max_driving_hours" double precision DEFAULT 9 NOT NULL,
	"status" text DEFAULT 'available' NOT NULL,
	"features" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supply_vehicles_status_check" CHECK ("supply_vehicles"."status" in ('available', 'in_service', 'maintenance', 'retired'))
);
--> statement-breakpoint
CREATE TABLE "supply_warehouses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"latitude" double precision,
	"longitude" double precision,
	"capacity" double precision,
	"operating_hours" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supply_decision_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text DEFAULT 'purchase' NOT NULL,
	"inventory_id" uuid,
	"warehouse_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"quantity" double precision NOT NULL,
	"order_date" date NOT NULL,
	"arrival_date" date NOT NULL,
	"amount" double precision NOT NULL,
	"explanation" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"order_id" uuid,
	CONSTRAINT "supply_decision_actions_quantity_check" CHECK ("supply_decision_actions"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "supply_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"job_id" uuid,
	"scope" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"constraints" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"constraint_checks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"soft_scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"predicted_cost" double precision,
	"cost_breakdown" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"confidence" double precision,
	"confidence_note" text,
	"summary" text,
	"model_versions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"forecast_run_id" uuid,
	"error_message" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"executed_by" uuid,
	"executed_at" timestamp with time zone,
	CONSTRAINT "supply_decisions_type_check" CHECK ("supply_decisions"."type" in ('replenishment')),
	CONSTRAINT "supply_decisions_status_check" CHECK ("supply_decisions"."status" in ('pending', 'proposed', 'failed', 'approved', 'rejected', 'executed'))
);
--> statement-breakpoint
CREATE TABLE "supply_demand" (
	"tenant_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"day" date NOT NULL,
	"quantity" double precision NOT NULL,
	"promotion" boolean DEFAULT false NOT NULL,
	CONSTRAINT "supply_demand_tenant_id_warehouse_id_sku_day_pk" PRIMARY KEY("tenant_id","warehouse_id","sku","day")
);
--> statement-breakpoint
CREATE TABLE "supply_deployments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"model_id" uuid NOT NULL,
	"model_name" text NOT NULL,
	"stage" text NOT NULL,
	"scope" text DEFAULT 'all' NOT NULL,
	"action" text DEFAULT 'promote' NOT NULL,
	"deployed_by" uuid,
	"reason" text,
	"deployed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supply_deployments_stage_check" CHECK ("supply_deployments"."stage" in ('production', 'staging')),
	CONSTRAINT "supply_deployments_action_check" CHECK ("supply_deployments"."action" in ('promote', 'rollback'))
);
--> statement-breakpoint
CREATE TABLE "supply_forecast_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"job_id" uuid,
	"scope" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"bucket" text DEFAULT 'week' NOT NULL,
	"horizon" integer NOT NULL,
	"level" double precision DEFAULT 0.95 NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"model_id" uuid,
	"series_count" integer DEFAULT 0 NOT NULL,
	"done_count" integer DEFAULT 0 NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error_message" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "supply_forecast_runs_status_check" CHECK ("supply_forecast_runs"."status" in ('queued', 'running', 'completed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "supply_forecasts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "supply_forecasts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tenant_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"inventory_id" uuid,
	"warehouse_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"start_date" date NOT NULL,
	"method" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"demand_class" text NOT NULL,
	"mean" double precision[] NOT NULL,
	"lower" double precision[] NOT NULL,
	"upper" double precision[] NOT NULL,
	"sigma" double precision DEFAULT 0 NOT NULL,
	"mase" double precision,
	"smape" double precision,
	"backtest" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"history_length" integer NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supply_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"parameters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"training_from" date,
	"training_to" date,
	"metrics" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"artifact" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supply_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"nightly_refit" boolean DEFAULT true NOT NULL,
	"refit_hour" integer DEFAULT 2 NOT NULL,
	"last_refit_at" timestamp with time zone,
	"demo_history_pending" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "supply_clients" ADD CONSTRAINT "supply_clients_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_inventory" ADD CONSTRAINT "supply_inventory_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_inventory" ADD CONSTRAINT "supply_inventory_warehouse_id_supply_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."supply_warehouses"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_orders" ADD CONSTRAINT "supply_orders_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_orders" ADD CONSTRAINT "supply_orders_client_id_supply_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."supply_clients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_orders" ADD CONSTRAINT "supply_orders_warehouse_id_supply_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."supply_warehouses"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_vehicle_assignments" ADD CONSTRAINT "supply_vehicle_assignments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_vehicle_assignments" ADD CONSTRAINT "supply_vehicle_assignments_vehicle_id_supply_vehicles_id_fk" FOREIGN KEY ("vehicle_id") REFERENCES "public"."supply_vehicles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_vehicle_assignments" ADD CONSTRAINT "supply_vehicle_assignments_order_id_supply_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."supply_orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_vehicles" ADD CONSTRAINT "supply_vehicles_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_vehicles" ADD CONSTRAINT "supply_vehicles_depot_id_supply_warehouses_id_fk" FOREIGN KEY ("depot_id") REFERENCES "public"."supply_warehouses"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_warehouses" ADD CONSTRAINT "supply_warehouses_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_decision_actions" ADD CONSTRAINT "supply_decision_actions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_decision_actions" ADD CONSTRAINT "supply_decision_actions_decision_id_supply_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."supply_decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_decision_actions" ADD CONSTRAINT "supply_decision_actions_inventory_id_supply_inventory_id_fk" FOREIGN KEY ("inventory_id") REFERENCES "public"."supply_inventory"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_decisions" ADD CONSTRAINT "supply_decisions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_decisions" ADD CONSTRAINT "supply_decisions_forecast_run_id_supply_forecast_runs_id_fk" FOREIGN KEY ("forecast_run_id") REFERENCES "public"."supply_forecast_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_demand" ADD CONSTRAINT "supply_demand_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_demand" ADD CONSTRAINT "supply_demand_warehouse_id_supply_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."supply_warehouses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_deployments" ADD CONSTRAINT "supply_deployments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_deployments" ADD CONSTRAINT "supply_deployments_model_id_supply_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."supply_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_forecast_runs" ADD CONSTRAINT "supply_forecast_runs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_forecast_runs" ADD CONSTRAINT "supply_forecast_runs_model_id_supply_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."supply_models"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_forecasts" ADD CONSTRAINT "supply_forecasts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_forecasts" ADD CONSTRAINT "supply_forecasts_run_id_supply_forecast_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."supply_forecast_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_forecasts" ADD CONSTRAINT "supply_forecasts_inventory_id_supply_inventory_id_fk" FOREIGN KEY ("inventory_id") REFERENCES "public"."supply_inventory"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_models" ADD CONSTRAINT "supply_models_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_settings" ADD CONSTRAINT "supply_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "supply_clients_name_key" ON "supply_clients" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "supply_inventory_sku_key" ON "supply_inventory" USING btree ("tenant_id","warehouse_id","sku");--> statement-breakpoint
CREATE INDEX "supply_inventory_sku_idx" ON "supply_inventory" USING btree ("tenant_id","sku");--> statement-breakpoint
CREATE INDEX "supply_orders_requested_idx" ON "supply_orders" USING btree ("tenant_id","requested_date");--> statement-breakpoint
CREATE INDEX "supply_orders_client_idx" ON "supply_orders" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "supply_orders_warehouse_idx" ON "supply_orders" USING btree ("warehouse_id");--> statement-breakpoint
CREATE INDEX "supply_assignments_vehicle_idx" ON "supply_vehicle_assignments" USING btree ("vehicle_id","sequence");--> statement-breakpoint
CREATE INDEX "supply_assignments_order_idx" ON "supply_vehicle_assignments" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supply_vehicles_code_key" ON "supply_vehicles" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "supply_warehouses_code_key" ON "supply_warehouses" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "supply_decision_actions_position_key" ON "supply_decision_actions" USING btree ("decision_id","position");--> statement-breakpoint
CREATE INDEX "supply_decisions_created_idx" ON "supply_decisions" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "supply_deployments_current_idx" ON "supply_deployments" USING btree ("tenant_id","model_name","stage","scope","deployed_at");--> statement-breakpoint
CREATE INDEX "supply_forecast_runs_created_idx" ON "supply_forecast_runs" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "supply_forecasts_run_idx" ON "supply_forecasts" USING btree ("run_id","sku");--> statement-breakpoint
CREATE INDEX "supply_forecasts_series_idx" ON "supply_forecasts" USING btree ("tenant_id","warehouse_id","sku","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "supply_models_version_key" ON "supply_models" USING btree ("tenant_id","name","version");
--> statement-breakpoint
-- Tenant isolation (see 0002_identity_rls.sql). Deployments are an append-only history.
SELECT plantintel_protect_tenant_table('supply_warehouses');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('supply_inventory');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('supply_vehicles');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('supply_clients');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('supply_orders');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('supply_vehicle_assignments');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('supply_demand');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('supply_models');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('supply_deployments', 'tenant_id', 'SELECT, INSERT, DELETE');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('supply_forecast_runs');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('supply_forecasts');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('supply_decisions');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('supply_decision_actions');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('supply_settings');
