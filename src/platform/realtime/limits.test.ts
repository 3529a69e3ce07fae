// Bounded fan-out per WebSocket client: a capped number of subscriptions, a capped inbound message
// size, and a client that lets its replies pile up (it sends but does not read) closed as a slow
// consumer with its unsent bytes bounded, instead of the server's memory growing with them.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import WebSocket from 'ws';
import { createTestTenant, signIn, type TestSession } from '../../modules/identity/testing.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import { eventually } from '../jobs/testing.ts';
import { connectWs, type TestSocket } from './testing.ts';

const MAX_BUFFERED = 65_536;
let t: TestApp;
let base: string;
let admin: TestSession;
const sockets: TestSocket[] = [];

before(async () => {
  t = await createTestApp({
    env: {
      WS_MAX_SUBSCRIPTIONS: '3',
      WS_MAX_MESSAGE_BYTES: '16384',
      WS_MAX_BUFFERED_BYTES: String(MAX_BUFFERED),
    },
    workers: false,
    setup: (runtime) =>
      runtime.realtime.registerTopic('thing', async (_principal, id) => id.startsWith('T-')),
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const acme = await createTestTenant(t.database.db, 'ws-limits');
  admin = await signIn(t.app, acme.users.admin.email);
});
after(async () => {
  for (const socket of sockets) socket.close();
  await t?.close();
});

async function open() {
  const socket = await connectWs(base, admin.accessToken);
  sockets.push(socket);
  await socket.next((m) => m.type === 'ready', 'ready');
  return socket;
}

describe('WebSocket limits', () => {
  test('WS_MAX_SUBSCRIPTIONS topics per connection; the rest are refused with too_many_topics', async () => {
    const socket = await open();
    socket.send({
      type: 'subscribe',
      topics: ['thing:T-1', 'thing:T-2', 'thing:T-3', 'thing:T-4', 'thing:T-5'],
    });
    const ack = await socket.next((m) => m.type === 'subscribed', 'the acknowledgement');
    assert.deepEqual(ack.topics, ['thing:T-1', 'thing:T-2', 'thing:T-3']);
    const refusal = socket.messages.find((m) => m.code === 'too_many_topics');
    assert.equal(refusal?.topic, 'thing:T-4');
    assert.match(String(refusal?.message), /at most 3 topics/);
  });

  test('a message over WS_MAX_MESSAGE_BYTES closes the connection with 1009', async () => {
    const socket = await open();
    socket.send({ type: 'ping', padding: 'x'.repeat(20_000) });
    const closed = await socket.closed;
    assert.equal(closed.code, 1009);
  });

  test('a client that sends without reading is closed as a slow consumer, its backlog bounded', async () => {
    const before = new Set(t.runtime.realtime.connections);
    const client = new WebSocket(
      `${base.replace(/^http/, 'ws')}/ws?token=${encodeURIComponent(admin.accessToken)}`,
    );
    const messages: string[] = [];
    client.on('message', (data) => messages.push(String(data)));
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      client.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
    );
    await new Promise<void>((resolve, reject) => {
      client.once('open', () => resolve());
      client.once('error', reject);
    });
    await eventually(async () => messages.some((m) => m.includes('"ready"')) || undefined, 'ready');
    const server = [...t.runtime.realtime.connections].find((s) => !before.has(s)) as unknown as WebSocket;
    assert.ok(server, "the server's side of the connection");
    // The client stops reading; each unsubscribe is answered with ~10 KB the server must hold.
    client.pause();
    const topics = Array.from({ length: 50 }, (_, i) => `thing:T-${i}-${'y'.repeat(180)}`);
    let peak = 0;
    for (let i = 0; i < 3000 && server.readyState === WebSocket.OPEN; i += 1) {
      client.send(JSON.stringify({ type: 'unsubscribe', topics }));
      if (client.bufferedAmount > 4 * 1_048_576)
        await eventually(async () => client.bufferedAmount < 1_048_576 || undefined, 'the client to send');
      peak = Math.max(peak, server.bufferedAmount);
    }
    await eventually(
      async () => server.readyState !== WebSocket.OPEN || undefined,
      'the server to give up',
      60_000,
    );
    // Held at the cap plus the one reply that passed it, not the 30 MB of replies asked for.
    assert.ok(server.bufferedAmount < MAX_BUFFERED + 64 * 1024, `${server.bufferedAmount} bytes unsent`);
    assert.ok(peak < MAX_BUFFERED + 64 * 1024, `peak ${peak} bytes unsent`);
    client.resume();
    const { code, reason } = await closed;
    assert.deepEqual({ code, reason }, { code: 1013, reason: 'slow consumer' });
  });
});
