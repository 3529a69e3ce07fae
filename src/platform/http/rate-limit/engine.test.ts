import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isLimited, routeClass } from './classes.ts';
import { type Budgets, RateLimitEngine, rateLimitHeaders, tighter } from './engine.ts';

const budgets = (reads: number, writes = 100, ingest = 100, ai = 100): Budgets => ({
  reads,
  writes,
  ingest,
  ai,
});

function engineAt(start: number, principal = budgets(3), address = budgets(5)) {
  let now = start;
  const engine = new RateLimitEngine({ principal, address, windowMs: 60_000 }, () => now);
  return { engine, advance: (ms: number) => (now += ms) };
}

describe('rate-limit engine', () => {
  test('a budget is spent hit by hit, then refused until the window ends', () => {
    const { engine, advance } = engineAt(60_000 * 1000 + 15_000);
    const seen = [1, 2, 3, 4].map(() => engine.take('user', 'u1', 'reads'));
    assert.deepEqual(
      seen.map((d) => [d.allowed, d.remaining, d.limit]),
      [
        [true, 2, 3],
        [true, 1, 3],
        [true, 0, 3],
        [false, 0, 3],
      ],
    );
    assert.equal(seen[3]?.resetSeconds, 45, '15 s into a 60 s window');
    advance(44_500);
    assert.equal(engine.take('user', 'u1', 'reads').resetSeconds, 1, 'half a second rounds up to 1');
    advance(500);
    const next = engine.take('user', 'u1', 'reads');
    assert.deepEqual([next.allowed, next.remaining, next.resetSeconds], [true, 2, 60]);
  });

  test('classes, kinds and ids have budgets of their own', () => {
    const { engine } = engineAt(0);
    for (let i = 0; i < 3; i++) engine.take('user', 'u1', 'reads');
    assert.equal(engine.take('user', 'u1', 'reads').allowed, false);
    assert.equal(engine.take('user', 'u2', 'reads').allowed, true, 'another user');
    assert.equal(engine.take('apiKey', 'u1', 'reads').allowed, true, 'an API key with the same id');
    assert.equal(engine.take('user', 'u1', 'writes').remaining, 99, 'another class');
    const address = engine.take('address', '10.0.0.1', 'reads');
    assert.deepEqual([address.allowed, address.limit, address.remaining], [true, 5, 4]);
  });

  test('refused hits are not counted; counters of past windows are dropped', () => {
    const { engine, advance } = engineAt(0);
    for (let i = 0; i < 10; i++) engine.take('address', 'a', 'reads');
    engine.take('address', 'b', 'reads');
    assert.equal(engine.size, 2);
    advance(60_000);
    engine.take('address', 'c', 'reads');
    assert.equal(engine.size, 1, 'the first hit of a new window drops the old counters');
  });

  test('headers: limit, remaining, reset and the policy with its window', () => {
    const { engine } = engineAt(30_000);
    assert.deepEqual(rateLimitHeaders(engine.take('user', 'u', 'reads')), {
      'ratelimit-limit': '3',
      'ratelimit-remaining': '2',
      'ratelimit-reset': '30',
      'ratelimit-policy': '3;w=60',
    });
  });

  test('tighter picks a refusal, else the fewer remaining', () => {
    const { engine } = engineAt(0);
    const user = engine.take('user', 'u', 'reads'); // 2 of 3 left
    const address = engine.take('address', 'a', 'reads'); // 4 of 5 left
    assert.equal(tighter(user, address), user);
    assert.equal(tighter(address, user), user);
    const refused = { ...address, allowed: false, remaining: 0 };
    assert.equal(tighter(user, refused), refused);
  });

  test('exchange: drained hits become sent, the others part of a total is remote', () => {
    const { engine } = engineAt(0, budgets(10));
    const asked: boolean[] = [];
    engine.onUnsent = (urgent) => asked.push(urgent);
    for (let i = 0; i < 3; i++) engine.take('user', 'u', 'reads');
    assert.deepEqual(asked, [false], 'asks for an exchange once, on the first unsent hit');
    const deltas = engine.drain();
    assert.deepEqual(deltas, [{ key: 'reads:user:u', window: 0, delta: 3 }]);
    assert.equal(engine.pending, false);
    // Another process added 5: the total comes back as 8.
    engine.settle([{ key: 'reads:user:u', window: 0, hits: 8 }]);
    assert.equal(engine.take('user', 'u', 'reads').remaining, 10 - 9);
    assert.deepEqual(asked, [false, true], 'past 80 % of the budget a hit asks for an urgent exchange');
    assert.equal(engine.take('user', 'u', 'reads').allowed, true);
    assert.equal(engine.take('user', 'u', 'reads').allowed, false);
  });

  test('a failed exchange puts the hits back; totals of an old window are ignored', () => {
    const { engine, advance } = engineAt(0, budgets(10));
    engine.onUnsent = () => {};
    engine.take('user', 'u', 'reads');
    const deltas = engine.drain();
    engine.take('user', 'u', 'reads');
    engine.restore(deltas);
    assert.deepEqual(engine.drain(), [{ key: 'reads:user:u', window: 0, delta: 2 }]);
    advance(60_000);
    engine.take('user', 'u', 'reads');
    engine.settle([{ key: 'reads:user:u', window: 0, hits: 50 }]);
    assert.equal(engine.take('user', 'u', 'reads').remaining, 8);
  });

  test('route classes: reads, writes, ingest and AI routes; what is limited', () => {
    assert.equal(routeClass('GET', '/api/v1/plant-ops/batches'), 'reads');
    assert.equal(routeClass('HEAD', '/api/v1/plant-ops/batches'), 'reads');
    assert.equal(routeClass('DELETE', '/api/v1/plant-ops/batches/:id'), 'writes');
    assert.equal(routeClass('POST', '/api/v1/plant-ops/sensors/readings/bulk'), 'ingest');
    assert.equal(routeClass('POST', '/write'), 'ingest');
    assert.equal(routeClass('POST', '/api/v1/ai/v1/chat/completions'), 'ai');
    assert.equal(routeClass('POST', '/api/v1/analytics/analyses/:id/chat'), 'ai');
    assert.equal(routeClass('GET', '/api/v1/ai/v1/models'), 'reads');
    assert.ok(isLimited('/api/v1/auth/me') && isLimited('/write') && isLimited('/api/v2/write'));
    assert.ok(!isLimited('/health') && !isLimited('/ws') && !isLimited('/metrics') && !isLimited('/'));
  });
});
