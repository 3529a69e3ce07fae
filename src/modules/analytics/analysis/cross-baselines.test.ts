import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ConfigValue, configValues } from './config.ts';
import { baselineInsights, directionOf, metricLabel } from './cross-baselines.ts';
import { frameFromRecords } from './frame.ts';
import type { AnalyzerContext, AnalyzerResult, Baseline, Insight, WorkOrderFrame } from './types.ts';

/** n work orders of 100 pieces (3 scrapped) with 1,000 of planned material each. */
function orders(n: number): WorkOrderFrame {
  return frameFromRecords(
    Array.from({ length: n }, (_, i) => ({
      workOrder: `WO${i}`,
      partNumber: 'P-1',
      qtyCompleted: 97,
      qtyScrap: 3,
      materialCostPlanned: 1000,
      materialCostActual: 1025,
    })),
  );
}

const result = (metrics: Record<string, number>, insights: Insight[] = []): AnalyzerResult => ({
  analyzer: 'quality',
  insights,
  metrics,
  charts: [],
  notes: [],
});

const baseline = (metric: string, value: number, analyses: number): Record<string, Baseline> => ({
  [metric]: { metric, value, analyses },
});

const ctx = (
  frame: WorkOrderFrame,
  baselines: Record<string, Baseline>,
  values: Record<string, ConfigValue> = {},
): AnalyzerContext => ({ frame, config: configValues(values), baselines });

test('which way is worse, by name; totals, two-sided and unknown metrics are not judged', () => {
  const cases: [string, number][] = [
    ['quality.scrapRatePct', 1],
    ['quality.reworkRatePct', 1],
    ['cost.materialVariancePct', 1],
    ['efficiency.setupSharePct', 1],
    ['efficiency.meanLatenessHours', 1],
    ['efficiency.operatorCount', 0],
    ['quality.supplierNonconformingPct', 1],
    ['equipment.downtimeMinutesPerOrder', 1],
    ['efficiency.oeePct', -1],
    ['efficiency.qualityPct', -1],
    ['quality.firstPassYieldPct', -1],
    ['efficiency.scheduleAdherencePct', -1],
    ['equipment.mtbfHours', -1],
    ['efficiency.utilizationPct', 0],
    ['equipment.downtimeMinutes', 0],
    ['quality.scrapPieces', 0],
    ['cost.actualCost', 0],
    ['cost.topDriversSharePct', 0],
  ];
  for (const [metric, worse] of cases) assert.equal(directionOf(metric), worse, metric);
});

test('metric names read as words', () => {
  assert.deepEqual(metricLabel('quality.scrapRatePct'), {
    label: 'Scrap rate',
    phrase: 'scrap rate',
    unit: '%',
  });
  assert.equal(metricLabel('efficiency.oeePct').label, 'OEE');
  assert.equal(metricLabel('equipment.downtimeMinutesPerOrder').label, 'Downtime minutes per work order');
});

test('a scrap rate worse than the baseline: title, z, p and the extra pieces at this file’s output', () => {
  const frame = orders(100);
  const out = baselineInsights(ctx(frame, baseline('quality.scrapRatePct', 2.1, 3)), [
    result({ 'quality.scrapRatePct': 3.4 }),
  ]);
  assert.equal(out.insights.length, 1);
  const insight = out.insights[0] as Insight;
  assert.equal(insight.title, 'Scrap rate 3.4 % vs 2.1 % over the last 3 analyses');
  assert.equal(insight.key, 'cross:baseline:metric:quality.scrapRatePct');
  assert.equal(insight.kind, 'cross.baseline');
  assert.deepEqual(insight.entity, { type: 'metric', id: 'quality.scrapRatePct' });
  // (3.4 − 2.1) / 2.1 over √(1/100 + 1/300)
  const z = 1.3 / 2.1 / Math.sqrt(1 / 100 + 1 / 300);
  assert.ok(Math.abs((insight.evidence.statistic?.value ?? 0) - z) < 1e-3);
  assert.equal(insight.evidence.value, 3.4);
  assert.equal(insight.evidence.baseline, 2.1);
  assert.equal(insight.evidence.sampleSize, 100);
  assert.ok(Math.abs((insight.impact.units as number) - 0.013 * 10_000) < 1e-6);
  assert.match(insight.impact.formula, /1\.3 pp × 10,000 pieces made = 130 pieces/);
  assert.deepEqual(insight.rows, { kind: 'all' });
  assert.equal(insight.rowCount, 100);
  assert.equal(out.metrics['cross.baselinesCompared'], 1);
  assert.equal(out.metrics['cross.baselinesWorse'], 1);
});

test('an improvement, or a significant change below the 10 % floor, is not reported', () => {
  const better = baselineInsights(ctx(orders(100), baseline('quality.scrapRatePct', 3.4, 3)), [
    result({ 'quality.scrapRatePct': 2.1 }),
  ]);
  assert.equal(better.insights.length, 0);
  // 7 % worse on 20,000 orders: z ≈ 8.7, but not material.
  const small = baselineInsights(ctx(orders(20_000), baseline('quality.scrapRatePct', 2.1, 3)), [
    result({ 'quality.scrapRatePct': 2.25 }),
  ]);
  assert.equal(small.insights.length, 0);
});

test('lower is worse for OEE; a figure without a cost of its own is reported but not valued', () => {
  const out = baselineInsights(ctx(orders(2000), baseline('efficiency.oeePct', 72, 4)), [
    result({ 'efficiency.oeePct': 61 }),
  ]);
  assert.equal(out.insights[0]?.title, 'OEE 61 % vs 72 % over the last 4 analyses');
  assert.equal(out.insights[0]?.impact.score, 0);
  assert.match(out.insights[0]?.impact.formula ?? '', /Not valued: OEE has no direct cost/);
});

test('variance to plan is judged relative to plan and valued at this file’s planned cost', () => {
  const out = baselineInsights(ctx(orders(2000), baseline('cost.materialVariancePct', 0.4, 1)), [
    result({ 'cost.materialVariancePct': 2.5 }),
  ]);
  const insight = out.insights[0] as Insight;
  assert.equal(insight.title, 'Material variance 2.5 % vs 0.4 % over the last analysis');
  assert.ok(Math.abs((insight.impact.currency as number) - 0.021 * 2_000_000) < 1e-6);
  assert.match(insight.impact.formula, /planned material cost/);
});

test('a metric its analyzer already reported against the baseline, totals and unknowns are left out', () => {
  const reported: Insight = {
    key: 'quality:scrap-rate:metric:quality.scrapRatePct',
    analyzer: 'quality',
    kind: 'quality.scrap-rate',
    severity: 'high',
    title: '',
    detail: '',
    entity: { type: 'metric', id: 'quality.scrapRatePct' },
    impact: { currency: null, hours: null, units: 1, formula: '', score: 1 },
    evidence: {
      metric: '',
      value: 0,
      baseline: 0,
      expected: null,
      statistic: null,
      pValue: 0,
      sampleSize: 1,
    },
    recommendation: '',
    rows: { kind: 'all' },
    rowCount: 1,
  };
  const baselines = {
    ...baseline('quality.scrapRatePct', 2.1, 3),
    ...baseline('quality.scrapPieces', 100, 3),
    ...baseline('efficiency.utilizationPct', 60, 3),
  };
  const out = baselineInsights(ctx(orders(100), baselines), [
    result({ 'quality.scrapRatePct': 3.4, 'quality.scrapPieces': 900, 'efficiency.utilizationPct': 99 }, [
      reported,
    ]),
  ]);
  assert.equal(out.insights.length, 0);
  assert.ok(out.notes.some((n) => /Already reported .*: quality\.scrapRatePct/.test(n)));
  assert.ok(out.notes.some((n) => /Not compared .*quality\.scrapPieces, efficiency\.utilizationPct/.test(n)));
});

test('min_sample_size: 100 work orders are judged at 50 and not at 200', () => {
  const run = (min: number) =>
    baselineInsights(ctx(orders(100), baseline('quality.scrapRatePct', 2.1, 3), { min_sample_size: min }), [
      result({ 'quality.scrapRatePct': 3.4 }),
    ]);
  assert.equal(run(50).insights.length, 1);
  assert.equal(run(200).insights.length, 0);
});

test('confidence_level: a 23 % worsening over 100 orders (one-sided p ≈ 0.02) is reported at 0.95, not at 0.99', () => {
  const run = (level: number) =>
    baselineInsights(
      ctx(orders(100), baseline('quality.scrapRatePct', 2.1, 3), { confidence_level: level }),
      [result({ 'quality.scrapRatePct': 2.585 })],
    );
  const reported = run(0.95);
  assert.equal(reported.insights.length, 1);
  const p = reported.insights[0]?.evidence.pValue as number;
  assert.ok(p > 0.01 && p < 0.05, `premise: p = ${p}`);
  assert.equal(run(0.99).insights.length, 0);
});

test('no baselines yet: a note, nothing compared', () => {
  const out = baselineInsights(ctx(orders(10), {}), [result({ 'quality.scrapRatePct': 3.4 })]);
  assert.equal(out.insights.length, 0);
  assert.match(out.notes[0] ?? '', /No baselines yet/);
  const empty = baselineInsights(ctx(frameFromRecords([]), baseline('quality.scrapRatePct', 2, 1)), [
    result({ 'quality.scrapRatePct': 3.4 }),
  ]);
  assert.equal(empty.insights.length, 0);
});
