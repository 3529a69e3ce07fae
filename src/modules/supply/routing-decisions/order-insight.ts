// One order's place in a plan: what its route saves without it (marginal cost), and the cheapest
// position on each other vehicle — what it would add there, or which hard constraints forbid it —
// with sentences comparing the two. Pure: the engine's evaluation is passed in.
import type { RoutingProblem, Violation } from '../routing/types.ts';
import type { Alternative, Evaluate, OrderInsight } from './explain-plan.ts';
import { DEPOT_FEATURE } from './problem.ts';

export const r2 = (x: number) => Math.round(x * 100) / 100;
export const money = (x: number) => r2(x).toFixed(2);
const NEAREST_VEHICLES = 8;
const KEPT_ALTERNATIVES = 3;

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

export interface PlanState {
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

export function insightFor(
  plan: PlanState,
  orderId: string,
  open: string[],
  limitVehicles: boolean,
): OrderInsight {
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

/** Vehicles of another warehouse come last among those that cannot take the order. */
const elsewhere = (a: Alternative) => (a.constraints.includes('depot') ? 1 : 0);

const byPreference = (a: Alternative, b: Alternative) =>
  a.feasible !== b.feasible
    ? a.feasible
      ? -1
      : 1
    : a.feasible
      ? (a.extraCost ?? 0) - (b.extraCost ?? 0)
      : elsewhere(a) - elsewhere(b) || a.constraints.length - b.constraints.length;

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
  const depot = missing.find((f) => f.startsWith(DEPOT_FEATURE));
  if (depot)
    return {
      vehicleId,
      vehicleCode: name,
      feasible: false,
      extraCost: null,
      position: null,
      constraints: ['depot'],
      sentence: `${name} is based at another warehouse (the goods leave from ${depotCodes.get(depot.slice(DEPOT_FEATURE.length)) ?? 'theirs'})`,
    };
  if (missing.length > 0)
    return {
      vehicleId,
      vehicleCode: name,
      feasible: false,
      extraCost: null,
      position: null,
      constraints: ['compatibility'],
      sentence: `${name} lacks ${missing.join(', ')}`,
    };
  // Over capacity at any position: no need to schedule it anywhere.
  const full = [0, 1].filter((k) => {
    const load = sequence.reduce((sum, id) => sum + (orders.get(id)?.demand[k] ?? 0), order?.demand[k] ?? 0);
    return load > (vehicle?.capacity[k] ?? Number.POSITIVE_INFINITY) + 1e-9;
  });
  if (full.length > 0)
    return {
      vehicleId,
      vehicleCode: name,
      feasible: false,
      extraCost: null,
      position: null,
      constraints: ['capacity'],
      sentence: `${name} cannot take it: its ${full.map((k) => (k === 0 ? 'weight' : 'volume')).join(' and ')} capacity would be exceeded`,
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
