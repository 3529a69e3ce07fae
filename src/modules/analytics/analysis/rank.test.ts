import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rankInsights } from './rank.ts';
import type { Insight, Severity } from './types.ts';

const insight = (key: string, score: number, severity: Severity): Insight => ({
  key,
  analyzer: 'cost',
  kind: 'cost.test',
  severity,
  title: key,
  detail: '',
  entity: null,
  impact: { currency: score, hours: null, units: null, formula: '', score },
  evidence: {
    metric: 'm',
    value: 1,
    baseline: null,
    expected: null,
    statistic: null,
    pValue: null,
    sampleSize: 1,
  },
  recommendation: '',
  rows: { kind: 'all' },
  rowCount: 1,
});

test('insights rank by impact, then severity, then key; a repeated key keeps its best', () => {
  const ranked = rankInsights([
    insight('b', 10, 'low'),
    insight('a', 10, 'low'),
    insight('c', 10, 'high'),
    insight('d', 500, 'info'),
    insight('a', 5, 'critical'),
  ]);
  assert.deepEqual(
    ranked.map((i) => i.key),
    ['d', 'c', 'a', 'b'],
  );
});

test('of two analyzers’ insights on one loss of one entity, the one that explains less ranks last', () => {
  const cost = { ...insight('cost:labor:workCenter:W1', 500, 'low'), kind: 'cost.labor-variance' };
  cost.entity = { type: 'workCenter', id: 'W1' };
  const trend = {
    ...insight('efficiency:trend:workCenter:W1', 400, 'low'),
    analyzer: 'efficiency' as const,
    kind: 'efficiency.cycle-time-trend',
  };
  trend.entity = { type: 'workCenter', id: 'W1' };
  const other = insight('quality:x', 100, 'low');
  const elsewhere = {
    ...trend,
    key: 'efficiency:trend:workCenter:W2',
    entity: { type: 'workCenter' as const, id: 'W2' },
  };
  const ranked = rankInsights([trend, other, cost, elsewhere]);
  assert.deepEqual(
    ranked.map((i) => i.key),
    [
      'efficiency:trend:workCenter:W1',
      'efficiency:trend:workCenter:W2',
      'quality:x',
      'cost:labor:workCenter:W1',
    ],
  );
  assert.match(ranked[3]?.detail ?? '', /same loss/);
});
