// Sweep fixtures of the supply planning routes (issue 16): tenant B's forecast runs, models,
// decisions and inventory rows with history, made through the real API on seeded rows.
import { seedPlanning, weeklyDemand } from '../../src/modules/supply/testing.ts';
import { eventually } from '../../src/platform/jobs/testing.ts';
import type { SweepContext, Target } from './fixtures.ts';

let sequence = 0;

async function post(ctx: SweepContext, url: string, payload: object) {
  const res = await ctx.t.app.inject({ method: 'POST', url, headers: ctx.ownerAdmin.headers, payload });
  if (res.statusCode >= 300) throw new Error(`fixture POST ${url} failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** An inventory row of the owner with a year of weekly demand, in a warehouse of its own. */
async function item(ctx: SweepContext) {
  sequence += 1;
  const seeded = await seedPlanning(
    ctx.t.database.db,
    ctx.owner.id,
    [{ sku: `SWEEP-${sequence}`, weekly: weeklyDemand(sequence, 52, 20), onHand: 1 }],
    { code: `SWEEP-WH-${sequence}`, name: 'Sweep warehouse', capacity: null },
  );
  return {
    inventoryId: seeded.inventory.get(`SWEEP-${sequence}`)?.id ?? '',
    warehouseId: seeded.warehouseId,
  };
}

async function run(ctx: SweepContext) {
  const { warehouseId } = await item(ctx);
  return (await post(ctx, '/api/v1/supply/forecasts', { scope: { warehouseIds: [warehouseId] } })).run
    .id as string;
}

async function model(ctx: SweepContext) {
  await run(ctx);
  const res = await ctx.t.app.inject({
    method: 'GET',
    url: '/api/v1/supply/models',
    headers: ctx.ownerAdmin.headers,
  });
  return res.json().items[0].id as string;
}

async function get(ctx: SweepContext, url: string) {
  const res = await ctx.t.app.inject({ method: 'GET', url, headers: ctx.ownerAdmin.headers });
  return res.json();
}

/** Polls `url` until its `status` is `done` (fails on `failed`). */
function settled(ctx: SweepContext, url: string, done: string) {
  return eventually(
    async () => {
      const body = await get(ctx, url);
      if (body.status === 'failed') throw new Error(`fixture ${url} failed: ${JSON.stringify(body)}`);
      return body.status === done ? true : undefined;
    },
    url,
    120_000,
  );
}

/** A proposed replenishment decision of the owner (approved too when asked). */
async function decision(ctx: SweepContext, approved = false) {
  const { warehouseId } = await item(ctx);
  const { id } = await post(ctx, '/api/v1/supply/decisions', {
    type: 'replenishment',
    scope: { warehouseIds: [warehouseId] },
  });
  await settled(ctx, `/api/v1/supply/decisions/${id}`, 'proposed');
  if (approved) await post(ctx, `/api/v1/supply/decisions/${id}/approve`, {});
  return id as string;
}

const byDecision =
  (body?: Record<string, unknown>, approved = false) =>
  async (ctx: SweepContext): Promise<Target> => ({
    params: { id: await decision(ctx, approved) },
    ...(body ? { body } : {}),
  });

/** A scenario set of the owner (issue 17). */
async function scenarioSet(ctx: SweepContext) {
  return (
    await post(ctx, '/api/v1/supply/simulations/generate', {
      name: 'Sweep scenarios',
      seed: 1,
      horizonDays: 5,
      scenario: { leadTimeNoise: { cv: 0.1 } },
    })
  ).id as string;
}

/** A (small) simulation of the owner over an item of its own (issue 17). */
async function simulation(ctx: SweepContext) {
  const { warehouseId } = await item(ctx);
  return (
    await post(ctx, '/api/v1/supply/simulations/run', {
      name: 'Sweep simulation',
      replications: 2,
      horizonDays: 5,
      scope: { warehouseIds: [warehouseId] },
    })
  ).id as string;
}

export const SUPPLY_PLANNING_FIXTURES: Record<string, (ctx: SweepContext) => Promise<Target>> = {
  'GET /api/v1/supply/forecasts/:id': async (ctx) => ({ params: { id: await run(ctx) } }),
  'GET /api/v1/supply/forecasts/:id/series': async (ctx) => ({ params: { id: await run(ctx) } }),
  'GET /api/v1/supply/entities/inventory/:id/forecast': async (ctx) => {
    const { inventoryId, warehouseId } = await item(ctx);
    const { run: started } = await post(ctx, '/api/v1/supply/forecasts', {
      scope: { warehouseIds: [warehouseId] },
    });
    await settled(ctx, `/api/v1/supply/forecasts/${started.id}`, 'completed');
    return { params: { id: inventoryId } };
  },
  'GET /api/v1/supply/models/:id': async (ctx) => ({ params: { id: await model(ctx) } }),
  'POST /api/v1/supply/models/:id/promote': async (ctx) => ({
    params: { id: await model(ctx) },
    body: { stage: 'staging' },
  }),
  'GET /api/v1/supply/decisions/:id': byDecision(),
  'GET /api/v1/supply/decisions/:id/actions': byDecision(),
  'POST /api/v1/supply/decisions/:id/approve': byDecision({}),
  'POST /api/v1/supply/decisions/:id/reject': byDecision({ note: 'hijack' }),
  'POST /api/v1/supply/decisions/:id/execute': byDecision(undefined, true),
  'GET /api/v1/supply/decisions/:id/explanation': byDecision(),
  'GET /api/v1/supply/explain/:decisionId': async (ctx) => ({ params: { decisionId: await decision(ctx) } }),
  'GET /api/v1/supply/explain/decision/:id/factors': byDecision(),
  'GET /api/v1/supply/simulations/:id': async (ctx) => ({ params: { id: await simulation(ctx) } }),
  'GET /api/v1/supply/simulations/scenario-sets/:id': async (ctx) => ({
    params: { id: await scenarioSet(ctx) },
  }),
};
