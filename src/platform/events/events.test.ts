import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { loadTestSettings } from '../../config.ts';
import {
  createTestTenant,
  signIn,
  type TestSession,
  type TestTenant,
} from '../../modules/identity/testing.ts';
import { queryRows } from '../db/database.ts';
import { acrossTenants, inTenant } from '../db/scope.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import { countEffects, createEffectsTable, eventually, recordEffect } from '../jobs/testing.ts';
import { createRuntime, type Runtime } from '../runtime.ts';
import { claimPending } from './events.repo.ts';
import type { DeliveredEvent, NewEvent } from './events.ts';

let t: TestApp;
let acme: TestTenant;
let admin: TestSession;
const seen: DeliveredEvent[] = [];
let failNext = 0;
const { databaseUrl } = loadTestSettings();

let brokenHandler = true;

/** The test consumer: records an effect per event in the handler's transaction. */
function consumer(runtime: Runtime) {
  runtime.events.on('test.effects', ['ThingHappened', 'ThingFailed', 'ThingBroken'], async (event, tx) => {
    if (event.type === 'ThingFailed' && failNext > 0) {
      failNext -= 1;
      throw new Error('handler not ready yet');
    }
    if (event.type === 'ThingBroken' && brokenHandler) throw new Error('this handler is broken');
    seen.push(event);
    await recordEffect(tx, `event:${event.id}`, event.tenantId);
  });
}

before(async () => {
  t = await createTestApp({ setup: consumer, env: { EVENT_MAX_ATTEMPTS: '2' } });
  await createEffectsTable(t.database.db);
  acme = await createTestTenant(t.database.db, 'events');
  admin = await signIn(t.app, acme.users.admin.email);
});
after(() => t?.close());

const thing = (type = 'ThingHappened', data: Record<string, unknown> = { n: 1 }): NewEvent => ({
  tenantId: acme.id,
  aggregateType: 'thing',
  aggregateId: 'T-1',
  type,
  data,
});
const record = (event: NewEvent) =>
  inTenant(t.database.db, acme.id, (tx) => t.runtime.events.record(tx, event));
const published = (id: number) =>
  queryRows<{ published_at: Date | null; attempts: number; last_error: string | null }>(
    t.database.db,
    sql`select published_at, attempts, last_error from domain_events where id = ${id}`,
  ).then((rows) => rows[0]);

describe('domain events', () => {
  test('recorded with the change, delivered to the handler once, marked published', async () => {
    const row = await record(thing('ThingHappened', { n: 42 }));
    const delivered = await eventually(async () => seen.find((e) => e.id === row.id), 'delivery');
    assert.deepEqual(delivered.data, { n: 42 });
    assert.equal(delivered.aggregateId, 'T-1');
    await eventually(async () => ((await published(row.id))?.published_at ? true : undefined), 'published');
    assert.equal(await countEffects(t.database.db, `event:${row.id}`), 1);
  });

  test('an event of a rolled-back change does not exist and is never delivered', async () => {
    let id = 0;
    await assert.rejects(
      inTenant(t.database.db, acme.id, async (tx) => {
        id = (await t.runtime.events.record(tx, thing())).id;
        throw new Error('the change fails');
      }),
    );
    await t.runtime.events.dispatchPending();
    assert.equal(await published(id), undefined);
    assert.ok(!seen.some((e) => e.id === id));
  });

  test('a crash after commit and before delivery: the restarted process delivers it', async () => {
    // The process "crashes" right after the commit: its dispatcher never gets to the event.
    await t.runtime.events.stop();
    const row = await record(thing());
    // No dispatcher runs: nothing can have delivered it.
    assert.equal((await published(row.id))?.published_at, null);
    // The restart: a fresh runtime on the same database with the same consumer.
    const restarted = createRuntime({ config: t.config, database: t.database, logger: t.app.log });
    consumer(restarted);
    await restarted.events.start();
    try {
      await eventually(
        async () => ((await published(row.id))?.published_at ? true : undefined),
        'redelivery',
      );
      assert.equal(await countEffects(t.database.db, `event:${row.id}`), 1);
      // A duplicate delivery (e.g. a crash after the handler committed but before the event was
      // marked published) is harmless: the receipt stops the handler from running again.
      await t.database.db.execute(sql`update domain_events set published_at = null where id = ${row.id}`);
      await restarted.events.dispatchPending();
      assert.ok((await published(row.id))?.published_at);
      assert.equal(await countEffects(t.database.db, `event:${row.id}`), 1);
    } finally {
      await restarted.events.stop();
      await t.runtime.events.start();
    }
  });

  test('a failing handler is retried with backoff until it succeeds', async () => {
    failNext = 1;
    const row = await record(thing('ThingFailed'));
    const failed = await eventually(async () => {
      const state = await published(row.id);
      return state?.attempts ? state : undefined;
    }, 'the failed attempt');
    assert.equal(failed.published_at, null);
    assert.match(failed.last_error ?? '', /handler not ready yet/);
    await eventually(
      async () => ((await published(row.id))?.published_at ? true : undefined),
      'the retry',
      10_000,
    );
    assert.equal(await countEffects(t.database.db, `event:${row.id}`), 1);
  });

  test('GET /events: the tenant history, filtered and paged with `after`', async () => {
    for (let i = 0; i < 3; i++) await record({ ...thing('Counted', { i }), aggregateId: 'C-1' });
    const page1 = await t.app.inject({
      url: '/api/v1/events?type=Counted&aggregateType=thing&aggregateId=C-1&limit=2',
      headers: admin.headers,
    });
    assert.equal(page1.statusCode, 200);
    const body = page1.json();
    assert.deepEqual(
      body.items.map((e: { data: { i: number } }) => e.data.i),
      [0, 1],
    );
    const page2 = await t.app.inject({
      url: `/api/v1/events?type=Counted&after=${body.nextAfter}`,
      headers: admin.headers,
    });
    assert.deepEqual(
      page2.json().items.map((e: { data: { i: number } }) => e.data.i),
      [2],
    );
    assert.equal(page2.json().nextAfter, null);
    const other = await createTestTenant(t.database.db, 'events-other');
    const stranger = await signIn(t.app, other.users.viewer.email);
    const none = await t.app.inject({ url: '/api/v1/events?type=Counted', headers: stranger.headers });
    assert.deepEqual(none.json().items, []);
  });

  test('an event that keeps failing is given up (dead), shown to admins, and delivered again on request', async () => {
    brokenHandler = true;
    const row = await record(thing('ThingBroken'));
    const dead = await eventually(
      async () => {
        const res = await t.app.inject({ url: '/api/v1/events/dead', headers: admin.headers });
        return res.json().items.find((e: { id: number }) => e.id === row.id);
      },
      'the dead event',
      15_000,
    );
    assert.equal(dead.attempts, 2);
    assert.match(dead.lastError, /this handler is broken/);
    const viewer = await signIn(t.app, acme.users.viewer.email);
    const refused = await t.app.inject({ url: '/api/v1/events/dead', headers: viewer.headers });
    assert.equal(refused.statusCode, 403);
    const other = await createTestTenant(t.database.db, 'events-dead-other');
    const otherAdmin = await signIn(t.app, other.users.admin.email);
    const foreign = await t.app.inject({
      method: 'POST',
      url: `/api/v1/events/${row.id}/redeliver`,
      headers: otherAdmin.headers,
    });
    assert.equal(foreign.statusCode, 404);

    brokenHandler = false;
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/events/${row.id}/redeliver`,
      headers: admin.headers,
    });
    assert.equal(again.statusCode, 204);
    await eventually(async () => ((await published(row.id))?.published_at ? true : undefined), 'redelivery');
    assert.equal(await countEffects(t.database.db, `event:${row.id}`), 1);
  });
});

describe('the event history and concurrent transactions (PostgreSQL)', {
  skip: !databaseUrl && 'needs DATABASE_URL',
}, () => {
  /** A second connection holding a transaction open, as a long job or a slow request would. */
  async function openTransaction() {
    if (t.database.raw.kind !== 'postgres') throw new Error('expected PostgreSQL');
    const client = await t.database.raw.pool.connect();
    await client.query('begin');
    return client;
  }

  const history = async (after?: number) => {
    const res = await t.app.inject({
      url: `/api/v1/events?type=Paged${after === undefined ? '' : `&after=${after}`}`,
      headers: admin.headers,
    });
    return res.json() as { items: { id: number; position: number; data: { n: string } }[] };
  };

  test('a transaction open elsewhere does not hold back events committed after it began', async () => {
    const open = await openTransaction();
    try {
      // It has a transaction id, as any transaction that wrote something has.
      await open.query('select pg_current_xact_id()');
      await record({ ...thing('Paged', { n: 'while-open' }) });
      const { items } = await history();
      assert.ok(
        items.some((e) => e.data.n === 'while-open'),
        'the committed event is in the history',
      );
    } finally {
      await open.query('rollback');
      open.release();
    }
  });

  test('an event that commits late is not skipped by a reader paging past events committed before it', async () => {
    const late = await openTransaction();
    try {
      await late.query(
        "select set_config('role', 'plantintel_app', true), set_config('app.tenant_id', $1, true)",
        [acme.id],
      );
      await late.query(
        `insert into domain_events (tenant_id, aggregate_type, aggregate_id, event_type, payload)
         values ($1, 'thing', 'T-1', 'Paged', '{"n":"late"}')`,
        [acme.id],
      );
      // Written after the late one (a larger id), committed before it.
      await record({ ...thing('Paged', { n: 'early' }) });
      const first = await history();
      const seen = first.items.map((e) => e.data.n);
      assert.ok(seen.includes('early') && !seen.includes('late'));
      const cursor = first.items.at(-1)?.position ?? 0;
      await late.query('commit');
      const next = await history(cursor);
      assert.deepEqual(
        next.items.map((e) => e.data.n),
        ['late'],
        'paging on from the cursor finds the event that committed late',
      );
    } finally {
      late.release();
    }
  });

  test('two dispatchers claiming at once get disjoint events, together all of them', async () => {
    await t.runtime.events.stop();
    try {
      const ids: number[] = [];
      for (let i = 0; i < 20; i++) ids.push((await record({ ...thing('Unhandled', { i }) })).id);
      let release: () => void = () => {};
      const bothClaimed = new Promise<void>((resolve) => {
        release = resolve;
      });
      let claimedByA: () => void = () => {};
      const aHolds = new Promise<void>((resolve) => {
        claimedByA = resolve;
      });
      // A claims and keeps its transaction open until B has claimed too.
      const a = acrossTenants(t.database.db, async (tx) => {
        const mine = await claimPending(tx, 15, 60);
        claimedByA();
        await bothClaimed;
        return mine.map((row) => row.id);
      });
      await aHolds;
      const b = await acrossTenants(t.database.db, async (tx) =>
        (await claimPending(tx, 100, 60)).map((r) => r.id),
      );
      release();
      const first = await a;
      const mine = (list: number[]) => list.filter((id) => ids.includes(id));
      assert.equal(mine(first).filter((id) => b.includes(id)).length, 0, 'no event claimed twice');
      assert.deepEqual(
        [...mine(first), ...mine(b)].sort((x, y) => x - y),
        ids,
      );
    } finally {
      await t.runtime.events.start();
    }
  });
});
