// The rollup's reads of operational data and its writes: per day (UTC) and warehouse, with a
// `null` warehouse for the tenant as a whole (grouping sets), set-based over a range of days.
import { and, between, eq, inArray, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../platform/db/database.ts';
import { supplyMetrics, supplySettings } from '../../../platform/db/schema/index.ts';
import type { KpiName } from './kpis.ts';

/** Deliveries of customer orders on one day: units ordered and delivered, orders, OTIF orders. */
export interface DeliveryFigures {
  day: string;
  warehouseId: string | null;
  orderedUnits: number;
  deliveredUnits: number;
  deliveries: number;
  otif: number;
}

/** Routes of executed routing decisions that started on one day, from their depot. */
export interface RouteFigures {
  day: string;
  warehouseId: string | null;
  cost: number;
  co2Kg: number;
  stops: number;
  utilisation: number;
  routes: number;
}

export interface InventorySnapshot {
  warehouseId: string | null;
  value: number;
  stockOuts: number;
  rows: number;
}

/**
 * Locks the tenant's settings row (created if missing) for the rest of the transaction: rollups of
 * one tenant take turns, so two never delete and insert the same days at once.
 */
export async function lockSettings(tx: Executor, tenantId: string) {
  await tx.insert(supplySettings).values({ tenantId }).onConflictDoNothing();
  const [row] = await tx
    .select({ rolledThrough: supplySettings.kpiRolledThrough, targets: supplySettings.kpiTargets })
    .from(supplySettings)
    .for('update');
  return { rolledThrough: row?.rolledThrough ?? null, targets: row?.targets ?? {} };
}

export async function setRolledThrough(tx: Executor, day: string) {
  await tx.update(supplySettings).set({ kpiRolledThrough: day, updatedAt: new Date() });
}

/** When an order counts as delivered: its delivery time, or its last change for older rows. */
const DELIVERED_AT = sql.raw('coalesce(o.delivered_at, o.updated_at)');

export async function deliveryFigures(tx: Executor, from: string, to: string): Promise<DeliveryFigures[]> {
  const rows = await queryRows<{
    day: string;
    warehouse_id: string | null;
    ordered: number;
    delivered: number;
    deliveries: number;
    otif: number;
  }>(
    tx,
    sql`/* deliveryFigures */
    with d as (
      select (${DELIVERED_AT} at time zone 'UTC')::date as day, o.warehouse_id,
             q.ordered,
             least(coalesce(o.delivered_quantity, q.ordered), q.ordered) as delivered,
             (${DELIVERED_AT} <= (o.requested_date + coalesce(o.window_end, '24:00')::interval) at time zone 'UTC'
              and coalesce(o.delivered_quantity, q.ordered) >= q.ordered) as otif
        from supply_orders o
        cross join lateral (select coalesce(sum((l ->> 'quantity')::float8), 0) as ordered
                              from jsonb_array_elements(o.lines) l) q
       where o.kind = 'customer' and o.status = 'delivered'
         and ${DELIVERED_AT} >= ${from}::date at time zone 'UTC'
         and ${DELIVERED_AT} < (${to}::date + 1) at time zone 'UTC')
    select d.day::text as day, d.warehouse_id,
           sum(d.ordered)::float8 as ordered, sum(d.delivered)::float8 as delivered,
           count(*)::int as deliveries, count(*) filter (where d.otif)::int as otif
      from d
     group by grouping sets ((d.day, d.warehouse_id), (d.day))`,
  );
  return rows.map((r) => ({
    day: r.day,
    warehouseId: r.warehouse_id,
    orderedUnits: r.ordered,
    deliveredUnits: r.delivered,
    deliveries: r.deliveries,
    otif: r.otif,
  }));
}

export async function routeFigures(tx: Executor, from: string, to: string): Promise<RouteFigures[]> {
  const rows = await queryRows<{
    day: string;
    warehouse_id: string | null;
    cost: number;
    co2: number;
    stops: number;
    utilisation: number;
    routes: number;
  }>(
    tx,
    sql`/* routeFigures */
    with r as (
      select (r.start_at at time zone 'UTC')::date as day, r.depot_id, r.cost, r.co2_kg,
             jsonb_array_length(r.stops) as stops, r.utilisation
        from supply_routes r
        join supply_decisions d on d.id = r.decision_id
       where d.status = 'executed' and jsonb_array_length(r.stops) > 0
         and r.start_at >= ${from}::date at time zone 'UTC'
         and r.start_at < (${to}::date + 1) at time zone 'UTC')
    select r.day::text as day, r.depot_id as warehouse_id,
           sum(r.cost)::float8 as cost, sum(r.co2_kg)::float8 as co2, sum(r.stops)::int as stops,
           sum(r.utilisation)::float8 as utilisation, count(*)::int as routes
      from r
     group by grouping sets ((r.day, r.depot_id), (r.day))
    -- routes without a depot count only in the tenant's totals
    having grouping(r.depot_id) = 1 or r.depot_id is not null`,
  );
  return rows.map((r) => ({
    day: r.day,
    warehouseId: r.warehouse_id,
    cost: r.cost,
    co2Kg: r.co2,
    stops: r.stops,
    utilisation: r.utilisation,
    routes: r.routes,
  }));
}

/**
 * Cost of the demand per day and warehouse: imported demand history plus shipped and delivered
 * customer order lines on their requested day (as the demand series count them), × unit cost.
 */
export async function dailyCogs(tx: Executor, from: string, to: string) {
  const rows = await queryRows<{ day: string; warehouse_id: string; cogs: number }>(
    tx,
    sql`/* dailyCogs */
    with demand as (
      select d.day, d.warehouse_id, d.sku, d.quantity
        from supply_demand d
       where d.day between ${from}::date and ${to}::date
      union all
      select o.requested_date as day, o.warehouse_id, l.sku, l.quantity
        from supply_orders o
       cross join lateral jsonb_to_recordset(o.lines) as l(sku text, quantity float8)
       where o.kind = 'customer' and o.status in ('shipped', 'delivered')
         and o.requested_date between ${from}::date and ${to}::date)
    select demand.day::text as day, demand.warehouse_id, sum(demand.quantity * i.unit_cost)::float8 as cogs
      from demand
      join supply_inventory i on i.warehouse_id = demand.warehouse_id and i.sku = demand.sku
     group by demand.day, demand.warehouse_id`,
  );
  return rows.map((r) => ({ day: r.day, warehouseId: r.warehouse_id, cogs: r.cogs }));
}

/** Inventory value (on hand × unit cost) and stock-outs now, per warehouse and in total. */
export async function inventorySnapshot(tx: Executor): Promise<InventorySnapshot[]> {
  const rows = await queryRows<{ warehouse_id: string | null; value: number; stock_outs: number; n: number }>(
    tx,
    sql`/* inventorySnapshot */
    select i.warehouse_id, sum(greatest(i.on_hand, 0) * i.unit_cost)::float8 as value,
           count(*) filter (where i.on_hand - i.reserved <= 0)::int as stock_outs, count(*)::int as n
      from supply_inventory i
     group by grouping sets ((i.warehouse_id), ())
    having count(*) > 0`,
  );
  return rows.map((r) => ({
    warehouseId: r.warehouse_id,
    value: r.value,
    stockOuts: r.stock_outs,
    rows: r.n,
  }));
}

export interface StoredRollup {
  kpi: string;
  day: string;
  warehouseId: string | null;
  value: number;
  dimensions: Record<string, unknown>;
}

/** Rollup rows of `kpis` between two days (the snapshots earlier runs took). */
export async function storedRollups(
  tx: Executor,
  kpis: KpiName[],
  from: string,
  to: string,
): Promise<StoredRollup[]> {
  return tx
    .select({
      kpi: supplyMetrics.kpi,
      day: supplyMetrics.day,
      warehouseId: supplyMetrics.warehouseId,
      value: supplyMetrics.value,
      dimensions: supplyMetrics.dimensions,
    })
    .from(supplyMetrics)
    .where(
      and(
        eq(supplyMetrics.source, 'rollup'),
        inArray(supplyMetrics.kpi, kpis),
        between(supplyMetrics.day, from, to),
      ),
    );
}

export type RollupRow = Omit<typeof supplyMetrics.$inferInsert, 'id' | 'createdAt' | 'createdBy' | 'note'>;

const INSERT_BATCH = 1000;

/** Replaces the rollup rows of the days `from` … `to` with `rows`. */
export async function replaceRollups(tx: Executor, from: string, to: string, rows: RollupRow[]) {
  await tx
    .delete(supplyMetrics)
    .where(and(eq(supplyMetrics.source, 'rollup'), between(supplyMetrics.day, from, to)));
  for (let i = 0; i < rows.length; i += INSERT_BATCH)
    await tx.insert(supplyMetrics).values(rows.slice(i, i + INSERT_BATCH));
}

/** The first day with operational data: a delivery, a route, a created order or demand. */
export async function firstDataDay(tx: Executor): Promise<string | null> {
  const [row] = await queryRows<{ day: string | null }>(
    tx,
    sql`/* firstDataDay */
    select least(
      (select min(coalesce(o.delivered_at, o.created_at) at time zone 'UTC')::date from supply_orders o),
      (select min(r.start_at at time zone 'UTC')::date from supply_routes r),
      (select min(d.day) from supply_demand d)
    )::text as day`,
  );
  return row?.day ?? null;
}
