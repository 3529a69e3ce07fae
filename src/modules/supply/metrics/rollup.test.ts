// The daily KPI rollup on hand-made operational data (testing.ts: seedKpiScenario), every figure
// computed by hand below: fill rate, OTIF, cost per order, CO₂ per delivery, utilisation, turns and
// stock-outs per day and warehouse; anomaly flags with their events; running it twice changes
// nothing; the hourly maintenance pass; another tenant's rollup sees none of it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { domainEvents } from '../../../platform/db/schema/index.ts';
import { acrossTenants } from '../../../platform/db/scope.ts';
import { eventually } from '../../../platform/jobs/testing.ts';
import { MAX_SCORE } from './anomaly.ts';
import { submitKpiRollups } from './rollup.ts';
import { D1, D2, kpiTestKit } from './testing.ts';

const kit = kpiTestKit('kpi-rollup');

type Metric = {
  kpi: string;
  day: string;
  warehouseId: string | null;
  value: number;
  dimensions: Record<string, unknown>;
};

async function rollups(): Promise<Metric[]> {
  const page = await kit.ok(
    kit.s.viewer,
    'GET',
    `/supply/metrics?source=rollup&from=${D1}&to=${D2}&limit=200`,
  );
  return page.items
    .map(({ kpi, day, warehouseId, value, dimensions }: Metric) => ({
      kpi,
      day,
      warehouseId,
      value,
      dimensions,
    }))
    .sort((a: Metric, b: Metric) =>
      `${a.kpi}|${a.day}|${a.warehouseId}`.localeCompare(`${b.kpi}|${b.day}|${b.warehouseId}`),
    );
}

const events = (type: string) =>
  acrossTenants(kit.t.database.db, (tx) =>
    tx
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.tenantId, kit.acme.id), eq(domainEvents.eventType, type))),
  );

describe('the daily rollup', () => {
  let first: Metric[];

  test('a rollup job computes every KPI per day and warehouse, exactly', async () => {
    const { status, body } = await kit.call(kit.s.analyst, 'POST', '/supply/metrics/rollup', {
      from: D1,
      through: D2,
    });
    assert.equal(status, 202, JSON.stringify(body));
    await eventually(
      async () => {
        const job = await kit.ok(kit.s.viewer, 'GET', `/jobs/${body.jobId}`);
        if (job.status === 'failed') throw new Error(`rollup failed: ${job.error}`);
        return job.status === 'completed' ? job : undefined;
      },
      'the rollup job',
      120_000,
    );
    first = await rollups();
    const value = (kpi: string, d: string, warehouseId: string | null = null) =>
      first.find((m) => m.kpi === kpi && m.day === d && m.warehouseId === warehouseId)?.value;
    // Deliveries on D1: 10 of 10, 15 of 20 (late), 10 of 10 → 35 / 40; on time in full: 2 of 3.
    assert.equal(value('fill_rate', D1), 35 / 40);
    assert.equal(value('fill_rate', D1, kit.ids.whA), 25 / 30);
    assert.equal(value('fill_rate', D1, kit.ids.whB), 1);
    assert.equal(value('otif', D1), 2 / 3);
    assert.equal(value('otif', D1, kit.ids.whA), 1 / 2);
    assert.equal(value('fill_rate', D2), 1);
    assert.equal(value('otif', D2), 1);
    // Executed routes on D1: cost 120 over 4 stops, CO₂ 16 kg, utilisation (0.6 + 0.9) / 2.
    assert.equal(value('cost_per_order', D1), 30);
    assert.equal(value('co2_per_delivery', D1), 4);
    assert.equal(value('vehicle_utilisation', D1), 0.75);
    assert.equal(value('cost_per_order', D1, kit.ids.whB), 30);
    assert.equal(value('cost_per_order', D2), 300);
    // Turns on D2: demand cost of A over the 30 days = (15 + 10 + 20) × 2 + 8 × 2 = 106, B's
    // = 5 × 4 + 5 × 1 = 25; inventory worth 200 at each (estimated: the current stock).
    assert.equal(value('inventory_turns', D2, kit.ids.whA), (106 * (365 / 30)) / 200);
    assert.equal(value('inventory_turns', D2), (131 * (365 / 30)) / 400);
    assert.equal(value('inventory_turns', D1, kit.ids.whA), (90 * (365 / 30)) / 200);
    assert.equal(value('stock_outs', D1, kit.ids.whB), 1);
    assert.equal(value('stock_outs', D1, kit.ids.whA), 0);
    assert.equal(value('stock_outs', D1), 1);
    assert.deepEqual(
      first.find((m) => m.kpi === 'fill_rate' && m.day === D1 && m.warehouseId === null)?.dimensions,
      {
        numerator: 35,
        denominator: 40,
        orders: 3,
      },
    );
    // D1: 7 KPIs × (tenant, A, B); D2: deliveries and routes only from A, stock for both.
    assert.equal(first.length, 21 + 16);
  });

  test('anomalies: the unusual quantity, the late delivery and the costly route, each with an event', async () => {
    const page = await kit.ok(kit.s.viewer, 'GET', '/supply/metrics/anomalies?limit=50');
    assert.equal(page.total, 3);
    const byKind = Object.fromEntries(page.items.map((a: { kind: string }) => [a.kind, a]));
    assert.equal(byKind.order_quantity.orderId, kit.ids.big);
    assert.equal(byKind.order_quantity.day, D1);
    assert.deepEqual([byKind.order_quantity.value, byKind.order_quantity.expected], [30, 10]);
    assert.equal(byKind.order_quantity.score, 0.6745 * 20);
    assert.match(byKind.order_quantity.detail, /BIG-1.*Regular client usually orders 10/);
    assert.equal(byKind.delivery_delay.orderId, kit.ids.late);
    assert.deepEqual([byKind.delivery_delay.value, byKind.delivery_delay.score], [60, 1]);
    assert.match(
      byKind.delivery_delay.detail,
      /LATE-1 to Other client arrived 60 min after 2025-03-10 12:00/,
    );
    assert.equal(byKind.delivery_cost.routeId, kit.ids.costly);
    assert.deepEqual(
      [byKind.delivery_cost.value, byKind.delivery_cost.expected, byKind.delivery_cost.score],
      [300, 30, MAX_SCORE],
    );
    const flagged = await events('SupplyAnomalyFlagged');
    assert.deepEqual(flagged.map((e) => e.payload.kind).sort(), [
      'delivery_cost',
      'delivery_delay',
      'order_quantity',
    ]);
    assert.equal(flagged[0]?.aggregateType, 'supply-anomaly');
    const delays = await kit.ok(
      kit.s.viewer,
      'GET',
      `/supply/metrics/anomalies?kind=delivery_delay&orderId=${kit.ids.late}`,
    );
    assert.equal(delays.total, 1);
  });

  test('running it again changes nothing: same figures, no second flag or event', async () => {
    const outcome = await kit.rollUp();
    assert.equal(outcome.anomalies, 0);
    assert.deepEqual(await rollups(), first);
    assert.equal((await kit.ok(kit.s.viewer, 'GET', '/supply/metrics/anomalies')).total, 3);
    assert.equal((await events('SupplyAnomalyFlagged')).length, 3);
  });

  test('maintenance submits the rollup of tenants behind yesterday, not of tenants without a network', async () => {
    const submitted: { payload: unknown; tenantId: string }[] = [];
    const queue = {
      submit: async (_name: string, payload: unknown, options: { tenantId: string }) => {
        submitted.push({ payload, tenantId: options.tenantId });
        return { id: 'x' };
      },
    };
    const n = await submitKpiRollups(kit.t.database.db, queue as never, Date.parse('2025-03-20T03:00:00Z'));
    assert.equal(n, 1);
    assert.deepEqual(submitted, [{ payload: { through: '2025-03-19' }, tenantId: kit.acme.id }]);
    assert.equal(
      await submitKpiRollups(kit.t.database.db, queue as never, Date.parse('2025-03-12T03:00:00Z')),
      0,
    );
  });
});

test("another tenant's rollup finds nothing of acme's", async () => {
  const outcome = await kit.rollUp(kit.otherTenant.id);
  assert.deepEqual([outcome.rows, outcome.anomalies], [0, 0]);
  assert.equal((await kit.ok(kit.s.other, 'GET', '/supply/metrics')).total, 0);
});
