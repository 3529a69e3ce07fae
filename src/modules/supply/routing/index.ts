// The routing engine's public surface (issue 17). Pure and deterministic for a seed: no database,
// no clock except the time limit. See types.ts for the contract.
import { checkRoutes, checkSolution } from './checker.ts';
import { constructState } from './construct.ts';
import { compile, type Model } from './problem.ts';
import { search } from './search.ts';
import { buildRoute, buildSolution, objectiveOf } from './solution.ts';
import type {
  ObjectiveValue,
  Route,
  RoutingProblem,
  RoutingSolution,
  SolveOptions,
  Unserved,
  Violation,
} from './types.ts';

export { checkSolution } from './checker.ts';
export { arcRisk, buildMatrices, crossesZone, euclidean, haversineKm, insideFraction } from './distances.ts';
export type * from './types.ts';

/** Default improvement time when neither a time nor an iteration limit is given. */
export const DEFAULT_TIME_LIMIT_MS = 1000;

// Compiling (matrices, zone tests) is the costly part of evaluateRoute; explanations call it many
// times on one problem, so the compiled model is kept per problem object. It is recompiled when
// one of the problem's parts is replaced; edit a problem by replacing parts, not in place.
const compiled = new WeakMap<RoutingProblem, { parts: unknown[]; model: Model }>();
function modelOf(problem: RoutingProblem): Model {
  const parts = [
    problem.metric,
    problem.orders,
    problem.vehicles,
    problem.depots,
    problem.forbiddenArcs,
    problem.forbiddenZones,
    problem.riskZones,
    problem.objective,
    problem.distanceMatrix,
    problem.timeMatrix,
    problem.speedKmh,
    problem.detourFactor,
  ];
  const hit = compiled.get(problem);
  if (hit?.parts.every((x, k) => x === parts[k])) return hit.model;
  const model = compile(problem);
  compiled.set(problem, { parts, model });
  return model;
}

/** Construction heuristic, then the anytime improvement search. Never breaks a hard constraint. */
export function solve(problem: RoutingProblem, options: SolveOptions = {}): RoutingSolution {
  const startedAt = performance.now();
  const seed = options.seed ?? 1;
  const m = modelOf(problem);
  const s = constructState(m);
  const firstFeasibleMs = performance.now() - startedAt;
  const timeLimitMs =
    options.timeLimitMs ?? (options.maxIterations === undefined ? DEFAULT_TIME_LIMIT_MS : undefined);
  const result = search(m, s, {
    seed,
    startedAt,
    ...(timeLimitMs === undefined ? {} : { timeLimitMs }),
    ...(options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations }),
    ...(options.onImprove ? { onImprove: options.onImprove } : {}),
  });
  return buildSolution(m, s, {
    iterations: result.iterations,
    firstFeasibleMs,
    bestFoundMs: Math.max(firstFeasibleMs, result.bestFoundMs),
    elapsedMs: performance.now() - startedAt,
    seed,
  });
}

/** The construction heuristic alone (regret-2 insertion): fast, feasible, no search. */
export function construct(
  problem: RoutingProblem,
  options: Pick<SolveOptions, 'seed'> = {},
): RoutingSolution {
  const startedAt = performance.now();
  const m = modelOf(problem);
  const s = constructState(m);
  const ms = performance.now() - startedAt;
  return buildSolution(m, s, {
    iterations: 0,
    firstFeasibleMs: ms,
    bestFoundMs: ms,
    elapsedMs: ms,
    seed: options.seed ?? 1,
  });
}

/**
 * Schedules a given stop sequence on a vehicle (earliest start in the earliest feasible window,
 * waiting allowed) and reports every hard constraint it breaks.
 */
export function evaluateRoute(
  problem: RoutingProblem,
  vehicleId: string,
  orderIds: readonly string[],
): { feasible: boolean; violations: Violation[]; route: Route } {
  const m = modelOf(problem);
  const v = m.vehicleIndex.get(vehicleId);
  if (v === undefined) throw new Error(`unknown vehicle ${vehicleId}`);
  const nodes: number[] = [];
  const unknown: Violation[] = [];
  for (const id of orderIds) {
    const u = m.orderNode.get(id);
    if (u === undefined)
      unknown.push({ vehicleId, orderId: id, constraint: 'missing', detail: 'unknown order' });
    else nodes.push(u);
  }
  const route = buildRoute(m, v, nodes);
  const tally = checkRoutes(problem, [route]);
  const violations = [...unknown, ...tally.violations];
  for (const [id, c] of tally.visits) {
    if (c > 1)
      violations.push({ vehicleId, orderId: id, constraint: 'duplicate', detail: `visited ${c} times` });
  }
  return { feasible: violations.length === 0, violations, route };
}

/** The objective of routes and unserved orders put together by hand (e.g. an edited plan). */
export function summarise(
  problem: RoutingProblem,
  routes: readonly Route[],
  unserved: readonly Unserved[],
): ObjectiveValue {
  return objectiveOf(modelOf(problem), routes, unserved);
}

/** True when the solution passes the independent checker. */
export function isFeasible(problem: RoutingProblem, solution: RoutingSolution): boolean {
  return checkSolution(problem, solution).length === 0;
}
