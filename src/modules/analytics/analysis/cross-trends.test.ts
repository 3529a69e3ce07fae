import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ConfigValue, configValues } from './config.ts';
import { trendInsights } from './cross-trends.ts';
import { DAY_MS, WEEK_MS, WEEKS_PER_MONTH } from './cross-weekly.ts';
import { frameFromRecords } from './frame.ts';
import { mannKendall } from './stats.ts';
import { demoFrame } from './testing.ts';
import type { AnalyzerContext, WorkOrderFrame } from './types.ts';

const MONDAY = Date.UTC(2024, 0, 1);

/** `perWeek` orders of 500 pieces a week, scrapping the given percentage (multiples of 0.2 %). */
function scrapWeeks(ratesPct: readonly number[], perWeek = 2): WorkOrderFrame {
  const records = ratesPct.flatMap((rate, w) =>
    Array.from({ length: perWeek }, (_, k) => {
      const scrap = Math.round(5 * rate);
      return {
        workOrder: `${w}-${k}`,
        partNumber: 'P-1',
        qtyCompleted: 500 - scrap,
        qtyScrap: scrap,
        actualStart: new Date(MONDAY + w * WEEK_MS + k * DAY_MS),
      };
    }),
  );
  return frameFromRecords(records);
}

const ctx = (frame: WorkOrderFrame, values: Record<string, ConfigValue> = {}): AnalyzerContext => ({
  frame,
  config: configValues(values),
  baselines: {},
});

const rising = Array.from({ length: 16 }, (_, w) => 2 + 0.2 * w + (w % 3 === 0 ? 0.4 : 0));

test('a rising scrap rate is reported with its slope per month, the drift in pieces and a line chart', () => {
  const out = trendInsights(ctx(scrapWeeks(rising)));
  assert.equal(out.insights.length, 1);
  const insight = out.insights[0];
  assert.ok(insight);
  assert.equal(insight.key, 'cross:trend:metric:scrapRate');
  assert.equal(insight.analyzer, 'cross');
  assert.equal(insight.kind, 'cross.trend');
  assert.deepEqual(insight.entity, { type: 'metric', id: 'scrapRate' });
  const perMonth = out.metrics['cross.scrapRateTrendPerMonth'] as number;
  assert.ok(Math.abs(perMonth - 0.2 * WEEKS_PER_MONTH) < 0.05, `${perMonth} pp per month`);
  assert.equal(
    insight.title,
    'Scrap rate rising 0.87 pp per month (2 % → 5 % from 2024-01-01 to 2024-04-15)',
  );
  assert.ok((insight.evidence.pValue as number) < 0.001);
  assert.equal(insight.evidence.statistic?.name, 'tau');
  assert.equal(insight.evidence.sampleSize, 32);
  // Σ over weeks of slope × weeks since the first × 1,000 pieces a week: 0.2 % × (0 + 1 + … + 15) × 1,000
  assert.ok(Math.abs((insight.impact.units as number) - 0.002 * 120 * 1000) < 1, `${insight.impact.units}`);
  assert.match(insight.impact.formula, /Sen slope/);
  assert.ok(insight.impact.score > 0);
  assert.deepEqual(insight.rows, { kind: 'all' });
  assert.equal(insight.rowCount, 32);
  assert.equal(insight.chart?.kind, 'line');
  assert.ok((insight.chart?.points.length ?? 0) <= 20);
  assert.equal(out.metrics['cross.weeks'], 16);
  assert.equal(out.metrics['cross.trendsTested'], 1);
  assert.ok(out.charts.some((c) => c.id === 'cross.trend.scrapRate'));
  assert.ok(out.notes.some((n) => /downtime per work order trend: downtimeMinutes not mapped/.test(n)));
});

test('a flat series gives no insight; a falling one is good news for the notes', () => {
  const flat = Array.from({ length: 16 }, (_, w) => 3 + (w % 2 ? 0.4 : -0.4));
  const none = trendInsights(ctx(scrapWeeks(flat)));
  assert.equal(none.insights.length, 0);
  assert.equal(none.charts.length, 1, 'the series is still charted');
  const falling = trendInsights(ctx(scrapWeeks([...rising].reverse())));
  assert.equal(falling.insights.length, 0);
  assert.ok(falling.notes.some((n) => /^Scrap rate improving: -0\.87 pp per month/.test(n)));
});

test('trend_min_points: ten weekly points are tested at 8 and not at 12', () => {
  const frame = scrapWeeks(rising.slice(0, 10));
  assert.equal(trendInsights(ctx(frame, { trend_min_points: 8 })).insights.length, 1);
  const strict = trendInsights(ctx(frame, { trend_min_points: 12 }));
  assert.equal(strict.insights.length, 0);
  assert.equal(strict.metrics['cross.trendsTested'], 0);
  assert.ok(strict.notes.some((n) => /10 weeks with data, fewer than trend_min_points \(12\)/.test(n)));
});

test('confidence_level: a trend at p ≈ 0.07 is reported at 0.9 and not at 0.95', () => {
  const weak = [3, 2, 4, 3, 5, 2, 4, 6, 3, 5, 4, 6];
  const p = mannKendall(
    weak.map((_, w) => w),
    weak,
  ).pValue;
  assert.ok(p > 0.05 && p < 0.1, `premise: p = ${p}`);
  const frame = scrapWeeks(weak);
  assert.equal(trendInsights(ctx(frame, { confidence_level: 0.9 })).insights.length, 1);
  assert.equal(trendInsights(ctx(frame, { confidence_level: 0.95 })).insights.length, 0);
});

test('min_sample_size: twelve weeks of one order each are judged at 10 and not at 20', () => {
  const frame = scrapWeeks(rising.slice(0, 12), 1);
  assert.equal(trendInsights(ctx(frame, { min_sample_size: 10 })).insights.length, 1);
  assert.equal(trendInsights(ctx(frame, { min_sample_size: 20 })).insights.length, 0);
});

test('without start dates there are no trends; an empty frame is fine', () => {
  const undated = frameFromRecords([{ workOrder: '1', qtyCompleted: 10, qtyScrap: 1 }]);
  const out = trendInsights(ctx(undated));
  assert.equal(out.insights.length, 0);
  assert.match(out.notes[0] ?? '', /Neither actual nor planned start is mapped/);
  const empty = trendInsights(ctx(frameFromRecords([])));
  assert.equal(empty.insights.length, 0);
});

test('demo exports: the planted cycle-time drift shows as labour hours over plan rising; no trend where none was planted', async () => {
  for (const [erp, seed] of [
    ['sap', 1],
    ['oracle', 2],
    ['odoo', 3],
    ['generic', 2],
  ] as const) {
    const { frame } = await demoFrame({ erp, seed, rows: 3000 });
    const out = trendInsights(ctx(frame));
    const keys = out.insights.map((i) => i.key);
    assert.ok(keys.includes('cross:trend:metric:laborVsPlan'), `${erp}/${seed}: ${keys.join(', ')}`);
    for (const unplanted of ['scrapRate', 'materialVsPlan', 'downtimeMinutes'])
      assert.ok(!keys.includes(`cross:trend:metric:${unplanted}`), `${erp}/${seed}: ${unplanted}`);
    const labour = out.insights.find((i) => i.key === 'cross:trend:metric:laborVsPlan');
    assert.ok((labour?.impact.hours ?? 0) > 0);
    assert.ok((out.metrics['cross.weeks'] as number) >= 100);
  }
});
