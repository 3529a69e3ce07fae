-- Tenant isolation for jobs, domain events and their receipts (see 0002_identity_rls.sql).
SELECT plantintel_protect_tenant_table('jobs');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('domain_events', 'tenant_id', 'SELECT, INSERT');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('event_receipts');
