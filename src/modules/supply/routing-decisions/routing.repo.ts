import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.ts';
import {
  supplyClients,
  supplyInventory,
  supplyOrders,
  supplyRoutes,
  supplyVehicleAssignments,
  supplyVehicles,
  supplyWarehouses,
} from '../../../platform/db/schema/index.ts';
import type { DepotRow, OrderRowForRouting, UnitLoad, VehicleRow } from './problem.ts';

// What a routing decision reads (warehouses, vehicles, open customer orders with their clients,
// unit loads) and writes (its routes; at execution, vehicle assignments and allocated orders).

export type RouteRow = typeof supplyRoutes.$inferSelect;
export type RouteInsert = typeof supplyRoutes.$inferInsert;

/** Statuses of customer orders a routing decision plans. */
export const ROUTABLE_STATUSES = ['confirmed', 'allocated'] as const;

const depotColumns = {
  id: supplyWarehouses.id,
  code: supplyWarehouses.code,
  name: supplyWarehouses.name,
  latitude: supplyWarehouses.latitude,
  longitude: supplyWarehouses.longitude,
  operatingHours: supplyWarehouses.operatingHours,
};

export async function warehousesByIds(tx: Executor, ids: string[]): Promise<DepotRow[]> {
  if (ids.length === 0) return [];
  return tx
    .select(depotColumns)
    .from(supplyWarehouses)
    .where(inArray(supplyWarehouses.id, ids))
    .orderBy(asc(supplyWarehouses.code));
}

const vehicleColumns = {
  id: supplyVehicles.id,
  code: supplyVehicles.code,
  type: supplyVehicles.type,
  depotId: supplyVehicles.depotId,
  capacityKg: supplyVehicles.capacityKg,
  capacityM3: supplyVehicles.capacityM3,
  costPerKm: supplyVehicles.costPerKm,
  costPerHour: supplyVehicles.costPerHour,
  co2PerKm: supplyVehicles.co2PerKm,
  shiftStart: supplyVehicles.shiftStart,
  shiftEnd: supplyVehicles.shiftEnd,
  maxDrivingHours: supplyVehicles.maxDrivingHours,
  features: supplyVehicles.features,
  status: supplyVehicles.status,
};
export type VehicleWithStatus = VehicleRow & { status: string };

/** Available vehicles based at the warehouses (all warehouses when `depotIds` is undefined). */
export async function availableVehicles(tx: Executor, depotIds?: string[]): Promise<VehicleWithStatus[]> {
  return tx
    .select(vehicleColumns)
    .from(supplyVehicles)
    .where(
      and(
        eq(supplyVehicles.status, 'available'),
        depotIds ? inArray(supplyVehicles.depotId, depotIds) : sql`${supplyVehicles.depotId} is not null`,
      ),
    )
    .orderBy(asc(supplyVehicles.code));
}

export async function vehiclesByIds(tx: Executor, ids: string[]): Promise<VehicleWithStatus[]> {
  if (ids.length === 0) return [];
  return tx
    .select(vehicleColumns)
    .from(supplyVehicles)
    .where(inArray(supplyVehicles.id, ids))
    .orderBy(asc(supplyVehicles.code));
}

const orderColumns = {
  id: supplyOrders.id,
  kind: supplyOrders.kind,
  status: supplyOrders.status,
  requestedDate: supplyOrders.requestedDate,
  updatedAt: supplyOrders.updatedAt,
  reference: supplyOrders.reference,
  warehouseId: supplyOrders.warehouseId,
  clientId: supplyOrders.clientId,
  clientName: supplyClients.name,
  latitude: supplyClients.latitude,
  longitude: supplyClients.longitude,
  clientWindows: supplyClients.timeWindows,
  windowStart: supplyOrders.windowStart,
  windowEnd: supplyOrders.windowEnd,
  serviceMinutes: sql<number>`coalesce(${supplyClients.serviceMinutes}, 10)`.mapWith(Number),
  priority: supplyOrders.priority,
  requiredFeatures: supplyOrders.requiredFeatures,
  weightKg: supplyOrders.weightKg,
  volumeM3: supplyOrders.volumeM3,
  lines: supplyOrders.lines,
};
export type LoadedOrder = OrderRowForRouting & {
  kind: string;
  status: string;
  requestedDate: string;
  updatedAt: Date;
};

const withClient = (rows: (Omit<LoadedOrder, 'clientWindows'> & { clientWindows: unknown })[]) =>
  rows.map((r) => ({ ...r, clientWindows: (r.clientWindows ?? []) as LoadedOrder['clientWindows'] }));

/** Confirmed or allocated customer orders requested for `date` from the warehouses. */
export async function openOrders(tx: Executor, date: string, warehouseIds: string[]): Promise<LoadedOrder[]> {
  if (warehouseIds.length === 0) return [];
  const rows = await tx
    .select(orderColumns)
    .from(supplyOrders)
    .leftJoin(supplyClients, eq(supplyClients.id, supplyOrders.clientId))
    .where(
      and(
        eq(supplyOrders.kind, 'customer'),
        inArray(supplyOrders.status, [...ROUTABLE_STATUSES]),
        eq(supplyOrders.requestedDate, date),
        inArray(supplyOrders.warehouseId, warehouseIds),
      ),
    )
    .orderBy(asc(supplyOrders.reference), asc(supplyOrders.id));
  return withClient(rows);
}

export async function ordersByIds(tx: Executor, ids: string[]): Promise<LoadedOrder[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select(orderColumns)
    .from(supplyOrders)
    .leftJoin(supplyClients, eq(supplyClients.id, supplyOrders.clientId))
    .where(inArray(supplyOrders.id, ids))
    .orderBy(asc(supplyOrders.reference), asc(supplyOrders.id));
  return withClient(rows);
}

/** Unit weight and volume of the SKUs the orders carry, by `warehouseId|sku`. */
export async function unitLoads(
  tx: Executor,
  orders: Pick<OrderRowForRouting, 'warehouseId' | 'lines'>[],
): Promise<Map<string, UnitLoad>> {
  const skus = [...new Set(orders.flatMap((o) => o.lines.map((l) => l.sku)))];
  const warehouses = [...new Set(orders.map((o) => o.warehouseId))];
  if (skus.length === 0) return new Map();
  const rows = await tx
    .select({
      warehouseId: supplyInventory.warehouseId,
      sku: supplyInventory.sku,
      kg: supplyInventory.unitWeightKg,
      m3: supplyInventory.unitVolumeM3,
    })
    .from(supplyInventory)
    .where(and(inArray(supplyInventory.warehouseId, warehouses), inArray(supplyInventory.sku, skus)));
  return new Map(rows.map((r) => [`${r.warehouseId}|${r.sku}`, { kg: r.kg, m3: r.m3 }]));
}

/** Ids among `ids` that are clients or warehouses of the tenant. */
export async function knownPlaces(tx: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const clients = await tx
    .select({ id: supplyClients.id })
    .from(supplyClients)
    .where(inArray(supplyClients.id, ids));
  const warehouses = await tx
    .select({ id: supplyWarehouses.id })
    .from(supplyWarehouses)
    .where(inArray(supplyWarehouses.id, ids));
  return new Set([...clients, ...warehouses].map((r) => r.id));
}

export async function insertRoutes(tx: Executor, rows: RouteInsert[]) {
  for (let i = 0; i < rows.length; i += 200) await tx.insert(supplyRoutes).values(rows.slice(i, i + 200));
}

export async function routesOf(tx: Executor, decisionId: string): Promise<RouteRow[]> {
  return tx
    .select()
    .from(supplyRoutes)
    .where(eq(supplyRoutes.decisionId, decisionId))
    .orderBy(asc(supplyRoutes.position));
}

/** The orders, locked for the execution's transaction. */
export async function lockOrders(tx: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.select().from(supplyOrders).where(inArray(supplyOrders.id, ids)).for('update');
}

/** Planned assignments of the orders (from an earlier plan) are cancelled; returns how many. */
export async function cancelPlannedAssignments(tx: Executor, orderIds: string[]): Promise<number> {
  if (orderIds.length === 0) return 0;
  const rows = await tx
    .update(supplyVehicleAssignments)
    .set({ status: 'cancelled', updatedAt: new Date() })
    .where(
      and(
        inArray(supplyVehicleAssignments.orderId, orderIds),
        eq(supplyVehicleAssignments.status, 'planned'),
      ),
    )
    .returning({ id: supplyVehicleAssignments.id });
  return rows.length;
}

/** The orders' assignments that are not cancelled (vehicle and order). */
export async function activeAssignments(tx: Executor, orderIds: string[]) {
  if (orderIds.length === 0) return [];
  return tx
    .select({ orderId: supplyVehicleAssignments.orderId, vehicleId: supplyVehicleAssignments.vehicleId })
    .from(supplyVehicleAssignments)
    .where(
      and(
        inArray(supplyVehicleAssignments.orderId, orderIds),
        ne(supplyVehicleAssignments.status, 'cancelled'),
      ),
    );
}

export async function insertAssignments(
  tx: Executor,
  rows: (typeof supplyVehicleAssignments.$inferInsert)[],
) {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await tx
      .insert(supplyVehicleAssignments)
      .values(rows.slice(i, i + 500))
      .returning({ id: supplyVehicleAssignments.id });
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

export async function setOrdersAllocated(tx: Executor, ids: string[]) {
  if (ids.length === 0) return;
  await tx
    .update(supplyOrders)
    .set({ status: 'allocated', updatedAt: new Date() })
    .where(inArray(supplyOrders.id, ids));
}

export async function countRoutes(tx: Executor, decisionId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(supplyRoutes)
    .where(eq(supplyRoutes.decisionId, decisionId));
  return row?.n ?? 0;
}
