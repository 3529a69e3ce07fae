// Why the routes are what they are (pure; run in the routing job's worker thread, never on a
// request): the cost components of each route; the binding constraints (stops that start within a
// few minutes of their window's end, vehicles at ≥ 95 % of a capacity or of their driving limit,
// routes that end at their shift's end, forbidden arcs and zones that forced a detour); the
// marginal cost of each order (what its route saves without it); and for each order the cheapest
// other vehicle, with what it would add or which hard constraints forbid it.
import type { Route, RoutingProblem, RoutingSolution, Violation } from '../routing/types.ts';
import { insightFor, money, type PlanState, r2 } from './order-insight.ts';
import { costComponents } from './records.ts';

/** A route as the engine evaluates a given sequence of orders on a vehicle. */
export interface Evaluation {
  cost: number;
  distance: number;
  violations: Violation[];
}
export type Evaluate = (vehicleId: string, orderIds: string[]) => Evaluation;
/** The engine's solve on a small problem (the detour-free sequence of one route). */
export type SolveSmall = (problem: RoutingProblem) => RoutingSolution;

export interface BindingItem {
  kind: 'time_window' | 'capacity' | 'shift_end' | 'driving_limit' | 'detour';
  vehicleId: string;
  vehicleCode: string;
  orderId?: string;
  value: number;
  limit: number;
  detail: string;
}

export interface Alternative {
  vehicleId: string;
  vehicleCode: string;
  feasible: boolean;
  extraCost: number | null;
  position: number | null;
  constraints: string[];
  sentence: string;
}

export interface OrderInsight {
  orderId: string;
  vehicleId: string | null;
  sequence: number | null;
  marginalCost: number | null;
  alternatives: Alternative[];
  sentences: string[];
}

/** What a route's stored explanation holds. */
export interface RouteFacts {
  components: { fixed: number; distance: number; time: number };
  binding: BindingItem[];
  detour: { freeDistanceKm: number; detourKm: number; blocked: string[] } | null;
  sentences: string[];
}

export interface PlanExplanation {
  routes: Record<string, RouteFacts>;
  orders: OrderInsight[];
  binding: BindingItem[];
}

const TIGHT_MINUTES = 5;
const NEAR_FULL = 0.95;
/** Orders × vehicles above which only the nearest vehicles are tried as alternatives. */
const FULL_SEARCH = 20_000;

export function explainPlan(input: {
  problem: RoutingProblem;
  solution: RoutingSolution;
  evaluate: Evaluate;
  solveSmall: SolveSmall;
  vehicleCodes: Record<string, string>;
  depotCodes: Record<string, string>;
}): PlanExplanation {
  const { problem, solution, evaluate } = input;
  const code = (id: string) => input.vehicleCodes[id] ?? id;
  const depotCodes = new Map(Object.entries(input.depotCodes));
  const vehicles = new Map(problem.vehicles.map((v) => [v.id, v]));
  const orders = new Map(problem.orders.map((o) => [o.id, o]));
  const sequences = new Map<string, string[]>(problem.vehicles.map((v) => [v.id, []]));
  const baseCost = new Map<string, number>();
  for (const r of solution.routes) {
    sequences.set(
      r.vehicleId,
      r.stops.map((s) => s.orderId),
    );
    baseCost.set(r.vehicleId, r.stops.length > 0 ? r.cost : 0);
  }

  const routes: Record<string, RouteFacts> = {};
  const binding: BindingItem[] = [];
  for (const route of solution.routes) {
    if (route.stops.length === 0) continue;
    const items = bindingOf(problem, route, code(route.vehicleId));
    const detour = detourOf(problem, route, input.solveSmall, evaluate);
    if (detour)
      items.push({
        kind: 'detour',
        vehicleId: route.vehicleId,
        vehicleCode: code(route.vehicleId),
        value: detour.detourKm,
        limit: 0,
        detail: `${code(route.vehicleId)} drives ${detour.detourKm} km more than it would without the forbidden arcs and zones (${detour.blocked.join('; ')})`,
      });
    binding.push(...items);
    const components = costComponents(route, problem);
    routes[route.vehicleId] = {
      components,
      binding: items,
      detour,
      sentences: [
        `${code(route.vehicleId)}: ${route.stops.length} stop(s), ${r2(route.distance)} km, cost ${money(route.cost)} = fixed ${money(components.fixed)} + distance ${money(components.distance)} + time ${money(components.time)}.`,
        ...items.map((b) => b.detail),
      ],
    };
  }

  const plan: PlanState = { problem, sequences, baseCost, evaluate, code, depotCodes, vehicles, orders };
  const open = problem.vehicles.filter((v) => !v.closed).map((v) => v.id);
  const limitVehicles = problem.orders.length * open.length > FULL_SEARCH;
  const insights = problem.orders.map((order) => insightFor(plan, order.id, open, limitVehicles));
  return { routes, orders: insights, binding };
}

function bindingOf(problem: RoutingProblem, route: Route, vehicleCode: string): BindingItem[] {
  const items: BindingItem[] = [];
  const v = problem.vehicles.find((x) => x.id === route.vehicleId);
  const orders = new Map(problem.orders.map((o) => [o.id, o]));
  for (const s of route.stops) {
    const w = orders.get(s.orderId)?.windows[s.windowIndex];
    if (!w) continue;
    const slack = w.end - s.start;
    if (slack <= TIGHT_MINUTES)
      items.push({
        kind: 'time_window',
        vehicleId: route.vehicleId,
        vehicleCode,
        orderId: s.orderId,
        value: r2(s.start),
        limit: w.end,
        detail: `the stop at ${clock(s.start)} is ${r2(slack)} min before its window closes at ${clock(w.end)}`,
      });
  }
  if (v) {
    const names = ['weight', 'volume'];
    v.capacity.forEach((cap, k) => {
      const load = route.load[k] ?? 0;
      if (cap > 0 && Number.isFinite(cap) && load / cap >= NEAR_FULL)
        items.push({
          kind: 'capacity',
          vehicleId: route.vehicleId,
          vehicleCode,
          value: r2(load),
          limit: cap,
          detail: `${vehicleCode} is loaded to ${Math.round((100 * load) / cap)} % of its ${names[k]} capacity (${r2(load)} of ${cap} ${k === 0 ? 'kg' : 'm³'})`,
        });
    });
    if (v.shift.end - route.returnTime <= TIGHT_MINUTES)
      items.push({
        kind: 'shift_end',
        vehicleId: route.vehicleId,
        vehicleCode,
        value: r2(route.returnTime),
        limit: v.shift.end,
        detail: `${vehicleCode} is back at ${clock(route.returnTime)}, its shift ends at ${clock(v.shift.end)}`,
      });
    const limit = v.maxDrivingMinutes;
    if (limit !== undefined && limit > 0 && route.drivingMinutes / limit >= NEAR_FULL)
      items.push({
        kind: 'driving_limit',
        vehicleId: route.vehicleId,
        vehicleCode,
        value: r2(route.drivingMinutes),
        limit,
        detail: `${vehicleCode} drives ${Math.round(route.drivingMinutes)} of its ${limit} minutes`,
      });
  }
  return items;
}

/**
 * With forbidden arcs or zones: the same stops solved again without them. When that is shorter and
 * its sequence would cross what is forbidden, the difference is the detour they forced.
 */
function detourOf(problem: RoutingProblem, route: Route, solveSmall: SolveSmall, evaluate: Evaluate) {
  if ((problem.forbiddenArcs?.length ?? 0) === 0 && (problem.forbiddenZones?.length ?? 0) === 0) return null;
  const ids = new Set(route.stops.map((s) => s.orderId));
  const vehicle = problem.vehicles.find((v) => v.id === route.vehicleId);
  if (!vehicle) return null;
  const relaxed = solveSmall({
    ...problem,
    vehicles: [vehicle],
    orders: problem.orders.filter((o) => ids.has(o.id)),
    forbiddenArcs: [],
    forbiddenZones: [],
  });
  const free = relaxed.routes.find((r) => r.vehicleId === vehicle.id);
  if (!free || relaxed.unserved.length > 0 || free.distance >= route.distance - 0.01) return null;
  const blocked = evaluate(
    vehicle.id,
    free.stops.map((s) => s.orderId),
  ).violations.filter((v) => v.constraint === 'forbidden_arc' || v.constraint === 'forbidden_zone');
  if (blocked.length === 0) return null;
  return {
    freeDistanceKm: r2(free.distance),
    detourKm: r2(route.distance - free.distance),
    blocked: [...new Set(blocked.map((b) => b.detail))].slice(0, 5),
  };
}

/** Minutes from midnight → `HH:MM`. */
export function clock(minutes: number): string {
  const m = Math.round(minutes);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
