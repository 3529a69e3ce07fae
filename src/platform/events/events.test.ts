import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import {
  createTestTenant,
  signIn,
  type TestSession,
  type TestTenant,
} from '../../modules/identity/testing.ts';
import { queryRows } from '../db/database.ts';
import { inTenant } from '../db/scope.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import { countEffects, createEffectsTable, eventually, recordEffect } from '../jobs/testing.ts';
import { createRuntime, type Runtime } from '../runtime.ts';
import type { DeliveredEvent, NewEvent } from './events.ts';

let t: TestApp;
let acme: TestTenant;
let admin: TestSession;
const seen: DeliveredEvent[] = [];
let failNext = 0;

/** The test consumer: records an effect per event in the handler's transaction. */
function consumer(runtime: Runtime) {
  runtime.events.on('test.effects', ['ThingHappened', 'ThingFailed'], async (event, tx) => {
    if (event.type === 'ThingFailed' && failNext > 0) {
      failNext -= 1;
      throw new Error('handler not ready yet');
    }
    seen.push(event);
    await recordEffect(tx, `event:${event.id}`, event.tenantId);
  });
}

before(async () => {
  t = await createTestApp({ setup: consumer });
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
    await new Promise((resolve) => setTimeout(resolve, 200));
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
});
