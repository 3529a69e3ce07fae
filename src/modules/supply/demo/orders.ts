// The demo's open orders: a dozen customer orders for the next days (three of them allocated and
// planned on a vehicle), and purchase orders already placed for a few stock points that run low.
// Stock points carry what the orders commit: `on order` is the sum of the open purchase order lines
// for that SKU and warehouse, `reserved` the sum of the allocated customer order lines.
import type { OrderLine } from '../../../platform/db/schema/supply.ts';
import { seededRandom } from '../../../platform/random.ts';
import { DEMO_SEED, type DemoStockPoint } from './catalogue.ts';
import { formatDay, parseDay } from './demand-generator.ts';
import { DEMO_CLIENTS, type DemoClient } from './network.ts';

const DAY_MS = 86_400_000;

export interface DemoOrder {
  kind: 'customer' | 'purchase';
  reference: string;
  /** Client name (customer orders). */
  client: string | null;
  warehouse: string;
  supplier: string | null;
  lines: OrderLine[];
  requestedDate: string;
  windowStart: string | null;
  windowEnd: string | null;
  status: 'draft' | 'confirmed' | 'allocated';
  priority: number;
}

export interface DemoAssignment {
  vehicle: string;
  /** Reference of the customer order. */
  order: string;
  sequence: number;
  plannedStart: Date;
  plannedEnd: Date;
}

export interface DemoOrders {
  orders: DemoOrder[];
  assignments: DemoAssignment[];
  /** The stock points with `onOrder` and `reserved` set from the orders. */
  stockPoints: DemoStockPoint[];
}

type Rng = () => number;
const CUSTOMER_ORDERS = 12;
/** Allocated orders and the vehicle that delivers them (one stop after the other). */
const PLANNED_ROUTES: readonly { vehicle: string; warehouse: string; stops: number }[] = [
  { vehicle: 'VAN-01', warehouse: 'BHM', stops: 2 },
  { vehicle: 'TRK-01', warehouse: 'COV', stops: 1 },
];

function customerLines(rng: Rng, candidates: DemoStockPoint[]): OrderLine[] {
  const count = Math.min(candidates.length, 1 + Math.floor(rng() * 4));
  const chosen = new Set<DemoStockPoint>();
  while (chosen.size < count) chosen.add(candidates[Math.floor(rng() * candidates.length)] as DemoStockPoint);
  return [...chosen].map((p) => ({
    sku: p.item.sku,
    quantity: Math.max(1, Math.min(p.onHand, Math.round(p.dailyDemand * (1 + 3 * rng())))),
  }));
}

function customerOrder(
  rng: Rng,
  n: number,
  client: DemoClient,
  points: DemoStockPoint[],
  today: number,
): DemoOrder {
  // Smooth, stocked items: what a customer orders every week.
  const candidates = points.filter(
    (p) => p.warehouse === client.servedFrom && p.onHand > 0 && p.profile.demandClass === 'smooth',
  );
  const window = client.timeWindows[0];
  return {
    kind: 'customer',
    reference: `SO-${24_100 + n}`,
    client: client.name,
    warehouse: client.servedFrom,
    supplier: null,
    lines: customerLines(rng, candidates),
    requestedDate: formatDay(today + (1 + Math.floor(rng() * 5)) * DAY_MS),
    windowStart: window?.start ?? null,
    windowEnd: window?.end ?? null,
    status: n === CUSTOMER_ORDERS - 1 ? 'draft' : 'confirmed',
    priority: client.priority,
  };
}

/** Purchase orders for low stock points grouped by supplier and warehouse (the three largest groups). */
function purchaseOrders(rng: Rng, points: DemoStockPoint[], today: number): DemoOrder[] {
  const groups = new Map<string, DemoStockPoint[]>();
  for (const p of points) {
    if (!p.belowReorderPoint || p.dailyDemand < 0.5) continue;
    const key = `${p.item.supplier.name}|${p.warehouse}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const largest = [...groups.values()].sort((a, b) => b.length - a.length).slice(0, 3);
  return largest.map((group, n) => {
    const first = group[0] as DemoStockPoint;
    const lines = group.slice(0, 5).map((p) => ({
      sku: p.item.sku,
      // A month of demand in whole packs, at least the minimum order.
      quantity: Math.max(p.moq, Math.ceil((p.dailyDemand * 30) / p.item.lotSize) * p.item.lotSize),
    }));
    // Placed a while ago: it arrives within the lead time from now.
    const arrival = today + Math.max(1, Math.round(first.leadTimeDays * (0.3 + 0.5 * rng()))) * DAY_MS;
    return {
      kind: 'purchase',
      reference: `PO-${7_300 + n}`,
      client: null,
      warehouse: first.warehouse,
      supplier: first.item.supplier.name,
      lines,
      requestedDate: formatDay(arrival),
      windowStart: null,
      windowEnd: null,
      status: 'confirmed',
      priority: 3,
    };
  });
}

/** Fisher–Yates. */
function shuffled<T>(rng: Rng, values: readonly T[]): T[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Sums order lines per `warehouse|sku`. */
function committed(orders: DemoOrder[], keep: (o: DemoOrder) => boolean): Map<string, number> {
  const sums = new Map<string, number>();
  for (const o of orders.filter(keep))
    for (const l of o.lines)
      sums.set(`${o.warehouse}|${l.sku}`, (sums.get(`${o.warehouse}|${l.sku}`) ?? 0) + l.quantity);
  return sums;
}

function planRoutes(orders: DemoOrder[], today: number): DemoAssignment[] {
  const assignments: DemoAssignment[] = [];
  for (const route of PLANNED_ROUTES) {
    const stops = orders.filter(
      (o) => o.kind === 'customer' && o.status === 'confirmed' && o.warehouse === route.warehouse,
    );
    let at = today + DAY_MS + 8 * 3_600_000; // tomorrow 08:00 UTC
    stops.slice(0, route.stops).forEach((order, k) => {
      order.status = 'allocated';
      order.requestedDate = formatDay(today + DAY_MS);
      const client = DEMO_CLIENTS.find((c) => c.name === order.client);
      const plannedStart = new Date(at + 45 * 60_000); // the drive there
      const plannedEnd = new Date(plannedStart.getTime() + (client?.serviceMinutes ?? 15) * 60_000);
      assignments.push({
        vehicle: route.vehicle,
        order: order.reference,
        sequence: k + 1,
        plannedStart,
        plannedEnd,
      });
      at = plannedEnd.getTime();
    });
  }
  return assignments;
}

/** The open orders as of `today` (`YYYY-MM-DD`), and the stock points they commit. */
export function demoOrders(points: readonly DemoStockPoint[], today: string, seed = DEMO_SEED): DemoOrders {
  const rng = seededRandom(seed + 2);
  const day = parseDay(today);
  const list = [...points];
  // Every client served once before any is served twice, in a seeded order.
  const clients = shuffled(rng, DEMO_CLIENTS);
  const customer = Array.from({ length: CUSTOMER_ORDERS }, (_, n) =>
    customerOrder(rng, n, clients[n % clients.length] as DemoClient, list, day),
  ).filter((o) => o.lines.length > 0);
  const orders = [...customer, ...purchaseOrders(rng, list, day)];
  const assignments = planRoutes(orders, day);
  const onOrder = committed(orders, (o) => o.kind === 'purchase');
  const reserved = committed(orders, (o) => o.kind === 'customer' && o.status === 'allocated');
  const stockPoints = list.map((p) => {
    const key = `${p.warehouse}|${p.item.sku}`;
    return { ...p, onOrder: onOrder.get(key) ?? 0, reserved: reserved.get(key) ?? 0 };
  });
  return { orders, assignments, stockPoints };
}
