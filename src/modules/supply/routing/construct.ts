// Solution state shared by the construction and the search, cheapest-position insertion, and the
// regret-2 construction heuristic. Every insertion is checked against every hard constraint, so a
// state built here is always feasible.

import type { Rng } from './prng.ts';
import type { Model } from './problem.ts';
import { fits, forbOf, newRoute, positionCost, type RouteState, updateRoute } from './schedule.ts';

export interface SolState {
  /** One route per vehicle (empty when the vehicle is unused). */
  routes: RouteState[];
  /** Route (vehicle) of each node, −1 when not routed. */
  routeOf: Int32Array;
  /** Candidate orders currently not routed. */
  unserved: number[];
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
 * Cheapest feasible position of u over all routes (one empty vehicle per class). `blink` > 0 skips
 * each position with that probability (SISR's blinks). Returns the route index and position, or
 * route −1 when nothing is feasible; cost in `out[0]`.
 */
export function bestPosition(
  m: Model,
  s: SolState,
  u: number,
  rng: Rng | null,
  blink: number,
  out: Float64Array,
): { route: number; pos: number } {
  if (stamp.length < m.V + 1) stamp = new Int32Array(m.V + 1);
  stampGen++;
  let best = Number.POSITIVE_INFINITY;
  let bestR = -1;
  let bestP = -1;
  const monotone = m.problem.metric !== 'matrix';
  for (let v = 0; v < m.V; v++) {
    const r = s.routes[v] as RouteState;
    if (!fits(m, r, u)) continue;
    const len = r.nodes.length;
    if (len === 0) {
      const c = m.vClass[v] as number;
      if (stamp[c] === stampGen) continue;
      stamp[c] = stampGen;
    }
    const forb = forbOf(m, v);
    for (let p = r.fixed; p <= len; p++) {
      if (blink > 0 && rng !== null && rng.next() < blink) continue;
      const c = positionCost(m, r, u, p, forb);
      if (c < best) {
        best = c;
        bestR = v;
        bestP = p;
      } else if (monotone && c === Number.POSITIVE_INFINITY && lateAt(m, r, u, p)) {
        break;
      }
    }
  }
  out[0] = best;
  return { route: bestR, pos: bestP };
}

/** u reached from position p arrives after its last window: every later position is worse. */
function lateAt(m: Model, r: RouteState, u: number, p: number): boolean {
  const prev = p === 0 ? (m.vDepot[r.v] as number) : (r.nodes[p - 1] as number);
  const last = (m.wOff[u + 1] as number) - 1;
  return (r.dep[p] as number) + (m.time[prev * m.n + u] as number) > (m.wE[last] as number) + 1e-9;
}

export function insertAt(m: Model, s: SolState, u: number, route: number, pos: number): void {
  s.touch?.(route);
  const r = s.routes[route] as RouteState;
  r.nodes.splice(pos, 0, u);
  updateRoute(m, r);
  s.routeOf[u] = route;
}

const scratch = new Float64Array(1);

/** Inserts each order of `list` in turn at its cheapest position, if cheaper than its penalty. */
export function insertList(m: Model, s: SolState, list: readonly number[], rng: Rng | null, blink: number) {
  for (const u of list) {
    const { route, pos } = bestPosition(m, s, u, rng, blink, scratch);
    if (route >= 0 && (scratch[0] as number) < (m.penalty[u] as number)) insertAt(m, s, u, route, pos);
    else s.unserved.push(u);
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
    const out = new Float64Array(1);
    const { route, pos } = bestPosition(m, s, u, null, 0, out);
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
