// Ruin-and-recreate primitives of the search: SISR's string removals around a random seed customer,
// the orders in which removed customers are reinserted, and a journal that backs up the routes an
// iteration touches so a rejected move is undone at the cost of the move itself.
import { insertList, type SolState } from './construct.ts';
import type { Rng } from './prng.ts';
import type { Model } from './problem.ts';
import { type RouteState, updateRoute } from './schedule.ts';

export interface RuinParams {
  /** Average number of customers removed per ruin. */
  avgRemoved: number;
  /** Longest string removed from one route. */
  maxString: number;
  /** Probability of skipping a position during the recreate. */
  blink: number;
}

export interface Journal {
  /** Starts an iteration: remembers the unserved list; routes are backed up when first touched. */
  begin(): void;
  /** Undoes everything since begin(). */
  undo(): void;
  /** The iteration stamp (increases with every begin). */
  stamp(): number;
}

export function createJournal(m: Model, s: SolState): Journal {
  const backup: number[][] = Array.from({ length: m.V }, () => []);
  const touchedAt = new Int32Array(m.V).fill(-1);
  const touched: number[] = [];
  let oldUnserved: number[] = [];
  let iter = -1;
  s.touch = (r: number) => {
    if (touchedAt[r] === iter) return;
    touchedAt[r] = iter;
    touched.push(r);
    const b = backup[r] as number[];
    b.length = 0;
    for (const u of (s.routes[r] as RouteState).nodes) b.push(u);
  };
  return {
    begin() {
      iter++;
      touched.length = 0;
      oldUnserved = s.unserved.slice();
    },
    undo() {
      // Clear first, then restore: a customer may have moved between two touched routes.
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
    },
    stamp: () => iter,
  };
}

export interface Snapshot {
  nodes: number[][];
  unserved: number[];
}

export function snapshot(s: SolState): Snapshot {
  return { nodes: s.routes.map((r) => r.nodes.slice()), unserved: s.unserved.slice() };
}

export function restore(m: Model, s: SolState, snap: Snapshot): void {
  s.routeOf.fill(-1);
  s.routes.forEach((r, v) => {
    r.nodes = (snap.nodes[v] as number[]).slice();
    for (const u of r.nodes) s.routeOf[u] = v;
    updateRoute(m, r);
  });
  s.unserved = snap.unserved.slice();
}

const saved: number[] = [];

/**
 * Removes strings of consecutive customers from routes near a random seed customer (SISR): up to
 * ks routes, each losing a string of at most lsMax customers (or a split string keeping a middle
 * part). Fixed stops are never removed; a removal that would break a route (forbidden arcs or
 * non-metric travel times) is put back.
 */
export function ruin(
  m: Model,
  s: SolState,
  rng: Rng,
  p: RuinParams,
  removed: number[],
  ruinedAt: Int32Array,
  iter: number,
) {
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
  let seed = m.D + rng.int(m.N);
  for (let tries = 0; !m.candidate[seed] && tries < 4 * m.N; tries++) seed = m.D + rng.int(m.N);
  if (!m.candidate[seed]) return;
  const adj = m.neighbours[seed] as Int32Array;
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
      r.nodes.length = 0;
      for (const u of saved) r.nodes.push(u);
      updateRoute(m, r);
      removed.length = before;
      continue;
    }
    for (let q = before; q < removed.length; q++) s.routeOf[removed[q] as number] = -1;
  }
}

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
  const nodes = r.nodes;
  let w = start;
  for (let q = start; q < start + total; q++) {
    const u = nodes[q] as number;
    if (keep > 0 && q >= keepAt && q < keepAt + keep) nodes[w++] = u;
    else removed.push(u);
  }
  for (let q = start + total; q < len; q++) nodes[w++] = nodes[q] as number;
  nodes.length = w;
}

/** SISR's reinsertion orders: random (4), demand descending (4), far from the depot (2), close (1). */
export function sortForRecreate(m: Model, list: number[], rng: Rng): void {
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

/** One ruin-and-recreate move; the unserved customers are offered again too. */
export function ruinRecreate(
  m: Model,
  s: SolState,
  rng: Rng,
  p: RuinParams,
  ruinedAt: Int32Array,
  iter: number,
) {
  const removed: number[] = [];
  ruin(m, s, rng, p, removed, ruinedAt, iter);
  for (const u of s.unserved) removed.push(u);
  s.unserved.length = 0;
  sortForRecreate(m, removed, rng);
  insertList(m, s, removed, rng, p.blink);
}
