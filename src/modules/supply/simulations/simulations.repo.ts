import { and, asc, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../platform/db/database.ts';
import { countWhere, matchedRows, pageOf } from '../../../platform/db/page.ts';
import {
  type ForecastScope,
  supplyClients,
  supplyInventory,
  supplyScenarioSets,
  supplySimulations,
  supplyVehicles,
  supplyWarehouses,
} from '../../../platform/db/schema/index.ts';
import { scopeWhere } from '../entities/stock.repo.ts';

// Scenario sets and simulations, and the rows a simulation is built from: inventory in scope,
// warehouses, their vehicles in service, clients with coordinates, lines per customer order.

export type ScenarioSetRow = typeof supplyScenarioSets.$inferSelect;
export type SimulationRow = typeof supplySimulations.$inferSelect;
export type InventoryRow = typeof supplyInventory.$inferSelect;
export type WarehouseRow = typeof supplyWarehouses.$inferSelect;
export type VehicleRow = typeof supplyVehicles.$inferSelect;

export async function insertScenarioSet(tx: Executor, values: typeof supplyScenarioSets.$inferInsert) {
  const [row] = await tx.insert(supplyScenarioSets).values(values).returning();
  if (!row) throw new Error('scenario set not inserted');
  return row;
}

export async function findScenarioSet(tx: Executor, id: string): Promise<ScenarioSetRow | undefined> {
  const [row] = await tx.select().from(supplyScenarioSets).where(eq(supplyScenarioSets.id, id));
  return row;
}

export async function listScenarioSets(tx: Executor, filter: { limit: number; offset: number }) {
  const rows = await tx
    .select({ set: supplyScenarioSets, total: matchedRows() })
    .from(supplyScenarioSets)
    .orderBy(desc(supplyScenarioSets.createdAt), desc(supplyScenarioSets.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return pageOf(
    rows,
    filter.offset,
    (r) => r.set,
    () => countWhere(tx, supplyScenarioSets, undefined),
  );
}

export async function insertSimulation(tx: Executor, values: typeof supplySimulations.$inferInsert) {
  const [row] = await tx.insert(supplySimulations).values(values).returning();
  if (!row) throw new Error('simulation not inserted');
  return row;
}

export async function findSimulation(tx: Executor, id: string): Promise<SimulationRow | undefined> {
  const [row] = await tx.select().from(supplySimulations).where(eq(supplySimulations.id, id));
  return row;
}

export async function updateSimulation(tx: Executor, id: string, values: Partial<SimulationRow>) {
  const [row] = await tx
    .update(supplySimulations)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(supplySimulations.id, id))
    .returning();
  return row;
}

/** Simulations newest first, without their results (a list does not need the distributions). */
export async function listSimulations(
  tx: Executor,
  filter: { status?: string | undefined; limit: number; offset: number },
) {
  const where = filter.status ? eq(supplySimulations.status, filter.status) : undefined;
  const { results: _results, ...columns } = getTableColumns(supplySimulations);
  const rows = await tx
    .select({ ...columns, total: matchedRows() })
    .from(supplySimulations)
    .where(where)
    .orderBy(desc(supplySimulations.createdAt), desc(supplySimulations.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return pageOf(
    rows,
    filter.offset,
    ({ total: _t, ...row }) => row,
    () => countWhere(tx, supplySimulations, where),
  );
}

/** Inventory rows of a scope by SKU then warehouse, at most `limit`. */
export function inventoryForSimulation(
  tx: Executor,
  scope: ForecastScope,
  limit: number,
): Promise<InventoryRow[]> {
  return tx
    .select()
    .from(supplyInventory)
    .where(scopeWhere(scope))
    .orderBy(asc(supplyInventory.sku), asc(supplyInventory.warehouseId))
    .limit(limit);
}

/** Items (SKU × warehouse) of a scope. */
export async function scopeItemCount(tx: Executor, scope: ForecastScope): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number).as('n') })
    .from(supplyInventory)
    .where(scopeWhere(scope));
  return row?.n ?? 0;
}

export function allWarehouses(tx: Executor): Promise<WarehouseRow[]> {
  return tx.select().from(supplyWarehouses).orderBy(asc(supplyWarehouses.code));
}

/** Vehicles that can drive (available or in service), by code. */
export function vehiclesInService(tx: Executor): Promise<VehicleRow[]> {
  return tx
    .select()
    .from(supplyVehicles)
    .where(inArray(supplyVehicles.status, ['available', 'in_service']))
    .orderBy(asc(supplyVehicles.code));
}

export function clientsWithCoordinates(tx: Executor) {
  return tx
    .select({
      latitude: supplyClients.latitude,
      longitude: supplyClients.longitude,
      serviceMinutes: supplyClients.serviceMinutes,
    })
    .from(supplyClients)
    .where(and(sql`${supplyClients.latitude} is not null`, sql`${supplyClients.longitude} is not null`));
}

/** Mean order lines per customer order, per warehouse (warehouses without orders are absent). */
export async function linesPerCustomerOrder(tx: Executor): Promise<Map<string, number>> {
  const rows = await queryRows<{ warehouse_id: string; lines: number }>(
    tx,
    sql`/* linesPerCustomerOrder */
select o.warehouse_id, avg(jsonb_array_length(o.lines))::float8 as lines
  from supply_orders o
 where o.kind = 'customer' and jsonb_typeof(o.lines) = 'array'
 group by o.warehouse_id`,
  );
  return new Map(rows.map((r) => [r.warehouse_id, Number(r.lines)]));
}
