// The daily KPI rows of a range of days from the operational figures the rollup read: fill rate and
// OTIF from deliveries, cost per order, CO₂ per delivery and utilisation from executed routes,
// inventory turns from the cost of demand over average inventory value, stock-outs. A row per day
// and warehouse, and one for the tenant as a whole (warehouse null). Pure.
//
// Inventory value and stock-outs are states, not flows: the database keeps only the current stock.
// So each day's rollup stores the snapshot it took (in the row's dimensions), a later recompute of
// that day keeps it, and a day first rolled up after the fact gets the current snapshot, marked
// `estimated`. Turns divide by the mean of the stored daily values over the 30-day window.
import { addDays } from '../policy/dates.ts';
import { KPIS, type KpiName } from './kpis.ts';
import type {
  DeliveryFigures,
  InventorySnapshot,
  RollupRow,
  RouteFigures,
  StoredRollup,
} from './rollup.repo.ts';

/** Days of demand (and of inventory values) behind a day's inventory turns. */
export const TURNS_WINDOW_DAYS = 30;

export interface RollupInput {
  tenantId: string;
  /** Every day from `from` to `to`, oldest first. */
  days: string[];
  deliveries: DeliveryFigures[];
  routes: RouteFigures[];
  /** Cost of demand per day and warehouse from `TURNS_WINDOW_DAYS - 1` days before `from`. */
  cogs: { day: string; warehouseId: string; cogs: number }[];
  /** Inventory now, per warehouse and in total (warehouse null). */
  snapshot: InventorySnapshot[];
  /** Earlier inventory_turns rows (from the window before `from`) and stock_outs rows of the days. */
  stored: StoredRollup[];
  /** The last day whose end the current snapshot stands for (later days are not rolled up). */
  snapshotDay: string;
}

const key = (day: string, warehouseId: string | null) => `${day}|${warehouseId ?? ''}`;

function row(
  input: RollupInput,
  kpi: KpiName,
  day: string,
  warehouseId: string | null,
  value: number,
  dimensions: Record<string, unknown>,
): RollupRow {
  return {
    tenantId: input.tenantId,
    kpi,
    day,
    value,
    unit: KPIS[kpi].unit,
    warehouseId,
    source: 'rollup',
    dimensions,
  };
}

function deliveryRows(input: RollupInput): RollupRow[] {
  const rows: RollupRow[] = [];
  for (const d of input.deliveries) {
    if (d.orderedUnits > 0)
      rows.push(
        row(input, 'fill_rate', d.day, d.warehouseId, d.deliveredUnits / d.orderedUnits, {
          numerator: d.deliveredUnits,
          denominator: d.orderedUnits,
          orders: d.deliveries,
        }),
      );
    if (d.deliveries > 0)
      rows.push(
        row(input, 'otif', d.day, d.warehouseId, d.otif / d.deliveries, {
          numerator: d.otif,
          denominator: d.deliveries,
        }),
      );
  }
  return rows;
}

function routeRows(input: RollupInput): RollupRow[] {
  const rows: RollupRow[] = [];
  for (const r of input.routes) {
    if (r.stops <= 0) continue;
    rows.push(
      row(input, 'cost_per_order', r.day, r.warehouseId, r.cost / r.stops, {
        numerator: r.cost,
        denominator: r.stops,
        routes: r.routes,
      }),
      row(input, 'co2_per_delivery', r.day, r.warehouseId, r.co2Kg / r.stops, {
        numerator: r.co2Kg,
        denominator: r.stops,
        routes: r.routes,
      }),
      row(input, 'vehicle_utilisation', r.day, r.warehouseId, r.utilisation / r.routes, {
        numerator: r.utilisation,
        denominator: r.routes,
      }),
    );
  }
  return rows;
}

/** Inventory value and stock-outs per (day, scope): the stored snapshot, or the current one. */
function snapshots(input: RollupInput) {
  const storedValue = new Map<string, number>();
  const storedOuts = new Map<string, number>();
  /** Keys (kpi|day|scope) of stored snapshots that were themselves estimated. */
  const estimated = new Set<string>();
  for (const s of input.stored) {
    const k = key(s.day, s.warehouseId);
    if (s.kpi === 'inventory_turns' && typeof s.dimensions.inventoryValue === 'number')
      storedValue.set(k, s.dimensions.inventoryValue);
    else if (s.kpi === 'stock_outs') storedOuts.set(k, s.value);
    else continue;
    if (s.dimensions.estimated === true) estimated.add(`${s.kpi}|${k}`);
  }
  return { storedValue, storedOuts, estimated };
}

function inventoryRows(input: RollupInput): RollupRow[] {
  const rows: RollupRow[] = [];
  const { storedValue, storedOuts, estimated: wasEstimated } = snapshots(input);
  const cogs = new Map<string, number>();
  for (const c of input.cogs) {
    for (const scope of [c.warehouseId, null]) {
      const k = key(c.day, scope);
      cogs.set(k, (cogs.get(k) ?? 0) + c.cogs);
    }
  }
  // Inventory value per (day, scope) for the days being rolled up: stored, else the snapshot.
  const value = new Map(storedValue);
  for (const scope of input.snapshot) {
    for (const day of input.days) {
      if (day > input.snapshotDay) continue;
      const k = key(day, scope.warehouseId);
      if (!value.has(k)) value.set(k, scope.value);
    }
  }
  for (const scope of input.snapshot) {
    const w = scope.warehouseId;
    for (const day of input.days) {
      if (day > input.snapshotDay) continue;
      const k = key(day, w);
      // A day before the snapshot's has no snapshot of its own: the current one stands in.
      const estimated = (kpi: KpiName, stored: boolean) =>
        stored ? wasEstimated.has(`${kpi}|${k}`) : day < input.snapshotDay;
      const outs = storedOuts.get(k);
      rows.push(
        row(input, 'stock_outs', day, w, outs ?? scope.stockOuts, {
          stockPoints: scope.rows,
          estimated: estimated('stock_outs', outs !== undefined),
        }),
      );
      let demandCost = 0;
      let valueSum = 0;
      let valueDays = 0;
      for (let back = 0; back < TURNS_WINDOW_DAYS; back++) {
        const d = addDays(day, -back);
        demandCost += cogs.get(key(d, w)) ?? 0;
        const v = value.get(key(d, w));
        if (v !== undefined) {
          valueSum += v;
          valueDays += 1;
        }
      }
      const average = valueDays > 0 ? valueSum / valueDays : 0;
      if (average <= 0) continue;
      const inventoryValue = value.get(k) as number;
      rows.push(
        row(input, 'inventory_turns', day, w, (demandCost * (365 / TURNS_WINDOW_DAYS)) / average, {
          demandCost,
          inventoryValue,
          averageInventoryValue: average,
          windowDays: TURNS_WINDOW_DAYS,
          estimated: estimated('inventory_turns', storedValue.has(k)),
        }),
      );
    }
  }
  return rows;
}

/** Every KPI row of the days, per warehouse and for the tenant as a whole. */
export function rollupRows(input: RollupInput): RollupRow[] {
  return [...deliveryRows(input), ...routeRows(input), ...inventoryRows(input)];
}
