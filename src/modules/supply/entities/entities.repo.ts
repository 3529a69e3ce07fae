import { and, asc, desc, eq, gte, ilike, like, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.ts';
import { queryRows } from '../../../platform/db/database.ts';
import {
  supplyClients,
  supplyDemand,
  supplyInventory,
  supplyOrders,
  supplyVehicleAssignments,
  supplyVehicles,
  supplyWarehouses,
} from '../../../platform/db/schema/index.ts';
import { type EntityTable, idWhere } from './crud.repo.ts';

// Each entity kind's own SQL: its list filters and order, and what refers to a row (the 409 of a
// delete). The statements all kinds share are in crud.repo.ts.

/** `text` as a LIKE pattern that matches it literally (`%` and `_` are not wildcards). */
const literal = (text: string) => text.replace(/[\\%_]/g, '\\$&');
const contains = (text: string) => `%${literal(text)}%`;

export const warehouseWhere = (f: { search?: string | undefined }) =>
  f.search
    ? or(ilike(supplyWarehouses.code, contains(f.search)), ilike(supplyWarehouses.name, contains(f.search)))
    : undefined;
export const warehouseOrder = [asc(supplyWarehouses.code)];

export const inventoryWhere = (f: {
  warehouseId?: string | undefined;
  sku?: string | undefined;
  search?: string | undefined;
  category?: string | undefined;
}) =>
  and(
    f.warehouseId ? eq(supplyInventory.warehouseId, f.warehouseId) : undefined,
    f.sku ? like(supplyInventory.sku, `${literal(f.sku)}%`) : undefined,
    f.search
      ? or(
          ilike(supplyInventory.sku, contains(f.search)),
          ilike(supplyInventory.description, contains(f.search)),
        )
      : undefined,
    f.category ? eq(supplyInventory.category, f.category) : undefined,
  );
export const inventoryOrder = [asc(supplyInventory.sku), asc(supplyInventory.warehouseId)];

export const vehicleWhere = (f: {
  status?: string | undefined;
  depotId?: string | undefined;
  search?: string | undefined;
}) =>
  and(
    f.status ? eq(supplyVehicles.status, f.status) : undefined,
    f.depotId ? eq(supplyVehicles.depotId, f.depotId) : undefined,
    f.search
      ? or(ilike(supplyVehicles.code, contains(f.search)), ilike(supplyVehicles.type, contains(f.search)))
      : undefined,
  );
export const vehicleOrder = [asc(supplyVehicles.code)];

export const clientWhere = (f: { search?: string | undefined }) =>
  f.search
    ? or(ilike(supplyClients.name, contains(f.search)), ilike(supplyClients.address, contains(f.search)))
    : undefined;
export const clientOrder = [asc(supplyClients.name)];

export const orderWhere = (f: {
  kind?: string | undefined;
  status?: string | undefined;
  clientId?: string | undefined;
  warehouseId?: string | undefined;
  sku?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}) =>
  and(
    f.kind ? eq(supplyOrders.kind, f.kind) : undefined,
    f.status ? eq(supplyOrders.status, f.status) : undefined,
    f.clientId ? eq(supplyOrders.clientId, f.clientId) : undefined,
    f.warehouseId ? eq(supplyOrders.warehouseId, f.warehouseId) : undefined,
    f.sku ? sql`${supplyOrders.lines} @> ${JSON.stringify([{ sku: f.sku }])}::jsonb` : undefined,
    f.from ? gte(supplyOrders.requestedDate, f.from) : undefined,
    f.to ? lte(supplyOrders.requestedDate, f.to) : undefined,
  );
export const orderOrder = [desc(supplyOrders.requestedDate), asc(supplyOrders.id)];

export const assignmentWhere = (f: {
  vehicleId?: string | undefined;
  orderId?: string | undefined;
  status?: string | undefined;
}) =>
  and(
    f.vehicleId ? eq(supplyVehicleAssignments.vehicleId, f.vehicleId) : undefined,
    f.orderId ? eq(supplyVehicleAssignments.orderId, f.orderId) : undefined,
    f.status ? eq(supplyVehicleAssignments.status, f.status) : undefined,
  );
export const assignmentOrder = [
  asc(supplyVehicleAssignments.vehicleId),
  asc(supplyVehicleAssignments.sequence),
  asc(supplyVehicleAssignments.id),
];

/** Which kinds of rows refer to a warehouse (each true when at least one does). */
export async function warehouseReferences(tx: Executor, id: string) {
  const [row] = await queryRows<{ inventory: boolean; orders: boolean; vehicles: boolean; demand: boolean }>(
    tx,
    sql`select exists (select 1 from supply_inventory where warehouse_id = ${id}) as inventory,
               exists (select 1 from supply_orders where warehouse_id = ${id}) as orders,
               exists (select 1 from supply_vehicles where depot_id = ${id}) as vehicles,
               exists (select 1 from supply_demand where warehouse_id = ${id}) as demand`,
  );
  return row ?? { inventory: false, orders: false, vehicles: false, demand: false };
}

export async function clientHasOrders(tx: Executor, id: string): Promise<boolean> {
  const rows = await tx
    .select({ id: supplyOrders.id })
    .from(supplyOrders)
    .where(eq(supplyOrders.clientId, id))
    .limit(1);
  return rows.length > 0;
}

export async function hasAssignments(tx: Executor, by: { vehicleId: string } | { orderId: string }) {
  const where: SQL =
    'vehicleId' in by
      ? eq(supplyVehicleAssignments.vehicleId, by.vehicleId)
      : eq(supplyVehicleAssignments.orderId, by.orderId);
  const rows = await tx
    .select({ id: supplyVehicleAssignments.id })
    .from(supplyVehicleAssignments)
    .where(where)
    .limit(1);
  return rows.length > 0;
}

/** Days of imported demand of a SKU at a warehouse. */
export async function demandDays(tx: Executor, warehouseId: string, sku: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from supply_demand where warehouse_id = ${warehouseId} and sku = ${sku}`,
  );
  return row?.n ?? 0;
}

export async function deleteDemand(tx: Executor, warehouseId: string, sku: string): Promise<void> {
  await tx
    .delete(supplyDemand)
    .where(and(eq(supplyDemand.warehouseId, warehouseId), eq(supplyDemand.sku, sku)));
}

/** Warehouse ids by code: how import files name warehouses. */
export async function warehouseIdsByCode(tx: Executor): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: supplyWarehouses.id, code: supplyWarehouses.code })
    .from(supplyWarehouses);
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Client ids by name: how import files name clients. */
export async function clientIdsByName(tx: Executor): Promise<Map<string, string>> {
  const rows = await tx.select({ id: supplyClients.id, name: supplyClients.name }).from(supplyClients);
  return new Map(rows.map((r) => [r.name, r.id]));
}

export type NaturalKey =
  | { kind: 'warehouses' | 'vehicles'; code: string }
  | { kind: 'clients'; name: string }
  | { kind: 'inventory'; warehouseId: string; sku: string }
  | { kind: 'orders'; reference: string };

/** The id of the row an import row names by its natural key (code, name, warehouse and SKU…). */
export async function idByKey(tx: Executor, key: NaturalKey): Promise<string | undefined> {
  const byId = (table: EntityTable, where: SQL | undefined) => idWhere(tx, table, where);
  return (() => {
    switch (key.kind) {
      case 'warehouses':
        return byId(supplyWarehouses, eq(supplyWarehouses.code, key.code));
      case 'vehicles':
        return byId(supplyVehicles, eq(supplyVehicles.code, key.code));
      case 'clients':
        return byId(supplyClients, eq(supplyClients.name, key.name));
      case 'inventory':
        return byId(
          supplyInventory,
          and(eq(supplyInventory.warehouseId, key.warehouseId), eq(supplyInventory.sku, key.sku)),
        );
      case 'orders':
        return byId(supplyOrders, eq(supplyOrders.reference, key.reference));
    }
  })();
}
