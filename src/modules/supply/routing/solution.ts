// From the internal state to the contract's Route/Stop/Unserved/ObjectiveValue shapes.
import type { SolState } from './construct.ts';
import type { Model } from './problem.ts';
import { EPS, earliestStart, fits, forbOf, type RouteState, windowOf } from './schedule.ts';
import type { ObjectiveValue, Route, RoutingSolution, Stop, Unserved } from './types.ts';

/**
 * Schedules a stop sequence on a vehicle: service starts as early as possible in the earliest
 * window still open (waiting allowed); the departure is delayed to avoid waiting at the first stop.
 * A stop reached after its last window is scheduled at its arrival (the checker reports it).
 */
export function buildRoute(m: Model, v: number, nodes: readonly number[]): Route {
  const veh = m.problem.vehicles[v];
  if (!veh) throw new Error(`no vehicle ${v}`);
  const n = m.n;
  const depot = m.vDepot[v] as number;
  const total0 = nodes.reduce((a, u) => a + (m.dem0[u] as number), 0);
  const total1 = nodes.reduce((a, u) => a + (m.dem1[u] as number), 0);
  const start0 = m.vStart[v] as number;
  let departure = start0;
  if (nodes.length > 0) {
    const t01 = m.time[depot * n + (nodes[0] as number)] as number;
    const first = earliestStart(m, nodes[0] as number, start0 + t01);
    if (Number.isFinite(first)) departure = Math.max(start0, first - t01);
  }
  const stops: Stop[] = [];
  let t = departure;
  let prev = depot;
  let l0 = total0;
  let l1 = total1;
  let distance = 0;
  let driving = 0;
  let risk = 0;
  for (const u of nodes) {
    const arc = prev * n + u;
    const arrival = t + (m.time[arc] as number);
    let start = earliestStart(m, u, arrival);
    if (!Number.isFinite(start)) start = arrival;
    const k = windowOf(m, u, start);
    const wi = k >= 0 ? (m.wIdx[k] as number) : (m.wIdx[(m.wOff[u + 1] as number) - 1] as number);
    l0 -= m.dem0[u] as number;
    l1 -= m.dem1[u] as number;
    const departureAt = start + (m.service[u] as number);
    stops.push({
      orderId: (m.problem.orders[u - m.D] as { id: string }).id,
      arrival,
      start,
      departure: departureAt,
      wait: start - arrival,
      windowIndex: wi,
      loadAfter: [Math.max(0, l0), Math.max(0, l1)],
      legDistance: m.dist[arc] as number,
    });
    distance += m.dist[arc] as number;
    driving += m.time[arc] as number;
    risk += m.risk[arc] as number;
    t = departureAt;
    prev = u;
  }
  if (nodes.length > 0) {
    const arc = prev * n + depot;
    distance += m.dist[arc] as number;
    driving += m.time[arc] as number;
    risk += m.risk[arc] as number;
    t += m.time[arc] as number;
  }
  const duration = t - departure;
  return {
    vehicleId: veh.id,
    depotId: veh.depotId,
    stops,
    departure,
    returnTime: t,
    distance,
    drivingMinutes: driving,
    durationMinutes: duration,
    load: [total0, total1],
    co2: (veh.co2PerKm ?? 0) * distance,
    risk,
    cost: routeMoney(m, v, distance, duration),
  };
}

/** The route's money cost: fixed + per km + per hour. */
export function routeMoney(m: Model, v: number, distance: number, duration: number): number {
  const veh = m.problem.vehicles[v];
  return (veh?.fixedCost ?? 0) + (veh?.costPerKm ?? 0) * distance + ((veh?.costPerHour ?? 0) * duration) / 60;
}

/**
 * The stated objective: weighted components + fixed costs + penalties of unserved orders. In
 * hierarchical mode the vehicle count is compared first and `total` is the cost that follows.
 */
export function objectiveOf(
  m: Model,
  routes: readonly Route[],
  unserved: readonly Unserved[],
): ObjectiveValue {
  const w = m.weights;
  const o: ObjectiveValue = {
    vehicles: 0,
    distance: 0,
    time: 0,
    co2: 0,
    risk: 0,
    cost: 0,
    penalty: 0,
    total: 0,
  };
  let fixed = 0;
  for (const r of routes) {
    if (r.stops.length === 0) continue;
    o.vehicles++;
    o.distance += r.distance;
    o.time += r.durationMinutes;
    o.co2 += r.co2;
    o.risk += r.risk;
    o.cost += r.cost;
    const v = m.vehicleIndex.get(r.vehicleId);
    fixed += v === undefined ? 0 : (m.problem.vehicles[v]?.fixedCost ?? 0);
  }
  for (const u of unserved) {
    const node = m.orderNode.get(u.orderId);
    if (node !== undefined) o.penalty += m.penalty[node] as number;
  }
  o.total =
    w.distance * o.distance +
    w.time * o.time +
    w.co2 * o.co2 +
    w.risk * o.risk +
    w.vehicles * o.vehicles +
    fixed +
    w.cost * (o.cost - fixed) +
    o.penalty;
  return o;
}

/** Why a candidate order stayed unserved after the search. */
export function diagnose(m: Model, s: SolState, u: number): Unserved {
  const id = (m.problem.orders[u - m.D] as { id: string }).id;
  let roomless = 0;
  let usable = 0;
  let forbidden = 0;
  let driving = 0;
  let timing = 0;
  let cheapest = Number.POSITIVE_INFINITY;
  const n = m.n;
  for (let v = 0; v < m.V; v++) {
    if (m.compat[u * m.V + v] !== 1) continue;
    const r = s.routes[v] as RouteState;
    usable++;
    if (!fits(m, r, u)) {
      roomless++;
      continue;
    }
    const forb = forbOf(m, v);
    const depot = m.vDepot[v] as number;
    for (let p = r.fixed; p <= r.nodes.length; p++) {
      const prev = p === 0 ? depot : (r.nodes[p - 1] as number);
      const next = p === r.nodes.length ? depot : (r.nodes[p] as number);
      const a1 = prev * n + u;
      const a2 = u * n + next;
      const a0 = prev * n + next;
      if (forb !== null && (forb[a1] === 1 || forb[a2] === 1)) {
        forbidden++;
        continue;
      }
      const extra =
        (m.time[a1] as number) + (m.time[a2] as number) - (r.nodes.length ? (m.time[a0] as number) : 0);
      if (r.drive + extra > (m.vMaxDrive[v] as number) + EPS) {
        driving++;
        continue;
      }
      const start = earliestStart(m, u, (r.dep[p] as number) + (m.time[a1] as number));
      if (start + (m.service[u] as number) + (m.time[a2] as number) > (r.lat[p + 1] as number) + EPS) {
        timing++;
        continue;
      }
      const cm = m.costMats[m.vCostMat[v] as number] as Float64Array;
      const c =
        (cm[a1] as number) +
        (cm[a2] as number) -
        (r.nodes.length ? (cm[a0] as number) : -(m.vFixedPart[v] as number));
      if (c < cheapest) cheapest = c;
    }
  }
  if (Number.isFinite(cheapest)) {
    return {
      orderId: id,
      reason: 'not_worth_serving',
      detail: `cheapest insertion costs ${round(cheapest)}, more than its penalty ${round(m.penalty[u] as number)}`,
    };
  }
  if (usable > 0 && roomless === usable) {
    return { orderId: id, reason: 'over_capacity', detail: 'no vehicle that could carry it has room left' };
  }
  if (timing === 0 && driving === 0 && forbidden > 0) {
    return { orderId: id, reason: 'unreachable', detail: 'forbidden arcs or zones block every position' };
  }
  if (driving > 0 && timing === 0) {
    return {
      orderId: id,
      reason: 'shift_or_driving_limit',
      detail: 'every vehicle would exceed its driving limit',
    };
  }
  return {
    orderId: id,
    reason: 'time_window',
    detail: 'no route can reach it within a time window and still keep its later stops and shift end',
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

export function buildSolution(m: Model, s: SolState, stats: RoutingSolution['stats']): RoutingSolution {
  const routes: Route[] = [];
  for (const r of s.routes) if (r.nodes.length > 0) routes.push(buildRoute(m, r.v, r.nodes));
  const unserved: Unserved[] = [...m.reasons];
  for (const u of [...s.unserved].sort((a, b) => a - b)) unserved.push(diagnose(m, s, u));
  return { routes, unserved, objective: objectiveOf(m, routes, unserved), stats };
}
