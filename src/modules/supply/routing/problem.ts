// Compiles a RoutingProblem into the index-based model the search works on: nodes are the depots
// (0 … D−1) then the orders (D … D+N−1); per-node and per-vehicle typed arrays; distance, time,
// cost and forbidden-arc matrices; neighbour lists. Orders that cannot be served by any vehicle
// (see prechecks.ts) are marked non-candidates with their reason.
import { arcRisk, buildMatrices, crossesZone } from './distances.ts';
import { located, precheckOrders } from './prechecks.ts';
import type { Point, RoutingProblem, Unserved } from './types.ts';

export interface Weights {
  distance: number;
  time: number;
  co2: number;
  risk: number;
  vehicles: number;
  cost: number;
}

export interface Model {
  problem: RoutingProblem;
  D: number;
  N: number;
  V: number;
  n: number;
  points: Array<Point | null>;
  dist: Float64Array;
  time: Float64Array;
  risk: Float64Array;
  dem0: Float64Array;
  dem1: Float64Array;
  service: Float64Array;
  penalty: Float64Array;
  /** Windows of node u are wOff[u] … wOff[u+1]−1, sorted by start; wIdx is the index in the input. */
  wOff: Int32Array;
  wS: Float64Array;
  wE: Float64Array;
  wIdx: Int32Array;
  candidate: Uint8Array;
  reasons: Unserved[];
  vDepot: Int32Array;
  vStart: Float64Array;
  vEnd: Float64Array;
  vMaxDrive: Float64Array;
  vCap0: Float64Array;
  vCap1: Float64Array;
  /** Objective cost of using the vehicle at all (fixed cost, vehicle weight, hierarchical big-M). */
  vFixedPart: Float64Array;
  vTimeCoef: Float64Array;
  vDistCoef: Float64Array;
  vCostMat: Int32Array;
  costMats: Float64Array[];
  /** Index into forbMats, −1 when nothing is forbidden to the vehicle. */
  vForb: Int32Array;
  forbMats: Uint8Array[];
  vClass: Int32Array;
  vClosed: Uint8Array;
  vFixed: number[][];
  /** compat[u * V + v] = 1 when order node u may go on vehicle v (features, capacity, open). */
  compat: Uint8Array;
  neighbours: Int32Array[];
  weights: Weights;
  hierarchical: boolean;
  vehBig: number;
  orderNode: Map<string, number>;
  vehicleIndex: Map<string, number>;
}

function resolveWeights(problem: RoutingProblem): Weights {
  const w = problem.objective.weights ?? {};
  return {
    distance: w.distance ?? 1,
    time: w.time ?? 0,
    co2: w.co2 ?? 0,
    risk: w.risk ?? 0,
    vehicles: w.vehicles ?? 0,
    cost: w.cost ?? 0,
  };
}

function hasFeatures(
  vehicleFeatures: readonly string[] | undefined,
  required: readonly string[] | undefined,
) {
  if (!required || required.length === 0) return true;
  const have = new Set(vehicleFeatures ?? []);
  return required.every((f) => have.has(f));
}

export function compile(problem: RoutingProblem): Model {
  const D = problem.depots.length;
  const N = problem.orders.length;
  const V = problem.vehicles.length;
  const n = D + N;
  const points: Array<Point | null> = [
    ...problem.depots.map((d) => d.location),
    ...problem.orders.map((o) => o.location),
  ];
  const nodes = [...problem.depots.map((d) => d.node), ...problem.orders.map((o) => o.node)];
  const { dist, time } = buildMatrices(problem.metric, points, { ...problem, nodes });
  const weights = resolveWeights(problem);
  const risk = new Float64Array(n * n);
  if (problem.riskZones?.length) {
    for (let i = 0; i < n; i++) {
      const a = points[i];
      if (!a) continue;
      for (let j = 0; j < n; j++) {
        const b = points[j];
        if (i !== j && b) risk[i * n + j] = arcRisk(a, b, dist[i * n + j] as number, problem.riskZones);
      }
    }
  }
  const orderNode = new Map<string, number>();
  problem.orders.forEach((o, k) => {
    if (!orderNode.has(o.id)) orderNode.set(o.id, D + k);
  });
  const depotNode = new Map(problem.depots.map((d, k) => [d.id, k]));

  const dem0 = new Float64Array(n);
  const dem1 = new Float64Array(n);
  const service = new Float64Array(n);
  const wOff = new Int32Array(n + 1);
  const ws: number[] = [];
  const we: number[] = [];
  const wi: number[] = [];
  for (let u = 0; u < n; u++) {
    wOff[u] = ws.length;
    const o = u >= D ? problem.orders[u - D] : undefined;
    if (o) {
      dem0[u] = o.demand[0];
      dem1[u] = o.demand[1];
      service[u] = o.serviceMinutes;
    }
    if (!o || o.windows.length === 0) {
      ws.push(Number.NEGATIVE_INFINITY);
      we.push(Number.POSITIVE_INFINITY);
      wi.push(0);
      continue;
    }
    const sorted = o.windows.map((w, k) => ({ ...w, k })).sort((a, b) => a.start - b.start || a.end - b.end);
    for (const w of sorted) {
      ws.push(w.start);
      we.push(w.end);
      wi.push(w.k);
    }
  }
  wOff[n] = ws.length;

  // Vehicles.
  const vDepot = new Int32Array(V);
  const vStart = new Float64Array(V);
  const vEnd = new Float64Array(V);
  const vMaxDrive = new Float64Array(V);
  const vCap0 = new Float64Array(V);
  const vCap1 = new Float64Array(V);
  const vFixedPart = new Float64Array(V);
  const vTimeCoef = new Float64Array(V);
  const vDistCoef = new Float64Array(V);
  const vCostMat = new Int32Array(V);
  const vForb = new Int32Array(V).fill(-1);
  const vClosed = new Uint8Array(V);
  const vFixed: number[][] = [];
  const costMats: Float64Array[] = [];
  const costKeys = new Map<number, number>();
  const forbMats: Uint8Array[] = [];
  const forbKeys = new Map<string, number>();
  const vehicleIndex = new Map<string, number>();
  const anyArcBan = (problem.forbiddenArcs?.length ?? 0) > 0;
  const arcBan = new Uint8Array(anyArcBan ? n * n : 0);
  for (const [a, b] of problem.forbiddenArcs ?? []) {
    const i = depotNode.get(a) ?? orderNode.get(a);
    const j = depotNode.get(b) ?? orderNode.get(b);
    if (i === undefined || j === undefined) continue;
    arcBan[i * n + j] = 1;
    arcBan[j * n + i] = 1;
  }
  const zones = problem.forbiddenZones ?? [];
  const zoneArcs = zones.map((z) => {
    const m = new Uint8Array(n * n);
    for (let i = 0; i < n; i++) {
      const a = points[i];
      if (!a) continue;
      for (let j = i + 1; j < n; j++) {
        const b = points[j];
        // Both directions, so a borderline arc is banned whichever way the checker walks it.
        if (b && (crossesZone(a, b, z.polygon) || crossesZone(b, a, z.polygon)))
          m[i * n + j] = m[j * n + i] = 1;
      }
    }
    return m;
  });
  const fixedTaken = new Set<number>();
  problem.vehicles.forEach((veh, v) => {
    vehicleIndex.set(veh.id, v);
    const depot = depotNode.get(veh.depotId);
    if (depot === undefined) throw new Error(`vehicle ${veh.id}: unknown depot ${veh.depotId}`);
    vDepot[v] = depot;
    const open = problem.depots[depot]?.open;
    vStart[v] = Math.max(veh.shift.start, open?.start ?? Number.NEGATIVE_INFINITY);
    vEnd[v] = Math.min(veh.shift.end, open?.end ?? Number.POSITIVE_INFINITY);
    vMaxDrive[v] = veh.maxDrivingMinutes ?? Number.POSITIVE_INFINITY;
    vCap0[v] = veh.capacity[0];
    vCap1[v] = veh.capacity[1];
    vClosed[v] = veh.closed ? 1 : 0;
    vFixedPart[v] = (veh.fixedCost ?? 0) + weights.vehicles;
    vTimeCoef[v] = weights.time + (weights.cost * (veh.costPerHour ?? 0)) / 60;
    const coef = weights.distance + weights.co2 * (veh.co2PerKm ?? 0) + weights.cost * (veh.costPerKm ?? 0);
    vDistCoef[v] = coef;
    let cm = costKeys.get(coef);
    if (cm === undefined) {
      const mat = new Float64Array(n * n);
      for (let k = 0; k < n * n; k++)
        mat[k] = coef * (dist[k] as number) + weights.risk * (risk[k] as number);
      cm = costMats.length;
      costMats.push(mat);
      costKeys.set(coef, cm);
    }
    vCostMat[v] = cm;
    const banned = zones.flatMap((z, k) => (hasFeatures(veh.features, z.allowedFeatures) ? [] : [k]));
    if (banned.length > 0 || anyArcBan) {
      const key = banned.join(',');
      let fm = forbKeys.get(key);
      if (fm === undefined) {
        const mat = anyArcBan ? Uint8Array.from(arcBan) : new Uint8Array(n * n);
        for (const k of banned) {
          const zm = zoneArcs[k] as Uint8Array;
          for (let x = 0; x < n * n; x++) mat[x] = (mat[x] as number) | (zm[x] as number);
        }
        fm = forbMats.length;
        forbMats.push(mat);
        forbKeys.set(key, fm);
      }
      vForb[v] = fm;
    }
    const fixed: number[] = [];
    for (const id of veh.fixedOrderIds ?? []) {
      const u = orderNode.get(id);
      if (u === undefined || fixedTaken.has(u) || !located(problem, u - D)) continue;
      fixedTaken.add(u);
      fixed.push(u);
    }
    vFixed.push(fixed);
  });

  const compat = new Uint8Array(n * V);
  for (let u = D; u < n; u++) {
    const o = problem.orders[u - D];
    if (!o) continue;
    for (let v = 0; v < V; v++) {
      const veh = problem.vehicles[v];
      if (!veh || veh.closed) continue;
      if (o.demand[0] > veh.capacity[0] || o.demand[1] > veh.capacity[1]) continue;
      if (hasFeatures(veh.features, o.requiredFeatures)) compat[u * V + v] = 1;
    }
  }

  // Vehicle classes: interchangeable empty vehicles are tried once per class on insertion.
  const vClass = new Int32Array(V);
  const classKeys = new Map<string, number>();
  problem.vehicles.forEach((veh, v) => {
    const key =
      (vFixed[v]?.length ?? 0) > 0 || veh.closed
        ? `#${v}`
        : [
            vDepot[v],
            vStart[v],
            vEnd[v],
            vMaxDrive[v],
            vCap0[v],
            vCap1[v],
            vFixedPart[v],
            vTimeCoef[v],
            vCostMat[v],
            vForb[v],
            [...(veh.features ?? [])].sort().join('|'),
          ].join(';');
    let c = classKeys.get(key);
    if (c === undefined) {
      c = classKeys.size;
      classKeys.set(key, c);
    }
    vClass[v] = c;
  });

  const model: Model = {
    problem,
    D,
    N,
    V,
    n,
    points,
    dist,
    time,
    risk,
    dem0,
    dem1,
    service,
    penalty: new Float64Array(n),
    wOff,
    wS: Float64Array.from(ws),
    wE: Float64Array.from(we),
    wIdx: Int32Array.from(wi),
    candidate: new Uint8Array(n),
    reasons: [],
    vDepot,
    vStart,
    vEnd,
    vMaxDrive,
    vCap0,
    vCap1,
    vFixedPart,
    vTimeCoef,
    vDistCoef,
    vCostMat,
    costMats,
    vForb,
    forbMats,
    vClass,
    vClosed,
    vFixed,
    compat,
    neighbours: [],
    weights,
    hierarchical: problem.objective.mode === 'hierarchical',
    vehBig: 0,
    orderNode,
    vehicleIndex,
  };
  setPenalties(model);
  precheckOrders(model, fixedTaken);
  return model;
}

/**
 * Hierarchical mode: one vehicle costs more than any routing cost can (vehBig). Default penalty
 * of an unserved order: far above everything else, so orders are served whenever feasible.
 */
function setPenalties(m: Model): void {
  let maxArc = 0;
  for (const mat of m.costMats) {
    for (let k = 0; k < mat.length; k++) {
      const c = mat[k] as number;
      if (c > maxArc && Number.isFinite(c)) maxArc = c;
    }
  }
  let ub = (m.N + m.V + 1) * maxArc;
  for (let v = 0; v < m.V; v++) {
    const span = (m.vEnd[v] as number) - (m.vStart[v] as number);
    ub += (m.vFixedPart[v] as number) + (m.vTimeCoef[v] as number) * (Number.isFinite(span) ? span : 0);
  }
  if (!Number.isFinite(ub) || ub <= 0) ub = 1e6;
  if (m.hierarchical) {
    m.vehBig = ub;
    for (let v = 0; v < m.V; v++) m.vFixedPart[v] = (m.vFixedPart[v] as number) + ub;
  }
  const base = Math.max(1e6, 10 * ub * (m.hierarchical ? m.V + 1 : 1));
  for (let u = m.D; u < m.n; u++) {
    const o = m.problem.orders[u - m.D];
    if (!o) continue;
    m.penalty[u] = o.penalty ?? base / Math.min(5, Math.max(1, o.priority ?? 3));
  }
}

/** Neighbour lists (nearest candidate orders first), built when the search first needs them. */
export function ensureNeighbours(m: Model): void {
  if (m.neighbours.length === 0) m.neighbours = buildNeighbours(m);
}

function buildNeighbours(m: Model): Int32Array[] {
  const cands: number[] = [];
  for (let u = m.D; u < m.n; u++) if (m.candidate[u]) cands.push(u);
  const k = Math.min(cands.length - 1, 200);
  const out: Int32Array[] = new Array(m.n);
  for (let u = 0; u < m.n; u++) {
    if (!m.candidate[u]) {
      out[u] = new Int32Array(0);
      continue;
    }
    const others = cands.filter((x) => x !== u);
    const key = new Float64Array(m.n);
    for (const x of others) key[x] = (m.dist[u * m.n + x] as number) + (m.dist[x * m.n + u] as number);
    others.sort((a, b) => (key[a] as number) - (key[b] as number) || a - b);
    out[u] = Int32Array.from(others.slice(0, Math.max(0, k)));
  }
  return out;
}
