// The resolver's in-memory entries (no database): served within the TTL, served stale while one
// background read refreshes them shortly after, read again (awaited) once long expired.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STALE_MS, TtlCache } from './resolver.ts';

function setup() {
  let now = 1_000_000;
  const cache = new TtlCache<string>(5000, () => now);
  let reads = 0;
  let release: (v: string) => void = () => {};
  const load = () => {
    reads += 1;
    return new Promise<string>((resolve) => {
      release = resolve;
    });
  };
  return {
    cache,
    load,
    reads: () => reads,
    release: (v: string) => release(v),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

test('an expired entry is answered at once while one read refreshes it', async () => {
  const t = setup();
  const first = t.cache.get('k', t.load);
  t.release('v1');
  assert.equal(await first, 'v1');
  t.advance(4000);
  assert.equal(await t.cache.get('k', t.load), 'v1');
  assert.equal(t.reads(), 1, 'within the TTL: no read');
  t.advance(2000);
  assert.equal(await t.cache.get('k', t.load), 'v1', 'expired: the old value, not a wait');
  assert.equal(await t.cache.get('k', t.load), 'v1');
  assert.equal(t.reads(), 2, 'one background read for both');
  t.release('v2');
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(await t.cache.get('k', t.load), 'v2');
  assert.equal(t.reads(), 2);
});

test('an entry long expired is read again before it is answered', async () => {
  const t = setup();
  const first = t.cache.get('k', t.load);
  t.release('v1');
  await first;
  t.advance(5000 + STALE_MS + 1);
  const again = t.cache.get('k', t.load);
  assert.equal(t.reads(), 2);
  t.release('v2');
  assert.equal(await again, 'v2');
});

test('a failed refresh keeps the entry for another TTL', async () => {
  const t = setup();
  const first = t.cache.get('k', t.load);
  t.release('v1');
  await first;
  t.advance(6000);
  let fail: (err: Error) => void = () => {};
  const failing = () => {
    return new Promise<string>((_, reject) => {
      fail = reject;
    });
  };
  assert.equal(await t.cache.get('k', failing), 'v1');
  fail(new Error('database down'));
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(await t.cache.get('k', t.load), 'v1', 'served on, no new read within the TTL');
  assert.equal(t.reads(), 1);
});
