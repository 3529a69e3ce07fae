// What a solved routing problem becomes in the database (pure): the route rows, and the decision's
// checks, scores, cost, confidence, summary and plan (the request's resolution, the objective, the
// unserved orders with their reasons, the search statistics, the explanation's per-order facts).
import type { ObjectiveValue, RoutingProblem, RoutingSolution } from '../routing/types.ts';
import type { BindingItem, OrderInsight } from './explain-plan.ts';
import type { DepotRow, OrderFacts, VehicleRow } from './problem.ts';
import { DEPOT_FEATURE } from './problem.ts';
import {
  confidence,
  constraintChecks,
  costBreakdown,
  type RouteRecord,
  routeRecords,
  summaryOf,
} from './records.ts';
import type { RouteTaskOutput } from './route.task.ts';
import type { LoadedOrder } from './routing.repo.ts';

/** The engine's name and version, recorded on every routing decision. */
export const ROUTING_ENGINE = { name: 'routing-engine', version: 1 };

/** What the decision plans: resolved when it is started (or re-optimised), read by the job. */
export interface PlanInput {
  date: string;
  depotIds: string[];
  orderIds: string[];
  vehicleIds: string[];
  /** Re-optimisation: per vehicle, the stops kept in place. */
  fixed?: Record<string, string[]>;
  /** Re-optimisation: vehicles broken down. */
  closed?: string[];
  /** Re-optimisation: minute of the day before which no vehicle without kept stops leaves. */
  notBefore?: number;
}

export interface UnservedRecord {
  orderId: string;
  reference: string | null;
  clientId: string | null;
  clientName: string | null;
  latitude: number | null;
  longitude: number | null;
  reason: string;
  detail: string;
}

export interface RoutingPlan {
  input: PlanInput;
  reoptimisedFrom?: string;
  changes?: Record<string, unknown>;
  notes?: string[];
  objective?: { mode: string; weights: Record<string, number>; value: ObjectiveValue };
  unserved?: UnservedRecord[];
  stats?: RoutingSolution['stats'] & { explainMs: number; timeLimitMs: number };
  problemSize?: { orders: number; vehicles: number; depots: number };
  /** Each planned order's last change when the plan was made (execution refuses changed ones). */
  orderSnapshot?: Record<string, string>;
  insights?: OrderInsight[];
  binding?: BindingItem[];
  /** Codes of the plan's vehicles and depots by id (sentences name them). */
  vehicleCodes?: Record<string, string>;
  depotCodes?: Record<string, string>;
  /** The engine's problem as solved: the routing hypothetical of POST /explain works on it. */
  problem?: RoutingProblem;
}

/** Plan keys kept out of the decision's API body (large, or read through their own endpoints). */
export const INTERNAL_PLAN_KEYS = ['problem', 'insights', 'orderSnapshot', 'vehicleCodes'] as const;

/** Engine details name depots by a feature; people know warehouses by code. */
export function namedDepots(text: string, depotCodes: Record<string, string>): string {
  return text.replace(new RegExp(`${DEPOT_FEATURE}([0-9a-f-]{36})`, 'g'), (_, id: string) =>
    depotCodes[id] ? `a vehicle based at ${depotCodes[id]}` : 'a vehicle based at its warehouse',
  );
}

export function storedOutcome(input: {
  date: string;
  plan: RoutingPlan;
  problem: RoutingProblem;
  facts: Map<string, OrderFacts>;
  orders: LoadedOrder[];
  vehicles: VehicleRow[];
  depots: DepotRow[];
  solved: RouteTaskOutput;
  timeLimitMs: number;
  /** Said by the job (e.g. the watchdog stopped the search). */
  notes?: string[];
}) {
  const { problem, solved, plan, facts } = input;
  const { solution, violations, explanation } = solved;
  const depotCodes = Object.fromEntries(input.depots.map((d) => [d.id, d.code]));
  const fixed = new Map(Object.entries(plan.input.fixed ?? {}));
  const routes: RouteRecord[] = routeRecords({
    date: input.date,
    problem,
    solution,
    vehicles: new Map(input.vehicles.map((v) => [v.id, v])),
    facts,
    fixed,
    explained: explanation.routes,
  });
  const unserved: UnservedRecord[] = solution.unserved.map((u) => {
    const f = facts.get(u.orderId);
    return {
      orderId: u.orderId,
      reference: f?.reference ?? null,
      clientId: f?.clientId ?? null,
      clientName: f?.clientName ?? null,
      latitude: f?.latitude ?? null,
      longitude: f?.longitude ?? null,
      reason: u.reason,
      detail: namedDepots(u.detail, depotCodes),
    };
  });
  const breakdown = costBreakdown(problem, solution);
  const tightStops = explanation.binding.filter((b) => b.kind === 'time_window').length;
  const trust = confidence({
    solution,
    violations,
    orders: problem.orders.length,
    tightStops,
    timeLimitMs: input.timeLimitMs,
  });
  const loadedIds = new Set(input.orders.map((o) => o.id));
  const missingOrders = plan.input.orderIds.filter((id) => !loadedIds.has(id));
  const vehicleIds = new Set(input.vehicles.map((v) => v.id));
  const missingVehicles = plan.input.vehicleIds.filter((id) => !vehicleIds.has(id));
  const notes = [
    ...(plan.notes ?? []),
    ...(input.notes ?? []),
    ...(missingOrders.length > 0 ? [`${missingOrders.length} order(s) were deleted before the job ran`] : []),
    ...(missingVehicles.length > 0
      ? [`${missingVehicles.length} vehicle(s) were deleted before the job ran`]
      : []),
  ];
  const o = solution.objective;
  const stored: RoutingPlan = {
    ...plan,
    notes,
    objective: {
      mode: problem.objective.mode,
      weights: { distance: 1, time: 0, co2: 0, risk: 0, vehicles: 0, ...problem.objective.weights },
      value: o,
    },
    unserved,
    stats: { ...solution.stats, explainMs: Math.round(solved.explainMs), timeLimitMs: input.timeLimitMs },
    problemSize: {
      orders: problem.orders.length,
      vehicles: problem.vehicles.length,
      depots: problem.depots.length,
    },
    orderSnapshot: Object.fromEntries(input.orders.map((r) => [r.id, r.updatedAt.toISOString()])),
    insights: explanation.orders.map((i) => ({
      ...i,
      sentences: i.sentences.map((s) => namedDepots(s, depotCodes)),
      alternatives: i.alternatives.map((a) => ({ ...a, sentence: namedDepots(a.sentence, depotCodes) })),
    })),
    binding: explanation.binding,
    vehicleCodes: Object.fromEntries(input.vehicles.map((v) => [v.id, v.code])),
    depotCodes,
    problem,
  };
  return {
    routes,
    decision: {
      constraintChecks: constraintChecks(problem, solution, violations) as unknown as Record<
        string,
        unknown
      >[],
      softScores: {
        mode: problem.objective.mode,
        objective: o.total,
        vehicles: o.vehicles,
        distanceKm: o.distance,
        timeMinutes: o.time,
        co2Kg: o.co2,
        risk: o.risk,
        penalty: o.penalty,
        ordersServed: problem.orders.length - unserved.length,
        ordersUnserved: unserved.length,
      },
      predictedCost: breakdown.total,
      costBreakdown: breakdown,
      confidence: trust.value,
      confidenceNote: trust.note,
      summary: summaryOf({
        solution,
        orders: problem.orders.length,
        depotCodes: input.depots.map((d) => d.code),
        date: input.date,
        total: breakdown.total,
      }),
      modelVersions: [
        {
          role: 'routing',
          ...ROUTING_ENGINE,
          seed: solution.stats.seed,
          timeLimitMs: input.timeLimitMs,
          iterations: solution.stats.iterations,
        },
      ],
      plan: stored as unknown as Record<string, unknown>,
    },
  };
}
