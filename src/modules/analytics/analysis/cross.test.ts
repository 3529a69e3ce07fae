import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configValues } from './config.ts';
import { analyzeAcross, weeklySeries } from './cross.ts';
import { bindMeasure, MEASURE_BY_ID, type OrderMeasure } from './cross-measures.ts';
import { frameFromRecords, sumOf } from './frame.ts';
import { demoFrame } from './testing.ts';
import {
  type AnalyzerResult,
  type Baseline,
  ENTITY_TYPES,
  SEVERITIES,
  type WorkOrderFrame,
} from './types.ts';

const scrapRatePct = (frame: WorkOrderFrame) =>
  (100 * sumOf(frame, 'qtyScrap')) / (sumOf(frame, 'qtyScrap') + sumOf(frame, 'qtyCompleted'));

const qualityResult = (frame: WorkOrderFrame): AnalyzerResult => ({
  analyzer: 'quality',
  insights: [],
  metrics: { 'quality.scrapRatePct': scrapRatePct(frame) },
  charts: [],
  notes: [],
});

const baselineOf = (metric: string, value: number, analyses = 1): Record<string, Baseline> => ({
  [metric]: { metric, value, analyses },
});

test('the second upload is compared with the first: scrap doubled since the last analysis is reported', async () => {
  const { frame: first } = await demoFrame({ erp: 'sap', seed: 21, rows: 1500 });
  const { frame: second } = await demoFrame({ erp: 'sap', seed: 22, rows: 1500 });
  const scrap = second.numbers.qtyScrap as Float64Array;
  for (let i = 0; i < scrap.length; i++) scrap[i] = (scrap[i] as number) * 2;
  const before = scrapRatePct(first);
  const out = analyzeAcross(
    { frame: second, config: configValues(), baselines: baselineOf('quality.scrapRatePct', before) },
    [qualityResult(second)],
  );
  const insight = out.insights.find((i) => i.kind === 'cross.baseline');
  assert.ok(insight, out.notes.join('\n'));
  assert.match(insight.title, /^Scrap rate \d+\.\d % vs \d\.\d+ % over the last analysis$/);
  assert.ok((insight.impact.units as number) > 0);
  // The same figures as the first upload's: nothing to say.
  const same = analyzeAcross(
    { frame: first, config: configValues(), baselines: baselineOf('quality.scrapRatePct', before, 2) },
    [qualityResult(first)],
  );
  assert.ok(!same.insights.some((i) => i.kind === 'cross.baseline'));
});

test('demo exports: well-formed insights ranked by impact, no high or critical alarm, charts and metrics', async () => {
  for (const [erp, seed] of [
    ['sap', 1],
    ['sap-de', 2],
    ['oracle', 3],
    ['odoo', 4],
    ['generic', 5],
  ] as const) {
    const { frame } = await demoFrame({ erp, seed, rows: 2500 });
    const results = [qualityResult(frame)];
    const baselines = baselineOf('quality.scrapRatePct', scrapRatePct(frame), 3);
    const out = analyzeAcross({ frame, config: configValues(), baselines }, results);
    const where = `${erp}/${seed}`;
    assert.ok(out.insights.length > 0, where);
    for (let k = 1; k < out.insights.length; k++)
      assert.ok((out.insights[k - 1]?.impact.score as number) >= (out.insights[k]?.impact.score as number));
    assert.equal(new Set(out.insights.map((i) => i.key)).size, out.insights.length);
    for (const insight of out.insights) {
      assert.equal(insight.analyzer, 'cross');
      assert.ok(['cross.baseline', 'cross.trend', 'cross.correlation'].includes(insight.kind));
      assert.ok(
        insight.key.startsWith(`cross:${insight.kind.slice(6)}:${insight.entity?.type}:`),
        insight.key,
      );
      assert.ok(ENTITY_TYPES.includes(insight.entity?.type as (typeof ENTITY_TYPES)[number]));
      assert.ok(
        SEVERITIES.indexOf(insight.severity) < SEVERITIES.indexOf('high'),
        `${where}: ${insight.title}`,
      );
      assert.ok(insight.rowCount > 0 && insight.rowCount <= frame.n);
      assert.ok(Number.isFinite(insight.impact.score) && insight.impact.formula.length > 0);
      assert.ok(insight.evidence.pValue !== null && insight.evidence.pValue < 0.05);
      assert.ok(insight.recommendation.length > 0 && insight.detail.length > 0);
    }
    assert.ok(!out.insights.some((i) => i.kind === 'cross.baseline'), `${where}: unchanged scrap rate`);
    assert.ok(out.charts.length >= 5 && out.charts.every((c) => c.points.length <= 20));
    assert.ok(Object.keys(out.metrics).every((m) => m.startsWith('cross.')));
    assert.ok((out.metrics['cross.weeks'] as number) > 100);
  }
});

test('the weekly series builder is exported for the other analyzers', async () => {
  const { frame } = await demoFrame({ erp: 'generic', seed: 3, rows: 1000 });
  const ratio = bindMeasure(frame, MEASURE_BY_ID.get('laborVsPlan') as OrderMeasure);
  assert.ok(ratio);
  const series = weeklySeries(frame, ratio);
  assert.ok(series.week.length > 100);
  assert.equal(
    series.orders.reduce((a, b) => a + b, 0),
    frame.n,
  );
});

test('an empty frame and a frame with only the required fields give notes, not errors', () => {
  for (const frame of [
    frameFromRecords([]),
    frameFromRecords([
      { workOrder: '1', partNumber: 'P', qtyCompleted: 5 },
      { workOrder: '2', partNumber: 'P', qtyCompleted: 7 },
    ]),
  ]) {
    const out = analyzeAcross({ frame, config: configValues(), baselines: {} }, []);
    assert.equal(out.insights.length, 0);
    assert.ok(out.notes.length >= 3);
  }
});
