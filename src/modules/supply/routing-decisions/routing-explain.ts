// The explanation endpoints for routing decisions, read from what the job stored (no solving on a
// request): cost components per route, binding constraints, marginal cost of each order, unserved
// orders with reasons; for one order, its vehicle, what it costs there and its best alternative.
// The routing hypothetical of POST /explain evaluates one order on other vehicles in a worker.
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Compute } from '../../../platform/compute/compute.ts';
import type { Db, Executor } from '../../../platform/db/database.ts';
import { readInCallerTenant } from '../../../platform/db/scope.ts';
import { badRequest, conflict, notFound } from '../../../platform/http/errors.ts';
import type { DecisionRow } from '../decisions/decisions.repo.ts';
import type { OrderInsight, RouteFacts } from './explain-plan.ts';
import type { RoutingPlan, UnservedRecord } from './outcome.ts';
import type { StoredStop } from './records.ts';
import { ORDER_TASK } from './route.task.ts';
import { type RouteRow, routesOf } from './routing.repo.ts';
import { routingDecision } from './routing.service.ts';

const MARGINAL_LISTED = 500;

const factsOf = (route: RouteRow) => route.explanation as unknown as Partial<RouteFacts>;

interface OrderFacts {
  reference: string | null;
  clientName: string | null;
  route: RouteRow | null;
  stop: StoredStop | null;
  unserved: UnservedRecord | null;
}

/** The order's facts as the stored stops or the unserved list hold them. */
function orderFacts(routes: RouteRow[], unserved: UnservedRecord[], orderId: string): OrderFacts | null {
  for (const route of routes) {
    const stop = (route.stops as StoredStop[]).find((s) => s.orderId === orderId);
    if (stop) return { reference: stop.reference, clientName: stop.clientName, route, stop, unserved: null };
  }
  const u = unserved.find((x) => x.orderId === orderId);
  return u
    ? { reference: u.reference, clientName: u.clientName, route: null, stop: null, unserved: u }
    : null;
}

function presentOrder(insight: OrderInsight | undefined, facts: OrderFacts, orderId: string) {
  const best = insight?.alternatives[0] ?? null;
  const sentences = [
    ...(facts.unserved
      ? [`Unserved (${facts.unserved.reason.replaceAll('_', ' ')}): ${facts.unserved.detail}.`]
      : [`Stop ${facts.stop?.sequence} of ${facts.route?.vehicleCode}.`]),
    ...(insight?.sentences ?? []),
  ];
  return {
    orderId,
    reference: facts.reference,
    clientName: facts.clientName,
    served: facts.route !== null,
    vehicleId: facts.route?.vehicleId ?? null,
    vehicleCode: facts.route?.vehicleCode ?? null,
    sequence: facts.stop?.sequence ?? null,
    marginalCost: insight?.marginalCost ?? null,
    unservedReason: facts.unserved?.reason ?? null,
    bestAlternative: best,
    alternatives: insight?.alternatives ?? [],
    sentences,
  };
}

export async function routingExplanation(tx: Executor, decision: DecisionRow, orderId?: string) {
  const plan = decision.plan as unknown as RoutingPlan;
  const routes = await routesOf(tx, decision.id);
  const unserved = plan.unserved ?? [];
  const insights = new Map((plan.insights ?? []).map((i) => [i.orderId, i]));
  let order: ReturnType<typeof presentOrder> | undefined;
  if (orderId) {
    if (decision.status === 'pending' || decision.status === 'failed')
      throw conflict(`Decision ${decision.id} is ${decision.status}: it has no routes to explain yet`);
    const facts = orderFacts(routes, unserved, orderId);
    if (!facts) throw notFound('Order in this decision');
    order = presentOrder(insights.get(orderId), facts, orderId);
  }
  const codeOf = new Map(routes.map((r) => [r.vehicleId, r.vehicleCode]));
  const marginalCosts = (plan.insights ?? [])
    .filter((i) => i.vehicleId !== null && i.marginalCost !== null)
    .sort((a, b) => (b.marginalCost ?? 0) - (a.marginalCost ?? 0))
    .slice(0, MARGINAL_LISTED)
    .map((i) => ({
      orderId: i.orderId,
      reference: orderFacts(routes, [], i.orderId)?.reference ?? null,
      vehicleCode: codeOf.get(i.vehicleId) ?? i.vehicleId ?? '',
      marginalCost: i.marginalCost as number,
    }));
  return {
    decisionId: decision.id,
    type: decision.type,
    status: decision.status,
    summary: decision.summary ?? decision.errorMessage ?? 'The decision has not been computed yet',
    confidence: { value: decision.confidence, sentence: decision.confidenceNote },
    bindingConstraints: (plan.binding ?? []) as unknown as Record<string, unknown>[],
    constraints: decision.constraintChecks,
    predictedCost: decision.costBreakdown,
    modelVersions: decision.modelVersions,
    actionCount: routes.length,
    items: [],
    routing: {
      objective: (plan.objective ?? {}) as Record<string, unknown>,
      routes: routes.map((r) => ({
        routeId: r.id,
        vehicleCode: r.vehicleCode,
        cost: r.cost,
        components: factsOf(r).components ?? {},
        sentences: factsOf(r).sentences ?? [],
      })),
      marginalCosts,
      unserved,
      ...(order ? { order } : {}),
    },
  };
}

export async function routingFactors(tx: Executor, decision: DecisionRow) {
  const routes = await routesOf(tx, decision.id);
  const total = routes.reduce((sum, r) => sum + r.cost, 0);
  const sums = new Map<string, number>();
  const perRoute = routes.map((r) => {
    const components = factsOf(r).components ?? { fixed: 0, distance: 0, time: 0 };
    for (const [kind, value] of Object.entries(components)) sums.set(kind, (sums.get(kind) ?? 0) + value);
    return {
      routeId: r.id,
      vehicleCode: r.vehicleCode,
      cost: r.cost,
      factors: Object.entries(components).map(([kind, weight]) => ({
        kind,
        weight,
        sentence: `${kind} cost of ${r.vehicleCode}: ${weight.toFixed(2)} of ${r.cost.toFixed(2)}`,
      })),
    };
  });
  return {
    decisionId: decision.id,
    status: decision.status,
    quantity: Math.round(total * 100) / 100,
    totals: [...sums].map(([kind, weight]) => ({
      kind,
      weight: Math.round(weight * 100) / 100,
      share: total > 0 ? Math.round((weight / total) * 10_000) / 10_000 : 0,
    })),
    items: [],
    routes: perRoute,
  };
}

/** POST /explain for routing: the order on other vehicles of the decision (computed in a worker). */
export async function routingHypothetical(
  deps: { db: Db; compute: Pick<Compute, 'run'> },
  principal: Principal,
  request: { decisionId: string; orderId: string; vehicleId?: string | undefined },
) {
  const loaded = await readInCallerTenant(deps.db, principal, async (tx) => {
    const decision = await routingDecision(tx, request.decisionId);
    return { decision, routes: await routesOf(tx, decision.id) };
  });
  const plan = loaded.decision.plan as unknown as RoutingPlan;
  const problem = plan.problem;
  if (!problem)
    throw conflict(`Decision ${request.decisionId} is ${loaded.decision.status}: it has no routes yet`);
  if (!problem.orders.some((o) => o.id === request.orderId)) throw notFound('Order in this decision');
  if (request.vehicleId && !problem.vehicles.some((v) => v.id === request.vehicleId))
    throw badRequest('The vehicle is not part of this decision', [
      { path: '/body/vehicleId', message: 'not in the plan' },
    ]);
  const sequences = Object.fromEntries(
    loaded.routes.flatMap((r) =>
      r.vehicleId ? [[r.vehicleId, (r.stops as StoredStop[]).map((s) => s.orderId)]] : [],
    ),
  );
  const insight = await deps.compute.run(ORDER_TASK, {
    problem,
    sequences,
    orderId: request.orderId,
    ...(request.vehicleId ? { vehicleIds: [request.vehicleId] } : {}),
    vehicleCodes: plan.vehicleCodes ?? {},
    depotCodes: plan.depotCodes ?? {},
  });
  const facts = orderFacts(loaded.routes, plan.unserved ?? [], request.orderId);
  return {
    decisionId: request.decisionId,
    order: presentOrder(
      insight,
      facts ?? { reference: null, clientName: null, route: null, stop: null, unserved: null },
      request.orderId,
    ),
  };
}
