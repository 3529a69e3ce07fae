import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { float8Array, nullableBinaryArray } from '../../../platform/db/binary-arrays.ts';
import { type Executor, queryRows } from '../../../platform/db/database.ts';
import {
  type ForecastScope,
  type OrderLine,
  supplyInventory,
  supplyOrders,
} from '../../../platform/db/schema/index.ts';

// Stock: inventory rows and what orders do to them. Shared with the decision service, which
// places purchase orders (insertOrder + addOnOrder) when a replenishment decision is executed.

export type InventoryRow = typeof supplyInventory.$inferSelect;
export type OrderRow = typeof supplyOrders.$inferSelect;
export type OrderInsert = typeof supplyOrders.$inferInsert;

export async function findInventory(tx: Executor, id: string): Promise<InventoryRow | undefined> {
  const [row] = await tx.select().from(supplyInventory).where(eq(supplyInventory.id, id));
  return row;
}

export async function findInventoryBySku(
  tx: Executor,
  warehouseId: string,
  sku: string,
): Promise<InventoryRow | undefined> {
  const [row] = await tx
    .select()
    .from(supplyInventory)
    .where(and(eq(supplyInventory.warehouseId, warehouseId), eq(supplyInventory.sku, sku)));
  return row;
}

/** The scope's filters on inventory rows (an empty list or a missing one does not filter). */
export function scopeWhere(scope: ForecastScope): SQL | undefined {
  return and(
    scope.warehouseIds?.length ? inArray(supplyInventory.warehouseId, scope.warehouseIds) : undefined,
    scope.skus?.length ? inArray(supplyInventory.sku, scope.skus) : undefined,
    scope.categories?.length ? inArray(supplyInventory.category, scope.categories) : undefined,
  );
}

/** Every inventory row of a scope (SKUs × warehouses), by SKU then warehouse. */
export async function listInventoryForScope(tx: Executor, scope: ForecastScope): Promise<InventoryRow[]> {
  return tx
    .select()
    .from(supplyInventory)
    .where(scopeWhere(scope))
    .orderBy(asc(supplyInventory.sku), asc(supplyInventory.warehouseId));
}

export async function insertOrder(tx: Executor, values: OrderInsert): Promise<OrderRow> {
  const [row] = await tx.insert(supplyOrders).values(values).returning();
  if (!row) throw new Error('order not inserted');
  return row;
}

/** Lines summed per SKU (an order may name a SKU twice). */
export function quantitiesBySku(lines: readonly OrderLine[]): Map<string, number> {
  const bySku = new Map<string, number>();
  for (const { sku, quantity } of lines) bySku.set(sku, (bySku.get(sku) ?? 0) + quantity);
  return bySku;
}

/** What a change of an order's status does to its lines' inventory rows, per unit (+1, −1 or 0). */
export interface StockChange {
  onHand?: number;
  reserved?: number;
  onOrder?: number;
  /** Only where on hand minus reserved covers the quantity (an allocation). */
  requireAvailable?: boolean;
}

/**
 * Applies `change` to the inventory rows of `lines` at `warehouseId` in one statement; returns the
 * SKUs it could not change (no inventory row there, or not enough available stock). Counts never
 * go below zero (they may have been corrected by hand in between).
 */
export async function adjustStock(
  tx: Executor,
  warehouseId: string,
  lines: readonly OrderLine[],
  change: StockChange,
): Promise<string[]> {
  const bySku = quantitiesBySku(lines);
  if (bySku.size === 0) return [];
  const skus = [...bySku.keys()];
  const available = change.requireAvailable ? sql`and i.on_hand - i.reserved >= d.q` : sql``;
  const changed = await queryRows<{ sku: string }>(
    tx,
    sql`update supply_inventory i
           set on_hand = greatest(0, i.on_hand + d.q * ${change.onHand ?? 0}),
               reserved = greatest(0, i.reserved + d.q * ${change.reserved ?? 0}),
               on_order = greatest(0, i.on_order + d.q * ${change.onOrder ?? 0}),
               updated_at = now()
          from unnest(${nullableBinaryArray('text', skus)}::text[], ${float8Array([...bySku.values()])}::float8[])
               as d(sku, q)
         where i.warehouse_id = ${warehouseId} and i.sku = d.sku ${available}
     returning i.sku`,
  );
  const done = new Set(changed.map((r) => r.sku));
  return skus.filter((sku) => !done.has(sku));
}

/** A purchase order placed: its lines are on order at the warehouse. Returns SKUs without a row. */
export const addOnOrder = (tx: Executor, warehouseId: string, lines: readonly OrderLine[]) =>
  adjustStock(tx, warehouseId, lines, { onOrder: 1 });

/** The SKUs of `skus` that have no inventory row at `warehouseId`. */
export async function skusWithoutInventory(
  tx: Executor,
  warehouseId: string,
  skus: readonly string[],
): Promise<string[]> {
  if (skus.length === 0) return [];
  const found = await tx
    .select({ sku: supplyInventory.sku })
    .from(supplyInventory)
    .where(and(eq(supplyInventory.warehouseId, warehouseId), inArray(supplyInventory.sku, [...skus])));
  const known = new Set(found.map((r) => r.sku));
  return [...new Set(skus)].filter((sku) => !known.has(sku));
}

/**
 * Places a confirmed purchase order (a replenishment decision executed): the order, and its lines
 * on order at the warehouse, in the caller's transaction. Returns the order and the SKUs that have
 * no inventory row there (their quantities are on the order but not counted on order).
 */
export async function placePurchaseOrder(
  tx: Executor,
  values: Omit<OrderInsert, 'kind' | 'status'>,
): Promise<{ order: OrderRow; unstocked: string[] }> {
  const order = await insertOrder(tx, { ...values, kind: 'purchase', status: 'confirmed' });
  return { order, unstocked: await addOnOrder(tx, order.warehouseId, order.lines) };
}
