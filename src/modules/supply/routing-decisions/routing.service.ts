// Routing decisions: started from a request (resolved and checked first, then solved in the
// `supply.route` job), re-optimised after a change keeping executed stops in place, read as routes,
// and executed into vehicle assignments. Approval and rejection are the decisions service's.
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Db, Executor } from '../../../platform/db/database.ts';
import { inTenant, readInCallerTenant, tenantOf } from '../../../platform/db/scope.ts';
import { badRequest, conflict, notFound } from '../../../platform/http/errors.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import {
  type DecisionRow,
  findDecision,
  insertDecision,
  updateDecision,
} from '../decisions/decisions.repo.ts';
import type { PlanInput, RoutingPlan } from './outcome.ts';
import type { StoredStop } from './records.ts';
import { checkOrders, checkTimeLimit, resolveRequest } from './resolve.ts';
import { ordersByIds, type RouteRow, routesOf, warehousesByIds } from './routing.repo.ts';
import type { Reoptimise, RoutingRequest } from './routing.schemas.ts';

export { executeRouting } from './execute.ts';

const REOPTIMISABLE = ['proposed', 'approved', 'executed'];

export const stopsOf = (route: RouteRow) => route.stops as StoredStop[];

/** The decision, or a 404; a 409 when it is not a routing decision. */
export async function routingDecision(tx: Executor, id: string, forUpdate = false): Promise<DecisionRow> {
  const row = await findDecision(tx, id, forUpdate);
  if (!row) throw notFound('Decision');
  if (row.type !== 'routing') throw conflict(`Decision ${id} is a ${row.type} decision: it has no routes`);
  return row;
}

export function createRoutingService({ db, jobs }: { db: Db; jobs: Pick<Jobs, 'submit'> }) {
  async function submit(principal: Principal, tenantId: string, row: DecisionRow) {
    const job = await jobs.submit(
      'supply.route',
      { decisionId: row.id },
      { tenantId, createdBy: principal.userId },
    );
    return inTenant(db, tenantId, async (tx) => (await updateDecision(tx, row.id, { jobId: job.id })) ?? row);
  }

  return {
    async start(principal: Principal, request: RoutingRequest | undefined) {
      if (!request)
        throw badRequest('A routing decision needs its `routing` part (at least the date)', [
          { path: '/body/routing', message: 'required when type is routing' },
        ]);
      const tenantId = tenantOf(principal);
      const row = await inTenant(db, tenantId, async (tx) => {
        const { input, notes } = await resolveRequest(tx, request);
        const plan: RoutingPlan = { input, notes };
        return insertDecision(tx, {
          tenantId,
          type: 'routing',
          scope: { warehouseIds: input.depotIds },
          constraints: { ...request },
          plan: plan as unknown as Record<string, unknown>,
          createdBy: principal.userId,
        });
      });
      return submit(principal, tenantId, row);
    },

    async reoptimise(principal: Principal, id: string, body: Reoptimise) {
      const tenantId = tenantOf(principal);
      const row = await inTenant(db, tenantId, async (tx) => {
        const decision = await routingDecision(tx, id);
        if (!REOPTIMISABLE.includes(decision.status))
          throw conflict(
            `Decision ${id} is ${decision.status}: only a proposed, approved or executed routing decision can be re-optimised`,
          );
        checkTimeLimit(body.timeLimitSeconds, '/body/timeLimitSeconds');
        const plan = decision.plan as unknown as RoutingPlan;
        const input = await continuation(tx, plan, await routesOf(tx, id), body);
        const request = decision.constraints as unknown as RoutingRequest;
        const next: RoutingPlan = {
          input,
          reoptimisedFrom: id,
          changes: { ...body },
          notes: [`Re-optimised from decision ${id}`],
        };
        return insertDecision(tx, {
          tenantId,
          type: 'routing',
          scope: decision.scope,
          constraints: {
            ...request,
            ...(body.timeLimitSeconds !== undefined ? { timeLimitSeconds: body.timeLimitSeconds } : {}),
            ...(body.seed !== undefined ? { seed: body.seed } : {}),
          },
          plan: next as unknown as Record<string, unknown>,
          createdBy: principal.userId,
        });
      });
      return submit(principal, tenantId, row);
    },

    routes: (principal: Principal, id: string) =>
      readInCallerTenant(db, principal, async (tx) => {
        const decision = await routingDecision(tx, id);
        const plan = decision.plan as unknown as RoutingPlan;
        return {
          decision,
          plan,
          routes: await routesOf(tx, id),
          depots: await warehousesByIds(tx, plan.input?.depotIds ?? []),
        };
      }),
  };
}

/**
 * The next plan's input: the same vehicles and orders, minus the removed and plus the added ones;
 * each vehicle's first stops kept in place (as many as `executedStops` says, or those started by
 * `asOf`, and at least those kept before); broken vehicles closed.
 */
async function continuation(
  tx: Executor,
  plan: RoutingPlan,
  routes: RouteRow[],
  body: Reoptimise,
): Promise<PlanInput> {
  const previous = plan.input;
  if (body.executedStops && body.asOf)
    throw badRequest('Give either executedStops or asOf, not both', [
      { path: '/body/asOf', message: 'one or the other' },
    ]);
  const planned = new Set(previous.vehicleIds);
  const routeOf = new Map(routes.flatMap((r) => (r.vehicleId ? [[r.vehicleId, r] as const] : [])));
  const codeOf = (vehicleId: string) => routeOf.get(vehicleId)?.vehicleCode ?? vehicleId;
  const foreign = [
    ...(body.executedStops ?? []).map((e) => e.vehicleId),
    ...(body.brokenVehicleIds ?? []),
  ].filter((v) => !planned.has(v));
  if (foreign.length > 0)
    throw badRequest(`Vehicle(s) not in this plan: ${[...new Set(foreign)].join(', ')}`, [
      { path: '/body', message: 'vehicles not in the plan' },
    ]);
  const done = new Map<string, number>();
  for (const [vehicleId, kept] of Object.entries(previous.fixed ?? {})) done.set(vehicleId, kept.length);
  for (const { vehicleId, count } of body.executedStops ?? []) {
    const stops = routeOf.get(vehicleId) ? stopsOf(routeOf.get(vehicleId) as RouteRow).length : 0;
    if (count > stops)
      throw badRequest(`${codeOf(vehicleId)} has ${stops} stop(s): ${count} cannot have been executed`, [
        { path: '/body/executedStops', message: 'more stops than the route has' },
      ]);
    done.set(vehicleId, Math.max(done.get(vehicleId) ?? 0, count));
  }
  let notBefore: number | undefined;
  if (body.asOf) {
    const asOf = Date.parse(body.asOf);
    notBefore = Math.max(0, Math.round((asOf - Date.parse(`${previous.date}T00:00:00Z`)) / 60_000));
    for (const route of routes) {
      if (!route.vehicleId) continue;
      const started = stopsOf(route).filter((s) => Date.parse(s.start) <= asOf).length;
      done.set(route.vehicleId, Math.max(done.get(route.vehicleId) ?? 0, started));
    }
  }
  const fixed: Record<string, string[]> = {};
  for (const [vehicleId, count] of done) {
    const route = routeOf.get(vehicleId);
    if (route && count > 0)
      fixed[vehicleId] = stopsOf(route)
        .slice(0, count)
        .map((s) => s.orderId);
  }
  const kept = new Set(Object.values(fixed).flat());
  const removed = new Set(body.removeOrderIds ?? []);
  const notPlanned = [...removed].filter((o) => !previous.orderIds.includes(o));
  if (notPlanned.length > 0)
    throw badRequest(`Order(s) not in this plan cannot be removed: ${notPlanned.join(', ')}`, [
      { path: '/body/removeOrderIds', message: 'orders not in the plan' },
    ]);
  const removedExecuted = [...removed].filter((o) => kept.has(o));
  if (removedExecuted.length > 0)
    throw conflict(`Executed stops cannot be removed from the plan: ${removedExecuted.join(', ')}`);
  const added = (body.addOrderIds ?? []).filter((o) => !previous.orderIds.includes(o));
  if (added.length < (body.addOrderIds ?? []).length)
    throw badRequest('addOrderIds names orders already in the plan', [
      { path: '/body/addOrderIds', message: 'already planned' },
    ]);
  checkOrders(added, await ordersByIds(tx, added), new Set(previous.depotIds), '/body/addOrderIds');
  const closed = [...new Set([...(previous.closed ?? []), ...(body.brokenVehicleIds ?? [])])];
  return {
    date: previous.date,
    depotIds: previous.depotIds,
    orderIds: [...previous.orderIds.filter((o) => !removed.has(o)), ...added],
    vehicleIds: previous.vehicleIds,
    ...(Object.keys(fixed).length > 0 ? { fixed } : {}),
    ...(closed.length > 0 ? { closed } : {}),
    ...(notBefore !== undefined
      ? { notBefore }
      : previous.notBefore !== undefined
        ? { notBefore: previous.notBefore }
        : {}),
  };
}

export type RoutingService = ReturnType<typeof createRoutingService>;
