// Fleet minimisation (the hierarchical objective's first level), after SISR §5: empty the route
// with the fewest customers, then ruin and recreate without opening new routes, accepting a move
// when fewer customers are left out, or when the customers left out have been absent less often
// (an absence count per customer pushes the search to place the hard ones) and at most `slack`
// more are left out (without that bound the search drifts to many easy absentees; 2 was best on
// Solomon's R1/RC1). When nobody is left out, the solution has one vehicle fewer and the next route
// is emptied.
import type { SolState } from './construct.ts';
import type { Rng } from './prng.ts';
import type { Model } from './problem.ts';
import { createJournal, type RuinParams, restore, ruinRecreate, type Snapshot, snapshot } from './ruin.ts';
import { type RouteState, updateRoute } from './schedule.ts';

export interface FleetResult {
  iterations: number;
  improved: boolean;
}

/** Runs until `stop(iteration)` says so; leaves `s` at the best complete solution found. */
export function minimiseFleet(
  m: Model,
  s: SolState,
  rng: Rng,
  p: RuinParams,
  slack: number,
  stop: (iteration: number) => boolean,
  onRecord: () => void,
): FleetResult {
  const journal = createJournal(m, s);
  const ruinedAt = new Int32Array(m.V).fill(-1);
  const absences = new Float64Array(m.n);
  let best: Snapshot = snapshot(s);
  const bestLeftOut = s.unserved.length;
  let improved = false;
  let it = 0;
  const absent = (list: readonly number[]) => list.reduce((a, u) => a + (absences[u] as number), 0);
  if (!emptySmallest(m, s)) return { iterations: 0, improved };
  s.noNewRoutes = true;
  for (; !stop(it); it++) {
    const curLeft = s.unserved.length;
    const curAbsent = absent(s.unserved);
    journal.begin();
    ruinRecreate(m, s, rng, p, ruinedAt, journal.stamp());
    const left = s.unserved.length;
    const abs = absent(s.unserved);
    for (const u of s.unserved) absences[u] = (absences[u] as number) + 1;
    if (!(left < curLeft || (left <= curLeft + slack && abs < curAbsent))) {
      journal.undo();
      continue;
    }
    if (left <= bestLeftOut) {
      best = snapshot(s);
      improved = true;
      onRecord();
      if (!emptySmallest(m, s)) break;
    }
  }
  s.noNewRoutes = false;
  s.touch = undefined;
  restore(m, s, best);
  return { iterations: it, improved };
}

/** Moves the customers of the smallest removable route to the unserved list. */
function emptySmallest(m: Model, s: SolState): boolean {
  let pick: RouteState | null = null;
  for (const r of s.routes) {
    if (r.nodes.length === 0 || r.fixed > 0) continue;
    if (!pick || r.nodes.length < pick.nodes.length) pick = r;
  }
  let used = 0;
  for (const r of s.routes) if (r.nodes.length > 0) used++;
  if (!pick || used <= 1) return false;
  s.touch?.(pick.v);
  for (const u of pick.nodes) {
    s.routeOf[u] = -1;
    s.unserved.push(u);
  }
  pick.nodes.length = 0;
  updateRoute(m, pick);
  return true;
}
