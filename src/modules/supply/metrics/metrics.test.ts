// KPI reports, the dashboard, targets, external measurements and anomaly dismissal through the
// HTTP API, over the rolled-up scenario of testing.ts (its figures are checked in rollup.test.ts);
// bad input is a 400, another tenant's ids are 404s.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { domainEvents } from '../../../platform/db/schema/index.ts';
import { acrossTenants } from '../../../platform/db/scope.ts';
import { addDays as day } from '../policy/dates.ts';
import { D1, D2, kpiTestKit } from './testing.ts';

const kit = kpiTestKit('kpi-api', { rolledUp: true });

const dismissals = () =>
  acrossTenants(kit.t.database.db, (tx) =>
    tx
      .select()
      .from(domainEvents)
      .where(
        and(eq(domainEvents.tenantId, kit.acme.id), eq(domainEvents.eventType, 'SupplyAnomalyDismissed')),
      ),
  );

describe('reports, dashboard and targets', () => {
  test('a report by day and by week, with aggregates, the period before and the default target', async () => {
    const report = await kit.ok(
      kit.s.viewer,
      'GET',
      `/supply/metrics/kpi/fill_rate/report?from=${D1}&to=${D2}`,
    );
    assert.deepEqual(
      report.points.map((p: { start: string; value: number; count: number }) => [p.start, p.value, p.count]),
      [
        [D1, 35 / 40, 1],
        [D2, 1, 1],
      ],
    );
    assert.equal(report.value, 43 / 48);
    assert.deepEqual(report.aggregates, { mean: (35 / 40 + 1) / 2, min: 35 / 40, max: 1, last: 1, count: 2 });
    assert.deepEqual(report.previous, { from: day(D1, -2), to: day(D1, -1), value: null });
    assert.equal(report.trend.direction, null);
    assert.deepEqual(report.target, { value: 0.98, source: 'default', status: 'missed' });
    const weekly = await kit.ok(
      kit.s.viewer,
      'GET',
      `/supply/metrics/kpi/fill_rate/report?from=${D1}&to=${D2}&bucket=week`,
    );
    assert.deepEqual(weekly.points, [{ start: D1, end: day(D1, 6), value: 43 / 48, count: 2 }]);
    const warehouse = await kit.ok(
      kit.s.viewer,
      'GET',
      `/supply/metrics/kpi/otif/report?from=${D1}&to=${D1}&warehouseId=${kit.ids.whA}`,
    );
    assert.equal(warehouse.value, 0.5);
    const trend = await kit.ok(
      kit.s.viewer,
      'GET',
      `/supply/metrics/kpi/cost_per_order/report?from=${D2}&to=${D2}`,
    );
    assert.deepEqual(
      [trend.previous.value, trend.value, trend.trend.direction, trend.trend.improving],
      [30, 300, 'up', false],
    );
  });

  test('targets: set by an admin (others may not), reset with null, bounded', async () => {
    assert.equal(
      (await kit.call(kit.s.analyst, 'PUT', '/supply/metrics/targets', { targets: { fill_rate: 0.85 } }))
        .status,
      403,
    );
    const set = await kit.ok(kit.s.admin, 'PUT', '/supply/metrics/targets', {
      targets: { fill_rate: 0.85, cost_per_order: 40 },
    });
    const fill = set.items.find((i: { kpi: string }) => i.kpi === 'fill_rate');
    assert.deepEqual([fill.target, fill.default, fill.overridden], [0.85, 0.98, true]);
    const report = await kit.ok(
      kit.s.viewer,
      'GET',
      `/supply/metrics/kpi/fill_rate/report?from=${D1}&to=${D2}`,
    );
    assert.deepEqual(report.target, { value: 0.85, source: 'tenant', status: 'met' });
    await kit.ok(kit.s.admin, 'PUT', '/supply/metrics/targets', { targets: { fill_rate: null } });
    const read = await kit.ok(kit.s.viewer, 'GET', '/supply/metrics/targets');
    const after = Object.fromEntries(
      read.items.map((i: { kpi: string; target: number }) => [i.kpi, i.target]),
    );
    assert.deepEqual([after.fill_rate, after.cost_per_order], [0.98, 40]);
    for (const targets of [{ otif: 2 }, { dock_to_stock: 1 }, { fill_rate: 'high' }]) {
      const res = await kit.call(kit.s.admin, 'PUT', '/supply/metrics/targets', { targets });
      assert.equal(res.status, 400, JSON.stringify(targets));
    }
  });

  test('the dashboard: every KPI with its value, the period before, trend, target and sparkline', async () => {
    const board = await kit.ok(kit.s.viewer, 'GET', `/supply/metrics/dashboard?to=${D2}&days=7`);
    assert.deepEqual(
      [board.from, board.to, board.previousFrom, board.previousTo],
      [day(D2, -6), D2, day(D2, -13), day(D2, -7)],
    );
    assert.equal(board.rolledThrough, D2);
    const card = (kpi: string) => board.kpis.find((k: { kpi: string }) => k.kpi === kpi);
    assert.deepEqual(
      board.kpis.map((k: { kpi: string }) => k.kpi),
      [
        'fill_rate',
        'otif',
        'cost_per_order',
        'inventory_turns',
        'co2_per_delivery',
        'vehicle_utilisation',
        'stock_outs',
      ],
    );
    assert.equal(card('fill_rate').value, 43 / 48);
    assert.equal(card('fill_rate').status, 'missed');
    assert.deepEqual(card('fill_rate').sparkline, [
      { day: D1, value: 35 / 40 },
      { day: D2, value: 1 },
    ]);
    // Routes of the week: 420 over 5 stops; the week before was not rolled up.
    assert.equal(card('cost_per_order').value, 84);
    assert.equal(card('cost_per_order').target, 40);
    assert.deepEqual([card('cost_per_order').previous, card('cost_per_order').trend.direction], [null, null]);
    assert.equal(card('cost_per_order').status, 'missed');
    const onlyA = await kit.ok(
      kit.s.viewer,
      'GET',
      `/supply/metrics/dashboard?to=${D2}&days=7&warehouseId=${kit.ids.whA}`,
    );
    assert.equal(onlyA.kpis[0].value, 33 / 38);
  });
});

describe('external measurements', () => {
  let recorded: { id: string };

  test('recorded with the KPI’s unit; a custom KPI appears on the dashboard', async () => {
    const { status, body } = await kit.call(kit.s.analyst, 'POST', '/supply/metrics', {
      kpi: 'otif',
      value: 0.91,
      day: day(D1, -3),
      warehouseId: kit.ids.whA,
      dimensions: { carrier: 'Fast Freight', numerator: 91, denominator: 100 },
      note: "The carrier's monthly report",
    });
    assert.equal(status, 201, JSON.stringify(body));
    recorded = body;
    assert.deepEqual([body.unit, body.source, body.warehouseId], ['ratio', 'external', kit.ids.whA]);
    assert.equal(
      (await kit.ok(kit.s.viewer, 'GET', `/supply/metrics/${body.id}`)).note,
      "The carrier's monthly report",
    );
    await kit.ok(kit.s.analyst, 'POST', '/supply/metrics', {
      kpi: 'dock_to_stock',
      value: 5.5,
      unit: 'hours',
      day: D2,
    });
    const board = await kit.ok(kit.s.viewer, 'GET', `/supply/metrics/dashboard?to=${D2}&days=7`);
    const custom = board.kpis.find((k: { kpi: string }) => k.kpi === 'dock_to_stock');
    assert.deepEqual(
      [custom.label, custom.value, custom.status, custom.target],
      ['Dock to stock', 5.5, 'no_target', null],
    );
    const listed = await kit.ok(kit.s.viewer, 'GET', `/supply/metrics?source=external&kpi=otif`);
    assert.deepEqual(
      listed.items.map((m: { id: string }) => m.id),
      [body.id],
    );
  });

  test('bad input is a 400; viewers may not record', async () => {
    const good = { kpi: 'fill_rate', value: 0.9, day: D1 };
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    for (const bad of [
      { ...good, value: 1.5 },
      { ...good, unit: 'percent' },
      { ...good, kpi: 'Fill-Rate' },
      { ...good, kpi: 'x' },
      { ...good, value: 1e13 },
      { ...good, day: future },
      { ...good, day: '2025-02-30' },
      { ...good, warehouseId: '00000000-0000-4000-8000-000000000000' },
      { ...good, dimensions: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, i])) },
      { ...good, dimensions: { 'bad key': 1 } },
      { ...good, dimensions: { nested: { a: 1 } } },
      { ...good, extra: true },
      { kpi: 'otif', day: D1 },
    ]) {
      const res = await kit.call(kit.s.analyst, 'POST', '/supply/metrics', bad);
      assert.equal(res.status, 400, `${JSON.stringify(bad)} → ${res.status}`);
      assert.ok(res.body.error.code, 'an error body');
    }
    assert.equal((await kit.call(kit.s.viewer, 'POST', '/supply/metrics', good)).status, 403);
    for (const url of [
      `/supply/metrics/kpi/fill_rate/report?from=${D2}&to=${D1}`,
      '/supply/metrics/kpi/fill_rate/report?from=2020-01-01&to=2025-01-01',
      '/supply/metrics/kpi/Fill-Rate/report',
      '/supply/metrics/kpi/fill_rate/report?bucket=year',
      '/supply/metrics/dashboard?days=3',
      '/supply/metrics?source=guess',
    ])
      assert.equal((await kit.call(kit.s.viewer, 'GET', url)).status, 400, url);
    assert.equal(
      (await kit.call(kit.s.analyst, 'POST', '/supply/metrics/rollup', { from: '2020-01-01' })).status,
      400,
    );
    assert.equal((await kit.call(kit.s.viewer, 'GET', `/supply/metrics/${crypto.randomUUID()}`)).status, 404);
    assert.equal(
      (await kit.call(kit.s.viewer, 'GET', '/supply/metrics/kpi/never_recorded/report')).status,
      404,
    );
  });

  test('another tenant sees none of it and cannot reach its ids', async () => {
    assert.equal((await kit.call(kit.s.other, 'GET', `/supply/metrics/${recorded.id}`)).status, 404);
    assert.equal((await kit.ok(kit.s.other, 'GET', '/supply/metrics')).total, 0);
    assert.equal(
      (await kit.call(kit.s.other, 'GET', '/supply/metrics/kpi/dock_to_stock/report')).status,
      404,
    );
    assert.equal((await kit.ok(kit.s.other, 'GET', '/supply/metrics/anomalies')).total, 0);
    const anomaly = (await kit.ok(kit.s.viewer, 'GET', '/supply/metrics/anomalies?kind=delivery_delay'))
      .items[0];
    assert.equal((await kit.call(kit.s.other, 'GET', `/supply/metrics/anomalies/${anomaly.id}`)).status, 404);
    assert.equal(
      (await kit.call(kit.s.other, 'POST', `/supply/metrics/anomalies/${anomaly.id}/dismiss`)).status,
      404,
    );
    const board = await kit.ok(kit.s.other, 'GET', `/supply/metrics/dashboard?to=${D2}`);
    assert.ok(board.kpis.every((k: { status: string }) => k.status === 'no_data'));
  });

  test('an anomaly is dismissed once, with an event', async () => {
    const anomaly = (await kit.ok(kit.s.viewer, 'GET', '/supply/metrics/anomalies?kind=delivery_delay'))
      .items[0];
    assert.equal(
      (await kit.call(kit.s.viewer, 'POST', `/supply/metrics/anomalies/${anomaly.id}/dismiss`)).status,
      403,
    );
    const dismissed = await kit.ok(kit.s.analyst, 'POST', `/supply/metrics/anomalies/${anomaly.id}/dismiss`);
    assert.equal(dismissed.status, 'dismissed');
    assert.equal(
      (await kit.call(kit.s.analyst, 'POST', `/supply/metrics/anomalies/${anomaly.id}/dismiss`)).status,
      409,
    );
    assert.equal((await kit.ok(kit.s.viewer, 'GET', '/supply/metrics/anomalies?status=open')).total, 2);
    const events = await dismissals();
    assert.deepEqual(
      events.map((e) => e.aggregateId),
      [anomaly.id],
    );
    // A recompute leaves the dismissal as it is.
    await kit.rollUp();
    assert.equal(
      (await kit.ok(kit.s.viewer, 'GET', `/supply/metrics/anomalies/${anomaly.id}`)).status,
      'dismissed',
    );
  });
});
