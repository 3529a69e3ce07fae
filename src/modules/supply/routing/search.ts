// The improvement metaheuristic: ruin and recreate in the style of SISR (Christiaens & Vanden
// Berghe, "Slack induction by string removals", 2020) under simulated annealing. A ruin removes
// strings of consecutive customers from routes near a random seed customer; the recreate inserts
// them back one by one at the cheapest feasible position, skipping positions at random ("blinks").
// Only the touched routes are backed up, so rejecting a move costs as little as making it.
import { insertList, type SolState, stateCost } from './construct.ts';
import { createRng, type Rng } from './prng.ts';
import type { Model } from './problem.ts';
import { type RouteState, updateRoute } from './schedule.ts';

export interface SearchOptions {
  seed: number;
  timeLimitMs?: number;
  maxIterations?: number;
  startedAt: number;
  onImprove?: (best: { total: number; vehicles: number; distance: number; elapsedMs: number }) => void;
  params?: Partial<SearchParams>;
}

export interface SearchParams {
  /** Average number of customers removed per ruin. */
  avgRemoved: number;
  /** Longest string removed from one route. */
  maxString: number;
  /** Probability of skipping a position during the recreate. */
  blink: number;
  /** Start and end temperatures, in units of the average arc cost of the first solution. */
  t0: number;
  tEnd: number;
}

const DEFAULTS: SearchParams = { avgRemoved: 10, maxString: 10, blink: 0.01, t0: 1, tEnd: 0.01 };

export interface SearchResult {
  iterations: number;
  bestFoundMs: number;
}

export function search(m: Model, s: SolState, opts: SearchOptions): SearchResult {
  const p = { ...DEFAULTS, ...opts.params };
  const rng = createRng(opts.seed);
  const V = m.V;
  const cands: number[] = [];
  for (let u = m.D; u < m.n; u++) if (m.candidate[u]) cands.push(u);
  if (cands.length === 0 || (opts.maxIterations ?? 1) <= 0 || (opts.timeLimitMs ?? 1) <= 0) {
    return { iterations: 0, bestFoundMs: performance.now() - opts.startedAt };
  }

  // Back-ups of the routes touched in the current iteration.
  const backup: number[][] = Array.from({ length: V }, () => []);
  const touchedAt = new Int32Array(V).fill(-1);
  const touched: number[] = [];
  let iter = 0;
  s.touch = (r: number) => {
    if (touchedAt[r] === iter) return;
    touchedAt[r] = iter;
    touched.push(r);
    const b = backup[r] as number[];
    const nodes = (s.routes[r] as RouteState).nodes;
    b.length = 0;
    for (const u of nodes) b.push(u);
  };

  let cur = stateCost(m, s);
  let best = cur;
  let bestNodes = s.routes.map((r) => r.nodes.slice());
  let bestUnserved = s.unserved.slice();
  let bestFoundMs = performance.now() - opts.startedAt;
  const scale = arcScale(m, s);
  const t0 = p.t0 * scale;
  const tEnd = p.tEnd * scale;
  const removed: number[] = [];
  const ruinedAt = new Int32Array(V).fill(-1);
  const limit = opts.timeLimitMs ?? Number.POSITIVE_INFINITY;
  const maxIt = opts.maxIterations ?? Number.POSITIVE_INFINITY;
  const began = performance.now();
  let oldUnserved: number[] = [];

  for (iter = 0; iter < maxIt; iter++) {
    const elapsed = performance.now() - began;
    if (elapsed >= limit) break;
    const frac = Number.isFinite(maxIt) ? iter / maxIt : elapsed / limit;
    const temp = t0 * (tEnd / t0) ** frac;
    touched.length = 0;
    oldUnserved = s.unserved.slice();
    removed.length = 0;
    ruin(m, s, rng, p, removed, ruinedAt, iter);
    for (const u of s.unserved) removed.push(u);
    s.unserved.length = 0;
    sortForRecreate(m, removed, rng);
    recreate(m, s, removed, rng, p.blink);
    const cost = stateCost(m, s);
    if (cost < cur - temp * Math.log(rng.next())) {
      cur = cost;
      if (cost < best - 1e-9) {
        best = cost;
        bestNodes = s.routes.map((r) => r.nodes.slice());
        bestUnserved = s.unserved.slice();
        bestFoundMs = performance.now() - opts.startedAt;
        if (opts.onImprove) {
          let vehicles = 0;
          let distance = 0;
          for (const r of s.routes) {
            if (r.nodes.length > 0) vehicles++;
            distance += r.distance;
          }
          opts.onImprove({ total: best, vehicles, distance, elapsedMs: bestFoundMs });
        }
      }
    } else {
      for (const r of touched) for (const u of (s.routes[r] as RouteState).nodes) s.routeOf[u] = -1;
      for (const r of touched) {
        const route = s.routes[r] as RouteState;
        const b = backup[r] as number[];
        route.nodes.length = 0;
        for (const u of b) {
          route.nodes.push(u);
          s.routeOf[u] = r;
        }
        updateRoute(m, route);
      }
      s.unserved = oldUnserved;
      for (const u of s.unserved) s.routeOf[u] = -1;
    }
  }
  s.touch = undefined;
  // Load the best solution.
  s.routeOf.fill(-1);
  s.routes.forEach((r, v) => {
    r.nodes = (bestNodes[v] as number[]).slice();
    for (const u of r.nodes) s.routeOf[u] = v;
    updateRoute(m, r);
  });
  s.unserved = bestUnserved.slice();
  return { iterations: iter, bestFoundMs };
}

/** Average arc cost of a solution (the temperature's unit). */
function arcScale(m: Model, s: SolState): number {
  let cost = 0;
  let arcs = 0;
  for (const r of s.routes) {
    if (r.nodes.length === 0) continue;
    cost += r.cost - (m.vFixedPart[r.v] as number);
    arcs += r.nodes.length + 1;
  }
  return arcs > 0 && cost > 0 ? cost / arcs : 1;
}

function ruin(
  m: Model,
  s: SolState,
  rng: Rng,
  p: SearchParams,
  removed: number[],
  ruinedAt: Int32Array,
  iter: number,
): void {
  let routed = 0;
  let used = 0;
  for (const r of s.routes) {
    const free = r.nodes.length - r.fixed;
    if (free > 0) {
      routed += free;
      used++;
    }
  }
  if (used === 0) return;
  const lsMax = Math.min(p.maxString, routed / used);
  const ksMax = (4 * p.avgRemoved) / (1 + lsMax) - 1;
  const ks = Math.floor(rng.next() * ksMax) + 1;
  const cands = m.neighbours;
  let seed = m.D + rng.int(m.N);
  for (let tries = 0; !m.candidate[seed] && tries < 4 * m.N; tries++) seed = m.D + rng.int(m.N);
  if (!m.candidate[seed]) return;
  const adj = cands[seed] as Int32Array;
  let ruined = 0;
  for (let k = -1; k < adj.length && ruined < ks; k++) {
    const c = k < 0 ? seed : (adj[k] as number);
    const ri = s.routeOf[c] as number;
    if (ri < 0 || ruinedAt[ri] === iter) continue;
    const r = s.routes[ri] as RouteState;
    const pos = r.nodes.indexOf(c);
    if (pos < r.fixed) continue;
    const free = r.nodes.length - r.fixed;
    const lMax = Math.min(free, lsMax);
    const l = Math.floor(rng.next() * lMax) + 1;
    ruinedAt[ri] = iter;
    ruined++;
    s.touch?.(ri);
    const wasFeasible = r.feasible;
    const before = removed.length;
    saved.length = 0;
    for (const u of r.nodes) saved.push(u);
    if (l === free || rng.next() < 0.5) {
      removeString(r, pos, l, 0, rng, removed);
    } else {
      let keep = 1;
      while (l + keep < free && rng.next() < 0.5) keep++;
      removeString(r, pos, l, keep, rng, removed);
    }
    if (!updateRoute(m, r) && wasFeasible) {
      // Removal broke the route (forbidden arcs, non-metric times): put the string back.
      r.nodes.length = 0;
      for (const u of saved) r.nodes.push(u);
      updateRoute(m, r);
      removed.length = before;
      continue;
    }
    for (let q = before; q < removed.length; q++) s.routeOf[removed[q] as number] = -1;
  }
}

const saved: number[] = [];

/** Removes l customers of a string of l + keep containing position pos; keep of them stay. */
function removeString(
  r: RouteState,
  pos: number,
  l: number,
  keep: number,
  rng: Rng,
  removed: number[],
): void {
  const len = r.nodes.length;
  const total = l + keep;
  const lo = Math.max(r.fixed, pos - total + 1);
  const hi = Math.min(pos, len - total);
  const start = lo + rng.int(hi - lo + 1);
  const keepAt = keep > 0 ? start + rng.int(l + 1) : -1;
  const out: number[] = [];
  const nodes = r.nodes;
  let w = start;
  for (let q = start; q < start + total; q++) {
    const u = nodes[q] as number;
    if (keep > 0 && q >= keepAt && q < keepAt + keep) nodes[w++] = u;
    else out.push(u);
  }
  for (let q = start + total; q < len; q++) nodes[w++] = nodes[q] as number;
  nodes.length = w;
  for (const u of out) removed.push(u);
}

function sortForRecreate(m: Model, list: number[], rng: Rng): void {
  const x = rng.next() * 11;
  if (x < 4) {
    for (let i = list.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const t = list[i] as number;
      list[i] = list[j] as number;
      list[j] = t;
    }
  } else if (x < 8) {
    list.sort((a, b) => (m.dem0[b] as number) - (m.dem0[a] as number) || a - b);
  } else {
    const far = x < 10;
    const depotDist = (u: number) => {
      let d = Number.POSITIVE_INFINITY;
      for (let k = 0; k < m.D; k++) d = Math.min(d, m.dist[k * m.n + u] as number);
      return d;
    };
    list.sort((a, b) => (far ? depotDist(b) - depotDist(a) : depotDist(a) - depotDist(b)) || a - b);
  }
}

function recreate(m: Model, s: SolState, list: readonly number[], rng: Rng, blink: number): void {
  insertList(m, s, list, rng, blink);
}
