// Scheduling primitives and the per-route state the search keeps: forward departure times and
// backward latest arrival times, so an insertion's time feasibility is checked in O(windows of the
// inserted stop). Waiting is allowed, so whether the rest of a route stays feasible depends only on
// whether a stop is reached no later than its latest arrival; that holds with several windows too.
import type { Model } from './problem.ts';

/** Feasibility slack of the solver's own comparisons (the checker allows more). */
export const EPS = 1e-9;

/** Earliest service start at node u when arriving at `a`, or +∞ when every window has closed. */
export function earliestStart(m: Model, u: number, a: number): number {
  const end = m.wOff[u + 1] as number;
  for (let k = m.wOff[u] as number; k < end; k++) {
    if (a <= (m.wE[k] as number) + EPS) {
      const s = m.wS[k] as number;
      return a > s ? a : s;
    }
  }
  return Number.POSITIVE_INFINITY;
}

/** Index (into wS/wE) of the window in which service starting at `start` lies, or −1. */
export function windowOf(m: Model, u: number, start: number): number {
  const end = m.wOff[u + 1] as number;
  for (let k = m.wOff[u] as number; k < end; k++) {
    if (start >= (m.wS[k] as number) - EPS && start <= (m.wE[k] as number) + EPS) return k;
  }
  return -1;
}

/** Latest service start at node u no later than `limit` that lies in a window, or −∞. */
export function latestStart(m: Model, u: number, limit: number): number {
  let best = Number.NEGATIVE_INFINITY;
  const end = m.wOff[u + 1] as number;
  for (let k = m.wOff[u] as number; k < end; k++) {
    if ((m.wS[k] as number) <= limit + EPS) {
      const e = m.wE[k] as number;
      const s = limit < e ? limit : e;
      if (s > best) best = s;
    }
  }
  return best;
}

export interface RouteState {
  v: number;
  /** Order nodes in visiting order; the first `fixed` are the vehicle's fixed stops. */
  nodes: number[];
  fixed: number;
  /** dep[p]: departure from position p (0 = the depot, 1 … len = stops). */
  dep: Float64Array;
  /** lat[p]: latest arrival at position p (len + 1 = back at the depot) keeping the rest feasible. */
  lat: Float64Array;
  load0: number;
  load1: number;
  drive: number;
  distance: number;
  /** Objective cost of the route (0 when empty). */
  cost: number;
  feasible: boolean;
}

export function newRoute(m: Model, v: number): RouteState {
  const size = m.N + 2;
  const r: RouteState = {
    v,
    nodes: [...(m.vFixed[v] ?? [])],
    fixed: m.vFixed[v]?.length ?? 0,
    dep: new Float64Array(size),
    lat: new Float64Array(size),
    load0: 0,
    load1: 0,
    drive: 0,
    distance: 0,
    cost: 0,
    feasible: true,
  };
  updateRoute(m, r);
  return r;
}

/** Recomputes the route's schedule, loads, cost and feasibility in O(length). */
export function updateRoute(m: Model, r: RouteState): boolean {
  const n = m.n;
  const v = r.v;
  const nodes = r.nodes;
  const len = nodes.length;
  const depot = m.vDepot[v] as number;
  const cm = m.costMats[m.vCostMat[v] as number] as Float64Array;
  const fi = m.vForb[v] as number;
  const forb = fi >= 0 ? (m.forbMats[fi] as Uint8Array) : null;
  const T = m.time;
  const Dm = m.dist;
  let feasible = true;
  let prev = depot;
  let t = m.vStart[v] as number;
  r.dep[0] = t;
  let load0 = 0;
  let load1 = 0;
  let drive = 0;
  let distance = 0;
  let arcCost = 0;
  let firstStart = t;
  for (let p = 0; p < len; p++) {
    const u = nodes[p] as number;
    const arc = prev * n + u;
    if (forb !== null && forb[arc] === 1) feasible = false;
    drive += T[arc] as number;
    distance += Dm[arc] as number;
    arcCost += cm[arc] as number;
    const start = earliestStart(m, u, t + (T[arc] as number));
    if (start === Number.POSITIVE_INFINITY) feasible = false;
    if (p === 0) firstStart = start - (T[arc] as number);
    t = start + (m.service[u] as number);
    r.dep[p + 1] = t;
    load0 += m.dem0[u] as number;
    load1 += m.dem1[u] as number;
    prev = u;
  }
  const back = prev * n + depot;
  if (len > 0) {
    if (forb !== null && forb[back] === 1) feasible = false;
    drive += T[back] as number;
    distance += Dm[back] as number;
    arcCost += cm[back] as number;
    t += T[back] as number;
  }
  const end = m.vEnd[v] as number;
  if (t > end + EPS) feasible = false;
  if (load0 > (m.vCap0[v] as number) + EPS || load1 > (m.vCap1[v] as number) + EPS) feasible = false;
  if (drive > (m.vMaxDrive[v] as number) + EPS) feasible = false;
  // Latest arrivals, backwards.
  let latest = end;
  let next = depot;
  r.lat[len + 1] = end;
  for (let p = len; p >= 1; p--) {
    const u = nodes[p - 1] as number;
    latest = latestStart(m, u, latest - (T[u * n + next] as number) - (m.service[u] as number));
    r.lat[p] = latest;
    next = u;
  }
  r.load0 = load0;
  r.load1 = load1;
  r.drive = drive;
  r.distance = distance;
  r.feasible = feasible;
  if (len === 0) {
    r.cost = 0;
  } else {
    const departure = Math.max(m.vStart[v] as number, firstStart);
    r.cost = (m.vFixedPart[v] as number) + arcCost + (m.vTimeCoef[v] as number) * (t - departure);
  }
  return feasible;
}

/**
 * Cost of inserting order u between positions p and p+1 of route r (p from r.fixed to len), or
 * +∞ when infeasible. Capacity, compatibility and driving time are the caller's to check first
 * (they do not depend on p) — see `insertionCost` for the full test.
 */
export function positionCost(m: Model, r: RouteState, u: number, p: number, forb: Uint8Array | null): number {
  const n = m.n;
  const nodes = r.nodes;
  const prev = p === 0 ? (m.vDepot[r.v] as number) : (nodes[p - 1] as number);
  const next = p === nodes.length ? (m.vDepot[r.v] as number) : (nodes[p] as number);
  const a1 = prev * n + u;
  const a2 = u * n + next;
  if (forb !== null && (forb[a1] === 1 || forb[a2] === 1)) return Number.POSITIVE_INFINITY;
  const start = earliestStart(m, u, (r.dep[p] as number) + (m.time[a1] as number));
  if (start + (m.service[u] as number) + (m.time[a2] as number) > (r.lat[p + 1] as number) + EPS) {
    return Number.POSITIVE_INFINITY;
  }
  const a0 = prev * n + next;
  const T = m.time;
  const drive =
    r.drive + (T[a1] as number) + (T[a2] as number) - (nodes.length === 0 ? 0 : (T[a0] as number));
  if (drive > (m.vMaxDrive[r.v] as number) + EPS) return Number.POSITIVE_INFINITY;
  const cm = m.costMats[m.vCostMat[r.v] as number] as Float64Array;
  const tc = m.vTimeCoef[r.v] as number;
  let delta = (cm[a1] as number) + (cm[a2] as number);
  if (nodes.length === 0) delta += m.vFixedPart[r.v] as number;
  else delta -= cm[a0] as number;
  if (tc !== 0) {
    delta += tc * ((T[a1] as number) + (T[a2] as number) + (m.service[u] as number));
    if (nodes.length > 0) delta -= tc * (T[a0] as number);
  }
  return delta;
}

/** True when u may go on r's vehicle with the load already on board. */
export function fits(m: Model, r: RouteState, u: number): boolean {
  const v = r.v;
  return (
    m.compat[u * m.V + v] === 1 &&
    r.load0 + (m.dem0[u] as number) <= (m.vCap0[v] as number) + EPS &&
    r.load1 + (m.dem1[u] as number) <= (m.vCap1[v] as number) + EPS
  );
}

export function forbOf(m: Model, v: number): Uint8Array | null {
  const fi = m.vForb[v] as number;
  return fi >= 0 ? (m.forbMats[fi] as Uint8Array) : null;
}
