// The improvement metaheuristic: ruin and recreate in the style of SISR (Christiaens & Vanden
// Berghe, "Slack induction by string removals", Transportation Science 2020) under simulated
// annealing, preceded in hierarchical mode by a fleet-minimisation phase (fleet.ts).
// Budget: with maxIterations the temperature follows the iteration count, so a seed gives the same
// result bit for bit; with only a time limit it follows the elapsed time (better use of the time,
// at the price of run-to-run differences).
import { type SolState, stateCost } from './construct.ts';
import { minimiseFleet } from './fleet.ts';
import { createRng } from './prng.ts';
import { ensureNeighbours, type Model } from './problem.ts';
import { createJournal, type RuinParams, restore, ruinRecreate, snapshot } from './ruin.ts';

export interface SearchParams extends RuinParams {
  /** Start and end temperatures, in units of the average arc cost of the first solution. */
  t0: number;
  tEnd: number;
  /** Share of the budget given to fleet minimisation (hierarchical mode). */
  fleetShare: number;
  /** Fleet minimisation: how many more customers a move may leave out (see fleet.ts). */
  fleetSlack: number;
}

export const DEFAULT_PARAMS: SearchParams = {
  avgRemoved: 10,
  maxString: 10,
  blink: 0.01,
  t0: 5,
  tEnd: 0.015,
  fleetShare: 0.5,
  fleetSlack: 2,
};

export interface SearchOptions {
  seed: number;
  timeLimitMs?: number;
  maxIterations?: number;
  startedAt: number;
  onImprove?: (best: { total: number; vehicles: number; distance: number; elapsedMs: number }) => void;
  params?: Partial<SearchParams>;
}

export interface SearchResult {
  iterations: number;
  bestFoundMs: number;
}

export function search(m: Model, s: SolState, opts: SearchOptions): SearchResult {
  const p = { ...DEFAULT_PARAMS, ...opts.params };
  const rng = createRng(opts.seed);
  let anyCandidate = false;
  for (let u = m.D; u < m.n && !anyCandidate; u++) if (m.candidate[u]) anyCandidate = true;
  const limit = opts.timeLimitMs ?? Number.POSITIVE_INFINITY;
  const maxIt = opts.maxIterations ?? Number.POSITIVE_INFINITY;
  if (!anyCandidate || maxIt <= 0 || limit <= 0) {
    return { iterations: 0, bestFoundMs: performance.now() - opts.startedAt };
  }
  ensureNeighbours(m);
  const began = performance.now();
  let bestFoundMs = began - opts.startedAt;
  const report = () => {
    bestFoundMs = performance.now() - opts.startedAt;
    if (!opts.onImprove) return;
    let vehicles = 0;
    let distance = 0;
    for (const r of s.routes) {
      if (r.nodes.length > 0) vehicles++;
      distance += r.distance;
    }
    opts.onImprove({ total: stateCost(m, s), vehicles, distance, elapsedMs: bestFoundMs });
  };

  let iterations = 0;
  let saStart = 0;
  let saTime = limit;
  let saIt = maxIt;
  const fleetShare = m.hierarchical ? p.fleetShare : 0;
  if (fleetShare > 0) {
    const itBudget = Number.isFinite(maxIt) ? Math.floor(maxIt * fleetShare) : Number.POSITIVE_INFINITY;
    const timeBudget = limit * fleetShare;
    const fleet = minimiseFleet(
      m,
      s,
      rng,
      p,
      p.fleetSlack,
      (it) => it >= itBudget || performance.now() - began >= timeBudget,
      report,
    );
    iterations += fleet.iterations;
    saStart = performance.now() - began;
    saTime = limit - saStart;
    saIt = Number.isFinite(maxIt) ? maxIt - itBudget : maxIt;
  }

  const journal = createJournal(m, s);
  const ruinedAt = new Int32Array(m.V).fill(-1);
  let cur = stateCost(m, s);
  let best = cur;
  let bestSnap = snapshot(s);
  const scale = arcScale(m, s);
  const t0 = p.t0 * scale;
  const tEnd = p.tEnd * scale;
  const finiteIt = Number.isFinite(saIt);
  for (let it = 0; it < saIt; it++) {
    const elapsed = performance.now() - began;
    if (elapsed >= limit) break;
    const frac = finiteIt ? it / saIt : (elapsed - saStart) / saTime;
    const temp = t0 * (tEnd / t0) ** frac;
    journal.begin();
    ruinRecreate(m, s, rng, p, ruinedAt, journal.stamp());
    iterations++;
    const cost = stateCost(m, s);
    if (cost < cur - temp * Math.log(rng.next())) {
      cur = cost;
      if (cost < best - 1e-9) {
        best = cost;
        bestSnap = snapshot(s);
        report();
      }
    } else {
      journal.undo();
    }
  }
  s.touch = undefined;
  restore(m, s, bestSnap);
  return { iterations, bestFoundMs };
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
