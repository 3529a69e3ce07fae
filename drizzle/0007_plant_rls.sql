-- Tenant isolation for plant operations (see 0002_identity_rls.sql).
SELECT plantintel_protect_tenant_table('production_lines');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('line_status_history');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('downtime_reasons');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('shifts');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('batches');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('batch_oee');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('batch_oee_segments');
