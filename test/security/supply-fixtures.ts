// Sweep fixtures of the supply entity routes (issue 16): tenant B's warehouses, inventory rows,
// vehicles, clients, orders and vehicle assignments made through the real API, and rows in every
// supply table for the RLS proof (the planning tables written directly: their rows come from jobs).
import {
  supplyDecisionActions,
  supplyDecisions,
  supplyDemand,
  supplyDeployments,
  supplyForecastRuns,
  supplyForecasts,
  supplyModels,
  supplyRoutes,
  supplySettings,
} from '../../src/platform/db/schema/index.ts';
import { inTenant } from '../../src/platform/db/scope.ts';
import type { SweepContext, Target } from './fixtures.ts';

let sequence = 0;
const unique = (prefix: string) => {
  sequence += 1;
  return `${prefix}${sequence}`;
};

type Maker = (ctx: SweepContext) => Promise<{ id: string }>;

async function post(ctx: SweepContext, kind: string, payload: object): Promise<{ id: string }> {
  const url = `/api/v1/supply/entities/${kind}`;
  const res = await ctx.t.app.inject({ method: 'POST', url, headers: ctx.ownerAdmin.headers, payload });
  if (res.statusCode >= 300) throw new Error(`fixture POST ${url} failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

const warehouse: Maker = (ctx) =>
  post(ctx, 'warehouses', { code: unique('SW-WH-'), name: 'Sweep warehouse' });
const inventory: Maker = async (ctx) =>
  post(ctx, 'inventory', { warehouseId: (await warehouse(ctx)).id, sku: unique('SW-SKU-'), onHand: 5 });
const vehicle: Maker = (ctx) =>
  post(ctx, 'vehicles', { code: unique('SW-VAN-'), type: 'van', capacityKg: 900, capacityM3: 8 });
const client: Maker = (ctx) => post(ctx, 'clients', { name: unique('Sweep client ') });
/** A draft customer order (deletable, its lines still editable). */
const order: Maker = async (ctx) =>
  post(ctx, 'orders', {
    clientId: (await client(ctx)).id,
    warehouseId: (await warehouse(ctx)).id,
    lines: [{ sku: 'SW-1', quantity: 1 }],
    requestedDate: '2025-01-02',
    status: 'draft',
  });
const assignment: Maker = async (ctx) =>
  post(ctx, 'vehicle-assignments', { vehicleId: (await vehicle(ctx)).id, orderId: (await order(ctx)).id });

const KINDS: [string, Maker, Record<string, unknown>][] = [
  ['warehouses', warehouse, { name: 'hijacked' }],
  ['inventory', inventory, { onHand: 1 }],
  ['vehicles', vehicle, { status: 'retired' }],
  ['clients', client, { priority: 5 }],
  ['orders', order, { priority: 1 }],
  ['vehicle-assignments', assignment, { sequence: 9 }],
];

export const SUPPLY_FIXTURES: Record<string, (ctx: SweepContext) => Promise<Target>> = {
  ...Object.fromEntries(
    KINDS.flatMap(([kind, make, patch]) => {
      const url = `/api/v1/supply/entities/${kind}/:id`;
      const target = (body?: Record<string, unknown>) => async (ctx: SweepContext) => ({
        params: { id: (await make(ctx)).id },
        ...(body ? { body } : {}),
      });
      return [
        [`GET ${url}`, target()],
        [`PATCH ${url}`, target(patch)],
        [`DELETE ${url}`, target()],
      ];
    }),
  ),
  'GET /api/v1/supply/entities/inventory/:id/demand': async (ctx) => ({
    params: { id: (await inventory(ctx)).id },
  }),
};

/**
 * One row or more in every supply table for the admin's tenant (the RLS proof of rls.test.ts):
 * the entities through the API, demand and the planning tables directly.
 */
export async function populateSupply(ctx: SweepContext) {
  const { t, owner } = ctx;
  const { id: inventoryId } = await inventory(ctx);
  const { id: orderId } = await order(ctx);
  const { id: vehicleId } = await vehicle(ctx);
  await post(ctx, 'vehicle-assignments', { vehicleId, orderId });
  const stocked = await t.app.inject({
    url: `/api/v1/supply/entities/inventory/${inventoryId}`,
    headers: ctx.ownerAdmin.headers,
  });
  const { warehouseId, sku } = stocked.json() as { warehouseId: string; sku: string };
  await inTenant(t.database.db, owner.id, async (tx) => {
    const tenantId = owner.id;
    await tx.insert(supplySettings).values({ tenantId }).onConflictDoNothing();
    await tx.insert(supplyDemand).values({ tenantId, warehouseId, sku, day: '2025-01-06', quantity: 3 });
    const [model] = await tx
      .insert(supplyModels)
      .values({ tenantId, name: 'rls-model', kind: 'auto', version: 1 })
      .returning();
    if (!model) throw new Error('model not inserted');
    await tx
      .insert(supplyDeployments)
      .values({ tenantId, modelId: model.id, modelName: model.name, stage: 'production' });
    const [run] = await tx
      .insert(supplyForecastRuns)
      .values({ tenantId, horizon: 4, modelId: model.id })
      .returning();
    if (!run) throw new Error('forecast run not inserted');
    await tx.insert(supplyForecasts).values({
      tenantId,
      runId: run.id,
      inventoryId,
      warehouseId,
      sku,
      startDate: '2025-01-13',
      method: 'naive',
      demandClass: 'smooth',
      mean: [3, 3],
      lower: [1, 1],
      upper: [5, 5],
      historyLength: 1,
    });
    const [decision] = await tx
      .insert(supplyDecisions)
      .values({ tenantId, type: 'replenishment' })
      .returning();
    if (!decision) throw new Error('decision not inserted');
    await tx.insert(supplyDecisionActions).values({
      tenantId,
      decisionId: decision.id,
      position: 1,
      inventoryId,
      warehouseId,
      sku,
      quantity: 10,
      orderDate: '2025-01-13',
      arrivalDate: '2025-01-20',
      amount: 100,
    });
    // supply_routes (issue 17): a routing decision's route with one stop
    const [routing] = await tx.insert(supplyDecisions).values({ tenantId, type: 'routing' }).returning();
    if (!routing) throw new Error('routing decision not inserted');
    await tx.insert(supplyRoutes).values({
      tenantId,
      decisionId: routing.id,
      position: 1,
      vehicleId,
      vehicleCode: 'RLS-VAN',
      depotId: warehouseId,
      stops: [
        {
          orderId,
          clientId: null,
          sequence: 1,
          arrival: '2025-01-13T08:00:00.000Z',
          start: '2025-01-13T08:00:00.000Z',
          departure: '2025-01-13T08:10:00.000Z',
          waitMinutes: 0,
          windowIndex: 0,
          loadAfterKg: 0,
          loadAfterM3: 0,
          legDistanceKm: 5,
        },
      ],
      startAt: new Date('2025-01-13T07:50:00Z'),
      endAt: new Date('2025-01-13T08:20:00Z'),
      distanceKm: 10,
      drivingMinutes: 20,
      durationMinutes: 30,
      loadKg: 1,
      loadM3: 0.001,
      utilisation: 0.01,
      co2Kg: 2,
      cost: 15,
    });
  });
  // supply_scenario_sets, supply_simulations (issue 17): a scenario set and a small run over it
  const simulate = async (url: string, payload: object) => {
    const res = await t.app.inject({ method: 'POST', url, headers: ctx.ownerAdmin.headers, payload });
    if (res.statusCode >= 300) throw new Error(`POST ${url} failed: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string };
  };
  const set = await simulate('/api/v1/supply/simulations/generate', {
    name: 'RLS scenarios',
    seed: 1,
    horizonDays: 3,
    scenario: {},
  });
  await simulate('/api/v1/supply/simulations/run', {
    name: 'RLS simulation',
    scenarioSetId: set.id,
    replications: 1,
    scope: { warehouseIds: [warehouseId] },
  });
}
