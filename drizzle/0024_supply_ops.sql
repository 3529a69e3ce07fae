CREATE TABLE "supply_anomalies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"order_id" uuid,
	"route_id" uuid,
	"day" date NOT NULL,
	"value" double precision NOT NULL,
	"expected" double precision NOT NULL,
	"score" double precision NOT NULL,
	"detail" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supply_anomalies_kind_check" CHECK ("supply_anomalies"."kind" in ('order_quantity', 'delivery_delay', 'delivery_cost')),
	CONSTRAINT "supply_anomalies_status_check" CHECK ("supply_anomalies"."status" in ('open', 'dismissed'))
);
--> statement-breakpoint
CREATE TABLE "supply_metrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kpi" text NOT NULL,
	"day" date NOT NULL,
	"value" double precision NOT NULL,
	"unit" text,
	"warehouse_id" uuid,
	"source" text DEFAULT 'external' NOT NULL,
	"dimensions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supply_metrics_source_check" CHECK ("supply_metrics"."source" in ('rollup', 'external'))
);
--> statement-breakpoint
CREATE TABLE "supply_routes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"vehicle_id" uuid,
	"vehicle_code" text NOT NULL,
	"depot_id" uuid,
	"stops" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"distance_km" double precision NOT NULL,
	"driving_minutes" double precision NOT NULL,
	"duration_minutes" double precision NOT NULL,
	"load_kg" double precision NOT NULL,
	"load_m3" double precision NOT NULL,
	"utilisation" double precision NOT NULL,
	"co2_kg" double precision NOT NULL,
	"risk" double precision DEFAULT 0 NOT NULL,
	"cost" double precision NOT NULL,
	"explanation" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supply_scenario_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"seed" integer NOT NULL,
	"parameters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"scenarios" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supply_simulations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"job_id" uuid,
	"scenario_set_id" uuid,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"results" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"summary" text,
	"error_message" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "supply_simulations_status_check" CHECK ("supply_simulations"."status" in ('queued', 'running', 'completed', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "supply_decisions" DROP CONSTRAINT "supply_decisions_type_check";--> statement-breakpoint
ALTER TABLE "supply_inventory" ADD COLUMN "unit_weight_kg" double precision DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "supply_inventory" ADD COLUMN "unit_volume_m3" double precision DEFAULT 0.001 NOT NULL;--> statement-breakpoint
ALTER TABLE "supply_orders" ADD COLUMN "weight_kg" double precision;--> statement-breakpoint
ALTER TABLE "supply_orders" ADD COLUMN "volume_m3" double precision;--> statement-breakpoint
ALTER TABLE "supply_orders" ADD COLUMN "required_features" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "supply_orders" ADD COLUMN "delivered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "supply_orders" ADD COLUMN "delivered_quantity" double precision;--> statement-breakpoint
ALTER TABLE "supply_decisions" ADD COLUMN "plan" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "supply_settings" ADD COLUMN "kpi_targets" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "supply_settings" ADD COLUMN "kpi_rolled_through" date;--> statement-breakpoint
ALTER TABLE "supply_anomalies" ADD CONSTRAINT "supply_anomalies_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_anomalies" ADD CONSTRAINT "supply_anomalies_order_id_supply_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."supply_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_anomalies" ADD CONSTRAINT "supply_anomalies_route_id_supply_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."supply_routes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_metrics" ADD CONSTRAINT "supply_metrics_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_metrics" ADD CONSTRAINT "supply_metrics_warehouse_id_supply_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."supply_warehouses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_routes" ADD CONSTRAINT "supply_routes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_routes" ADD CONSTRAINT "supply_routes_decision_id_supply_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."supply_decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_routes" ADD CONSTRAINT "supply_routes_vehicle_id_supply_vehicles_id_fk" FOREIGN KEY ("vehicle_id") REFERENCES "public"."supply_vehicles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_routes" ADD CONSTRAINT "supply_routes_depot_id_supply_warehouses_id_fk" FOREIGN KEY ("depot_id") REFERENCES "public"."supply_warehouses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_scenario_sets" ADD CONSTRAINT "supply_scenario_sets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_simulations" ADD CONSTRAINT "supply_simulations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_simulations" ADD CONSTRAINT "supply_simulations_scenario_set_id_supply_scenario_sets_id_fk" FOREIGN KEY ("scenario_set_id") REFERENCES "public"."supply_scenario_sets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supply_anomalies_day_idx" ON "supply_anomalies" USING btree ("tenant_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "supply_anomalies_order_key" ON "supply_anomalies" USING btree ("tenant_id","kind","order_id") WHERE "supply_anomalies"."order_id" is not null;--> statement-breakpoint
CREATE INDEX "supply_metrics_kpi_idx" ON "supply_metrics" USING btree ("tenant_id","kpi","day");--> statement-breakpoint
CREATE UNIQUE INDEX "supply_routes_position_key" ON "supply_routes" USING btree ("decision_id","position");--> statement-breakpoint
CREATE INDEX "supply_routes_vehicle_idx" ON "supply_routes" USING btree ("vehicle_id");--> statement-breakpoint
CREATE INDEX "supply_scenario_sets_created_idx" ON "supply_scenario_sets" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "supply_simulations_created_idx" ON "supply_simulations" USING btree ("tenant_id","created_at");--> statement-breakpoint
ALTER TABLE "supply_decisions" ADD CONSTRAINT "supply_decisions_type_check" CHECK ("supply_decisions"."type" in ('replenishment', 'routing'));--> statement-breakpoint
SELECT plantintel_protect_tenant_table('supply_routes');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('supply_scenario_sets');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('supply_simulations');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('supply_metrics');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('supply_anomalies');
