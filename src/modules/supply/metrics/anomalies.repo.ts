// Anomaly flags: the order and route rows their detection reads, their idempotent insert, and the
// list, read and dismissal of the API.
import { and, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { nullableBinaryArray } from '../../../platform/db/binary-arrays.ts';
import { type Executor, queryRows } from '../../../platform/db/database.ts';
import { countWhere, matchedRows, pageOf } from '../../../platform/db/page.ts';
import { supplyAnomalies } from '../../../platform/db/schema/index.ts';
import type { DeliveryRow, NewAnomaly, OrderLineRow, RouteCostRow } from './anomalies.detect.ts';

export type AnomalyRow = typeof supplyAnomalies.$inferSelect;

/** How far back the history of order lines and routes reaches. */
export const HISTORY_DAYS = { orders: 365, routes: 90 } as const;

type LineRecord = {
  order_id: string;
  reference: string | null;
  client_id: string | null;
  client_name: string | null;
  sku: string;
  quantity: number;
  created_ms: number;
  day: string;
};

const lineRow = (r: LineRecord): OrderLineRow => ({
  orderId: r.order_id,
  reference: r.reference,
  clientId: r.client_id,
  clientName: r.client_name,
  sku: r.sku,
  quantity: r.quantity,
  createdAt: r.created_ms,
  day: r.day,
});

/** Lines of customer orders (not cancelled) created between two days; `skus` narrows them. */
export async function orderLinesCreated(
  tx: Executor,
  from: string,
  to: string,
  skus?: string[],
): Promise<OrderLineRow[]> {
  if (skus && skus.length === 0) return [];
  const rows = await queryRows<LineRecord>(
    tx,
    sql`/* orderLinesCreated */
    select o.id as order_id, o.reference, o.client_id, c.name as client_name, l.sku, l.quantity,
           (extract(epoch from o.created_at) * 1000)::float8 as created_ms,
           (o.created_at at time zone 'UTC')::date::text as day
      from supply_orders o
      left join supply_clients c on c.id = o.client_id
     cross join lateral jsonb_to_recordset(o.lines) as l(sku text, quantity float8)
     where o.kind = 'customer' and o.status <> 'cancelled'
       and o.created_at >= ${from}::date at time zone 'UTC'
       and o.created_at < (${to}::date + 1) at time zone 'UTC'
       ${skus ? sql`and l.sku = any(${nullableBinaryArray('text', skus)}::text[])` : sql``}`,
  );
  return rows.map(lineRow);
}

/** Customer orders delivered between two days, with their due day and window. */
export async function deliveredBetween(tx: Executor, from: string, to: string): Promise<DeliveryRow[]> {
  const rows = await queryRows<{
    order_id: string;
    reference: string | null;
    client_name: string | null;
    requested_date: string;
    window_end: string | null;
    delivered_at: Date | string;
    day: string;
  }>(
    tx,
    sql`/* deliveredBetween */
    select o.id as order_id, o.reference, c.name as client_name, o.requested_date::text as requested_date,
           o.window_end, o.delivered_at, (o.delivered_at at time zone 'UTC')::date::text as day
      from supply_orders o
      left join supply_clients c on c.id = o.client_id
     where o.kind = 'customer' and o.status = 'delivered' and o.delivered_at is not null
       and o.delivered_at >= ${from}::date at time zone 'UTC'
       and o.delivered_at < (${to}::date + 1) at time zone 'UTC'`,
  );
  return rows.map((r) => ({
    orderId: r.order_id,
    reference: r.reference,
    clientName: r.client_name,
    requestedDate: r.requested_date,
    windowEnd: r.window_end,
    deliveredAt: new Date(r.delivered_at),
    day: r.day,
  }));
}

/** Routes of executed routing decisions that started between two days. */
export async function routesStarted(tx: Executor, from: string, to: string): Promise<RouteCostRow[]> {
  const rows = await queryRows<{
    route_id: string;
    vehicle_code: string;
    cost: number;
    stops: number;
    start_ms: number;
    day: string;
  }>(
    tx,
    sql`/* routesStarted */
    select r.id as route_id, r.vehicle_code, r.cost, jsonb_array_length(r.stops)::int as stops,
           (extract(epoch from r.start_at) * 1000)::float8 as start_ms,
           (r.start_at at time zone 'UTC')::date::text as day
      from supply_routes r
      join supply_decisions d on d.id = r.decision_id
     where d.status = 'executed'
       and r.start_at >= ${from}::date at time zone 'UTC'
       and r.start_at < (${to}::date + 1) at time zone 'UTC'`,
  );
  return rows.map((r) => ({
    routeId: r.route_id,
    vehicleCode: r.vehicle_code,
    cost: r.cost,
    stops: r.stops,
    startAt: r.start_ms,
    day: r.day,
  }));
}

/**
 * Inserts the flags not stored yet and returns those it inserted: an order and a route are each
 * flagged once per kind (the two partial unique indexes; repeats are skipped by the database).
 */
export async function insertAnomalies(
  tx: Executor,
  tenantId: string,
  anomalies: NewAnomaly[],
): Promise<AnomalyRow[]> {
  if (anomalies.length === 0) return [];
  return tx
    .insert(supplyAnomalies)
    .values(anomalies.map((a) => ({ tenantId, ...a })))
    .onConflictDoNothing()
    .returning();
}

export interface AnomalyFilter {
  kind?: string | undefined;
  status?: string | undefined;
  orderId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

export async function listAnomalies(tx: Executor, filter: AnomalyFilter) {
  const where = and(
    filter.kind ? eq(supplyAnomalies.kind, filter.kind) : undefined,
    filter.status ? eq(supplyAnomalies.status, filter.status) : undefined,
    filter.orderId ? eq(supplyAnomalies.orderId, filter.orderId) : undefined,
    filter.from ? gte(supplyAnomalies.day, filter.from) : undefined,
    filter.to ? lte(supplyAnomalies.day, filter.to) : undefined,
  );
  const rows = await tx
    .select({ anomaly: supplyAnomalies, total: matchedRows() })
    .from(supplyAnomalies)
    .where(where)
    .orderBy(desc(supplyAnomalies.day), desc(supplyAnomalies.createdAt), desc(supplyAnomalies.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return pageOf(
    rows,
    filter.offset,
    (r) => r.anomaly,
    () => countWhere(tx, supplyAnomalies, where),
  );
}

export async function findAnomaly(tx: Executor, id: string, forUpdate = false) {
  const query = tx.select().from(supplyAnomalies).where(eq(supplyAnomalies.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function setAnomalyStatus(tx: Executor, id: string, status: 'open' | 'dismissed') {
  const [row] = await tx
    .update(supplyAnomalies)
    .set({ status })
    .where(eq(supplyAnomalies.id, id))
    .returning();
  return row;
}

export async function countOpenAnomalies(tx: Executor): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from supply_anomalies where status = 'open'`,
  );
  return row?.n ?? 0;
}
