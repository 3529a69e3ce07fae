import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kmeansSteps, prng, sphericalKmeans } from './kmeans.ts';
import { VectorIndex } from './vector-index.ts';

const DIMS = 64;

function unit(v: Float32Array): Float32Array {
  let s = 0;
  for (const x of v) s += x * x;
  const inv = 1 / Math.sqrt(s);
  return v.map((x) => x * inv);
}

/** Clustered data like cached questions: topics, and entries scattered around them. */
function clustered(n: number, topics: number, seed: number) {
  const random = prng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  const centres = Array.from({ length: topics }, () => unit(Float32Array.from({ length: DIMS }, gauss)));
  const around = (c: Float32Array, spread: number) => unit(c.map((x) => x + spread * gauss()));
  const points = Array.from({ length: n }, (_, i) => around(centres[i % topics] as Float32Array, 0.25));
  return { points, around, random };
}

test('flat below the limit: the same answers as an exhaustive search', () => {
  const { points } = clustered(300, 10, 1);
  const index = new VectorIndex({ dims: DIMS, flatLimit: 1000 });
  for (const [i, p] of points.entries()) index.add(`e${i}`, p);
  for (const q of points.slice(0, 20)) assert.deepEqual(index.search(q, 3), index.searchExact(q, 3));
});

test('IVF: recall of the near neighbours above a cache threshold against brute force', async () => {
  const { points, around, random } = clustered(6000, 120, 2);
  const index = new VectorIndex({ dims: DIMS, flatLimit: 500 });
  for (const [i, p] of points.entries()) index.add(`e${i}`, p);
  await index.ready();
  let wanted = 0;
  let found = 0;
  for (let k = 0; k < 300; k++) {
    const q = around(points[Math.floor(random() * points.length)] as Float32Array, 0.05);
    const exact = index.searchExact(q, 1, 0.85)[0];
    if (!exact) continue;
    wanted++;
    const got = index.search(q, 1, 0.85)[0];
    if (got && got.similarity >= exact.similarity - 1e-6) found++;
  }
  assert.ok(wanted > 250, `queries with a neighbour above 0.85: ${wanted}`);
  assert.ok(found / wanted >= 0.95, `recall ${found}/${wanted}`);
});

test('removes and replaces entries, also while a rebuild runs', async () => {
  const { points } = clustered(1200, 30, 3);
  const index = new VectorIndex({ dims: DIMS, flatLimit: 400 });
  for (const [i, p] of points.entries()) index.add(`e${i}`, p);
  // The rebuild started at 401 entries is still running: remove and re-add meanwhile.
  for (let i = 0; i < 600; i += 2) index.remove(`e${i}`);
  index.add('e1', points[5] as Float32Array);
  await index.ready();
  assert.equal(index.size, 900);
  assert.equal(index.has('e0'), false);
  const hit = index.search(points[5] as Float32Array, 2);
  assert.deepEqual(hit.map((h) => h.id).sort(), ['e1', 'e5']);
  assert.equal(
    index.search(points[2] as Float32Array, 5).some((h) => h.id === 'e2'),
    false,
  );
  index.clear();
  assert.equal(index.size, 0);
  assert.deepEqual(index.search(points[2] as Float32Array, 5), []);
});

test('bulk mode: no training while loading, one training on all the vectors after', async () => {
  const { points } = clustered(1500, 30, 4);
  const index = new VectorIndex({ dims: DIMS, flatLimit: 400 });
  index.beginBulk();
  index.reserve(points.length);
  for (const [i, p] of points.entries()) index.add(`e${i}`, p);
  await index.ready();
  assert.equal(index.trained, false);
  index.endBulk();
  await index.ready();
  assert.equal(index.trained, true);
  assert.equal(index.trainedOn, 1500);
});

test('k-means in steps gives the same centroids as in one go', () => {
  const { points } = clustered(500, 12, 5);
  const packed = new Float32Array(points.length * DIMS);
  for (const [i, p] of points.entries()) packed.set(p, i * DIMS);
  const steps = kmeansSteps(packed, points.length, DIMS, 12, 4, 9);
  let step = steps.next();
  let pauses = 0;
  while (!step.done) {
    pauses++;
    step = steps.next();
  }
  assert.ok(pauses > 10);
  assert.deepEqual(step.value, sphericalKmeans(packed, points.length, DIMS, 12, 4, 9));
});

test('adds and removes on every turn while a rebuild runs: the swap keeps all of them', async () => {
  const { points, around } = clustered(2400, 40, 6);
  const index = new VectorIndex({ dims: DIMS, flatLimit: 400 });
  index.beginBulk();
  for (let i = 0; i < 1200; i++) index.add(`e${i}`, points[i] as Float32Array);
  index.endBulk();
  const live = new Map<string, Float32Array>();
  for (let i = 0; i < 1200; i++) live.set(`e${i}`, points[i] as Float32Array);
  let next = 1200;
  let removed = 0;
  // Until the rebuild has swapped: on each turn of the loop one add, one remove, one replacement.
  while (!index.trained && next < points.length) {
    const p = points[next] as Float32Array;
    index.add(`e${next}`, p);
    live.set(`e${next}`, p);
    index.remove(`e${removed}`);
    live.delete(`e${removed}`);
    const moved = around(p, 0.01);
    index.add(`e${removed + 1}`, moved);
    live.set(`e${removed + 1}`, moved);
    next++;
    removed += 2;
    await new Promise((resolve) => setImmediate(resolve));
  }
  await index.ready();
  assert.ok(index.trained && removed > 0, `changes made during the rebuild: ${removed / 2}`);
  assert.equal(index.size, live.size);
  for (const [id, v] of live) {
    assert.equal(index.has(id), true);
    assert.equal(index.search(v, 1)[0]?.id, id, `${id} finds itself`);
  }
  for (let i = 0; i < removed; i += 2) if (!live.has(`e${i}`)) assert.equal(index.has(`e${i}`), false);
});
