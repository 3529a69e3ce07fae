ALTER TABLE "import_errors" DROP CONSTRAINT "import_errors_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "work_orders" DROP CONSTRAINT "work_orders_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "work_orders" DROP CONSTRAINT "work_orders_facility_id_facilities_id_fk";
