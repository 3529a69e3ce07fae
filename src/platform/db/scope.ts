import { sql } from 'drizzle-orm';
import type { Db, Tx } from './database.ts';

// The database roles of drizzle/0002_identity_rls.sql. The application never queries as the
// connecting user (often a superuser, which row-level security does not bind).
export const TENANT_ROLE = 'plantintel_app';
export const PLATFORM_ROLE = 'plantintel_platform';

/**
 * Runs `work` in a transaction acting as the tenant role with `app.tenant_id` set: every table with
 * tenant data shows and accepts only that tenant's rows, whatever the queries inside forget to filter.
 */
export function inTenant<T>(db: Db, tenantId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', ${TENANT_ROLE}, true), set_config('app.tenant_id', ${tenantId}, true)`,
    );
    return work(tx);
  });
}

/**
 * Runs `work` across tenants, as the platform role. For authentication lookups (a login does not
 * know its tenant yet) and for superadmin endpoints, which record what they did in the audit log.
 * Nothing reached from a tenant's request may use it with data the tenant chose.
 */
export function acrossTenants<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', ${PLATFORM_ROLE}, true)`);
    return work(tx);
  });
}
