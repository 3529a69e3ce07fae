import { eq, type SQL, sql } from 'drizzle-orm';
import { binaryArrayLength, readFloat8Array } from '../../../platform/db/binary-array-reader.ts';
import { float8Array, int4Array, nullableBinaryArray } from '../../../platform/db/binary-arrays.ts';
import { type Executor, queryRows } from '../../../platform/db/database.ts';
import { type ForecastScope, inList, supplyInventory } from '../../../platform/db/schema/index.ts';
import { bucketOf, bucketOfDay, bucketStart, type DemandBucket } from './buckets.ts';
import { scopeWhere } from './stock.repo.ts';

// Demand history per SKU and warehouse, summed per day, week (Monday first) or month. It is the
// imported rows of supply_demand plus the lines of customer orders that have left the warehouse
// (shipped or delivered), on their requested date. The two are added at read time: an order's
// history needs no import, and nothing has to be redone when an order ships. (A tenant who imports
// an ERP's full demand history should not also enter those orders here: they would count twice.)
//
// Two statements whatever the scope: each inventory row's days come from the primary key's index
// already in order, as binary arrays (array_send), one row per series; the order lines come summed
// per warehouse, SKU and day. Buckets are summed and made dense in JavaScript. 10,000 series × 156
// weeks cross as 10,000 rows, and no statement sorts or hashes 1.5 million rows (which spills to
// disk on PGlite's small work memory).

/** Order statuses whose lines count as demand that happened. */
export const DEMAND_ORDER_STATUSES = ['shipped', 'delivered'] as const;

export interface DemandSeries {
  inventoryId: string;
  warehouseId: string;
  sku: string;
  category: string | null;
  /** ISO date of the first bucket with demand ('' when `values` is empty: no history). */
  start: string;
  /** One sum per bucket from the first with demand to the last, zero where there was none. */
  values: number[];
}

type DayRange = { from?: string | undefined; to?: string | undefined };

interface SeriesRow {
  inventory_id: string;
  warehouse_id: string;
  sku: string;
  category: string | null;
  /** float8[] (array_send) of day numbers, ascending; quantities and promotion flags (0/1) beside. */
  days: unknown;
  quantities: unknown;
  promotions: unknown;
}

const within = (day: SQL, range: DayRange) =>
  sql`${range.from ? sql`and ${day} >= ${range.from}::date` : sql``} ${range.to ? sql`and ${day} <= ${range.to}::date` : sql``}`;

/**
 * A row per inventory row matching `scope` (all when undefined; written against the unaliased
 * `supply_inventory`), with its imported days in range.
 */
function importedDays(tx: Executor, scope: SQL | undefined, range: DayRange): Promise<SeriesRow[]> {
  return queryRows<SeriesRow>(
    tx,
    sql`select supply_inventory.id as inventory_id, supply_inventory.warehouse_id, supply_inventory.sku,
               supply_inventory.category, d.days, d.quantities, d.promotions
          from supply_inventory
          left join lateral (
            select array_send(array_agg((day - date '1970-01-01')::float8 order by day)) as days,
                   array_send(array_agg(quantity order by day)) as quantities,
                   array_send(array_agg(promotion::int::float8 order by day)) as promotions
              from supply_demand d
             where d.warehouse_id = supply_inventory.warehouse_id and d.sku = supply_inventory.sku
                   ${within(sql`d.day`, range)}
          ) d on true
         ${scope ? sql`where ${scope}` : sql``}
         order by supply_inventory.sku, supply_inventory.warehouse_id`,
  );
}

/** Shipped and delivered customer order lines per warehouse, SKU and day number. */
async function orderDays(tx: Executor, warehouseIds: string[] | undefined, range: DayRange) {
  const rows = await queryRows<{ warehouse_id: string; sku: string; day: number; quantity: number }>(
    tx,
    sql`select o.warehouse_id, l.sku, (o.requested_date - date '1970-01-01') as day, sum(l.quantity) as quantity
          from supply_orders o
         cross join lateral jsonb_to_recordset(o.lines) as l(sku text, quantity float8)
         where o.kind = 'customer' and ${inList(sql`o.status`, DEMAND_ORDER_STATUSES)}
           ${warehouseIds ? sql`and o.warehouse_id = any(${nullableBinaryArray('text', warehouseIds)}::text[]::uuid[])` : sql``}
           ${within(sql`o.requested_date`, range)}
         group by 1, 2, 3`,
  );
  const bySeries = new Map<string, { day: number; quantity: number }[]>();
  for (const r of rows) {
    const key = `${r.warehouse_id}\t${r.sku}`;
    const days = bySeries.get(key) ?? [];
    days.push({ day: Number(r.day), quantity: Number(r.quantity) });
    bySeries.set(key, days);
  }
  return bySeries;
}

function floats(value: unknown): Float64Array {
  const out = new Float64Array(binaryArrayLength(value));
  readFloat8Array(value, out, 0);
  return out;
}

/**
 * A series' days summed per bucket, dense from bucket `first` to `last` (by default the first and
 * last with demand), zero where there was none; promotions flagged likewise.
 */
function bucketed(
  bucket: DemandBucket,
  row: SeriesRow,
  orders: { day: number; quantity: number }[],
  bounds: { first?: number | undefined; last?: number | undefined } = {},
) {
  const days = floats(row.days);
  const quantities = floats(row.quantities);
  const flags = floats(row.promotions);
  const n = days.length + orders.length;
  const buckets = new Float64Array(n);
  const sums = new Float64Array(n);
  const promoted = new Uint8Array(n);
  days.forEach((day, i) => {
    buckets[i] = bucketOfDay(bucket, day);
    sums[i] = quantities[i] as number;
    promoted[i] = flags[i] === 1 ? 1 : 0;
  });
  orders.forEach((o, i) => {
    buckets[days.length + i] = bucketOfDay(bucket, o.day);
    sums[days.length + i] = o.quantity;
  });
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const b of buckets) {
    low = Math.min(low, b);
    high = Math.max(high, b);
  }
  const from = bounds.first ?? low;
  const to = bounds.last ?? high;
  const size =
    n === 0 && (bounds.first === undefined || bounds.last === undefined) ? 0 : Math.max(0, to - from + 1);
  const values = new Array<number>(size).fill(0);
  const promotion = new Array<boolean>(size).fill(false);
  for (let i = 0; i < n; i++) {
    const at = (buckets[i] as number) - from;
    values[at] = (values[at] as number) + (sums[i] as number);
    if (promoted[i]) promotion[at] = true;
  }
  return { from, values, promotion };
}

/**
 * The demand series of every inventory row in `scope` (its warehouses × SKUs × categories; a
 * missing or empty list does not filter), by SKU then warehouse. Rows without any demand come back
 * too, with no values (the caller decides what a series without history gets).
 */
export async function loadDemandSeries(
  tx: Executor,
  scope: ForecastScope,
  bucket: DemandBucket,
): Promise<DemandSeries[]> {
  const rows = await importedDays(tx, scopeWhere(scope), {});
  const orders = await orderDays(tx, scope.warehouseIds?.length ? scope.warehouseIds : undefined, {});
  return rows.map((row) => {
    const { from, values } = bucketed(bucket, row, orders.get(`${row.warehouse_id}\t${row.sku}`) ?? []);
    return {
      inventoryId: row.inventory_id,
      warehouseId: row.warehouse_id,
      sku: row.sku,
      category: row.category,
      start: values.length > 0 ? bucketStart(bucket, from) : '',
      values,
    };
  });
}

export interface DemandPoint {
  start: string;
  quantity: number;
  promotion: boolean;
}

/**
 * The demand of one inventory row per bucket, dense over [from, to] when given (else from its first
 * to its last bucket with demand), with promotion flags.
 */
export async function demandSeries(
  tx: Executor,
  inventory: { id: string; warehouseId: string; sku: string },
  bucket: DemandBucket,
  range: DayRange = {},
): Promise<DemandPoint[]> {
  const [row] = await importedDays(tx, eq(supplyInventory.id, inventory.id), range);
  if (!row) return [];
  const orders = await orderDays(tx, [inventory.warehouseId], range);
  const { from, values, promotion } = bucketed(
    bucket,
    row,
    orders.get(`${row.warehouse_id}\t${row.sku}`) ?? [],
    {
      first: range.from ? bucketOf(bucket, range.from) : undefined,
      last: range.to ? bucketOf(bucket, range.to) : undefined,
    },
  );
  return values.map((quantity, i) => ({
    start: bucketStart(bucket, from + i),
    quantity,
    promotion: promotion[i] ?? false,
  }));
}

export interface DemandBatch {
  warehouseIds: string[];
  skus: string[];
  /** Days since 1970-01-01. */
  days: number[];
  quantities: number[];
  promotions: boolean[];
}

/**
 * Writes a batch of demand days (one entry per warehouse, SKU and day). `replace`: an entry takes
 * the place of what is stored for its day; otherwise it is added to it (a day the same import
 * wrote before: duplicates within a file are summed).
 */
export async function upsertDemand(tx: Executor, batch: DemandBatch, mode: 'replace' | 'add') {
  if (batch.days.length === 0) return;
  const merge =
    mode === 'replace'
      ? sql`quantity = excluded.quantity, promotion = excluded.promotion`
      : sql`quantity = d.quantity + excluded.quantity, promotion = d.promotion or excluded.promotion`;
  await tx.execute(sql`
    insert into supply_demand as d (tenant_id, warehouse_id, sku, day, quantity, promotion)
    select (select app_tenant_id()), u.w::uuid, u.s, date '1970-01-01' + u.n, u.q, u.p
      from unnest(${nullableBinaryArray('text', batch.warehouseIds)}::text[],
                  ${nullableBinaryArray('text', batch.skus)}::text[],
                  ${int4Array(batch.days)}::int4[],
                  ${float8Array(batch.quantities)}::float8[],
                  ${nullableBinaryArray('bool', batch.promotions)}::bool[]) as u(w, s, n, q, p)
    on conflict (tenant_id, warehouse_id, sku, day) do update set ${merge}`);
}

/** Of the (warehouse, SKU) pairs given, those without an inventory row. */
export async function pairsWithoutInventory(
  tx: Executor,
  pairs: { warehouseId: string; sku: string }[],
): Promise<{ warehouseId: string; sku: string }[]> {
  if (pairs.length === 0) return [];
  return queryRows<{ warehouseId: string; sku: string }>(
    tx,
    sql`select u.w as "warehouseId", u.s as sku
          from unnest(${nullableBinaryArray(
            'text',
            pairs.map((p) => p.warehouseId),
          )}::text[],
                      ${nullableBinaryArray(
                        'text',
                        pairs.map((p) => p.sku),
                      )}::text[]) as u(w, s)
         where not exists (select 1 from supply_inventory i where i.warehouse_id = u.w::uuid and i.sku = u.s)
         order by u.s, u.w`,
  );
}
