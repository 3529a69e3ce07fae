CREATE TABLE "alarms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"sensor_id" uuid,
	"group_id" uuid,
	"facility_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"severity" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"message" text NOT NULL,
	"value" double precision,
	"opened_at" timestamp with time zone NOT NULL,
	"last_signal_at" timestamp with time zone NOT NULL,
	"signal_count" integer DEFAULT 1 NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"ack_note" text,
	"cleared_at" timestamp with time zone,
	"cleared_by" uuid,
	"clear_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alarms_status_check" CHECK ("alarms"."status" in ('open', 'acknowledged', 'cleared')),
	CONSTRAINT "alarms_severity_check" CHECK ("alarms"."severity" in ('warning', 'critical')),
	CONSTRAINT "alarms_subject_check" CHECK (("alarms"."sensor_id" is null) <> ("alarms"."group_id" is null))
);
--> statement-breakpoint
CREATE TABLE "sensor_group_members" (
	"group_id" uuid NOT NULL,
	"sensor_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "sensor_group_members_group_id_sensor_id_pk" PRIMARY KEY("group_id","sensor_id")
);
--> statement-breakpoint
CREATE TABLE "sensor_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"model" jsonb,
	"trained_at" timestamp with time zone,
	"align_seconds" integer DEFAULT 60 NOT NULL,
	"evaluated_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sensor_state" (
	"sensor_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"last_ts" timestamp with time zone,
	"last_value" double precision,
	"state" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sensors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"line_id" uuid,
	"equipment" text,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"unit" text,
	"lower_spec" double precision,
	"upper_spec" double precision,
	"target" double precision,
	"sampling_seconds" double precision,
	"detection" jsonb NOT NULL,
	"control_center" double precision,
	"control_sigma" double precision,
	"limits_source" text,
	"clear_after_seconds" integer DEFAULT 300 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sensors_limits_source_check" CHECK ("sensors"."limits_source" in ('manual', 'baseline'))
);
--> statement-breakpoint
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_sensor_id_sensors_id_fk" FOREIGN KEY ("sensor_id") REFERENCES "public"."sensors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_group_id_sensor_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."sensor_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensor_group_members" ADD CONSTRAINT "sensor_group_members_group_id_sensor_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."sensor_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensor_group_members" ADD CONSTRAINT "sensor_group_members_sensor_id_sensors_id_fk" FOREIGN KEY ("sensor_id") REFERENCES "public"."sensors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensor_group_members" ADD CONSTRAINT "sensor_group_members_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensor_groups" ADD CONSTRAINT "sensor_groups_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensor_groups" ADD CONSTRAINT "sensor_groups_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensor_state" ADD CONSTRAINT "sensor_state_sensor_id_sensors_id_fk" FOREIGN KEY ("sensor_id") REFERENCES "public"."sensors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensor_state" ADD CONSTRAINT "sensor_state_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensors" ADD CONSTRAINT "sensors_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensors" ADD CONSTRAINT "sensors_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensors" ADD CONSTRAINT "sensors_line_id_production_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."production_lines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alarms_sensor_rule_active_key" ON "alarms" USING btree ("sensor_id","rule") WHERE "alarms"."status" <> 'cleared' and "alarms"."sensor_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "alarms_group_rule_active_key" ON "alarms" USING btree ("group_id","rule") WHERE "alarms"."status" <> 'cleared' and "alarms"."group_id" is not null;--> statement-breakpoint
CREATE INDEX "alarms_tenant_status_opened_idx" ON "alarms" USING btree ("tenant_id","status","opened_at");--> statement-breakpoint
CREATE INDEX "alarms_sensor_opened_idx" ON "alarms" USING btree ("sensor_id","opened_at");--> statement-breakpoint
CREATE INDEX "sensor_group_members_sensor_idx" ON "sensor_group_members" USING btree ("sensor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sensor_groups_tenant_name_key" ON "sensor_groups" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "sensors_tenant_facility_key_key" ON "sensors" USING btree ("tenant_id","facility_id","key");--> statement-breakpoint
CREATE INDEX "sensors_tenant_line_idx" ON "sensors" USING btree ("tenant_id","line_id");