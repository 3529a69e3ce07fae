import { and, asc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { countWhere, matchedRows, pageOf } from '../../platform/db/page.ts';
import { facilities, tenants } from '../../platform/db/schema/index.ts';

export type TenantRow = typeof tenants.$inferSelect;
export type TenantInsert = typeof tenants.$inferInsert;
export type FacilityRow = typeof facilities.$inferSelect;

export interface CustomerFilter {
  search?: string | undefined;
  status?: 'trial' | 'active' | 'inactive' | undefined;
  plan?: 'pilot' | 'subscription' | undefined;
  limit: number;
  offset: number;
}

export async function listTenants(tx: Executor, filter: CustomerFilter) {
  const conditions: (SQL | undefined)[] = [
    filter.status ? eq(tenants.status, filter.status) : undefined,
    filter.plan ? eq(tenants.plan, filter.plan) : undefined,
  ];
  if (filter.search) {
    const like = `%${filter.search.replace(/[\\%_]/g, '\\$&')}%`;
    conditions.push(
      or(ilike(tenants.name, like), ilike(tenants.email, like), ilike(tenants.contactName, like)),
    );
  }
  const where = and(...conditions);
  const rows = await tx
    .select({ tenant: tenants, total: matchedRows() })
    .from(tenants)
    .where(where)
    .orderBy(asc(tenants.name), asc(tenants.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return pageOf(
    rows,
    filter.offset,
    (row) => row.tenant,
    () => countWhere(tx, tenants, where),
  );
}

export async function findTenant(tx: Executor, id: string): Promise<TenantRow | undefined> {
  const [row] = await tx.select().from(tenants).where(eq(tenants.id, id));
  return row;
}

export async function findTenantByName(tx: Executor, name: string): Promise<TenantRow | undefined> {
  const [row] = await tx.select().from(tenants).where(eq(tenants.name, name)).limit(1);
  return row;
}

export async function insertTenant(tx: Executor, values: TenantInsert): Promise<TenantRow> {
  const [row] = await tx.insert(tenants).values(values).returning();
  if (!row) throw new Error('tenant not inserted');
  return row;
}

export async function updateTenant(tx: Executor, id: string, patch: Partial<TenantInsert>) {
  const [row] = await tx
    .update(tenants)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(tenants.id, id))
    .returning();
  return row;
}

export async function listFacilities(tx: Executor, tenantId: string): Promise<FacilityRow[]> {
  return tx.select().from(facilities).where(eq(facilities.tenantId, tenantId)).orderBy(asc(facilities.code));
}

export async function findFacility(tx: Executor, tenantId: string, id: string) {
  const [row] = await tx
    .select()
    .from(facilities)
    .where(and(eq(facilities.tenantId, tenantId), eq(facilities.id, id)));
  return row;
}

/**
 * A facility visible in the transaction's tenant scope (row-level security hides other tenants'):
 * what other modules use to check a facility id a client sent, and to read its time zone.
 */
export async function facilityInScope(tx: Executor, id: string): Promise<FacilityRow | undefined> {
  const [row] = await tx.select().from(facilities).where(eq(facilities.id, id));
  return row;
}

export async function insertFacility(
  tx: Executor,
  values: { tenantId: string; code: string; name: string; timezone: string },
): Promise<FacilityRow> {
  const [row] = await tx.insert(facilities).values(values).returning();
  if (!row) throw new Error('facility not inserted');
  return row;
}

export async function updateFacility(
  tx: Executor,
  id: string,
  patch: Partial<Pick<FacilityRow, 'code' | 'name' | 'timezone'>>,
) {
  const [row] = await tx
    .update(facilities)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(facilities.id, id))
    .returning();
  return row;
}
