-- Tenant isolation enforced by the database (see README "Tenant isolation").
-- The application never queries as the connecting user: each transaction switches to
--   plantintel_app      — tenant requests; rows limited to current_setting('app.tenant_id')
--   plantintel_platform — authentication lookups and superadmin endpoints (audited by the app)
-- FORCE ROW LEVEL SECURITY makes the policies bind the table owner too; only a superuser connection
-- that never switches role would bypass them, and the application always switches.
-- Roles belong to the cluster, not the database: two databases migrating at once on a new cluster
-- both try to create them, and the one that waits on the other's insert sees unique_violation.
DO $$ BEGIN CREATE ROLE plantintel_app NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
--> statement-breakpoint
DO $$ BEGIN CREATE ROLE plantintel_platform NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
--> statement-breakpoint
-- A non-superuser connecting user must be a member of both roles to switch to them.
DO $$ BEGIN
  EXECUTE format('GRANT plantintel_app, plantintel_platform TO %I', current_user);
EXCEPTION WHEN unique_violation THEN NULL;
WHEN insufficient_privilege OR invalid_grant_operation THEN
  RAISE WARNING 'could not grant the plantintel roles to %; grant them before starting the server', current_user;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO plantintel_app, plantintel_platform;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_tenant_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;
--> statement-breakpoint
-- Every table holding tenant data calls this once, in the migration that creates it.
CREATE OR REPLACE FUNCTION plantintel_protect_tenant_table(
  tbl regclass,
  tenant_column text DEFAULT 'tenant_id',
  app_privileges text DEFAULT 'SELECT, INSERT, UPDATE, DELETE'
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', tbl);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s TO plantintel_app USING (%I = app_tenant_id()) WITH CHECK (%I = app_tenant_id())',
    tbl, tenant_column, tenant_column);
  EXECUTE format('DROP POLICY IF EXISTS platform_access ON %s', tbl);
  EXECUTE format('CREATE POLICY platform_access ON %s TO plantintel_platform USING (true) WITH CHECK (true)', tbl);
  EXECUTE format('GRANT %s ON %s TO plantintel_app', app_privileges, tbl);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO plantintel_platform', tbl);
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION plantintel_protect_tenant_table(regclass, text, text) FROM PUBLIC;
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('tenants', 'id', 'SELECT');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('facilities');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('memberships');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('invitations');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('refresh_tokens');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('api_keys');
--> statement-breakpoint
SELECT plantintel_protect_tenant_table('audit_log', 'tenant_id', 'SELECT, INSERT');
--> statement-breakpoint
REVOKE UPDATE, DELETE ON audit_log FROM plantintel_platform;
--> statement-breakpoint
-- Users are global (one login across tenants): a tenant sees the users who are its members.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE users FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_members ON users TO plantintel_app USING (
  EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.tenant_id = app_tenant_id())
);
--> statement-breakpoint
CREATE POLICY platform_access ON users TO plantintel_platform USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT ON users TO plantintel_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON users TO plantintel_platform;
