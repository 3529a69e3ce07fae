import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type GraphInput, validateGraph } from '../catalog/graph.ts';
import { DEMO_EXAMPLE_PIPELINE, DEMO_PIPELINES, DEMO_WORKSPACES } from './demo-catalog.ts';
import { DEMO_QUESTIONS, DEMO_TRAFFIC_SLUGS, demoRequest } from './demo-questions.ts';

describe('the demo gateway', () => {
  test("the seed's set: 4 workspaces, 9 pipelines across 6 sectors, 7 active and 2 draft or paused", () => {
    assert.deepEqual(
      DEMO_WORKSPACES.map((w) => w.sector),
      ['healthcare', 'finance', 'legal', 'developer'],
    );
    assert.equal(DEMO_PIPELINES.length, 9);
    assert.deepEqual([...new Set(DEMO_PIPELINES.map((p) => p.sector))].sort(), [
      'developer',
      'ecommerce',
      'finance',
      'government',
      'healthcare',
      'legal',
    ]);
    assert.equal(DEMO_PIPELINES.filter((p) => p.status === 'active').length, 7);
    assert.deepEqual(
      DEMO_PIPELINES.filter((p) => p.status !== 'active')
        .map((p) => p.status)
        .sort(),
      ['draft', 'paused'],
    );
    assert.equal(new Set(DEMO_PIPELINES.map((p) => p.slug)).size, 9);
  });

  test('every demo graph is valid and has a cache node (its traffic is on the query map)', () => {
    for (const p of DEMO_PIPELINES) {
      assert.deepEqual(validateGraph(p as unknown as GraphInput).errors, [], p.slug);
      assert.ok(
        p.nodes.some((n) => n.type === 'cache'),
        p.slug,
      );
    }
  });

  test('traffic goes to the active pipelines only, each with its questions', () => {
    const active = DEMO_PIPELINES.filter((p) => p.status === 'active').map((p) => p.slug);
    assert.deepEqual([...DEMO_TRAFFIC_SLUGS].sort(), [...active].sort());
    assert.deepEqual(Object.keys(DEMO_QUESTIONS).sort(), [...active].sort());
    assert.ok(active.includes(DEMO_EXAMPLE_PIPELINE));
  });

  test('the request stream is deterministic, reaches every active pipeline and repeats itself', () => {
    assert.deepEqual(demoRequest(41), demoRequest(41));
    const stream = Array.from({ length: 3000 }, (_, i) => demoRequest(i));
    const distinct = new Set(stream.map((r) => `${r.slug}|${r.question}`));
    assert.deepEqual([...new Set(stream.map((r) => r.slug))].sort(), [...DEMO_TRAFFIC_SLUGS].sort());
    // Few distinct questions for many requests: the caches get hits.
    assert.ok(distinct.size > 100 && distinct.size < 400, `${distinct.size} distinct requests`);
  });
});
