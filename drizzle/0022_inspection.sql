CREATE TABLE "inspection_cameras" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"station_id" uuid NOT NULL,
	"serial_number" text NOT NULL,
	"name" text NOT NULL,
	"line_id" uuid,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"mm_per_pixel" double precision NOT NULL,
	"orientation" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'offline' NOT NULL,
	"last_seen_at" timestamp with time zone,
	"detect_on_ingest" boolean DEFAULT false NOT NULL,
	"detector" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"region_version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_cameras_status_check" CHECK ("inspection_cameras"."status" in ('online', 'offline', 'maintenance'))
);
--> statement-breakpoint
CREATE TABLE "inspection_current_parts" (
	"station_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"part_number" text NOT NULL,
	"part_serial" text,
	"set_by" uuid,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_defects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"image_id" uuid NOT NULL,
	"trigger_id" uuid NOT NULL,
	"camera_id" uuid NOT NULL,
	"cx" double precision NOT NULL,
	"cy" double precision NOT NULL,
	"bbox_x" double precision NOT NULL,
	"bbox_y" double precision NOT NULL,
	"bbox_w" double precision NOT NULL,
	"bbox_h" double precision NOT NULL,
	"contour" jsonb,
	"area_px" double precision NOT NULL,
	"diameter_mm" double precision NOT NULL,
	"area_mm2" double precision NOT NULL,
	"type" text NOT NULL,
	"confidence" double precision,
	"source" text NOT NULL,
	"region_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"ignored" boolean DEFAULT false NOT NULL,
	"disposition" text DEFAULT 'pending' NOT NULL,
	"disposition_by" uuid,
	"disposition_at" timestamp with time zone,
	"disposition_note" text,
	"review" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_defects_type_check" CHECK ("inspection_defects"."type" in ('porosity', 'gas_pore', 'shrinkage', 'inclusion', 'crack', 'other')),
	CONSTRAINT "inspection_defects_source_check" CHECK ("inspection_defects"."source" in ('vision', 'detector', 'manual')),
	CONSTRAINT "inspection_defects_disposition_check" CHECK ("inspection_defects"."disposition" in ('pending', 'accept', 'reject', 'rework', 'false_positive')),
	CONSTRAINT "inspection_defects_review_check" CHECK ("inspection_defects"."review" is null or "inspection_defects"."review" in ('pending', 'confirmed', 'overturned'))
);
--> statement-breakpoint
CREATE TABLE "inspection_images" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"trigger_id" uuid NOT NULL,
	"camera_id" uuid NOT NULL,
	"file_key" text NOT NULL,
	"bytes" bigint NOT NULL,
	"format" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bit_depth" integer NOT NULL,
	"channels" integer DEFAULT 1 NOT NULL,
	"window_low" integer,
	"window_high" integer,
	"region_version" integer NOT NULL,
	"verdict" text NOT NULL,
	"verdict_detail" jsonb NOT NULL,
	"captured_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_images_verdict_check" CHECK ("inspection_images"."verdict" in ('pass', 'fail'))
);
--> statement-breakpoint
CREATE TABLE "inspection_parts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"part_number" text NOT NULL,
	"name" text NOT NULL,
	"material" text,
	"drawing_revision" text,
	"region_set" text DEFAULT 'default' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_region_versions" (
	"camera_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"tenant_id" uuid NOT NULL,
	"change" text NOT NULL,
	"regions" jsonb NOT NULL,
	"changed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_region_versions_camera_id_version_pk" PRIMARY KEY("camera_id","version")
);
--> statement-breakpoint
CREATE TABLE "inspection_regions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"camera_id" uuid NOT NULL,
	"region_set" text DEFAULT 'default' NOT NULL,
	"name" text NOT NULL,
	"severity" text DEFAULT 'major' NOT NULL,
	"kind" text DEFAULT 'inspect' NOT NULL,
	"polygon" jsonb NOT NULL,
	"rules" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_regions_severity_check" CHECK ("inspection_regions"."severity" in ('critical', 'major', 'minor')),
	CONSTRAINT "inspection_regions_kind_check" CHECK ("inspection_regions"."kind" in ('inspect', 'ignore'))
);
--> statement-breakpoint
CREATE TABLE "inspection_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"second_review" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_stations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"line_id" uuid,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_triggers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"station_id" uuid NOT NULL,
	"part_number" text NOT NULL,
	"part_serial" text NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"verdict" text NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"image_count" integer DEFAULT 0 NOT NULL,
	"defect_count" integer DEFAULT 0 NOT NULL,
	"disposition" text,
	"disposition_by" uuid,
	"disposition_at" timestamp with time zone,
	"disposition_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_triggers_verdict_check" CHECK ("inspection_triggers"."verdict" in ('pass', 'fail')),
	CONSTRAINT "inspection_triggers_disposition_check" CHECK ("inspection_triggers"."disposition" is null or "inspection_triggers"."disposition" in ('accept', 'reject', 'rework', 'scrap'))
);
--> statement-breakpoint
ALTER TABLE "inspection_cameras" ADD CONSTRAINT "inspection_cameras_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_cameras" ADD CONSTRAINT "inspection_cameras_station_id_inspection_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."inspection_stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_cameras" ADD CONSTRAINT "inspection_cameras_line_id_production_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."production_lines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_current_parts" ADD CONSTRAINT "inspection_current_parts_station_id_inspection_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."inspection_stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_current_parts" ADD CONSTRAINT "inspection_current_parts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_defects" ADD CONSTRAINT "inspection_defects_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_defects" ADD CONSTRAINT "inspection_defects_image_id_inspection_images_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."inspection_images"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_images" ADD CONSTRAINT "inspection_images_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_images" ADD CONSTRAINT "inspection_images_trigger_id_inspection_triggers_id_fk" FOREIGN KEY ("trigger_id") REFERENCES "public"."inspection_triggers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_images" ADD CONSTRAINT "inspection_images_camera_id_inspection_cameras_id_fk" FOREIGN KEY ("camera_id") REFERENCES "public"."inspection_cameras"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_parts" ADD CONSTRAINT "inspection_parts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_region_versions" ADD CONSTRAINT "inspection_region_versions_camera_id_inspection_cameras_id_fk" FOREIGN KEY ("camera_id") REFERENCES "public"."inspection_cameras"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_region_versions" ADD CONSTRAINT "inspection_region_versions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_regions" ADD CONSTRAINT "inspection_regions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_regions" ADD CONSTRAINT "inspection_regions_camera_id_inspection_cameras_id_fk" FOREIGN KEY ("camera_id") REFERENCES "public"."inspection_cameras"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_settings" ADD CONSTRAINT "inspection_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_stations" ADD CONSTRAINT "inspection_stations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_stations" ADD CONSTRAINT "inspection_stations_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_stations" ADD CONSTRAINT "inspection_stations_line_id_production_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."production_lines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_triggers" ADD CONSTRAINT "inspection_triggers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_triggers" ADD CONSTRAINT "inspection_triggers_station_id_inspection_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."inspection_stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_cameras_serial_key" ON "inspection_cameras" USING btree ("tenant_id","serial_number");--> statement-breakpoint
CREATE INDEX "inspection_cameras_station_idx" ON "inspection_cameras" USING btree ("station_id");--> statement-breakpoint
CREATE INDEX "inspection_defects_image_idx" ON "inspection_defects" USING btree ("image_id");--> statement-breakpoint
CREATE INDEX "inspection_defects_created_idx" ON "inspection_defects" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "inspection_images_camera_idx" ON "inspection_images" USING btree ("camera_id","captured_at");--> statement-breakpoint
CREATE INDEX "inspection_images_trigger_idx" ON "inspection_images" USING btree ("trigger_id");--> statement-breakpoint
CREATE INDEX "inspection_images_file_idx" ON "inspection_images" USING btree ("file_key");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_parts_number_key" ON "inspection_parts" USING btree ("tenant_id","part_number");--> statement-breakpoint
CREATE INDEX "inspection_regions_camera_idx" ON "inspection_regions" USING btree ("camera_id","region_set");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_stations_name_key" ON "inspection_stations" USING btree ("tenant_id","facility_id","name");--> statement-breakpoint
CREATE INDEX "inspection_triggers_station_idx" ON "inspection_triggers" USING btree ("tenant_id","station_id","ts");--> statement-breakpoint
CREATE INDEX "inspection_triggers_serial_idx" ON "inspection_triggers" USING btree ("tenant_id","part_serial","ts");--> statement-breakpoint
CREATE INDEX "inspection_triggers_ts_idx" ON "inspection_triggers" USING btree ("tenant_id","ts");--> statement-breakpoint
-- Tenant isolation (see 0002_identity_rls.sql). Region versions are written once.
SELECT plantintel_protect_tenant_table('inspection_settings');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('inspection_stations');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('inspection_parts');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('inspection_current_parts');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('inspection_cameras');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('inspection_regions');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('inspection_region_versions', 'tenant_id', 'SELECT, INSERT, DELETE');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('inspection_triggers');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('inspection_images');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('inspection_defects');
