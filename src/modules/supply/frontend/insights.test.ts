import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DecisionFacts, decisionInsights, simulationCharts } from './insights.ts';

const decision = (over: Partial<DecisionFacts> = {}): DecisionFacts => ({
  id: '11111111-1111-4111-8111-111111111111',
  type: 'replenishment',
  status: 'proposed',
  summary: '2 purchase lines for 1,200.00',
  errorMessage: null,
  predictedCost: 1200,
  costBreakdown: { purchase: 900, holding: 300 },
  confidence: 0.8,
  confidenceNote: 'Forecasts fit well',
  constraintChecks: [
    { name: 'budget', kind: 'hard', status: 'binding', detail: 'cut to the budget' },
    { name: 'warehouse_capacity', kind: 'hard', status: 'violated', detail: 'no room' },
    { name: 'distance', kind: 'soft', status: 'info', value: 120.5, detail: '120.5 km driven' },
  ],
  createdAt: new Date('2025-03-10T08:00:00Z'),
  decidedAt: null,
  executedAt: null,
  ...over,
});

test('a replenishment decision as cards: figures, cost shares, checks, binding constraints, first lines', () => {
  const cards = decisionInsights(decision(), 2, {
    bindingConstraints: [{ name: 'budget', kind: 'hard', detail: 'cut to the budget' }],
    items: [
      { sku: 'A', quantity: 0, reason: 'covered' },
      { sku: 'B', quantity: 40, reason: 'below the reorder point' },
    ],
  });
  assert.equal(cards.headline, '2 purchase lines for 1,200.00');
  assert.deepEqual(
    cards.figures.map((f) => [f.label, f.value]),
    [
      ['Predicted cost', 1200],
      ['Purchase lines', 2],
      ['Confidence', 0.8],
      ['distance', 120.5],
    ],
  );
  assert.deepEqual(cards.costBreakdown, [
    { component: 'purchase', amount: 900, share: 0.75 },
    { component: 'holding', amount: 300, share: 0.25 },
  ]);
  assert.deepEqual(cards.checks, {
    total: 2,
    passed: 1,
    failed: 1,
    failing: [{ name: 'warehouse_capacity', detail: 'no room' }],
  });
  assert.deepEqual(cards.bindingConstraints, [{ name: 'budget', detail: 'cut to the budget' }]);
  assert.deepEqual(cards.highlights, ['B: 40 — below the reorder point']);
  assert.equal(cards.links.page, `/supply/decisions/${cards.decision.id}`);
});

test('a routing decision: routes counted, unserved orders and marginal costs first; a pending one is not ready', () => {
  const cards = decisionInsights(decision({ type: 'routing', summary: null, status: 'pending' }), 3, {
    routing: {
      unserved: [{ orderId: 'abcdef12-0000', reason: 'time_window', detail: 'window closes before arrival' }],
      marginalCosts: [{ reference: 'SO-1', vehicleCode: 'VAN-01', marginalCost: 12.345 }],
    },
  });
  assert.equal(cards.ready, false);
  assert.match(cards.headline, /Being computed/);
  assert.equal(cards.figures.find((f) => f.label === 'Routes')?.value, 3);
  assert.deepEqual(cards.highlights, [
    'Unserved abcdef12: window closes before arrival',
    'SO-1 on VAN-01 costs 12.35 (saved if it were left out)',
  ]);
});

test('simulation charts: bands, histogram edges and a verdict from the difference band', () => {
  const base = {
    id: '22222222-2222-4222-8222-222222222222',
    name: 'Policies',
    summary: 'done',
    errorMessage: null,
    createdAt: new Date('2025-03-10T08:00:00Z'),
    finishedAt: new Date('2025-03-10T08:01:00Z'),
    config: { replications: 40, horizonDays: 30, seed: 7 },
  };
  const results = {
    policies: [
      { key: 'current', label: 'Current' },
      { key: 'recommended', label: 'Recommended' },
    ],
    kpis: [
      {
        kpi: 'fill_rate',
        unit: 'ratio',
        higherIsBetter: true,
        histogram: { from: 0.8, width: 0.05, bins: 4 },
        policies: [
          { policy: 'current', mean: 0.9, p5: 0.85, p50: 0.9, p95: 0.95, histogram: [1, 5, 3, 1] },
          { policy: 'recommended', mean: 0.95, p5: 0.9, p50: 0.95, p95: 0.99, histogram: [0, 1, 4, 5] },
        ],
        differences: [
          {
            policy: 'recommended',
            baseline: 'current',
            mean: 0.05,
            p5: 0.01,
            p95: 0.09,
            betterShare: 0.9,
            worseShare: 0.05,
          },
        ],
      },
    ],
  };
  const charts = simulationCharts({ ...base, status: 'completed', results });
  assert.equal(charts.ready, true);
  assert.equal(charts.simulation.replications, 40);
  const [fill] = charts.charts;
  assert.equal(fill?.label, 'Fill rate');
  assert.deepEqual(
    fill?.histogram.edges.map((e) => Math.round(e * 100) / 100),
    [0.8, 0.85, 0.9, 0.95, 1],
  );
  assert.equal(fill?.comparisons[0]?.verdict, 'better');
  const running = simulationCharts({ ...base, status: 'running', results });
  assert.deepEqual([running.ready, running.charts.length], [false, 0]);
});
