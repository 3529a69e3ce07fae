-- Tenant isolation for telemetry (see 0002_identity_rls.sql); readings and rollups: 0016.
SELECT plantintel_protect_tenant_table('sensors');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('sensor_state');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('sensor_groups');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('sensor_group_members');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('alarms');
