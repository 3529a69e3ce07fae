import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ComparedInsight, compareInsights } from './compare.ts';

const insight = (
  kind: string,
  entity: string | null,
  severity: string,
  score: number,
  analyzer = 'quality',
): ComparedInsight => ({
  analyzer,
  kind,
  severity,
  title: `${kind} ${entity ?? ''}`,
  entity: entity ? { type: 'machine', id: entity } : null,
  impact: { score },
});

test('new, worse and resolved are matched by analyzer, kind and entity', () => {
  const previous = [
    insight('quality.scrap-rate', 'M1', 'medium', 1000),
    insight('quality.scrap-rate', 'M2', 'high', 5000),
    insight('equipment.downtime', 'M3', 'low', 200, 'equipment'),
    insight('cost.variance', null, 'low', 300, 'cost'),
  ];
  const current = [
    insight('quality.scrap-rate', 'M1', 'medium', 2000), // impact up → worse
    insight('quality.scrap-rate', 'M2', 'high', 5010), // within noise → unchanged
    insight('equipment.downtime', 'M3', 'medium', 150, 'equipment'), // severity up → worse
    insight('quality.scrap-rate', 'M4', 'low', 50), // new
    insight('cost.variance', null, 'low', 300, 'equipment'), // other analyzer → new
  ];
  const c = compareInsights(previous, current);
  assert.deepEqual(c.summary, { new: 2, worse: 2, resolved: 1 });
  assert.deepEqual(c.new.map((i) => i.match).sort(), [
    'equipment|cost.variance|-',
    'quality|quality.scrap-rate|machine:M4',
  ]);
  assert.deepEqual(
    c.worse.map((i) => [i.match, i.previousSeverity, i.previousImpactScore]),
    [
      ['quality|quality.scrap-rate|machine:M1', 'medium', 1000],
      ['equipment|equipment.downtime|machine:M3', 'low', 200],
    ],
  );
  assert.deepEqual(
    c.resolved.map((i) => i.match),
    ['cost|cost.variance|-'],
  );
});

test('a first run (nothing before) has only new insights; identical runs have no change', () => {
  const list = [insight('a', 'x', 'low', 1), insight('b', null, 'high', 10)];
  assert.deepEqual(compareInsights([], list).summary, { new: 2, worse: 0, resolved: 0 });
  assert.deepEqual(compareInsights(list, list).summary, { new: 0, worse: 0, resolved: 0 });
});
