// The demo's delivery history: seeded (the same days for an end day), plausible (orders only on
// the clients' own warehouses, deliveries within their windows unless late, routes within the
// vehicles' capacity), and written once through the real tables, after which the rollup gives the
// dashboard every KPI with a trend and the planted anomalies.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../platform/http/testing.ts';
import { createTestTenant, signIn, type TestSession, type TestTenant } from '../../identity/testing.ts';
import { DEMO_SEED, demoCatalogue, demoStockPoints } from '../demo/catalogue.ts';
import { seedDemoSupply } from '../demo/demo.ts';
import { DEMO_CLIENTS, DEMO_VEHICLES, DEMO_WAREHOUSES } from '../demo/network.ts';
import { routingDemoClients } from '../demo/routing-demo.ts';
import { minutesLate } from './anomaly.ts';
import { writeDemoDeliveries } from './demo-deliveries.job.ts';
import { demoDeliveryHistory } from './demo-deliveries.ts';

const END = '2025-06-30';
const clients = [...DEMO_CLIENTS, ...routingDemoClients(DEMO_SEED)];
const history = (seed = DEMO_SEED) =>
  demoDeliveryHistory({
    points: demoStockPoints(demoCatalogue(DEMO_SEED), DEMO_SEED),
    clients,
    vehicles: DEMO_VEHICLES,
    warehouses: DEMO_WAREHOUSES,
    end: END,
    seed,
  });

describe('the generated history', () => {
  const days = history();

  test('60 days ending on the end day, the same for the same seed', () => {
    assert.equal(days.length, 60);
    assert.equal(days.at(-1)?.day, END);
    assert.deepEqual(history(), days);
    assert.notDeepEqual(history(DEMO_SEED + 1), days);
  });

  test('orders on weekdays for clients of their warehouse; fewer late ones at the end than at the start', () => {
    const served = new Map(clients.map((c) => [c.name, c.servedFrom]));
    const orders = days.flatMap((d) => d.orders);
    assert.ok(orders.length > 600, `${orders.length} orders`);
    for (const o of orders) assert.equal(served.get(o.client), o.warehouse, o.reference);
    const sundays = days.filter((d) => new Date(`${d.day}T00:00:00Z`).getUTCDay() === 0);
    assert.ok(sundays.every((d) => d.orders.length === 0));
    const lateShare = (part: typeof days) => {
      const list = part.flatMap((d) => d.orders);
      return (
        list.filter((o) => minutesLate(o.deliveredAt, o.requestedDate, o.windowEnd) > 0).length / list.length
      );
    };
    assert.ok(lateShare(days.slice(0, 20)) > lateShare(days.slice(40)), 'deliveries get more punctual');
  });

  test('every order is on one route of its warehouse, within the vehicle’s capacity', () => {
    const capacity = new Map(DEMO_VEHICLES.map((v) => [v.code, v.capacityKg]));
    for (const day of days) {
      const routed = day.routes.flatMap((r) => r.stops.map((s) => s.reference)).sort();
      assert.deepEqual(routed, day.orders.map((o) => o.reference).sort(), day.day);
      for (const r of day.routes) {
        assert.ok(r.loadKg <= (capacity.get(r.vehicle) ?? 0), `${day.day} ${r.vehicle}`);
        assert.ok(r.cost > 0 && r.distanceKm > 0 && r.utilisation > 0 && r.utilisation <= 1);
      }
    }
  });
});

describe('written for the demo tenant', () => {
  let t: TestApp;
  let tenant: TestTenant;
  let viewer: TestSession;
  before(async () => {
    t = await createTestApp();
    tenant = await createTestTenant(t.database.db, 'kpi-demo');
    viewer = await signIn(t.app, tenant.users.viewer.email);
    await seedDemoSupply(t.database.db, { tenantId: tenant.id, today: '2025-07-01' });
  });
  after(() => t?.close());
  const get = async (url: string) =>
    (await t.app.inject({ url: `/api/v1/supply${url}`, headers: viewer.headers })).json();

  test('once: the dashboard shows every KPI with a trend, and the planted anomalies', async () => {
    const deps = { db: t.database.db, events: t.runtime.events };
    const written = await writeDemoDeliveries(deps, tenant.id, { end: END });
    assert.ok(!('skipped' in written));
    assert.ok(written.orders > 600 && written.decisions >= 50 && written.routes >= written.decisions);
    assert.deepEqual(await writeDemoDeliveries(deps, tenant.id, { end: END }), { skipped: true });
    const board = await get(`/metrics/dashboard?to=${END}&days=30`);
    for (const card of board.kpis) {
      assert.equal(typeof card.value, 'number', card.kpi);
      assert.equal(typeof card.previous, 'number', card.kpi);
      assert.ok(card.sparkline.length >= 20, `${card.kpi}: ${card.sparkline.length} days`);
    }
    const otif = board.kpis.find((k: { kpi: string }) => k.kpi === 'otif');
    assert.equal(otif.trend.improving, true, 'OTIF improves over the period');
    const anomalies = await get('/metrics/anomalies?limit=200');
    const kinds = new Set(anomalies.items.map((a: { kind: string }) => a.kind));
    assert.deepEqual([...kinds].sort(), ['delivery_cost', 'delivery_delay', 'order_quantity']);
  });
});
