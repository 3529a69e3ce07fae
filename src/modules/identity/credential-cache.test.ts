import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CredentialCache, type Loaded } from './credential-cache.ts';

/** A cache on a hand-moved clock, and a loader whose answers the test releases one at a time. */
function world(ttlMs = 1000) {
  let now = 0;
  const cache = new CredentialCache<string>({ ttlMs, now: () => now });
  const waiting: { resolve: (v: Loaded<string> | null) => void; reject: (e: Error) => void }[] = [];
  let loads = 0;
  const load = () => {
    loads += 1;
    return new Promise<Loaded<string> | null>((resolve, reject) => waiting.push({ resolve, reject }));
  };
  const answer = (value: string | null, tags = ['key:1']) => {
    const next = waiting.shift();
    assert.ok(next, 'a load is waiting');
    next.resolve(value === null ? null : { value, tags });
  };
  return {
    cache,
    load,
    answer,
    fail: (message: string) => waiting.shift()?.reject(new Error(message)),
    at: (ms: number) => {
      now = ms;
    },
    loads: () => loads,
    settled: () => new Promise<void>((resolve) => setImmediate(resolve)),
  };
}

/** A world whose entry 'A' (read at 0) was hit at `ms`, past half its TTL: a refresh is waiting. */
async function refreshing(ms: number) {
  const w = world();
  const first = w.cache.resolve('k', w.load);
  w.answer('A');
  await first;
  w.at(ms);
  // Answered at once, without waiting for the read it started.
  assert.equal(await w.cache.resolve('k', w.load), 'A');
  return w;
}

describe('credential cache', () => {
  it('answers a fresh entry without reading, and concurrent misses share one read', async () => {
    const w = world();
    const first = w.cache.resolve('k', w.load);
    const second = w.cache.resolve('k', w.load);
    w.answer('A');
    assert.deepEqual(await Promise.all([first, second]), ['A', 'A']);
    w.at(400);
    assert.equal(await w.cache.resolve('k', w.load), 'A');
    assert.equal(w.loads(), 1);
  });

  it('past half its TTL answers the cached entry at once while one background read refreshes it', async () => {
    const w = await refreshing(600);
    // A second hit does not start another read.
    assert.equal(await w.cache.resolve('k', w.load), 'A');
    assert.equal(w.loads(), 2);
    w.answer('B');
    await w.settled();
    assert.equal(await w.cache.resolve('k', w.load), 'B');
    // The refreshed entry counts from its own read (issued at 600): fresh until 1100, expired at 1600.
    w.at(1500);
    assert.equal(await w.cache.resolve('k', w.load), 'B');
    assert.equal(w.loads(), 3);
  });

  it('never answers an entry one TTL after its read was issued, even while a refresh is slow', async () => {
    const w = await refreshing(700); // a refresh that hangs
    w.at(1000);
    // Expired: the caller waits for the refresh in flight (no second read) instead of the old value.
    const late = w.cache.resolve('k', w.load);
    assert.equal(w.loads(), 2);
    w.answer('B');
    assert.equal(await late, 'B');
  });

  it('drops the entry when a background refresh finds the credential no longer valid', async () => {
    const w = await refreshing(600);
    w.answer(null);
    await w.settled();
    const next = w.cache.resolve('k', w.load);
    w.answer(null);
    assert.equal(await next, null);
    assert.equal(w.cache.size, 0);
  });

  it('a refresh that raced an invalidation does not store what it read, and a revocation is immediate', async () => {
    const w = await refreshing(600);
    w.cache.invalidate('key:1');
    w.answer('stale');
    await w.settled();
    assert.equal(w.cache.size, 0);
    const next = w.cache.resolve('k', w.load);
    w.answer('C');
    assert.equal(await next, 'C');
  });

  it('a failed background refresh keeps the entry until it expires; then the error reaches the caller', async () => {
    const w = await refreshing(600);
    w.fail('database down');
    await w.settled();
    w.at(700);
    const stillCached = w.cache.resolve('k', w.load); // past refreshAt again: another background read
    assert.equal(await stillCached, 'A');
    w.fail('database down');
    await w.settled();
    w.at(1000);
    const expired = w.cache.resolve('k', w.load);
    w.fail('database down');
    await assert.rejects(expired, /database down/);
  });
});
