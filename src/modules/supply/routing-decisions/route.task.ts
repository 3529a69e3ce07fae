// The routing engine as compute tasks (worker threads, never the event loop): solve a decision's
// problem, check the solution independently and explain it; and one order's alternatives for the
// routing hypothetical of POST /explain.
import { computeTask } from '../../../platform/compute/compute.ts';
import { checkSolution, evaluateRoute, solve } from '../routing/index.ts';
import type { RoutingProblem, RoutingSolution, Violation } from '../routing/types.ts';
import type { OrderInsight } from './explain-plan.ts';
import { type Evaluate, explainPlan, type PlanExplanation } from './explain-plan.ts';
import { orderInsight } from './order-insight.ts';

export interface RouteTaskInput {
  problem: RoutingProblem;
  seed: number;
  timeLimitMs: number;
  /** 0: the construction heuristic alone (the watchdog's fallback, see route.job.ts). */
  maxIterations?: number;
  vehicleCodes: Record<string, string>;
  depotCodes: Record<string, string>;
}

export interface RouteTaskOutput {
  solution: RoutingSolution;
  violations: Violation[];
  explanation: PlanExplanation;
  explainMs: number;
}

/** Iterations of the detour-free re-solve of one route's stops (a handful of stops). */
const SMALL_ITERATIONS = 300;

const evaluator =
  (problem: RoutingProblem): Evaluate =>
  (vehicleId, orderIds) => {
    const e = evaluateRoute(problem, vehicleId, orderIds);
    return { cost: e.route.cost, distance: e.route.distance, violations: e.violations };
  };

export function routeTask(input: RouteTaskInput): RouteTaskOutput {
  const { problem } = input;
  const solution = solve(problem, {
    seed: input.seed,
    timeLimitMs: input.timeLimitMs,
    ...(input.maxIterations === undefined ? {} : { maxIterations: input.maxIterations }),
  });
  const violations = checkSolution(problem, solution);
  const started = performance.now();
  const explanation = explainPlan({
    problem,
    solution,
    evaluate: evaluator(problem),
    solveSmall: (small) => solve(small, { seed: input.seed, maxIterations: SMALL_ITERATIONS }),
    vehicleCodes: input.vehicleCodes,
    depotCodes: input.depotCodes,
  });
  return { solution, violations, explanation, explainMs: performance.now() - started };
}

export const ROUTE_TASK = computeTask<typeof routeTask>(
  new URL('./route.task.ts', import.meta.url),
  'routeTask',
);

export interface OrderTaskInput {
  problem: RoutingProblem;
  /** Each vehicle's stop sequence in the decision. */
  sequences: Record<string, string[]>;
  orderId: string;
  vehicleIds?: string[];
  vehicleCodes: Record<string, string>;
  depotCodes: Record<string, string>;
}

export function orderTask(input: OrderTaskInput): OrderInsight {
  return orderInsight({ ...input, evaluate: evaluator(input.problem) });
}

export const ORDER_TASK = computeTask<typeof orderTask>(
  new URL('./route.task.ts', import.meta.url),
  'orderTask',
);
