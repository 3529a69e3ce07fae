// Why the routes are what they are (pure; run in the routing job's worker thread, never on a
// request): the cost components of each route; the binding constraints (stops that start within a
// few minutes of their window's end, vehicles at ≥ 95 % of a capacity or of their driving limit,
// routes that end at their shift's end, forbidden arcs and zones that forced a detour); the
// marginal cost of each order (what its route saves without it); and for each order the cheapest
// other vehicle, with what it would add or which hard constraints forbid it.
import type { Route, RoutingProblem, RoutingSolution, Violation } from '../routing/types.ts';
import { featureName } from './problem.ts';
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
const NEAREST_VEHICLES = 8;
const KEPT_ALTERNATIVES = 3;

const r2 = (x: number) => Math.round(x * 100) / 100;
const money = (x: number) => r2(x).toFixed(2);

const CONSTRAINT_WORDS: Record<string, string> = {
  capacity: 'capacity',
  time_window: 'time windows',
  shift: 'shift or depot hours',
  driving_limit: 'driving limit',
  compatibility: 'missing features',
  forbidden_arc: 'forbidden arc',
  forbidden_zone: 'forbidden zone',
  fixed_stops: 'executed stops',
};

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

interface PlanState {
  problem: RoutingProblem;
  sequences: Map<string, string[]>;
  baseCost: Map<string, number>;
  evaluate: Evaluate;
  code: (id: string) => string;
  depotCodes: Map<string, string>;
  vehicles: Map<string, RoutingProblem['vehicles'][number]>;
  orders: Map<string, RoutingProblem['orders'][number]>;
}

/** One order's insight against stored sequences (the routing hypothetical of POST /explain). */
export function orderInsight(input: {
  problem: RoutingProblem;
  sequences: Record<string, string[]>;
  orderId: string;
  vehicleIds?: string[];
  vehicleCodes: Record<string, string>;
  depotCodes: Record<string, string>;
  evaluate: Evaluate;
}): OrderInsight {
  const { problem, evaluate } = input;
  const sequences = new Map<string, string[]>(
    problem.vehicles.map((v) => [v.id, input.sequences[v.id] ?? []]),
  );
  const baseCost = new Map<string, number>();
  for (const [v, sequence] of sequences)
    baseCost.set(v, sequence.length > 0 ? evaluate(v, sequence).cost : 0);
  const plan: PlanState = {
    problem,
    sequences,
    baseCost,
    evaluate,
    code: (id) => input.vehicleCodes[id] ?? id,
    depotCodes: new Map(Object.entries(input.depotCodes)),
    vehicles: new Map(problem.vehicles.map((v) => [v.id, v])),
    orders: new Map(problem.orders.map((o) => [o.id, o])),
  };
  const open = problem.vehicles
    .filter((v) => !v.closed && (!input.vehicleIds || input.vehicleIds.includes(v.id)))
    .map((v) => v.id);
  return insightFor(plan, input.orderId, open, false);
}

function insightFor(plan: PlanState, orderId: string, open: string[], limitVehicles: boolean): OrderInsight {
  const { sequences, baseCost, evaluate, code } = plan;
  let at: { vehicleId: string; index: number } | undefined;
  for (const [vehicleId, sequence] of sequences) {
    const index = sequence.indexOf(orderId);
    if (index >= 0) at = { vehicleId, index };
  }
  let marginal: number | null = null;
  if (at) {
    const sequence = sequences.get(at.vehicleId) ?? [];
    const rest = sequence.filter((id) => id !== orderId);
    const without = rest.length > 0 ? evaluate(at.vehicleId, rest) : { cost: 0, violations: [] };
    marginal = without.violations.length === 0 ? r2((baseCost.get(at.vehicleId) ?? 0) - without.cost) : null;
  }
  const candidates = open.filter((v) => v !== at?.vehicleId);
  const tried = limitVehicles ? nearest(plan.problem, orderId, candidates, sequences) : candidates;
  const alternatives = tried
    .map((v) =>
      bestInsertion(
        orderId,
        v,
        sequences.get(v) ?? [],
        baseCost.get(v) ?? 0,
        evaluate,
        plan.vehicles,
        plan.orders,
        plan.depotCodes,
        code,
      ),
    )
    .sort(byPreference);
  return {
    orderId,
    vehicleId: at?.vehicleId ?? null,
    sequence: at ? at.index + 1 : null,
    marginalCost: marginal,
    alternatives: alternatives.slice(0, KEPT_ALTERNATIVES),
    sentences: orderSentences(at ? code(at.vehicleId) : null, marginal, alternatives[0], alternatives),
  };
}

const byPreference = (a: Alternative, b: Alternative) =>
  a.feasible !== b.feasible
    ? a.feasible
      ? -1
      : 1
    : a.feasible
      ? (a.extraCost ?? 0) - (b.extraCost ?? 0)
      : a.constraints.length - b.constraints.length;

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

/** The cheapest position of the order on a vehicle's route (after its fixed stops). */
function bestInsertion(
  orderId: string,
  vehicleId: string,
  sequence: string[],
  base: number,
  evaluate: Evaluate,
  vehicles: Map<string, RoutingProblem['vehicles'][number]>,
  orders: Map<string, RoutingProblem['orders'][number]>,
  depotCodes: Map<string, string>,
  code: (id: string) => string,
): Alternative {
  const vehicle = vehicles.get(vehicleId);
  const order = orders.get(orderId);
  const first = vehicle?.fixedOrderIds?.length ?? 0;
  const missing = (order?.requiredFeatures ?? []).filter((f) => !(vehicle?.features ?? []).includes(f));
  const name = code(vehicleId);
  if (missing.length > 0)
    return {
      vehicleId,
      vehicleCode: name,
      feasible: false,
      extraCost: null,
      position: null,
      constraints: ['compatibility'],
      sentence: `${name} lacks ${missing.map((f) => featureName(f, depotCodes)).join(', ')}`,
    };
  let best: { cost: number; position: number } | null = null;
  let fewest: Violation[] | null = null;
  for (let p = first; p <= sequence.length; p++) {
    const tried = [...sequence.slice(0, p), orderId, ...sequence.slice(p)];
    const e = evaluate(vehicleId, tried);
    if (e.violations.length === 0) {
      if (!best || e.cost < best.cost) best = { cost: e.cost, position: p + 1 };
    } else if (!fewest || e.violations.length < fewest.length) fewest = e.violations;
  }
  if (best) {
    const extra = r2(best.cost - base);
    return {
      vehicleId,
      vehicleCode: name,
      feasible: true,
      extraCost: extra,
      position: best.position,
      constraints: [],
      sentence:
        sequence.length === 0
          ? `${name} (unused) could take it alone for ${money(extra)}, one more vehicle on the road`
          : `${name} could take it as stop ${best.position} for ${money(extra)} more`,
    };
  }
  const constraints = [...new Set((fewest ?? []).map((v) => v.constraint))];
  return {
    vehicleId,
    vehicleCode: name,
    feasible: false,
    extraCost: null,
    position: null,
    constraints,
    sentence: `${name} cannot take it: ${constraints.map((c) => CONSTRAINT_WORDS[c] ?? c).join(', ')} at every position`,
  };
}

function orderSentences(
  vehicleCode: string | null,
  marginal: number | null,
  best: Alternative | undefined,
  alternatives: Alternative[],
): string[] {
  const out: string[] = [];
  if (vehicleCode && marginal !== null)
    out.push(
      marginal > 0
        ? `On ${vehicleCode} the order costs ${money(marginal)} (what the route saves without it).`
        : `Taking it off ${vehicleCode} would save nothing (${money(marginal)}): the route would wait or leave earlier rather than drive less.`,
    );
  if (!best) {
    out.push('No other vehicle is available.');
    return out;
  }
  if (best.feasible && best.extraCost !== null) {
    const diff = marginal !== null ? best.extraCost - marginal : null;
    out.push(
      vehicleCode && diff !== null
        ? `The best alternative is ${best.vehicleCode}: ${best.sentence.replace(`${best.vehicleCode} `, '')} — ${money(Math.abs(diff))} ${diff >= 0 ? 'more' : 'less'} than on ${vehicleCode}${diff < 0 ? ' in operating cost (the stated objective also weighs vehicles, time, CO2 or risk, or the search stopped before it found the move)' : ''}.`
        : `The best vehicle for it would be ${best.vehicleCode}: ${best.sentence}.`,
    );
  } else {
    out.push(
      `No other vehicle can take it: ${alternatives
        .slice(0, 4)
        .map((a) => a.sentence)
        .join('; ')}.`,
    );
  }
  return out;
}

/** The vehicles whose route or depot passes nearest to the order (a planar proxy is enough to rank). */
function nearest(
  problem: RoutingProblem,
  orderId: string,
  candidates: string[],
  sequences: Map<string, string[]>,
) {
  const where = new Map(problem.orders.map((o) => [o.id, o.location]));
  const depots = new Map(problem.depots.map((d) => [d.id, d.location]));
  const p = where.get(orderId);
  if (!p) return candidates.slice(0, NEAREST_VEHICLES);
  const k = Math.cos((p.y * Math.PI) / 180);
  const gap = (q: { x: number; y: number } | null | undefined) =>
    q ? ((q.x - p.x) * k) ** 2 + (q.y - p.y) ** 2 : Number.POSITIVE_INFINITY;
  const vehicles = new Map(problem.vehicles.map((v) => [v.id, v]));
  return candidates
    .map((v) => ({
      v,
      d: Math.min(
        gap(depots.get(vehicles.get(v)?.depotId ?? '')),
        ...(sequences.get(v) ?? []).map((id) => gap(where.get(id))),
      ),
    }))
    .sort((a, b) => a.d - b.d)
    .slice(0, NEAREST_VEHICLES)
    .map((x) => x.v);
}

/** Minutes from midnight → `HH:MM`. */
export function clock(minutes: number): string {
  const m = Math.round(minutes);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
