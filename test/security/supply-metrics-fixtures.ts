// Sweep fixtures of the supply KPI and web-app routes (issue 17): tenant B's external measurement,
// custom KPI and anomaly flags (a late delivery, rolled up by the real rollup), a routing decision
// and a simulation for the /frontend views; rows in supply_metrics and supply_anomalies for the RLS
// proof.
import { rollUp } from '../../src/modules/supply/metrics/rollup.ts';
import { kpiData } from '../../src/modules/supply/metrics/testing.ts';
import { seedPlanning, weeklyDemand } from '../../src/modules/supply/testing.ts';
import type { SweepContext, Target } from './fixtures.ts';

let sequence = 0;

async function post(ctx: SweepContext, url: string, payload: object) {
  const res = await ctx.t.app.inject({ method: 'POST', url, headers: ctx.ownerAdmin.headers, payload });
  if (res.statusCode >= 300) throw new Error(`fixture POST ${url} failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** An external measurement of the owner, of a custom KPI of its own. */
async function metric(ctx: SweepContext) {
  sequence += 1;
  const kpi = `sweep_kpi_${sequence}`;
  const { id } = await post(ctx, '/api/v1/supply/metrics', { kpi, value: 3, day: '2025-03-10' });
  return { id: id as string, kpi };
}

/** An open anomaly of the owner: an order delivered a day late, flagged by the rollup. */
export async function anomaly(ctx: SweepContext): Promise<string> {
  sequence += 1;
  const data = kpiData(ctx.t.database.db, ctx.owner.id);
  const warehouseId = await data.warehouse(`SW-KPI-${sequence}`, []);
  const [orderId] = await data.orders([
    {
      warehouseId,
      lines: [{ sku: 'SW-1', quantity: 1 }],
      requestedDate: '2025-03-10',
      windowEnd: '12:00',
      deliveredAt: '2025-03-11T12:00:00Z',
      deliveredQuantity: 1,
    },
  ]);
  await rollUp({ db: ctx.t.database.db, events: ctx.t.runtime.events }, ctx.owner.id, {
    from: '2025-03-11',
    through: '2025-03-11',
  });
  const res = await ctx.t.app.inject({
    method: 'GET',
    url: `/api/v1/supply/metrics/anomalies?orderId=${orderId}&status=open`,
    headers: ctx.ownerAdmin.headers,
  });
  const [first] = res.json().items as { id: string }[];
  if (!first) throw new Error('fixture: the late delivery was not flagged');
  return first.id;
}

/** An executed routing decision of the owner with one route (written as its execution leaves it). */
async function routingDecision(ctx: SweepContext) {
  sequence += 1;
  const data = kpiData(ctx.t.database.db, ctx.owner.id);
  const depotId = await data.warehouse(`SW-DEPOT-${sequence}`, []);
  const { decisionId } = await data.routes('executed', [
    { depotId, startAt: '2025-03-10T07:00:00Z', stops: 2, cost: 50, co2Kg: 5, utilisation: 0.5 },
  ]);
  return decisionId;
}

/** A small simulation of the owner over an item of its own. */
async function simulation(ctx: SweepContext) {
  sequence += 1;
  const { warehouseId } = await seedPlanning(
    ctx.t.database.db,
    ctx.owner.id,
    [{ sku: `SW-SIM-${sequence}`, weekly: weeklyDemand(sequence, 20, 10), onHand: 5 }],
    { code: `SW-SIM-WH-${sequence}`, name: 'Sweep simulation warehouse', capacity: null },
  );
  const run = await post(ctx, '/api/v1/supply/simulations/run', {
    name: 'Sweep simulation',
    replications: 2,
    horizonDays: 5,
    scope: { warehouseIds: [warehouseId] },
  });
  return run.id as string;
}

export const SUPPLY_METRICS_FIXTURES: Record<string, (ctx: SweepContext) => Promise<Target>> = {
  'GET /api/v1/supply/metrics/:id': async (ctx) => ({ params: { id: (await metric(ctx)).id } }),
  'GET /api/v1/supply/metrics/kpi/:kpiName/report': async (ctx) => ({
    params: { kpiName: (await metric(ctx)).kpi },
  }),
  'GET /api/v1/supply/metrics/anomalies/:id': async (ctx) => ({ params: { id: await anomaly(ctx) } }),
  'POST /api/v1/supply/metrics/anomalies/:id/dismiss': async (ctx) => ({
    params: { id: await anomaly(ctx) },
  }),
  'GET /api/v1/supply/frontend/decision/:id/insights': async (ctx) => ({
    params: { id: await routingDecision(ctx) },
  }),
  'GET /api/v1/supply/frontend/simulation/:id/results': async (ctx) => ({
    params: { id: await simulation(ctx) },
  }),
};

/** supply_metrics and supply_anomalies rows of the owner (rls.test.ts). */
export async function populateSupplyMetrics(ctx: SweepContext) {
  await metric(ctx);
  await anomaly(ctx);
}
