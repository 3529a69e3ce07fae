import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../../../platform/random.ts';
import { DaySets } from './day-set.ts';

test('a day is new once per series, whatever order the days come in', () => {
  const sets = new DaySets();
  const seen = new Set<string>();
  const random = seededRandom(7);
  for (let i = 0; i < 20_000; i++) {
    const series = `S${Math.floor(random() * 5)}`;
    const day = 19_000 + Math.floor((random() - 0.5) * 4000);
    const key = `${series}|${day}`;
    assert.equal(sets.mark(series, day), seen.has(key), key);
    seen.add(key);
  }
  assert.deepEqual([...sets.keys()].sort(), ['S0', 'S1', 'S2', 'S3', 'S4']);
});

test('days far before and after the first one keep what was marked', () => {
  const sets = new DaySets();
  assert.equal(sets.mark('A', 0), false);
  assert.equal(sets.mark('A', -25_000), false);
  assert.equal(sets.mark('A', 40_000), false);
  assert.equal(sets.mark('A', 0), true);
  assert.equal(sets.mark('A', -25_000), true);
  assert.equal(sets.mark('A', 40_000), true);
  assert.equal(sets.mark('A', 1), false);
});
