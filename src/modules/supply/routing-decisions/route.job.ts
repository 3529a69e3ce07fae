// The routing decision job: load the orders, vehicles and depots the decision names, build the
// engine's problem, solve, check and explain it in a worker thread, and store the routes with the
// decision's checks, cost, confidence and plan — routes and the `proposed` status commit together,
// exactly once.
import { type Compute, ComputeDeadlineExceeded } from '../../../platform/compute/compute.ts';
import type { Db } from '../../../platform/db/database.ts';
import { inTenant } from '../../../platform/db/scope.ts';
import type { JobDefinition } from '../../../platform/jobs/jobs.ts';
import { innermostMessage } from '../../../platform/observability/safe-error.ts';
import { findDecision, updateDecision } from '../decisions/decisions.repo.ts';
import { type RoutingPlan, storedOutcome } from './outcome.ts';
import { buildProblem, type ProblemOptions } from './problem.ts';
import { ROUTE_TASK, type RouteTaskOutput } from './route.task.ts';
import { insertRoutes, ordersByIds, unitLoads, vehiclesByIds, warehousesByIds } from './routing.repo.ts';
import type { RoutingRequest } from './routing.schemas.ts';

export interface RouteJobPayload {
  decisionId: string;
}

declare module '../../../platform/jobs/jobs.ts' {
  interface JobPayloads {
    'supply.route': RouteJobPayload;
  }
}

const RETRY_LIMIT = 1;

/**
 * The watchdog (issue 17: "never a hang"): the worker gets the search limit plus this margin
 * (checking and explaining come after the search) — at least a minute, or the search limit again
 * for long searches. Past it the worker thread is terminated and the decision is planned with the
 * construction heuristic alone, which gets FALLBACK_MS; past that the attempt fails.
 */
export const WATCHDOG_MARGIN_MS = 60_000;
export const FALLBACK_MS = 120_000;

export function problemOptions(request: RoutingRequest): ProblemOptions {
  const objective = request.objective ?? { mode: 'hierarchical' };
  return {
    objective: {
      mode: objective.mode === 'weighted' ? 'weighted' : 'hierarchical',
      ...(objective.weights ? { weights: objective.weights } : {}),
    },
    speedKmh: request.speedKmh ?? 50,
    detourFactor: request.detourFactor ?? 1.3,
    fixedCostPerVehicle: request.fixedCostPerVehicle ?? 0,
    forbiddenArcs: request.forbiddenArcs ?? [],
    forbiddenZones: request.forbiddenZones ?? [],
    riskZones: request.riskZones ?? [],
  };
}

export function routeJob(deps: {
  db: Db;
  compute: Pick<Compute, 'run'>;
  /** Tests shorten the watchdog; see WATCHDOG_MARGIN_MS. */
  watchdogMarginMs?: number;
}): JobDefinition<'supply.route'> {
  const { db, compute } = deps;
  const margin = (limitMs: number) => deps.watchdogMarginMs ?? Math.max(WATCHDOG_MARGIN_MS, limitMs);
  return {
    name: 'supply.route',
    retryLimit: RETRY_LIMIT,
    // The search is at most 300 s; loading, explaining and storing come on top.
    timeoutSeconds: 1200,
    async run({ decisionId }, ctx) {
      const { tenantId } = ctx;
      const loaded = await inTenant(db, tenantId, async (tx) => {
        const decision = await findDecision(tx, decisionId);
        if (decision?.status !== 'pending' || decision.type !== 'routing') return undefined;
        const plan = decision.plan as unknown as RoutingPlan;
        const orders = await ordersByIds(tx, plan.input.orderIds);
        return {
          decision,
          plan,
          depots: await warehousesByIds(tx, plan.input.depotIds),
          vehicles: await vehiclesByIds(tx, plan.input.vehicleIds),
          orders,
          unitLoads: await unitLoads(tx, orders),
        };
      });
      if (!loaded) return { decisionId, skipped: true };
      const { decision, plan, depots, vehicles, orders } = loaded;
      const request = decision.constraints as unknown as RoutingRequest;
      try {
        const fixed = new Map(Object.entries(plan.input.fixed ?? {}));
        // Rows may have changed since the request was resolved: depots need coordinates, vehicles
        // a depot of the plan.
        const placed = depots.filter((d) => d.latitude !== null && d.longitude !== null);
        const home = new Set(placed.map((d) => d.id));
        const { problem, facts } = buildProblem({
          depots: placed,
          vehicles: vehicles.filter((v) => v.depotId !== null && home.has(v.depotId)),
          orders,
          unitLoads: loaded.unitLoads,
          options: problemOptions(request),
          continuation: {
            fixed,
            closed: new Set(plan.input.closed ?? []),
            ...(plan.input.notBefore !== undefined ? { notBefore: plan.input.notBefore } : {}),
          },
        });
        const timeLimitMs = Math.round((request.timeLimitSeconds ?? 10) * 1000);
        await ctx.progress(
          5,
          `Routing ${orders.length} orders on ${problem.vehicles.length} vehicles (search up to ${timeLimitMs / 1000} s)`,
        );
        const vehicleCodes = Object.fromEntries(vehicles.map((v) => [v.id, v.code]));
        const depotCodes = Object.fromEntries(depots.map((d) => [d.id, d.code]));
        const input = { problem, seed: request.seed ?? 1, timeLimitMs, vehicleCodes, depotCodes };
        let solved: RouteTaskOutput;
        let watchdogNote: string | undefined;
        try {
          solved = await compute.run(ROUTE_TASK, input, {
            signal: ctx.signal,
            deadlineMs: timeLimitMs + margin(timeLimitMs),
          });
        } catch (err) {
          if (!(err instanceof ComputeDeadlineExceeded)) throw err;
          const ms = Math.round(err.deadlineMs / 1000);
          watchdogNote = `The search did not finish within ${ms} s; its worker was stopped; this plan is the construction heuristic's, without improvement — run it again or re-optimise`;
          await ctx.progress(50, watchdogNote);
          solved = await compute
            .run(ROUTE_TASK, { ...input, maxIterations: 0 }, { signal: ctx.signal, deadlineMs: FALLBACK_MS })
            .catch((fallbackErr: unknown) => {
              if (!(fallbackErr instanceof ComputeDeadlineExceeded)) throw fallbackErr;
              throw new Error(
                `The construction heuristic did not finish within ${FALLBACK_MS / 1000} s; its worker was stopped`,
              );
            });
        }
        await ctx.progress(
          85,
          `Solved: ${solved.solution.objective.vehicles} vehicles, ${Math.round(solved.solution.objective.distance)} km, ${solved.solution.unserved.length} unserved; ${solved.violations.length} violation(s) found by the checker`,
        );
        const outcome = storedOutcome({
          date: plan.input.date,
          plan,
          problem,
          facts,
          orders,
          vehicles,
          depots: placed,
          solved,
          timeLimitMs,
          ...(watchdogNote ? { notes: [watchdogNote] } : {}),
        });
        await ctx.complete(async (tx) => {
          await insertRoutes(
            tx,
            outcome.routes.map((r) => ({ ...r, tenantId, decisionId })),
          );
          await updateDecision(tx, decisionId, {
            ...outcome.decision,
            status: 'proposed',
            errorMessage: null,
          });
        });
        await ctx.progress(100, `Saved ${outcome.routes.length} route(s)`);
        return { decisionId, routes: outcome.routes.length, unserved: solved.solution.unserved.length };
      } catch (err) {
        const lastAttempt = ctx.attempt > RETRY_LIMIT;
        const reason = innermostMessage(err).replaceAll('\u0000', '').slice(0, 500);
        await inTenant(db, tenantId, (tx) =>
          updateDecision(tx, decisionId, {
            status: lastAttempt ? 'failed' : 'pending',
            errorMessage: lastAttempt
              ? `The routing decision failed: ${reason}`
              : `Attempt ${ctx.attempt} failed (${reason}); it will be retried`,
          }),
        ).catch(() => undefined);
        throw err;
      }
    },
  };
}
