// Rate limits through the real app, on both drivers: tiny budgets, a clock the test moves, and on
// PostgreSQL two app instances on one database sharing a budget.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { loadConfig, loadTestSettings } from '../../../config.ts';
import { createTestTenant, signIn, type TestSession } from '../../../modules/identity/testing.ts';
import { queryRows } from '../../db/database.ts';
import { eventually } from '../../jobs/testing.ts';
import { createTestApp, type TestApp } from '../testing.ts';
import type { App } from '../types.ts';
import { rateLimitEngineOf, rateLimitStoreOf, registerRateLimits } from './rate-limit.ts';

const SMALL = {
  RATE_LIMIT_READS_PER_MINUTE: '3',
  RATE_LIMIT_WRITES_PER_MINUTE: '50',
  RATE_LIMIT_INGEST_PER_MINUTE: '2',
  RATE_LIMIT_ADDRESS_READS_PER_MINUTE: '5',
  RATE_LIMIT_ADDRESS_WRITES_PER_MINUTE: '50',
  RATE_LIMIT_ADDRESS_INGEST_PER_MINUTE: '50',
};
// 15 s into a window, so Reset and Retry-After are 45.
const T0 = 60_000 * 29_000_000 + 15_000;

let t: TestApp;
let admin: TestSession;
let operator: TestSession;
let clock = T0;

before(async () => {
  t = await createTestApp({ env: SMALL, workers: false });
  const engine = rateLimitEngineOf(t.app);
  assert.ok(engine);
  engine.now = () => clock;
  const tenant = await createTestTenant(t.database.db, 'limits');
  // Each sign-in from an address of its own: the reads budgets below start untouched.
  admin = await signIn(t.app, tenant.users.admin.email);
  operator = await signIn(t.app, tenant.users.operator.email);
});
after(() => t?.close());

const me = (remoteAddress: string, headers: Record<string, string> = {}) =>
  t.app.inject({ url: '/api/v1/auth/me', headers, remoteAddress });

describe('rate limits', () => {
  test('a user spends the reads budget; then 429 in the error format with Retry-After and RateLimit-*', async () => {
    clock = T0;
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await me('10.1.0.1', admin.headers));
    assert.deepEqual(
      answers.map((r) => [r.statusCode, r.headers['ratelimit-limit'], r.headers['ratelimit-remaining']]),
      [
        [200, '3', '2'],
        [200, '3', '1'],
        [200, '3', '0'],
      ],
      'the user budget (3) is tighter than the address budget (5), so its figures are shown',
    );
    assert.equal(answers[0]?.headers['ratelimit-reset'], '45');
    assert.equal(answers[0]?.headers['ratelimit-policy'], '3;w=60');

    const refused = await me('10.1.0.1', admin.headers);
    assert.equal(refused.statusCode, 429);
    assert.equal(refused.headers['retry-after'], '45');
    assert.equal(refused.headers['ratelimit-remaining'], '0');
    assert.equal(refused.headers['ratelimit-limit'], '3');
    assert.match(String(refused.headers['content-type']), /application\/json/);
    const { error } = refused.json();
    assert.equal(error.code, 'rate_limited');
    assert.match(error.message, /for this user.*3 per 60 s/);
    assert.equal(error.requestId, refused.headers['x-request-id']);

    // Another user from the same address, and the same user from elsewhere for another class, go on.
    assert.equal((await me('10.1.0.1', operator.headers)).statusCode, 200, 'another user');
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: admin.headers,
      remoteAddress: '10.1.0.2',
      payload: { name: 'limits probe', scopes: ['read'] },
    });
    assert.equal(write.statusCode, 201, 'writes have a budget of their own');
    assert.equal(write.headers['ratelimit-limit'], '50');

    // An API key of the same user has a budget of its own.
    const viaKey = await me('10.1.0.3', { 'x-api-key': write.json().key });
    assert.equal(viaKey.statusCode, 200);
    assert.equal(viaKey.headers['ratelimit-remaining'], '2');

    // The next window refills the budget.
    clock = T0 + 45_000;
    const refilled = await me('10.1.0.1', admin.headers);
    assert.equal(refilled.statusCode, 200);
    assert.deepEqual(
      [refilled.headers['ratelimit-remaining'], refilled.headers['ratelimit-reset']],
      ['2', '60'],
    );
  });

  test('the address budget applies before authentication: unauthenticated floods get 429', async () => {
    clock = T0 + 120_000;
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await me('10.2.0.1')).statusCode);
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
    const refused = await me('10.2.0.1', operator.headers);
    assert.equal(refused.statusCode, 429, 'even with valid credentials, from that address');
    assert.match(refused.json().error.message, /from this address/);
    assert.equal(refused.headers['ratelimit-limit'], '5');
    const elsewhere = await me('10.2.0.2');
    assert.equal(elsewhere.statusCode, 401, 'another address is unaffected');
    assert.equal(elsewhere.headers['ratelimit-remaining'], '4', 'a 401 carries the headers too');
  });

  test('ingest routes spend the ingest budget, whatever the answer', async () => {
    clock = T0 + 180_000;
    const key = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: operator.headers,
      remoteAddress: '10.3.0.9',
      payload: { name: 'line gateway', scopes: ['operate'] },
    });
    assert.equal(key.statusCode, 201);
    const post = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/plant-ops/sensors/${randomUUID()}/readings`,
        headers: { 'x-api-key': key.json().key },
        remoteAddress: '10.3.0.1',
        payload: { readings: [] },
      });
    const statuses = [(await post()).statusCode, (await post()).statusCode, (await post()).statusCode];
    assert.notEqual(statuses[0], 429);
    assert.notEqual(statuses[1], 429);
    assert.equal(statuses[2], 429);
    assert.equal((await me('10.3.0.1', operator.headers)).statusCode, 200, 'reads are another class');
  });

  test('outside /api nothing is limited and no header is added', async () => {
    const health = await t.app.inject({ url: '/health', remoteAddress: '10.2.0.1' });
    assert.equal(health.statusCode, 200);
    assert.equal(health.headers['ratelimit-limit'], undefined);
  });

  test('RATE_LIMIT_ENABLED=false: no limits and no headers', async () => {
    const app = Fastify() as unknown as App;
    registerRateLimits(app, {
      config: loadConfig({ ...SMALL, RATE_LIMIT_ENABLED: 'false' }),
      database: t.database,
    });
    app.get('/api/v1/probe', async () => ({ ok: true }));
    try {
      for (let i = 0; i < 7; i++) {
        const res = await app.inject({ url: '/api/v1/probe', remoteAddress: '10.4.0.1' });
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['ratelimit-limit'], undefined);
      }
    } finally {
      await app.close();
    }
  });
});

describe('rate limits shared on PostgreSQL', { skip: !loadTestSettings().databaseUrl }, () => {
  test('two app instances on one database share one budget', async () => {
    // Instance one is the suite's app (RATE_LIMIT_SYNC_MS 1000); instance two exchanges every 50 ms.
    const two = await createTestApp({
      env: { ...SMALL, RATE_LIMIT_SYNC_MS: '50' },
      workers: false,
      database: t.database,
    });
    try {
      // One fixed window for both (a real minute boundary mid-test would reset the count).
      clock = T0 + 600_000;
      const engine = rateLimitEngineOf(two.app);
      assert.ok(engine);
      engine.now = () => clock;
      const tenant = await createTestTenant(t.database.db, 'shared-limits');
      const session = await signIn(t.app, tenant.users.viewer.email);
      const get = (app: TestApp) =>
        app.app.inject({ url: '/api/v1/auth/me', headers: session.headers, remoteAddress: '10.5.0.1' });
      const key = `reads:user:${tenant.users.viewer.id}`;
      const shared = async (hits: number) => {
        const rows = await queryRows<{ hits: number }>(
          t.database.db,
          sql`select hits from rate_limit_hits where key = ${key}`,
        );
        return Number(rows[0]?.hits ?? 0) === hits ? true : undefined;
      };
      // Budget 3: instance one admits 2 and sends them on its own (its timer): wait for the row.
      for (let i = 0; i < 2; i++) assert.equal((await get(t)).statusCode, 200);
      await eventually(() => shared(2), 'instance one to share its 2 hits');
      // Instance two admits one (it has seen no one else's yet) and learns the others' 2 from the
      // exchange that hit triggers; then the budget of 3 is spent for it too.
      assert.equal((await get(two)).statusCode, 200);
      await eventually(() => shared(3), 'instance two to share its hit');
      await rateLimitStoreOf(two.app)?.exchange();
      const refused = await get(two);
      assert.equal(refused.statusCode, 429);
      assert.equal(refused.json().error.code, 'rate_limited');
      assert.equal(refused.headers['ratelimit-limit'], '3');
    } finally {
      await two.close();
    }
  });
});
