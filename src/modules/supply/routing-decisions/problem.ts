// From the tenant's rows to the routing engine's problem (pure: no database). Clock times `HH:MM`
// become minutes from the day's midnight (UTC); an order's own window replaces its client's
// windows; its load is its own weight and volume or the sum of its lines × the unit weight and
// volume of their inventory rows. With several depots, each order may only go on a vehicle based at
// its own warehouse (the goods are there): a `depot:<id>` feature on vehicles and orders says so.
import type { OrderLine, TimeWindow } from '../../../platform/db/schema/supply.ts';
import type {
  ForbiddenZone,
  ObjectiveSpec,
  RoutingDepot,
  RoutingOrder,
  RoutingProblem,
  RoutingVehicle,
  Window,
} from '../routing/types.ts';

export interface DepotRow {
  id: string;
  code: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
  operatingHours: TimeWindow[];
}

export interface VehicleRow {
  id: string;
  code: string;
  type: string;
  depotId: string | null;
  capacityKg: number;
  capacityM3: number;
  costPerKm: number;
  costPerHour: number;
  co2PerKm: number;
  shiftStart: string;
  shiftEnd: string;
  maxDrivingHours: number;
  features: string[];
}

export interface OrderRowForRouting {
  id: string;
  reference: string | null;
  warehouseId: string;
  clientId: string | null;
  clientName: string | null;
  latitude: number | null;
  longitude: number | null;
  clientWindows: TimeWindow[];
  windowStart: string | null;
  windowEnd: string | null;
  serviceMinutes: number;
  priority: number;
  requiredFeatures: string[];
  weightKg: number | null;
  volumeM3: number | null;
  lines: OrderLine[];
}

export interface UnitLoad {
  kg: number;
  m3: number;
}

/** What the routing request asks besides the data (see routing.schemas.ts). */
export interface ProblemOptions {
  objective: ObjectiveSpec;
  speedKmh: number;
  detourFactor: number;
  fixedCostPerVehicle: number;
  forbiddenArcs: { from: string; to: string }[];
  forbiddenZones: { name: string; polygon: { lon: number; lat: number }[]; allowedFeatures?: string[] }[];
  riskZones: { name: string; polygon: { lon: number; lat: number }[]; riskPerKm: number }[];
}

/** Re-optimisation: stops kept per vehicle, vehicles broken down, no departure before a minute. */
export interface Continuation {
  fixed: Map<string, string[]>;
  closed: Set<string>;
  notBefore?: number;
}

/** The facts of an order that the stored stops and explanations repeat. */
export interface OrderFacts {
  reference: string | null;
  warehouseId: string;
  clientId: string | null;
  clientName: string | null;
  latitude: number | null;
  longitude: number | null;
  windows: Window[];
  demand: [number, number];
}

/** Unit weight and volume when a SKU has no inventory row at the warehouse (the column defaults). */
export const DEFAULT_UNIT_LOAD: UnitLoad = { kg: 1, m3: 0.001 };
export const DEPOT_FEATURE = 'depot:';

/** `HH:MM` → minutes from midnight (`24:00` → 1440). */
export function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The order's windows in minutes: its own window when it has both ends, else its client's. */
export function orderWindows(order: OrderRowForRouting): Window[] {
  if (order.windowStart && order.windowEnd)
    return [{ start: minutesOf(order.windowStart), end: minutesOf(order.windowEnd) }];
  return order.clientWindows.map((w) => ({ start: minutesOf(w.start), end: minutesOf(w.end) }));
}

export function orderLoad(order: OrderRowForRouting, unitLoads: Map<string, UnitLoad>): [number, number] {
  let kg = 0;
  let m3 = 0;
  for (const line of order.lines) {
    const unit = unitLoads.get(`${order.warehouseId}|${line.sku}`) ?? DEFAULT_UNIT_LOAD;
    kg += line.quantity * unit.kg;
    m3 += line.quantity * unit.m3;
  }
  return [order.weightKg ?? round(kg, 3), order.volumeM3 ?? round(m3, 4)];
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function depotOpen(hours: TimeWindow[]): Window | undefined {
  if (hours.length === 0) return undefined;
  return {
    start: Math.min(...hours.map((h) => minutesOf(h.start))),
    end: Math.max(...hours.map((h) => minutesOf(h.end))),
  };
}

const polygonOf = (corners: { lon: number; lat: number }[]) => corners.map((c) => ({ x: c.lon, y: c.lat }));

export function buildProblem(input: {
  depots: DepotRow[];
  vehicles: VehicleRow[];
  orders: OrderRowForRouting[];
  unitLoads: Map<string, UnitLoad>;
  options: ProblemOptions;
  continuation?: Continuation;
}): { problem: RoutingProblem; facts: Map<string, OrderFacts> } {
  const { options, continuation } = input;
  const multiDepot = new Set(input.vehicles.map((v) => v.depotId)).size > 1;
  const depots: RoutingDepot[] = input.depots.map((d) => {
    const open = depotOpen(d.operatingHours);
    return {
      id: d.id,
      location: { x: d.longitude ?? 0, y: d.latitude ?? 0 },
      ...(open ? { open } : {}),
    };
  });
  const vehicles: RoutingVehicle[] = input.vehicles.map((v) => {
    const fixed = continuation?.fixed.get(v.id) ?? [];
    const start = minutesOf(v.shiftStart);
    const notBefore = fixed.length === 0 ? continuation?.notBefore : undefined;
    return {
      id: v.id,
      depotId: v.depotId as string,
      capacity: [v.capacityKg, v.capacityM3],
      shift: { start: Math.max(start, notBefore ?? start), end: minutesOf(v.shiftEnd) },
      maxDrivingMinutes: v.maxDrivingHours * 60,
      fixedCost: options.fixedCostPerVehicle,
      costPerKm: v.costPerKm,
      costPerHour: v.costPerHour,
      co2PerKm: v.co2PerKm,
      features: multiDepot ? [...v.features, `${DEPOT_FEATURE}${v.depotId}`] : [...v.features],
      ...(fixed.length > 0 ? { fixedOrderIds: fixed } : {}),
      ...(continuation?.closed.has(v.id) ? { closed: true } : {}),
    };
  });
  const facts = new Map<string, OrderFacts>();
  const orders: RoutingOrder[] = input.orders.map((o) => {
    const located = o.latitude !== null && o.longitude !== null;
    const windows = orderWindows(o);
    const demand = orderLoad(o, input.unitLoads);
    facts.set(o.id, {
      reference: o.reference,
      warehouseId: o.warehouseId,
      clientId: o.clientId,
      clientName: o.clientName,
      latitude: o.latitude,
      longitude: o.longitude,
      windows,
      demand,
    });
    return {
      id: o.id,
      location: located ? { x: o.longitude as number, y: o.latitude as number } : null,
      demand,
      windows,
      serviceMinutes: o.serviceMinutes,
      requiredFeatures: multiDepot
        ? [...o.requiredFeatures, `${DEPOT_FEATURE}${o.warehouseId}`]
        : [...o.requiredFeatures],
      priority: o.priority,
    };
  });
  return {
    problem: {
      metric: 'haversine',
      speedKmh: options.speedKmh,
      detourFactor: options.detourFactor,
      depots,
      vehicles,
      orders,
      forbiddenArcs: forbiddenArcs(
        options.forbiddenArcs,
        input.orders,
        input.depots.map((d) => d.id),
      ),
      forbiddenZones: options.forbiddenZones.map(
        (z, i): ForbiddenZone => ({
          id: `zone-${i + 1}`,
          polygon: polygonOf(z.polygon),
          ...(z.allowedFeatures ? { allowedFeatures: z.allowedFeatures } : {}),
        }),
      ),
      riskZones: options.riskZones.map((z) => ({ polygon: polygonOf(z.polygon), riskPerKm: z.riskPerKm })),
      objective: options.objective,
    },
    facts,
  };
}

/**
 * Arcs between clients and warehouses → arcs between the engine's nodes: a client stands for each
 * of its orders, a warehouse is its depot (same id). Arcs naming nothing in the problem drop out.
 */
export function forbiddenArcs(
  arcs: { from: string; to: string }[],
  orders: Pick<OrderRowForRouting, 'id' | 'clientId'>[],
  depotIds: string[],
): Array<[string, string]> {
  const byClient = new Map<string, string[]>();
  for (const o of orders)
    if (o.clientId) byClient.set(o.clientId, [...(byClient.get(o.clientId) ?? []), o.id]);
  const depots = new Set(depotIds);
  const nodes = (id: string) => byClient.get(id) ?? (depots.has(id) ? [id] : []);
  const pairs: Array<[string, string]> = [];
  for (const { from, to } of arcs)
    for (const a of nodes(from)) for (const b of nodes(to)) if (a !== b) pairs.push([a, b]);
  return pairs;
}
