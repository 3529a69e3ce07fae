// The counts and summaries of the web app's overview: the network, open orders, decisions waiting
// for a person, open anomalies. One statement each, in the caller's tenant scope.
import { desc, eq, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../platform/db/database.ts';
import { supplyAnomalies, supplyDecisions } from '../../../platform/db/schema/index.ts';

export const OPEN_ORDER_STATUSES = ['draft', 'confirmed', 'allocated', 'shipped'] as const;

export async function overviewCounts(tx: Executor, today: string) {
  const [row] = await queryRows<{
    warehouses: number;
    stock_points: number;
    vehicles: number;
    clients: number;
    open_orders: number;
    late_orders: number;
    open_anomalies: number;
    awaiting: number;
  }>(
    tx,
    sql`/* overviewCounts */
    select (select count(*) from supply_warehouses)::int as warehouses,
           (select count(*) from supply_inventory)::int as stock_points,
           (select count(*) from supply_vehicles where status <> 'retired')::int as vehicles,
           (select count(*) from supply_clients)::int as clients,
           (select count(*) from supply_orders o
             where o.status in ('draft', 'confirmed', 'allocated', 'shipped'))::int as open_orders,
           (select count(*) from supply_orders o
             where o.status in ('draft', 'confirmed', 'allocated', 'shipped')
               and o.requested_date < ${today}::date)::int as late_orders,
           (select count(*) from supply_anomalies a where a.status = 'open')::int as open_anomalies,
           (select count(*) from supply_decisions d where d.status in ('proposed', 'approved'))::int as awaiting`,
  );
  return {
    warehouses: row?.warehouses ?? 0,
    stockPoints: row?.stock_points ?? 0,
    vehicles: row?.vehicles ?? 0,
    clients: row?.clients ?? 0,
    openOrders: row?.open_orders ?? 0,
    lateOrders: row?.late_orders ?? 0,
    openAnomalies: row?.open_anomalies ?? 0,
    decisionsAwaiting: row?.awaiting ?? 0,
  };
}

export function recentDecisions(tx: Executor, limit: number) {
  return tx
    .select({
      id: supplyDecisions.id,
      type: supplyDecisions.type,
      status: supplyDecisions.status,
      summary: supplyDecisions.summary,
      predictedCost: supplyDecisions.predictedCost,
      createdAt: supplyDecisions.createdAt,
    })
    .from(supplyDecisions)
    .orderBy(desc(supplyDecisions.createdAt), desc(supplyDecisions.id))
    .limit(limit);
}

export function openAnomalies(tx: Executor, limit: number) {
  return tx
    .select()
    .from(supplyAnomalies)
    .where(eq(supplyAnomalies.status, 'open'))
    .orderBy(desc(supplyAnomalies.day), desc(supplyAnomalies.createdAt), desc(supplyAnomalies.id))
    .limit(limit);
}

/** Per warehouse: stock points, inventory value, stock-outs, open orders and vehicles based there. */
export async function warehouseSummaries(tx: Executor) {
  const rows = await queryRows<{
    id: string;
    code: string;
    name: string;
    stock_points: number;
    inventory_value: number;
    stock_outs: number;
    open_orders: number;
    vehicles: number;
  }>(
    tx,
    sql`/* warehouseSummaries */
    select w.id, w.code, w.name,
           coalesce(i.n, 0)::int as stock_points, coalesce(i.value, 0)::float8 as inventory_value,
           coalesce(i.outs, 0)::int as stock_outs,
           (select count(*) from supply_orders o
             where o.warehouse_id = w.id and o.status in ('draft', 'confirmed', 'allocated', 'shipped'))::int as open_orders,
           (select count(*) from supply_vehicles v where v.depot_id = w.id and v.status <> 'retired')::int as vehicles
      from supply_warehouses w
      left join (select inv.warehouse_id, count(*) as n, sum(greatest(inv.on_hand, 0) * inv.unit_cost) as value,
                        count(*) filter (where inv.on_hand - inv.reserved <= 0) as outs
                   from supply_inventory inv group by inv.warehouse_id) i on i.warehouse_id = w.id
     order by w.code`,
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    stockPoints: r.stock_points,
    inventoryValue: r.inventory_value,
    stockOuts: r.stock_outs,
    openOrders: r.open_orders,
    vehicles: r.vehicles,
  }));
}

/** Rows per value of a column (statuses, kinds), with every expected value present. */
async function countBy(tx: Executor, query: ReturnType<typeof sql>, keys: readonly string[]) {
  const rows = await queryRows<{ key: string; n: number }>(tx, query);
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<string, number>;
  for (const r of rows) if (r.key in out) out[r.key] = r.n;
  return out;
}

export async function entityBreakdown(tx: Executor, today: string) {
  const vehicles = await countBy(
    tx,
    sql`select v.status as key, count(*)::int as n from supply_vehicles v group by v.status`,
    ['available', 'in_service', 'maintenance', 'retired'],
  );
  const orderStatuses = await countBy(
    tx,
    sql`select o.status as key, count(*)::int as n from supply_orders o
         where o.status in ('draft', 'confirmed', 'allocated', 'shipped') group by o.status`,
    OPEN_ORDER_STATUSES,
  );
  const orderKinds = await countBy(
    tx,
    sql`select o.kind as key, count(*)::int as n from supply_orders o
         where o.status in ('draft', 'confirmed', 'allocated', 'shipped') group by o.kind`,
    ['customer', 'purchase', 'transfer'],
  );
  const [facts] = await queryRows<{
    clients: number;
    located: number;
    windowed: number;
    due_today: number;
    overdue: number;
    skus: number;
    stock_points: number;
    value: number;
    stock_outs: number;
  }>(
    tx,
    sql`/* entityFacts */
    select (select count(*) from supply_clients)::int as clients,
           (select count(*) from supply_clients c where c.latitude is not null and c.longitude is not null)::int as located,
           (select count(*) from supply_clients c where jsonb_array_length(c.time_windows) > 0)::int as windowed,
           (select count(*) from supply_orders o where o.status in ('draft', 'confirmed', 'allocated', 'shipped')
              and o.requested_date = ${today}::date)::int as due_today,
           (select count(*) from supply_orders o where o.status in ('draft', 'confirmed', 'allocated', 'shipped')
              and o.requested_date < ${today}::date)::int as overdue,
           (select count(distinct i.sku) from supply_inventory i)::int as skus,
           (select count(*) from supply_inventory i)::int as stock_points,
           (select coalesce(sum(greatest(i.on_hand, 0) * i.unit_cost), 0) from supply_inventory i)::float8 as value,
           (select count(*) from supply_inventory i where i.on_hand - i.reserved <= 0)::int as stock_outs`,
  );
  return {
    vehicles: { total: Object.values(vehicles).reduce((a, b) => a + b, 0), byStatus: vehicles },
    clients: {
      total: facts?.clients ?? 0,
      withCoordinates: facts?.located ?? 0,
      withTimeWindows: facts?.windowed ?? 0,
    },
    orders: {
      open: Object.values(orderStatuses).reduce((a, b) => a + b, 0),
      byStatus: orderStatuses,
      byKind: orderKinds,
      dueToday: facts?.due_today ?? 0,
      overdue: facts?.overdue ?? 0,
    },
    inventory: {
      stockPoints: facts?.stock_points ?? 0,
      skus: facts?.skus ?? 0,
      value: facts?.value ?? 0,
      stockOuts: facts?.stock_outs ?? 0,
    },
  };
}
