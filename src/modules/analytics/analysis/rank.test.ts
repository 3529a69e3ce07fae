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
  evidence: { metric: 'm', value: 1, baseline: null, expected: null, statistic: null, pValue: null, sampleSize: 1 },
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
