// Per-order checks before any search: an order no vehicle could serve even alone is reported with
// the first reason that applies, in a fixed order (no vehicles, no coordinates, invalid window,
// capacity, features, reachability, shift/driving limit, time windows).
import type { Model } from './problem.ts';
import { EPS, earliestStart } from './schedule.ts';
import type { RoutingProblem, Unserved, UnservedReason } from './types.ts';

export function located(problem: RoutingProblem, k: number): boolean {
  const o = problem.orders[k];
  if (!o) return false;
  if (problem.metric === 'matrix') return o.node !== undefined;
  return o.location !== null && Number.isFinite(o.location.x) && Number.isFinite(o.location.y);
}

/** Nodes reachable from `from` (or, reversed, that reach it) over arcs the matrix allows. */
function reach(m: Model, from: number, forb: Uint8Array | null, reverse: boolean, allowed: Uint8Array) {
  const seen = new Uint8Array(m.n);
  const stack = [from];
  seen[from] = 1;
  while (stack.length > 0) {
    const i = stack.pop() as number;
    for (let j = m.D; j < m.n; j++) {
      if (seen[j] || !allowed[j]) continue;
      const arc = reverse ? j * m.n + i : i * m.n + j;
      if (!Number.isFinite(m.time[arc] as number) || (forb !== null && forb[arc] === 1)) continue;
      seen[j] = 1;
      stack.push(j);
    }
  }
  return seen;
}

export function precheckOrders(m: Model, fixedTaken: ReadonlySet<number>): void {
  const { problem, D, V, n } = m;
  const reasons: Unserved[] = [];
  const say = (u: number, reason: UnservedReason, detail: string) => {
    reasons.push({ orderId: (problem.orders[u - D] as { id: string }).id, reason, detail });
  };
  const open: number[] = [];
  for (let v = 0; v < V; v++) if (!m.vClosed[v]) open.push(v);
  const structural = new Uint8Array(n);
  const seenIds = new Set<string>();
  for (let u = D; u < n; u++) {
    const o = problem.orders[u - D];
    if (!o || fixedTaken.has(u)) continue;
    if (seenIds.has(o.id)) continue;
    seenIds.add(o.id);
    if (open.length === 0) {
      say(u, 'no_vehicles', V === 0 ? 'no vehicles were given' : 'every vehicle is closed');
    } else if (!located(problem, u - D)) {
      say(u, 'no_coordinates', 'the order has no location');
    } else if (o.windows.some((w) => !(w.end >= w.start))) {
      say(u, 'invalid_window', 'a time window ends before it starts');
    } else if (
      !open.some((v) => o.demand[0] <= (m.vCap0[v] as number) && o.demand[1] <= (m.vCap1[v] as number))
    ) {
      say(u, 'over_capacity', `demand ${o.demand[0]}/${o.demand[1]} exceeds every vehicle's capacity`);
    } else if (!open.some((v) => m.compat[u * V + v] === 1)) {
      say(
        u,
        'no_compatible_vehicle',
        `no vehicle with the capacity has ${(o.requiredFeatures ?? []).join(', ')}`,
      );
    } else {
      structural[u] = 1;
    }
  }
  // Reachability per (forbidden-arc profile, depot).
  const cache = new Map<string, { out: Uint8Array; back: Uint8Array }>();
  const reachOf = (v: number) => {
    const key = `${m.vForb[v]}:${m.vDepot[v]}`;
    let r = cache.get(key);
    if (!r) {
      const fi = m.vForb[v] as number;
      const forb = fi >= 0 ? (m.forbMats[fi] as Uint8Array) : null;
      const depot = m.vDepot[v] as number;
      r = { out: reach(m, depot, forb, false, structural), back: reach(m, depot, forb, true, structural) };
      cache.set(key, r);
    }
    return r;
  };
  for (let u = D; u < n; u++) {
    if (!structural[u]) continue;
    const vs = open.filter((v) => m.compat[u * V + v] === 1);
    const reachable = vs.filter((v) => {
      const r = reachOf(v);
      return r.out[u] === 1 && r.back[u] === 1;
    });
    if (reachable.length === 0) {
      say(u, 'unreachable', 'forbidden arcs or zones cut the order off from every usable depot');
      continue;
    }
    // Alone on a vehicle over the direct arcs (the quickest way when travel times are metric).
    let shiftOk = false;
    let windowOk = false;
    for (const v of reachable) {
      const depot = m.vDepot[v] as number;
      const go = m.time[depot * n + u] as number;
      const back = m.time[u * n + depot] as number;
      if (!Number.isFinite(go) || !Number.isFinite(back)) {
        shiftOk = windowOk = true;
        break;
      }
      const arrive = (m.vStart[v] as number) + go;
      const s = m.service[u] as number;
      if (arrive + s + back > (m.vEnd[v] as number) + EPS || go + back > (m.vMaxDrive[v] as number) + EPS)
        continue;
      shiftOk = true;
      const start = earliestStart(m, u, arrive);
      if (start + s + back <= (m.vEnd[v] as number) + EPS) {
        windowOk = true;
        break;
      }
    }
    if (!shiftOk)
      say(u, 'shift_or_driving_limit', 'no shift or driving limit leaves time to reach it and return');
    else if (!windowOk) say(u, 'time_window', 'no time window can be met within any shift, even alone');
    else m.candidate[u] = 1;
  }
  m.reasons = reasons;
}
