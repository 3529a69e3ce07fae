// Which orders and routes of a range of days are unusual: an order line's quantity against the
// same client's earlier lines of that SKU (or every client's, for a client new to it), a delivery
// that came well after its window, a route whose cost per stop is far above earlier routes'. Pure:
// the rows come from anomalies.repo.ts.
import { LATE_MINUTES, MIN_HISTORY, minutesLate, robustScore } from './anomaly.ts';

export interface NewAnomaly {
  kind: 'order_quantity' | 'delivery_delay' | 'delivery_cost';
  orderId: string | null;
  routeId: string | null;
  day: string;
  value: number;
  expected: number;
  score: number;
  detail: string;
}

export interface OrderLineRow {
  orderId: string;
  reference: string | null;
  clientId: string | null;
  clientName: string | null;
  sku: string;
  quantity: number;
  /** When the order was created (ms) and that day (UTC). */
  createdAt: number;
  day: string;
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const orderName = (o: { orderId: string; reference: string | null }) =>
  o.reference ? `Order ${o.reference}` : `Order ${o.orderId.slice(0, 8)}`;

/**
 * The unusual quantities of the orders created in the range (`candidates`), each order flagged once
 * by its most unusual line. `history` holds customer order lines of the same SKUs from before.
 */
export function unusualQuantities(candidates: OrderLineRow[], history: OrderLineRow[]): NewAnomaly[] {
  const bySku = new Map<string, OrderLineRow[]>();
  for (const h of history) {
    const list = bySku.get(h.sku) ?? [];
    list.push(h);
    bySku.set(h.sku, list);
  }
  const worst = new Map<string, { line: OrderLineRow; anomaly: NewAnomaly }>();
  for (const line of candidates) {
    const earlier = (bySku.get(line.sku) ?? []).filter(
      (h) => h.createdAt < line.createdAt && h.orderId !== line.orderId,
    );
    const own = earlier.filter((h) => h.clientId !== null && h.clientId === line.clientId);
    const basis = own.length >= MIN_HISTORY ? own : earlier;
    const judged = robustScore(
      line.quantity,
      basis.map((h) => h.quantity),
    );
    if (!judged?.flagged) continue;
    const whose =
      basis === own ? `${line.clientName ?? 'this client'} usually orders` : 'clients usually order';
    const anomaly: NewAnomaly = {
      kind: 'order_quantity',
      orderId: line.orderId,
      routeId: null,
      day: line.day,
      value: line.quantity,
      expected: judged.median,
      score: judged.score,
      detail:
        `${orderName(line)}: ${round(line.quantity, 2)} × ${line.sku}, where ${whose} ${round(judged.median, 2)} ` +
        `(median of ${basis.length} earlier lines, MAD ${round(judged.mad, 2)}); robust z ${round(judged.score)}`,
    };
    const seen = worst.get(line.orderId);
    if (!seen || Math.abs(judged.score) > Math.abs(seen.anomaly.score))
      worst.set(line.orderId, { line, anomaly });
  }
  return [...worst.values()].map((w) => w.anomaly);
}

export interface DeliveryRow {
  orderId: string;
  reference: string | null;
  clientName: string | null;
  requestedDate: string;
  windowEnd: string | null;
  deliveredAt: Date;
  day: string;
}

/** Deliveries that arrived at least `LATE_MINUTES` after their window (or requested day) ended. */
export function lateDeliveries(rows: DeliveryRow[]): NewAnomaly[] {
  const out: NewAnomaly[] = [];
  for (const r of rows) {
    const late = minutesLate(r.deliveredAt, r.requestedDate, r.windowEnd);
    if (late < LATE_MINUTES) continue;
    const due = r.windowEnd ? `${r.requestedDate} ${r.windowEnd}` : `the end of ${r.requestedDate}`;
    out.push({
      kind: 'delivery_delay',
      orderId: r.orderId,
      routeId: null,
      day: r.day,
      value: round(late, 2),
      expected: 0,
      score: round(late / 60, 3),
      detail: `${orderName(r)}${r.clientName ? ` to ${r.clientName}` : ''} arrived ${formatDelay(late)} after ${due} (UTC)`,
    });
  }
  return out;
}

function formatDelay(minutes: number): string {
  if (minutes < 120) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${round(minutes / 60)} h`;
  return `${round(minutes / 1440)} days`;
}

export interface RouteCostRow {
  routeId: string;
  vehicleCode: string;
  cost: number;
  stops: number;
  startAt: number;
  day: string;
}

/** Routes of the range whose cost per stop is unusually high against earlier routes. */
export function costlyRoutes(candidates: RouteCostRow[], history: RouteCostRow[]): NewAnomaly[] {
  const out: NewAnomaly[] = [];
  for (const r of candidates) {
    if (r.stops <= 0) continue;
    const perStop = r.cost / r.stops;
    const earlier = history.filter((h) => h.startAt < r.startAt && h.routeId !== r.routeId && h.stops > 0);
    const judged = robustScore(
      perStop,
      earlier.map((h) => h.cost / h.stops),
    );
    if (!judged?.flagged || judged.score <= 0) continue;
    out.push({
      kind: 'delivery_cost',
      orderId: null,
      routeId: r.routeId,
      day: r.day,
      value: perStop,
      expected: judged.median,
      score: judged.score,
      detail:
        `Route of ${r.vehicleCode} on ${r.day}: ${round(perStop, 2)} per stop over ${r.stops} stops, where routes ` +
        `usually cost ${round(judged.median, 2)} (median of ${earlier.length} earlier routes); robust z ${round(judged.score)}`,
    });
  }
  return out;
}
