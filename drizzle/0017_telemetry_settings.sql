CREATE TABLE "telemetry_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"auto_create_sensors" boolean DEFAULT false NOT NULL,
	"default_facility_id" uuid,
	"mqtt_topic_key" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "telemetry_settings" ADD CONSTRAINT "telemetry_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "telemetry_settings" ADD CONSTRAINT "telemetry_settings_default_facility_id_facilities_id_fk" FOREIGN KEY ("default_facility_id") REFERENCES "public"."facilities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "telemetry_settings_mqtt_topic_key_key" ON "telemetry_settings" USING btree ("mqtt_topic_key");--> statement-breakpoint
SELECT plantintel_protect_tenant_table('telemetry_settings');
