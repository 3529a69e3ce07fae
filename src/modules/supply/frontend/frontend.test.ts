// The web app's endpoints over the KPI scenario (metrics/testing.ts) and a small planning set: the
// dashboard's KPIs, counts, decisions and anomalies; the network summary; a decision started here
// and read back as cards (replenishment, and a routing decision's); a simulation's results shaped
// for charts; bad input, roles and another tenant's ids.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { eventually } from '../../../platform/jobs/testing.ts';
import { D2, kpiTestKit } from '../metrics/testing.ts';
import { seedPlanning, weeklyDemand } from '../testing.ts';

const kit = kpiTestKit('kpi-frontend', { rolledUp: true });
let planningWarehouse: string;

before(async () => {
  // Root hooks start together: wait for the kit's app before seeding beside it.
  await eventually(async () => (kit.ready ? true : undefined), 'the kit', 120_000);
  const seeded = await seedPlanning(
    kit.t.database.db,
    kit.acme.id,
    [
      { sku: 'LOW-1', weekly: weeklyDemand(1, 60, 70), onHand: 5, leadTimeDays: 14 },
      { sku: 'HIGH-1', weekly: weeklyDemand(2, 60, 40), onHand: 100_000 },
    ],
    { code: 'PLAN-W', name: 'Planning warehouse', capacity: null },
  );
  planningWarehouse = seeded.warehouseId;
});

const until = (url: string, done: (body: { status: string }) => boolean) =>
  eventually(
    async () => {
      const body = await kit.ok(kit.s.viewer, 'GET', url);
      if (body.status === 'failed') throw new Error(`${url} failed: ${JSON.stringify(body)}`);
      return done(body) ? body : undefined;
    },
    url,
    180_000,
  );

describe('the dashboard and the network', () => {
  test('KPIs with their trend and target, counts, recent decisions and open anomalies', async () => {
    const board = await kit.ok(kit.s.viewer, 'GET', `/supply/frontend/dashboard?to=${D2}&days=7`);
    const fill = board.kpis.kpis.find((k: { kpi: string }) => k.kpi === 'fill_rate');
    assert.equal(fill.value, 43 / 48);
    assert.equal(fill.sparkline.length, 2);
    assert.deepEqual(board.counts, {
      warehouses: 3,
      stockPoints: 5,
      vehicles: 0,
      clients: 2,
      openOrders: 13,
      lateOrders: 13,
      openAnomalies: 3,
      decisionsAwaiting: 1,
    });
    assert.equal(board.recentDecisions.length, 3);
    for (const d of board.recentDecisions) assert.equal(d.page, `/supply/decisions/${d.id}`);
    assert.deepEqual(board.anomalies.map((a: { kind: string }) => a.kind).sort(), [
      'delivery_cost',
      'delivery_delay',
      'order_quantity',
    ]);
  });

  test('the network: warehouses with stock and open orders, vehicles, clients, orders, inventory', async () => {
    const net = await kit.ok(kit.s.viewer, 'GET', '/supply/frontend/entities');
    const a = net.warehouses.find((w: { code: string }) => w.code === 'KPI-A');
    const b = net.warehouses.find((w: { code: string }) => w.code === 'KPI-B');
    assert.deepEqual(
      [a.stockPoints, a.inventoryValue, a.stockOuts, a.openOrders, b.stockPoints, b.stockOuts],
      [1, 200, 0, 13, 2, 1],
    );
    assert.deepEqual(net.orders.byStatus, { draft: 0, confirmed: 13, allocated: 0, shipped: 0 });
    assert.deepEqual(net.orders.byKind, { customer: 13, purchase: 0, transfer: 0 });
    assert.equal(net.orders.overdue, 13);
    assert.deepEqual(net.clients, { total: 2, withCoordinates: 0, withTimeWindows: 0 });
    assert.equal(net.vehicles.total, 0);
    assert.equal(net.inventory.skus, 5);
    assert.equal(net.inventory.stockOuts, 1);
  });
});

describe('decisions and simulations', () => {
  test('a replenishment decision started here, then read as cards', async () => {
    const { status, body } = await kit.call(kit.s.analyst, 'POST', '/supply/frontend/decision', {
      type: 'replenishment',
      scope: { warehouseIds: [planningWarehouse] },
    });
    assert.equal(status, 202, JSON.stringify(body));
    const { id } = body.decision;
    assert.deepEqual(body.links.page, `/supply/decisions/${id}`);
    assert.equal(body.links.insights, `/api/v1/supply/frontend/decision/${id}/insights`);
    await until(`/supply/decisions/${id}`, (d) => d.status === 'proposed');
    const cards = await kit.ok(kit.s.viewer, 'GET', `/supply/frontend/decision/${id}/insights`);
    assert.equal(cards.ready, true);
    assert.equal(cards.decision.status, 'proposed');
    const labels = cards.figures.map((f: { label: string }) => f.label);
    assert.ok(labels.includes('Predicted cost') && labels.includes('Purchase lines'), labels.join());
    assert.equal(cards.checks.failed, 0);
    assert.equal(cards.checks.passed, cards.checks.total);
    assert.ok(
      cards.highlights.some((h: string) => h.startsWith('LOW-1:')),
      cards.highlights.join('\n'),
    );
    const shares = cards.costBreakdown.reduce((sum: number, c: { share: number }) => sum + c.share, 0);
    assert.ok(Math.abs(shares - 1) < 1e-3, `shares add up: ${shares}`);
  });

  test("a routing decision's cards count its routes", async () => {
    const board = await kit.ok(kit.s.viewer, 'GET', '/supply/frontend/dashboard');
    const routing = board.recentDecisions.find(
      (d: { type: string; status: string }) => d.type === 'routing' && d.status === 'executed',
    );
    const cards = await kit.ok(kit.s.viewer, 'GET', `/supply/frontend/decision/${routing.id}/insights`);
    const routes = cards.figures.find((f: { label: string }) => f.label === 'Routes');
    assert.ok(routes.value === 3 || routes.value === 10, `routes: ${routes.value}`);
  });

  test("a simulation's results as charts: bands per policy, histograms, comparisons", async () => {
    const set = await kit.ok(kit.s.analyst, 'POST', '/supply/simulations/generate', {
      name: 'Frontend scenarios',
      seed: 3,
      horizonDays: 7,
      scenario: {},
    });
    const run = await kit.ok(kit.s.analyst, 'POST', '/supply/simulations/run', {
      name: 'Frontend run',
      scenarioSetId: set.id,
      replications: 4,
      scope: { warehouseIds: [planningWarehouse] },
    });
    const pending = await kit.ok(kit.s.viewer, 'GET', `/supply/frontend/simulation/${run.id}/results`);
    assert.equal(pending.simulation.id, run.id);
    await until(`/supply/simulations/${run.id}`, (s) => s.status === 'completed');
    const results = await kit.ok(kit.s.viewer, 'GET', `/supply/frontend/simulation/${run.id}/results`);
    assert.equal(results.ready, true);
    assert.equal(results.simulation.replications, 4);
    assert.ok(results.policies.length >= 2);
    const fill = results.charts.find((c: { kpi: string }) => c.kpi === 'fill_rate');
    assert.equal(fill.label, 'Fill rate');
    assert.equal(fill.bars.length, results.policies.length);
    for (const bar of fill.bars) assert.ok(bar.p5 <= bar.p50 && bar.p50 <= bar.p95, JSON.stringify(bar));
    for (const series of fill.histogram.series)
      assert.equal(series.counts.length + 1, fill.histogram.edges.length);
    for (const c of fill.comparisons) assert.ok(['better', 'worse', 'unclear'].includes(c.verdict));
  });

  test('bad input, roles and another tenant', async () => {
    assert.equal(
      (await kit.call(kit.s.viewer, 'POST', '/supply/frontend/decision', { type: 'replenishment' })).status,
      403,
    );
    for (const body of [{ type: 'guess' }, { type: 'replenishment', extra: 1 }, {}])
      assert.equal(
        (await kit.call(kit.s.analyst, 'POST', '/supply/frontend/decision', body)).status,
        400,
        JSON.stringify(body),
      );
    assert.equal((await kit.call(kit.s.viewer, 'GET', '/supply/frontend/dashboard?days=3')).status, 400);
    const board = await kit.ok(kit.s.viewer, 'GET', '/supply/frontend/dashboard');
    const id = board.recentDecisions[0].id;
    assert.equal(
      (await kit.call(kit.s.other, 'GET', `/supply/frontend/decision/${id}/insights`)).status,
      404,
    );
    assert.equal(
      (await kit.call(kit.s.viewer, 'GET', `/supply/frontend/simulation/${crypto.randomUUID()}/results`))
        .status,
      404,
    );
    const theirs = await kit.ok(kit.s.other, 'GET', '/supply/frontend/dashboard');
    assert.deepEqual(
      [theirs.counts.warehouses, theirs.recentDecisions.length, theirs.anomalies.length],
      [0, 0, 0],
    );
  });
});
