import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configValues } from './config.ts';
import { explanations, selectorMask } from './cross-explained.ts';
import { trendInsights } from './cross-trends.ts';
import { DAY_MS, WEEK_MS } from './cross-weekly.ts';
import { frameFromRecords } from './frame.ts';
import type { AnalyzerResult, Insight, RowSelector, WorkOrderFrame } from './types.ts';

const MONDAY = Date.UTC(2024, 0, 1);

test('selector masks: entity (with and without a condition), condition, ids; "all" explains nothing', () => {
  const frame = frameFromRecords(
    [
      { workOrder: '1', workCenter: 'A', toolWearMinutes: 10 },
      { workOrder: '2', workCenter: 'A', toolWearMinutes: 300 },
      { workOrder: '3', workCenter: 'B', toolWearMinutes: 250 },
      { workOrder: '4' },
    ],
    [11, 12, 13, 14],
  );
  const mask = (selector: RowSelector) => {
    const m = new Uint8Array(frame.n);
    selectorMask(frame, selector, m);
    return [...m];
  };
  assert.deepEqual(mask({ kind: 'entity', field: 'workCenter', value: 'A' }), [1, 1, 0, 0]);
  assert.deepEqual(
    mask({
      kind: 'entity',
      field: 'workCenter',
      value: 'A',
      where: { field: 'toolWearMinutes', above: 200 },
    }),
    [0, 1, 0, 0],
  );
  assert.deepEqual(
    mask({ kind: 'condition', where: { field: 'toolWearMinutes', above: 200 } }),
    [0, 1, 1, 0],
  );
  assert.deepEqual(mask({ kind: 'ids', ids: [13, 14] }), [0, 0, 1, 1]);
  assert.deepEqual(mask({ kind: 'all' }), [0, 0, 0, 0]);
  assert.deepEqual(mask({ kind: 'entity', field: 'workCenter', value: 'nowhere' }), [0, 0, 0, 0]);
});

/** Two work centers, two orders of 500 pieces each a week; A's scrap rate rises, B's as given. */
function twoCenters(b: (w: number) => number): WorkOrderFrame {
  const records = Array.from({ length: 20 }, (_, w) =>
    ['A', 'B'].map((center, k) => {
      const rate = center === 'A' ? 2 + 0.4 * w : b(w);
      const scrap = Math.round(5 * rate);
      return {
        workOrder: `${center}${w}`,
        partNumber: 'P-1',
        workCenter: center,
        qtyCompleted: 500 - scrap,
        qtyScrap: scrap,
        actualStart: new Date(MONDAY + w * WEEK_MS + k * DAY_MS),
      };
    }),
  ).flat();
  return frameFromRecords(records);
}

const trendOf = (center: string): AnalyzerResult => ({
  analyzer: 'quality',
  insights: [
    {
      key: `quality:scrap-trend:workCenter:${center}`,
      analyzer: 'quality',
      kind: 'quality.scrap-trend',
      severity: 'medium',
      title: `Work center ${center}: scrap rising`,
      detail: '',
      entity: { type: 'workCenter', id: center },
      impact: { currency: null, hours: null, units: 1, formula: '', score: 1 },
      evidence: {
        metric: '',
        value: 0,
        baseline: null,
        expected: null,
        statistic: null,
        pValue: 0,
        sampleSize: 20,
      },
      recommendation: '',
      rows: { kind: 'entity', field: 'workCenter', value: center },
      rowCount: 20,
    } satisfies Insight,
  ],
  metrics: {},
  charts: [],
  notes: [],
});

test('a facility trend that one analyzer finding explains is left to it, and the notes say so', () => {
  const frame = twoCenters((w) => 3 + (w % 2 ? 0.4 : -0.4));
  const ctx = { frame, config: configValues(), baselines: {} };
  assert.equal(trendInsights(ctx).insights.length, 1, 'premise: the facility trend alone is reported');
  const out = trendInsights(ctx, [trendOf('A')]);
  assert.equal(out.insights.length, 0);
  assert.ok(
    out.notes.some((n) =>
      /^Scrap rate rising .* explained by work center A \(quality\.scrap-trend\): not repeated\.$/.test(n),
    ),
    out.notes.join('\n'),
  );
});

test('a trend that persists without those rows is reported on the rest, valued without them', () => {
  const frame = twoCenters((w) => 2 + 0.2 * w);
  const out = trendInsights({ frame, config: configValues(), baselines: {} }, [trendOf('A')]);
  assert.equal(out.insights.length, 1);
  const insight = out.insights[0] as Insight;
  assert.match(insight.title, /^Scrap rate rising 0\.87 pp per month besides work center A \(2 % → 5\.8 %/);
  assert.equal(insight.evidence.sampleSize, 20);
  // B alone: 0.2 % a week × (0 + … + 19) weeks × 500 pieces a week
  assert.ok(Math.abs((insight.impact.units as number) - 0.002 * 190 * 500) < 1, `${insight.impact.units}`);
  assert.match(insight.detail, /all but those of work center A \(quality\.scrap-trend\)/);
});

test('findings that are not trends, or cover every row, explain nothing', () => {
  const frame = twoCenters(() => 3);
  const notTrend = trendOf('A');
  const first = notTrend.insights[0] as Insight;
  notTrend.insights = [{ ...first, kind: 'quality.scrap-rate' }];
  assert.equal(explanations(frame, [notTrend]), null);
  const everything = trendOf('A');
  everything.insights = [{ ...first, rows: { kind: 'all' } }];
  assert.equal(explanations(frame, [everything]), null);
  assert.equal(explanations(frame, [trendOf('A')])?.rest.length, 20);
});
