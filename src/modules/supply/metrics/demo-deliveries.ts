// The demo tenant's delivery history for its KPI dashboard: 60 days of delivered customer orders
// (a few late or short, fewer as the weeks go by) and the routes of the vehicles that carried them,
// with a handful of anomalies a planner should see (three unusually large orders, a route that cost
// far more per stop after a detour). Pure and seeded: the same history every time for an end day.
import type { OrderLine, TimeWindow } from '../../../platform/db/schema/supply.ts';
import { seededRandom } from '../../../platform/random.ts';
import type { DemoStockPoint } from '../demo/catalogue.ts';
import type { DemoClient, DemoVehicle, DemoWarehouse } from '../demo/network.ts';
import { addDays } from '../policy/dates.ts';
import { haversineKm } from '../routing/distances.ts';

type Rng = () => number;

export const DEMO_DELIVERY_DAYS = 60;
/** References of the history's orders start with this. */
export const HISTORY_REFERENCE = 'HIST-';
/** Regular SKUs per warehouse that the history's orders draw from. */
const POOL = 10;
const SPEED_KMH = 45;
/** Road distance ≈ great-circle × this. */
const DETOUR = 1.3;
const SERVICE_MINUTES = 12;

export interface HistoryOrder {
  reference: string;
  client: string;
  warehouse: string;
  lines: OrderLine[];
  requestedDate: string;
  windowStart: string;
  windowEnd: string;
  weightKg: number;
  createdAt: Date;
  deliveredAt: Date;
  deliveredQuantity: number;
}

export interface HistoryStop {
  reference: string;
  client: string;
  arrival: Date;
  departure: Date;
  legKm: number;
  loadAfterKg: number;
}

export interface HistoryRoute {
  vehicle: string;
  warehouse: string;
  stops: HistoryStop[];
  startAt: Date;
  endAt: Date;
  distanceKm: number;
  drivingMinutes: number;
  loadKg: number;
  utilisation: number;
  co2Kg: number;
  cost: number;
}

export interface HistoryDay {
  day: string;
  orders: HistoryOrder[];
  routes: HistoryRoute[];
}

const pick = <T>(rng: Rng, values: readonly T[]): T => values[Math.floor(rng() * values.length)] as T;
const minutesOf = (clock: string) => {
  const [h, m] = clock.split(':').map(Number);
  return (h as number) * 60 + (m as number);
};
const at = (day: string, minutes: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + Math.round(minutes) * 60_000);
const round2 = (x: number) => Math.round(x * 100) / 100;

/** The regular SKUs of each warehouse: smooth sellers, a small quantity per order. */
function pools(points: readonly DemoStockPoint[]) {
  const out = new Map<string, { sku: string; base: number }[]>();
  for (const p of points) {
    if (p.profile.demandClass !== 'smooth' || p.dailyDemand < 2) continue;
    const pool = out.get(p.warehouse) ?? [];
    if (pool.length < POOL)
      pool.push({ sku: p.item.sku, base: Math.max(1, Math.round(p.dailyDemand * 0.15)) });
    out.set(p.warehouse, pool);
  }
  return out;
}

/**
 * The history of the `days` days ending `end` (YYYY-MM-DD). Weekdays bring 5–8 orders per
 * warehouse, Saturdays a couple, Sundays none; late deliveries fall from about 13 % to 5 % (an
 * hour or more late: 2 % to 0.8 %), short ones from 8 % to 3 %, and vehicles run fuller.
 */
export function demoDeliveryHistory(input: {
  points: readonly DemoStockPoint[];
  clients: readonly DemoClient[];
  vehicles: readonly DemoVehicle[];
  warehouses: readonly DemoWarehouse[];
  end: string;
  days?: number;
  seed: number;
}): HistoryDay[] {
  const days = input.days ?? DEMO_DELIVERY_DAYS;
  const rng = seededRandom(input.seed + 170);
  const skus = pools(input.points);
  const first = addDays(input.end, -(days - 1));
  const unusualDays = new Set([days - 12, days - 6, days - 3].map((i) => addDays(first, i)));
  const detourDay = addDays(first, days - 5);
  const history: HistoryDay[] = [];
  /** An unusual order, and a detour (a road closed), fall on the first orders on or after their day. */
  let unusualDue = false;
  let detourDue = false;
  for (let i = 0; i < days; i++) {
    const day = addDays(first, i);
    const progress = days > 1 ? i / (days - 1) : 1;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const orders: HistoryOrder[] = [];
    const routes: HistoryRoute[] = [];
    if (unusualDays.has(day)) unusualDue = true;
    if (day === detourDay) detourDue = true;
    for (const warehouse of input.warehouses) {
      const pool = skus.get(warehouse.code) ?? [];
      const clients = input.clients.filter(
        (c) => c.servedFrom === warehouse.code && c.timeWindows.length > 0,
      );
      if (pool.length === 0 || clients.length === 0) continue;
      const count = weekday === 0 ? 0 : weekday === 6 ? 1 + Math.floor(rng() * 2) : 5 + Math.floor(rng() * 4);
      const chosen = new Set<DemoClient>();
      while (chosen.size < Math.min(count, clients.length)) chosen.add(pick(rng, clients));
      const placed = [...chosen].map((client, k) =>
        historyOrder(rng, {
          client,
          warehouse: warehouse.code,
          pool,
          day,
          progress,
          n: orders.length + k + 1,
        }),
      );
      if (unusualDue && placed[0]) {
        unusualDue = false;
        const big = placed[0];
        big.lines = big.lines.map((l, k) => (k === 0 ? { ...l, quantity: l.quantity * 8 } : l));
        big.deliveredQuantity = big.lines.reduce((s, l) => s + l.quantity, 0);
      }
      orders.push(...placed);
      const detour = detourDue && placed.length > 0 ? 3.5 : 1;
      if (detour > 1) detourDue = false;
      const fleet = input.vehicles.filter((v) => v.depot === warehouse.code && v.status !== 'maintenance');
      routes.push(
        ...plannedRoutes(placed, fleet, warehouse, input.clients, {
          fill: 0.62 + 0.3 * progress,
          detour: (DETOUR + 0.2 * (1 - progress)) * detour,
        }),
      );
    }
    history.push({ day, orders, routes });
  }
  return history;
}

function historyOrder(
  rng: Rng,
  o: {
    client: DemoClient;
    warehouse: string;
    pool: { sku: string; base: number }[];
    day: string;
    progress: number;
    n: number;
  },
): HistoryOrder {
  const count = 1 + Math.floor(rng() * 2);
  const lines: OrderLine[] = [];
  while (lines.length < count) {
    const item = pick(rng, o.pool);
    if (lines.some((l) => l.sku === item.sku)) {
      if (o.pool.length <= lines.length) break;
      continue;
    }
    lines.push({ sku: item.sku, quantity: Math.max(1, Math.round(item.base * (0.75 + 0.5 * rng()))) });
  }
  const window = pick(rng, o.client.timeWindows) as TimeWindow;
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  // Most late deliveries miss the window by minutes (OTIF counts them); a few by an hour or two.
  const u = rng();
  const delivered =
    u < 0.02 - 0.012 * o.progress
      ? end + 35 + 115 * rng()
      : u < 0.13 - 0.08 * o.progress
        ? end + 3 + 22 * rng()
        : start + 0.85 * (end - start) * rng();
  const ordered = lines.reduce((s, l) => s + l.quantity, 0);
  const short = rng() < 0.08 - 0.05 * o.progress;
  const missing = short ? Math.max(1, Math.round(ordered * (0.1 + 0.2 * rng()))) : 0;
  return {
    reference: `${HISTORY_REFERENCE}${o.day.replaceAll('-', '')}-${String(o.n).padStart(2, '0')}`,
    client: o.client.name,
    warehouse: o.warehouse,
    lines,
    requestedDate: o.day,
    windowStart: window.start,
    windowEnd: window.end,
    weightKg: Math.round(60 + 180 * rng()),
    createdAt: at(addDays(o.day, -1 - Math.floor(rng() * 2)), 9 * 60 + 420 * rng()),
    deliveredAt: at(o.day, delivered),
    deliveredQuantity: Math.max(0, ordered - missing),
  };
}

/** The orders of a warehouse's day packed onto its vehicles, each route driven in delivery order. */
function plannedRoutes(
  orders: HistoryOrder[],
  fleet: readonly DemoVehicle[],
  warehouse: DemoWarehouse,
  clients: readonly DemoClient[],
  options: { fill: number; detour: number },
): HistoryRoute[] {
  const byName = new Map(clients.map((c) => [c.name, c]));
  const loads: { vehicle: DemoVehicle; orders: HistoryOrder[]; kg: number }[] = [];
  const vehicles = [...fleet].sort((a, b) => a.capacityKg - b.capacityKg || a.code.localeCompare(b.code));
  let current: (typeof loads)[number] | undefined;
  for (const order of [...orders].sort((a, b) => a.deliveredAt.getTime() - b.deliveredAt.getTime())) {
    if (!current || current.kg + order.weightKg > current.vehicle.capacityKg * options.fill) {
      const vehicle = vehicles[loads.length % Math.max(1, vehicles.length)];
      if (!vehicle) return [];
      current = { vehicle, orders: [], kg: 0 };
      loads.push(current);
    }
    current.orders.push(order);
    current.kg += order.weightKg;
  }
  const depot = { x: warehouse.longitude, y: warehouse.latitude };
  return loads.map(({ vehicle, orders: carried, kg }) => {
    let at = depot;
    let km = 0;
    let left = kg;
    const stops: HistoryStop[] = carried.map((order) => {
      const client = byName.get(order.client);
      const next = client ? { x: client.longitude, y: client.latitude } : at;
      const legKm = haversineKm(at, next) * options.detour;
      km += legKm;
      at = next;
      left -= order.weightKg;
      return {
        reference: order.reference,
        client: order.client,
        arrival: order.deliveredAt,
        departure: new Date(order.deliveredAt.getTime() + SERVICE_MINUTES * 60_000),
        legKm: round2(legKm),
        loadAfterKg: Math.max(0, left),
      };
    });
    const back = haversineKm(at, depot) * options.detour;
    km += back;
    const firstStop = stops[0] as HistoryStop;
    const lastStop = stops[stops.length - 1] as HistoryStop;
    const startAt = new Date(
      firstStop.arrival.getTime() - ((firstStop.legKm / SPEED_KMH) * 60 + 10) * 60_000,
    );
    const endAt = new Date(lastStop.departure.getTime() + (back / SPEED_KMH) * 3600_000);
    // Paid hours: driving and service (waiting between windows is the planner's slack, not paid).
    const hours = km / SPEED_KMH + (stops.length * SERVICE_MINUTES) / 60;
    return {
      vehicle: vehicle.code,
      warehouse: warehouse.code,
      stops,
      startAt,
      endAt,
      distanceKm: round2(km),
      drivingMinutes: round2((km / SPEED_KMH) * 60),
      loadKg: kg,
      utilisation: Math.min(1, kg / vehicle.capacityKg),
      co2Kg: round2(km * vehicle.co2PerKm),
      cost: round2(km * vehicle.costPerKm + hours * vehicle.costPerHour),
    };
  });
}
