import type { Db, Tx } from './database.ts';
import { transactionWith } from './scoped-transaction.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The one check that a string from outside (a topic, a reference) is a UUID before it reaches SQL. */
export const isUuid = (value: string) => UUID.test(value);

// The database roles of drizzle/0002_identity_rls.sql. The application never queries as the
// connecting user (often a superuser, which row-level security does not bind).
export const TENANT_ROLE = 'plantintel_app';
export const PLATFORM_ROLE = 'plantintel_platform';
const PLATFORM_SCOPE = `select set_config('role', '${PLATFORM_ROLE}', true)`;

/**
 * Runs `work` in a transaction acting as the tenant role with `app.tenant_id` set: every table with
 * tenant data shows and accepts only that tenant's rows, whatever the queries inside forget to filter.
 */
export function inTenant<T>(
  db: Db,
  tenantId: string,
  work: (tx: Tx) => Promise<T>,
  options: TenantWorkOptions = {},
): Promise<T> {
  return scopedToTenant(db, tenantId, work, false, options);
}

export interface TenantWorkOptions {
  /**
   * Plan the transaction's statements without looking at their parameters' values
   * (`plan_cache_mode`; on PostgreSQL, where statements are prepared by name, once per connection).
   * For work whose statements take large arrays (an ingest batch: 50,000 readings): a plan made
   * for the values copies the arrays through the planner at every call, and the plan is the same
   * for every batch anyway.
   */
  genericPlans?: boolean;
}

/**
 * `inTenant` for work that only reads: the database refuses any write in it, and each of its
 * statements is a transaction of its own, sent with its scope in one trip (nothing held open
 * between statements: pipelined-reads.ts, EmbeddedClient.transaction). Under READ COMMITTED a
 * statement sees the same either way. For every read a route serves.
 */
export function readInTenant<T>(db: Db, tenantId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return scopedToTenant(db, tenantId, work, true);
}

function scopedToTenant<T>(
  db: Db,
  tenantId: string,
  work: (tx: Tx) => Promise<T>,
  readOnly: boolean,
  { genericPlans = false }: TenantWorkOptions = {},
) {
  // The id is written into the statement (it travels with BEGIN, where there are no parameters):
  // only a well-formed UUID may be.
  if (!isUuid(tenantId)) return Promise.reject(new Error('inTenant: the tenant id is not a UUID'));
  const plans = genericPlans ? `, set_config('plan_cache_mode', 'force_generic_plan', true)` : '';
  return transactionWith(
    db,
    `select set_config('role', '${TENANT_ROLE}', true), set_config('app.tenant_id', '${tenantId}', true)${plans}`,
    work,
    { readOnly },
  );
}

/**
 * Runs `work` across tenants, as the platform role. For authentication lookups (a login does not
 * know its tenant yet) and for superadmin endpoints, which record what they did in the audit log.
 * Nothing reached from a tenant's request may use it with data the tenant chose.
 */
export function acrossTenants<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return transactionWith(db, PLATFORM_SCOPE, work);
}

/** `acrossTenants` for work that only reads (see `readInTenant`). */
export function readAcrossTenants<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return transactionWith(db, PLATFORM_SCOPE, work, { readOnly: true });
}

/**
 * The tenant a caller acts in. Routes that need one are guarded by access control (a scope implies
 * a tenant), so a missing tenant here is a programming error, not a client's.
 */
export function tenantOf(principal: { tenantId: string | null }): string {
  if (!principal.tenantId) throw new Error('a tenant route was reached without a tenant');
  return principal.tenantId;
}

/** `readInTenant` for the caller's own tenant. */
export function readInCallerTenant<T>(
  db: Db,
  principal: { tenantId: string | null },
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return readInTenant(db, tenantOf(principal), work);
}

/** `inTenant` for the caller's own tenant; `work` also gets the tenant id. */
export function inCallerTenant<T>(
  db: Db,
  principal: { tenantId: string | null },
  work: (tx: Tx, tenantId: string) => Promise<T>,
): Promise<T> {
  const tenantId = tenantOf(principal);
  return inTenant(db, tenantId, (tx) => work(tx, tenantId));
}
