import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bucketPoints, figureOf, kpiCard, kpiReport, previousPeriod, targetOf } from './report.ts';

const f = (day: string, numerator: number, denominator: number) => ({
  day,
  value: numerator / denominator,
  numerator,
  denominator,
});

test('figures combine per Monday week and per month', () => {
  const figures = [
    f('2025-03-02', 8, 10),
    f('2025-03-03', 9, 10),
    f('2025-03-09', 10, 10),
    f('2025-04-01', 1, 2),
  ];
  assert.deepEqual(bucketPoints(figures, 'week'), [
    { start: '2025-02-24', end: '2025-03-02', value: 0.8, count: 1 },
    { start: '2025-03-03', end: '2025-03-09', value: 19 / 20, count: 2 },
    { start: '2025-03-31', end: '2025-04-06', value: 0.5, count: 1 },
  ]);
  assert.deepEqual(
    bucketPoints(figures, 'month').map((p) => [p.start, p.end, p.value]),
    [
      ['2025-03-01', '2025-03-31', 27 / 30],
      ['2025-04-01', '2025-04-30', 0.5],
    ],
  );
});

test('a report: points, aggregates, the period before, trend and target', () => {
  assert.deepEqual(previousPeriod('2025-03-01', 4), { from: '2025-02-25', to: '2025-02-28' });
  const report = kpiReport({
    kpi: 'fill_rate',
    bucket: 'day',
    from: '2025-03-01',
    to: '2025-03-04',
    previousFrom: '2025-02-25',
    previousTo: '2025-02-28',
    warehouseId: null,
    current: [f('2025-03-01', 90, 100), f('2025-03-03', 99, 100), f('2025-03-04', 48, 50)],
    previous: [f('2025-02-26', 80, 100)],
    target: targetOf('fill_rate', { fill_rate: 0.95 }),
  });
  assert.deepEqual(report.previous, { from: '2025-02-25', to: '2025-02-28', value: 0.8 });
  assert.equal(report.value, 237 / 250);
  assert.deepEqual(
    report.points.map((p) => p.value),
    [0.9, 0.99, 0.96],
  );
  assert.deepEqual(report.aggregates, {
    mean: (0.9 + 0.99 + 0.96) / 3,
    min: 0.9,
    max: 0.99,
    last: 0.96,
    count: 3,
  });
  assert.equal(report.trend.direction, 'up');
  assert.equal(report.trend.improving, true);
  assert.deepEqual(report.target, { value: 0.95, source: 'tenant', status: 'near' });
  assert.equal(report.unit, 'ratio');
});

test('targets: the tenant’s, else the default; a custom KPI has none and no better direction', () => {
  assert.deepEqual(targetOf('otif', {}), { value: 0.95, source: 'default' });
  assert.deepEqual(targetOf('dock_to_stock', {}), { value: null, source: 'none' });
  const card = kpiCard({
    kpi: 'dock_to_stock',
    current: [
      { day: '2025-03-02', value: 5 },
      { day: '2025-03-01', value: 3 },
    ],
    previous: [{ day: '2025-02-01', value: 2 }],
    target: targetOf('dock_to_stock', {}),
  });
  assert.equal(card.label, 'Dock to stock');
  assert.equal(card.value, 4);
  assert.equal(card.status, 'no_target');
  assert.equal(card.trend.direction, 'up');
  assert.equal(card.trend.improving, null);
  assert.deepEqual(card.sparkline, [
    { day: '2025-03-01', value: 3 },
    { day: '2025-03-02', value: 5 },
  ]);
});

test('stored rows: numerator and denominator only when both are numbers', () => {
  assert.deepEqual(
    figureOf({ day: '2025-03-01', value: 0.5, dimensions: { numerator: 1, denominator: 2 } }),
    f('2025-03-01', 1, 2),
  );
  assert.deepEqual(
    figureOf({ day: '2025-03-01', value: 0.5, dimensions: { numerator: '1', denominator: 2 } }),
    {
      day: '2025-03-01',
      value: 0.5,
    },
  );
});
