// Solution state shared by the construction and the search, cheapest-position insertion, and the
// regret-2 construction heuristic. Every insertion is checked against every hard constraint, so a
// state built here is always feasible.

import type { Rng } from './prng.ts';
import type { Model } from './problem.ts';
import {
  EPS,
  earliestStart,
  fits,
  forbOf,
  newRoute,
  positionCost,
  type RouteState,
  updateRoute,
} from './schedule.ts';

export interface SolState {
  /** One route per vehicle (empty when the vehicle is unused). */
  routes: RouteState[];
  /** Route (vehicle) of each node, −1 when not routed. */
  routeOf: Int32Array;
  /** Candidate orders currently not routed. */
  unserved: number[];
  /** Fleet minimisation: insert into used routes only. */
  noNewRoutes?: boolean;
  /** Called before a route changes (the search backs it up). */
  touch?: (route: number) => void;
}

export function emptyState(m: Model): SolState {
  const routes: RouteState[] = [];
  const routeOf = new Int32Array(m.n).fill(-1);
  for (let v = 0; v < m.V; v++) {
    const r = newRoute(m, v);
    for (const u of r.nodes) routeOf[u] = v;
    routes.push(r);
  }
  return { routes, routeOf, unserved: [] };
}

export function stateCost(m: Model, s: SolState): number {
  let c = 0;
  for (const r of s.routes) c += r.cost;
  for (const u of s.unserved) c += m.penalty[u] as number;
  return c;
}

let stamp = new Int32Array(0);
let stampGen = 0;

/**
 * Cheapest feasible position of u over all routes (one empty vehicle per class), written to
 * out = [cost, route, position]; route −1 when nothing is feasible. With `blink` > 0 each position
 * is skipped with that probability (SISR's blinks; the gaps between skips are drawn geometrically).
 * The cost is computed first and the time test only for positions that would beat the best so far;
 * with metric travel times the scan of a route stops once u would be reached after its last window.
 */
export function bestPosition(
  m: Model,
  s: SolState,
  u: number,
  rng: Rng | null,
  blink: number,
  out: Float64Array,
) {
  if (stamp.length < m.V + 1) stamp = new Int32Array(m.V + 1);
  stampGen++;
  const n = m.n;
  const T = m.time;
  const un = u * n;
  const wo = m.wOff[u] as number;
  const single = (m.wOff[u + 1] as number) - wo === 1;
  const ws = m.wS[wo] as number;
  const lastEnd = m.wE[(m.wOff[u + 1] as number) - 1] as number;
  const su = m.service[u] as number;
  const monotone = m.problem.metric !== 'matrix';
  const useBlink = blink > 0 && rng !== null;
  const logKeep = useBlink ? Math.log(1 - blink) : 0;
  let untilBlink = useBlink ? Math.floor(Math.log(1 - (rng as Rng).next()) / logKeep) : -1;
  let best = Number.POSITIVE_INFINITY;
  let bestR = -1;
  let bestP = -1;
  for (let v = 0; v < m.V; v++) {
    const r = s.routes[v] as RouteState;
    if (!fits(m, r, u)) continue;
    const nodes = r.nodes;
    const len = nodes.length;
    if (len === 0) {
      if (s.noNewRoutes) continue;
      const c = m.vClass[v] as number;
      if (stamp[c] === stampGen) continue;
      stamp[c] = stampGen;
    }
    const forb = forbOf(m, v);
    const cm = m.costMats[m.vCostMat[v] as number] as Float64Array;
    const tc = m.vTimeCoef[v] as number;
    const maxDrive = m.vMaxDrive[v] as number;
    const depot = m.vDepot[v] as number;
    const dep = r.dep;
    const lat = r.lat;
    const base = len === 0 ? (m.vFixedPart[v] as number) + tc * su : tc * su;
    let prev = r.fixed === 0 ? depot : (nodes[r.fixed - 1] as number);
    for (let p = r.fixed; p <= len; p++, untilBlink--) {
      const next = p === len ? depot : (nodes[p] as number);
      const a1 = prev * n + u;
      const arrive = (dep[p] as number) + (T[a1] as number);
      if (monotone && arrive > lastEnd + EPS) break;
      const a2 = un + next;
      const a0 = prev * n + next;
      let delta = base + (cm[a1] as number) + (cm[a2] as number);
      if (len > 0) delta -= cm[a0] as number;
      if (tc !== 0) delta += tc * ((T[a1] as number) + (T[a2] as number) - (len > 0 ? (T[a0] as number) : 0));
      prev = next;
      if (delta >= best) continue;
      if (useBlink && untilBlink <= 0) {
        untilBlink = Math.floor(Math.log(1 - (rng as Rng).next()) / logKeep) + 1;
        continue;
      }
      if (forb !== null && (forb[a1] === 1 || forb[a2] === 1)) continue;
      let start: number;
      if (single) start = arrive > ws ? arrive : ws;
      else start = earliestStart(m, u, arrive);
      if (start + su + (T[a2] as number) > (lat[p + 1] as number) + EPS) continue;
      if (single && arrive > lastEnd + EPS) continue;
      if (maxDrive !== Number.POSITIVE_INFINITY) {
        const extra = (T[a1] as number) + (T[a2] as number) - (len > 0 ? (T[a0] as number) : 0);
        if (r.drive + extra > maxDrive + EPS) continue;
      }
      best = delta;
      bestR = v;
      bestP = p;
    }
  }
  out[0] = best;
  out[1] = bestR;
  out[2] = bestP;
}

export function insertAt(m: Model, s: SolState, u: number, route: number, pos: number): void {
  s.touch?.(route);
  const r = s.routes[route] as RouteState;
  r.nodes.splice(pos, 0, u);
  updateRoute(m, r);
  s.routeOf[u] = route;
}

const scratch = new Float64Array(3);

/** Inserts each order of `list` in turn at its cheapest position, if cheaper than its penalty. */
export function insertList(m: Model, s: SolState, list: readonly number[], rng: Rng | null, blink: number) {
  for (const u of list) {
    bestPosition(m, s, u, rng, blink, scratch);
    const route = scratch[1] as number;
    if (route >= 0 && (scratch[0] as number) < (m.penalty[u] as number)) {
      insertAt(m, s, u, route, scratch[2] as number);
    } else s.unserved.push(u);
  }
}

/** Cheapest position of u in one route (+∞ if none). */
function routeBest(m: Model, r: RouteState, u: number): number {
  if (!fits(m, r, u)) return Number.POSITIVE_INFINITY;
  const forb = forbOf(m, r.v);
  let best = Number.POSITIVE_INFINITY;
  for (let p = r.fixed; p <= r.nodes.length; p++) {
    const c = positionCost(m, r, u, p, forb);
    if (c < best) best = c;
  }
  return best;
}

/**
 * Regret-2 insertion: repeatedly insert the order whose best and second-best routes differ most
 * (orders with a single option first). Costs per (order, route) are cached and only the changed
 * route's column is recomputed after each insertion.
 */
export function regretConstruct(m: Model, s: SolState, list: readonly number[]): void {
  const U = list.length;
  const V = m.V;
  const cost = new Float64Array(U * V).fill(Number.POSITIVE_INFINITY);
  const done = new Uint8Array(U);
  const column = (v: number) => {
    const r = s.routes[v] as RouteState;
    for (let i = 0; i < U; i++) if (!done[i]) cost[i * V + v] = routeBest(m, r, list[i] as number);
  };
  // Empty routes: only the first unused vehicle of each class competes.
  const firstEmpty = () => {
    const seen = new Set<number>();
    const active = new Uint8Array(V);
    for (let v = 0; v < V; v++) {
      const r = s.routes[v] as RouteState;
      if (r.nodes.length > 0) active[v] = 1;
      else if (!seen.has(m.vClass[v] as number)) {
        seen.add(m.vClass[v] as number);
        active[v] = 1;
      }
    }
    return active;
  };
  let active = firstEmpty();
  for (let v = 0; v < V; v++) if (active[v]) column(v);
  for (let step = 0; step < U; step++) {
    let pick = -1;
    let pickRegret = Number.NEGATIVE_INFINITY;
    let pickBest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < U; i++) {
      if (done[i]) continue;
      let b1 = Number.POSITIVE_INFINITY;
      let b2 = Number.POSITIVE_INFINITY;
      for (let v = 0; v < V; v++) {
        if (!active[v]) continue;
        const c = cost[i * V + v] as number;
        if (c < b1) {
          b2 = b1;
          b1 = c;
        } else if (c < b2) b2 = c;
      }
      const u = list[i] as number;
      if (b1 === Number.POSITIVE_INFINITY || b1 >= (m.penalty[u] as number)) continue;
      const regret = b2 - b1;
      if (regret > pickRegret || (regret === pickRegret && b1 < pickBest)) {
        pick = i;
        pickRegret = regret;
        pickBest = b1;
      }
    }
    if (pick < 0) break;
    const u = list[pick] as number;
    done[pick] = 1;
    bestPosition(m, s, u, null, 0, scratch);
    const route = scratch[1] as number;
    const pos = scratch[2] as number;
    if (route < 0) {
      s.unserved.push(u);
      continue;
    }
    const wasEmpty = (s.routes[route] as RouteState).nodes.length === 0;
    insertAt(m, s, u, route, pos);
    if (wasEmpty) {
      const next = firstEmpty();
      for (let v = 0; v < V; v++) if (next[v] && !active[v]) column(v);
      active = next;
    }
    column(route);
  }
  for (let i = 0; i < U; i++) if (!done[i]) s.unserved.push(list[i] as number);
}

/** The construction heuristic: regret-2 insertion of every candidate order. */
export function constructState(m: Model): SolState {
  const s = emptyState(m);
  const list: number[] = [];
  for (let u = m.D; u < m.n; u++) if (m.candidate[u]) list.push(u);
  regretConstruct(m, s, list);
  return s;
}
