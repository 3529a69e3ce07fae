import { inArray } from 'drizzle-orm';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Compute } from '../../../platform/compute/compute.ts';
import type { Db, Executor } from '../../../platform/db/database.ts';
import { type ForecastScope, supplyInventory } from '../../../platform/db/schema/index.ts';
import { inCallerTenant, inTenant, readInCallerTenant, tenantOf } from '../../../platform/db/scope.ts';
import { badRequest, conflict, notFound } from '../../../platform/http/errors.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import { placePurchaseOrder } from '../entities/stock.repo.ts';
import { findRun, scopeSize } from '../forecasts/forecasts.repo.ts';
import { countRoutes } from '../routing-decisions/routing.repo.ts';
import type { RoutingRequest } from '../routing-decisions/routing.schemas.ts';
import { createRoutingService, executeRouting } from '../routing-decisions/routing.service.ts';
import { routingExplanation, routingFactors } from '../routing-decisions/routing-explain.ts';
import type { DecisionConstraints } from './decide.job.ts';
import {
  type ActionRow,
  allActions,
  type DecisionRow,
  findDecision,
  insertDecision,
  listActions,
  listDecisions,
  setActionOrders,
  updateDecision,
} from './decisions.repo.ts';
import { explainDecision, factorTotals, itemOf } from './explain.ts';

// Decisions: started over a scope as a job (type `replenishment`; type `routing` is delegated to
// routing-decisions/, which dispatches by type here too), then proposed →
// approved or rejected (who, when, why) → executed, which creates the purchase orders and puts
// their quantities on order. Analysts and admins decide; every role reads.

export interface DecisionRequest {
  type: 'replenishment' | 'routing';
  scope?: ForecastScope | undefined;
  constraints?: DecisionConstraints | undefined;
  routing?: RoutingRequest | undefined;
}

const EXPLAINED_ITEMS = 200;

export function createDecisionsService({
  db,
  jobs,
}: {
  db: Db;
  jobs: Pick<Jobs, 'submit'>;
  compute: Pick<Compute, 'run'>;
}) {
  const decisionOrThrow = async (tx: Executor, id: string, forUpdate = false) => {
    const row = await findDecision(tx, id, forUpdate);
    if (!row) throw notFound('Decision');
    return row;
  };

  const refuse = (row: DecisionRow, verb: string, allowed: string) =>
    conflict(`Decision ${row.id} is ${row.status}: only ${allowed} decision can be ${verb}`);
  const routing = createRoutingService({ db, jobs });

  return {
    routing,
    async start(principal: Principal, request: DecisionRequest) {
      if (request.type === 'routing') return routing.start(principal, request.routing);
      if (request.routing)
        throw badRequest('`routing` belongs to type routing', [
          { path: '/body/routing', message: 'not expected' },
        ]);
      const tenantId = tenantOf(principal);
      const scope = request.scope ?? {};
      const constraints = request.constraints ?? {};
      const row = await inTenant(db, tenantId, async (tx) => {
        if ((await scopeSize(tx, scope)) === 0)
          throw badRequest('The scope matches no SKU at any warehouse: nothing to decide');
        if (constraints.forecastRunId) {
          const run = await findRun(tx, constraints.forecastRunId);
          if (!run) throw badRequest('Unknown forecastRunId');
          if (run.status !== 'completed')
            throw conflict(`Forecast run ${run.id} is ${run.status}: use a completed run`);
        }
        return insertDecision(tx, {
          tenantId,
          type: request.type,
          scope,
          constraints: { ...constraints },
          createdBy: principal.userId,
        });
      });
      const job = await jobs.submit(
        'supply.decide',
        { decisionId: row.id },
        { tenantId, createdBy: principal.userId },
      );
      return inTenant(
        db,
        tenantId,
        async (tx) => (await updateDecision(tx, row.id, { jobId: job.id })) ?? row,
      );
    },

    list: (
      principal: Principal,
      filter: { type?: string | undefined; status?: string | undefined; limit: number; offset: number },
    ) => readInCallerTenant(db, principal, (tx) => listDecisions(tx, filter)),

    get: (principal: Principal, id: string) =>
      readInCallerTenant(db, principal, async (tx) => {
        const decision = await decisionOrThrow(tx, id);
        if (decision.type === 'routing')
          return { decision, actions: [], actionCount: await countRoutes(tx, id) };
        const actions = await listActions(tx, { decisionId: id, limit: EXPLAINED_ITEMS, offset: 0 });
        return { decision, actions: actions.items, actionCount: actions.total };
      }),

    actions: (
      principal: Principal,
      id: string,
      filter: { sku?: string | undefined; limit: number; offset: number },
    ) =>
      readInCallerTenant(db, principal, async (tx) => {
        await decisionOrThrow(tx, id);
        return listActions(tx, { decisionId: id, ...filter });
      }),

    approve: (principal: Principal, id: string, note: string | undefined) =>
      inCallerTenant(db, principal, async (tx) => {
        const row = await decisionOrThrow(tx, id, true);
        if (row.status !== 'proposed') throw refuse(row, 'approved', 'a proposed');
        return updateDecision(tx, id, {
          status: 'approved',
          decidedBy: principal.userId,
          decidedAt: new Date(),
          decisionNote: note ?? null,
        });
      }),

    reject: (principal: Principal, id: string, note: string) =>
      inCallerTenant(db, principal, async (tx) => {
        const row = await decisionOrThrow(tx, id, true);
        if (row.status !== 'proposed' && row.status !== 'approved')
          throw refuse(row, 'rejected', 'a proposed or approved');
        return updateDecision(tx, id, {
          status: 'rejected',
          decidedBy: principal.userId,
          decidedAt: new Date(),
          decisionNote: note,
        });
      }),

    /** Creates one purchase order per warehouse and supplier, and puts its lines on order. */
    execute: (principal: Principal, id: string) =>
      inCallerTenant(db, principal, async (tx, tenantId) => {
        const row = await decisionOrThrow(tx, id, true);
        if (row.status !== 'approved') throw refuse(row, 'executed', 'an approved');
        if (row.type === 'routing') {
          const { orderIds, assignmentIds } = await executeRouting(tx, tenantId, row);
          const updated = await updateDecision(tx, id, {
            status: 'executed',
            executedBy: principal.userId,
            executedAt: new Date(),
          });
          return { decision: updated ?? row, orders: orderIds, assignmentIds };
        }
        const actions = await allActions(tx, id);
        const orders = await createPurchaseOrders(tx, tenantId, row, actions);
        const updated = await updateDecision(tx, id, {
          status: 'executed',
          executedBy: principal.userId,
          executedAt: new Date(),
        });
        return { decision: updated ?? row, orders };
      }),

    explanation: (principal: Principal, id: string, orderId?: string) =>
      readInCallerTenant(db, principal, async (tx) => {
        const decision = await decisionOrThrow(tx, id);
        if (decision.type === 'routing') return routingExplanation(tx, decision, orderId);
        const page = await listActions(tx, { decisionId: id, limit: EXPLAINED_ITEMS, offset: 0 });
        return explainDecision(decision, page.items, page.total);
      }),

    factors: (principal: Principal, id: string) =>
      readInCallerTenant(db, principal, async (tx) => {
        const decision = await decisionOrThrow(tx, id);
        if (decision.type === 'routing') return routingFactors(tx, decision);
        const actions = await allActions(tx, id);
        const { quantity, totals } = factorTotals(actions);
        return {
          decisionId: decision.id,
          status: decision.status,
          quantity,
          totals,
          items: actions.slice(0, EXPLAINED_ITEMS).map((a) => ({
            actionId: a.id,
            sku: a.sku,
            warehouseId: a.warehouseId,
            quantity: a.quantity,
            factors: itemOf(a).factors ?? [],
          })),
        };
      }),
  };
}

async function createPurchaseOrders(
  tx: Executor,
  tenantId: string,
  decision: DecisionRow,
  actions: ActionRow[],
) {
  const suppliers = new Map(
    (
      await tx
        .select({ id: supplyInventory.id, supplier: supplyInventory.supplier })
        .from(supplyInventory)
        .where(
          inArray(supplyInventory.id, [
            ...new Set(actions.flatMap((a) => (a.inventoryId ? [a.inventoryId] : []))),
          ]),
        )
    ).map((r) => [r.id, r.supplier]),
  );
  const groups = new Map<string, ActionRow[]>();
  for (const a of actions) {
    if (a.quantity <= 0) continue;
    const key = `${a.warehouseId}|${suppliers.get(a.inventoryId ?? '') ?? ''}|${a.arrivalDate}`;
    const group = groups.get(key);
    if (group) group.push(a);
    else groups.set(key, [a]);
  }
  const orderByAction = new Map<string, string>();
  for (const [key, lines] of groups) {
    const [warehouseId, supplier] = key.split('|');
    const first = lines[0] as ActionRow;
    const { order } = await placePurchaseOrder(tx, {
      tenantId,
      reference: `REPL-${decision.id.slice(0, 8)}`,
      warehouseId: warehouseId as string,
      supplier: supplier || null,
      lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
      requestedDate: first.arrivalDate,
      decisionId: decision.id,
    });
    for (const l of lines) orderByAction.set(l.id, order.id);
  }
  await setActionOrders(tx, orderByAction);
  return [...new Set(orderByAction.values())];
}

export type DecisionsService = ReturnType<typeof createDecisionsService>;
