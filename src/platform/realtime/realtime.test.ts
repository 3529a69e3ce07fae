import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import {
  createTestTenant,
  signIn,
  type TestSession,
  type TestTenant,
} from '../../modules/identity/testing.ts';
import { inTenant } from '../db/scope.ts';
import type { NewEvent } from '../events/events.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import { connectWs, type TestSocket } from './testing.ts';

let t: TestApp;
let base: string;
let acme: TestTenant;
let other: TestTenant;
let acmeAdmin: TestSession;
let otherAdmin: TestSession;
const sockets: TestSocket[] = [];

before(async () => {
  t = await createTestApp({
    // A topic kind of the test's own: `thing:<id>` exists for ids starting with "T-".
    setup: (runtime) =>
      runtime.realtime.registerTopic('thing', async (_principal, id) => id.startsWith('T-')),
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  acme = await createTestTenant(t.database.db, 'rt-acme');
  other = await createTestTenant(t.database.db, 'rt-other');
  acmeAdmin = await signIn(t.app, acme.users.admin.email);
  otherAdmin = await signIn(t.app, other.users.admin.email);
});
after(async () => {
  for (const socket of sockets) socket.close();
  await t?.close();
});

async function open(token?: string) {
  const socket = await connectWs(base, token);
  sockets.push(socket);
  return socket;
}

async function subscribed(socket: TestSocket, topics: string[]) {
  socket.send({ type: 'subscribe', topics });
  return socket.next((m) => m.type === 'subscribed', 'subscription ack');
}

const record = (tenant: TestTenant, event: Omit<NewEvent, 'tenantId'>) =>
  inTenant(t.database.db, tenant.id, (tx) => t.runtime.events.record(tx, { ...event, tenantId: tenant.id }));

describe('WebSocket /ws', () => {
  test('authenticates with ?token= or a first auth message; a bad token is refused and closed', async () => {
    const viaQuery = await open(acmeAdmin.accessToken);
    const ready = await viaQuery.next((m) => m.type === 'ready', 'ready');
    assert.equal(ready.tenantId, acme.id);

    const viaMessage = await open();
    viaMessage.send({ type: 'auth', token: acmeAdmin.accessToken });
    await viaMessage.next((m) => m.type === 'ready', 'ready');

    const early = await open();
    early.send({ type: 'subscribe', topics: ['tenant'] });
    assert.equal((await early.next((m) => m.type === 'error', 'error')).code, 'unauthorized');

    const bad = await open('not-a-token');
    assert.equal((await bad.next((m) => m.type === 'error', 'error')).code, 'unauthorized');
    assert.equal((await bad.closed).code, 4401);
  });

  test('an API key authenticates too; ping/pong; unknown messages are answered with an error', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: acmeAdmin.headers,
      payload: { name: 'ws', scopes: ['read'] },
    });
    const socket = await open(created.json().key);
    await socket.next((m) => m.type === 'ready', 'ready');
    socket.send({ type: 'ping' });
    await socket.next((m) => m.type === 'pong', 'pong');
    socket.send({ type: 'dance' });
    assert.equal((await socket.next((m) => m.type === 'error', 'error')).code, 'bad_message');
  });

  test('a committed event reaches subscribers of its aggregate topic and of `tenant`', async () => {
    const socket = await open(acmeAdmin.accessToken);
    const ack = await subscribed(socket, ['tenant', 'thing:T-9', 'thing:nope', 'gizmo:1', 'Not A Topic']);
    assert.deepEqual(ack.topics, ['tenant', 'thing:T-9']);
    const refused = socket.messages.filter((m) => m.code === 'forbidden_topic').map((m) => m.topic);
    assert.deepEqual(refused, ['thing:nope', 'gizmo:1', 'Not A Topic']);

    const row = await record(acme, {
      aggregateType: 'thing',
      aggregateId: 'T-9',
      type: 'ThingMoved',
      data: { to: 'B' },
    });
    const onThing = await socket.next((m) => m.topic === 'thing:T-9', 'event on thing:T-9');
    const onTenant = await socket.next((m) => m.topic === 'tenant', 'event on tenant');
    assert.deepEqual(onThing.event, {
      id: row.id,
      type: 'ThingMoved',
      occurredAt: row.occurredAt.toISOString(),
      data: { to: 'B' },
    });
    assert.equal(onTenant.event?.id, row.id);
  });

  test('events larger than a notification can carry are still delivered whole', async () => {
    const socket = await open(acmeAdmin.accessToken);
    await subscribed(socket, ['thing:T-big']);
    const blob = 'x'.repeat(20_000);
    await record(acme, { aggregateType: 'thing', aggregateId: 'T-big', type: 'BigThing', data: { blob } });
    const message = await socket.next((m) => m.event?.type === 'BigThing', 'the big event');
    assert.equal(String(message.event?.data.blob ?? '').length, 20_000);
  });

  test('events recorded together are stored in order and each pushed once, a large one whole', async () => {
    const socket = await open(acmeAdmin.accessToken);
    await subscribed(socket, ['thing:T-many']);
    const blob = 'y'.repeat(20_000);
    const types = ['First', 'Second', 'Third'];
    const rows = await inTenant(t.database.db, acme.id, (tx) =>
      t.runtime.events.recordMany(
        tx,
        types.map((type) => ({
          tenantId: acme.id,
          aggregateType: 'thing',
          aggregateId: 'T-many',
          type,
          data: type === 'Second' ? { blob } : { type },
        })),
      ),
    );
    assert.deepEqual(
      rows.map((r) => r.eventType),
      types,
    );
    assert.ok(
      rows.every((r, i) => i === 0 || r.id > (rows[i - 1]?.id ?? 0)),
      'ids ascending',
    );
    for (const row of rows) {
      const message = await socket.next((m) => m.event?.id === row.id, `event ${row.eventType}`);
      assert.equal(message.event?.type, row.eventType);
    }
    const big = socket.messages.find((m) => m.event?.type === 'Second');
    assert.equal(String(big?.event?.data.blob ?? '').length, 20_000);
    assert.equal(socket.messages.filter((m) => m.topic === 'thing:T-many').length, 3);
  });

  test("tenant B's client asking for a topic of tenant A gets an error and receives nothing of A", async () => {
    const job = await t.app.inject({
      method: 'POST',
      url: '/api/v1/jobs/diagnostics',
      headers: acmeAdmin.headers,
      payload: { rounds: 20 },
    });
    const jobTopic = `job:${job.json().id}`;
    const spy = await open(otherAdmin.accessToken);
    const ack = await subscribed(spy, [jobTopic, 'tenant', 'thing:T-9']);
    assert.deepEqual(ack.topics, ['tenant', 'thing:T-9']);
    const error = await spy.next((m) => m.type === 'error', 'refusal');
    assert.equal(error.code, 'forbidden_topic');
    assert.equal(error.topic, jobTopic);

    const owner = await open(acmeAdmin.accessToken);
    await subscribed(owner, [jobTopic]);
    await record(acme, { aggregateType: 'thing', aggregateId: 'T-9', type: 'ThingMoved', data: {} });
    await owner.next((m) => m.event?.data.status === 'completed', 'the job completing', 10_000);
    // Same topic names, other tenant: nothing arrives.
    assert.deepEqual(
      spy.messages.filter((m) => m.type === 'event'),
      [],
    );
  });

  test('topics are capped per message and per connection, refused ones included', async () => {
    const socket = await open(acmeAdmin.accessToken);
    const many = Array.from({ length: 51 }, (_, i) => `thing:T-${i}`);
    socket.send({ type: 'subscribe', topics: many });
    const perMessage = await socket.next((m) => m.type === 'error', 'the per-message refusal');
    assert.equal(perMessage.code, 'too_many_topics');
    // Probing unknown ids costs the connection its budget: 200 refused topics leave none.
    const acks = () => socket.messages.filter((m) => m.type === 'subscribed');
    for (let round = 0; round < 5; round += 1) {
      const topics = round < 4 ? Array.from({ length: 50 }, (_, i) => `thing:X-${round}-${i}`) : ['tenant'];
      socket.send({ type: 'subscribe', topics });
      await socket.next(() => acks().length === round + 1, `acknowledgement ${round + 1}`);
    }
    assert.deepEqual(
      acks().map((m) => m.topics),
      [[], [], [], [], []],
    );
    assert.equal(socket.messages.filter((m) => m.code === 'forbidden_topic').length, 200);
    const limit = socket.messages.filter((m) => m.code === 'too_many_topics');
    assert.equal(limit.length, 2);
    assert.equal(limit[1]?.topic, 'tenant');
  });

  test('a job topic that only looks like a UUID (36 dashes) is refused, not an internal error', async () => {
    const socket = await open(acmeAdmin.accessToken);
    const ack = await subscribed(socket, [`job:${'-'.repeat(36)}`, 'tenant']);
    assert.deepEqual(ack.topics, ['tenant']);
    const refusal = await socket.next((m) => m.type === 'error', 'the refusal');
    assert.equal(refusal.code, 'forbidden_topic');
  });
});
