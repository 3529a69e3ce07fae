import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom, shuffle } from './random.ts';

test('a seed fixes the sequence; another seed gives another', () => {
  const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
  assert.deepEqual(draw(7), draw(7));
  assert.notDeepEqual(draw(7), draw(8));
});

test('draws are in [0, 1) and spread evenly', () => {
  const random = seededRandom(1);
  const buckets = new Array(10).fill(0);
  for (let i = 0; i < 100_000; i++) {
    const x = random();
    assert.ok(x >= 0 && x < 1);
    buckets[Math.floor(x * 10)]++;
  }
  for (const count of buckets) assert.ok(Math.abs(count - 10_000) < 500, `bucket of ${count}`);
});

test('shuffle permutes, the same way for the same seed', () => {
  const a = shuffle(
    Uint32Array.from({ length: 50 }, (_, i) => i),
    seededRandom(3),
  );
  const b = shuffle(
    Uint32Array.from({ length: 50 }, (_, i) => i),
    seededRandom(3),
  );
  assert.deepEqual(a, b);
  assert.deepEqual(
    [...a].sort((x, y) => x - y),
    Array.from({ length: 50 }, (_, i) => i),
  );
  assert.notDeepEqual(
    [...a],
    Array.from({ length: 50 }, (_, i) => i),
  );
});
