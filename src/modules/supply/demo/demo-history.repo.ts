// The demo history's queries: which tenants still wait for it, the stock points to write it for,
// and the bulk insert of daily demand (binary arrays: one statement per ~5,000 days, five parameters).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { float8Array, int4Array, nullableBinaryArray } from '../../../platform/db/binary-arrays.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { queryRows } from '../../../platform/db/database.ts';
import {
  jobs,
  supplyInventory,
  supplySettings,
  supplyWarehouses,
} from '../../../platform/db/schema/index.ts';

export const DEMO_HISTORY_JOB = 'supply.demo-history';

/** Tenants whose demo history is still to be written (platform scope). */
export async function pendingDemoTenants(tx: Executor): Promise<string[]> {
  const rows = await tx
    .select({ tenantId: supplySettings.tenantId })
    .from(supplySettings)
    .where(eq(supplySettings.demoHistoryPending, true));
  return rows.map((r) => r.tenantId);
}

/** The tenant's demo history job that is queued, running or waiting for a retry, if any. */
export async function activeDemoJob(tx: Executor): Promise<string | undefined> {
  const [row] = await tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.name, DEMO_HISTORY_JOB), inArray(jobs.status, ['queued', 'running', 'retrying'])))
    .limit(1);
  return row?.id;
}

export async function isDemoHistoryPending(tx: Executor): Promise<boolean> {
  const [row] = await tx.select({ pending: supplySettings.demoHistoryPending }).from(supplySettings);
  return row?.pending ?? false;
}

export async function clearDemoHistoryPending(tx: Executor) {
  await tx.update(supplySettings).set({ demoHistoryPending: false, updatedAt: new Date() });
}

export interface DemoSeriesKey {
  warehouseId: string;
  warehouseCode: string;
  sku: string;
  category: string | null;
}

/** The tenant's stock points, in a stable order (warehouse code, SKU). */
export function demoSeriesKeys(tx: Executor): Promise<DemoSeriesKey[]> {
  return tx
    .select({
      warehouseId: supplyInventory.warehouseId,
      warehouseCode: supplyWarehouses.code,
      sku: supplyInventory.sku,
      category: supplyInventory.category,
    })
    .from(supplyInventory)
    .innerJoin(supplyWarehouses, eq(supplyWarehouses.id, supplyInventory.warehouseId))
    .orderBy(asc(supplyWarehouses.code), asc(supplyInventory.sku));
}

/** A batch of series that share their first day, as columns: day `d` of series `k` (0-based). */
export interface DemandBatch {
  tenantId: string;
  start: string;
  warehouseIds: string[];
  skus: string[];
  series: Int32Array;
  dayIndex: Int32Array;
  quantity: Float64Array;
  promotion: boolean[];
}

/** Inserts the batch, skipping days already stored; returns the rows inserted. */
export async function insertDemandBatch(tx: Executor, b: DemandBatch): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`/* insertDemandBatch */
with s as (select ${sql.param(b.warehouseIds)}::uuid[] as warehouses, ${nullableBinaryArray('text', b.skus)}::text[] as skus),
ins as (
  insert into supply_demand (tenant_id, warehouse_id, sku, day, quantity, promotion)
  select ${b.tenantId}::uuid, s.warehouses[i.k + 1], s.skus[i.k + 1], ${b.start}::date + i.d, i.q, i.p
  from s, (select unnest(${int4Array(b.series)}::int4[]) as k, unnest(${int4Array(b.dayIndex)}::int4[]) as d,
                  unnest(${float8Array(b.quantity)}::float8[]) as q,
                  unnest(${nullableBinaryArray('bool', b.promotion)}::bool[]) as p) i
  on conflict do nothing
  returning 1
)
select count(*)::int as n from ins`,
  );
  return row?.n ?? 0;
}
