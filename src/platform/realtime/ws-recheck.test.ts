// A credential change and an event committed after it: however long the re-check of the connection
// takes, the event is sent — or withheld — as the changed credential allows. The credential lookup
// is a fake here so the test decides when it answers; everything else is the real /ws route.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import Fastify from 'fastify';
import type { Principal, Scope } from '../auth/principal.ts';
import type { Database } from '../db/database.ts';
import type { App } from '../http/types.ts';
import { createRealtime } from './realtime.ts';
import { connectWs, type TestSocket } from './testing.ts';
import { websocketRoutes } from './ws.routes.ts';

const TENANT = '00000000-0000-4000-8000-00000000000a';
const principalAs = (scopes: Scope[]): Principal => ({
  kind: 'user',
  userId: 'u1',
  tenantId: TENANT,
  role: null,
  platformRole: null,
  scopes: new Set(scopes),
  apiKeyId: null,
  label: 'u1@x.test',
  sessionId: 's1',
});

let current = principalAs(['read', 'admin']);
/** While set, credential lookups wait for it (a slow database). */
let lookupGate: Promise<void> | undefined;
let changed: ((affects: (principal: Principal) => boolean) => void) | undefined;

const app = Fastify() as unknown as App;
const realtime = createRealtime({ database: {} as Database, logger: app.log });
let base: string;
const sockets: TestSocket[] = [];

before(async () => {
  await websocketRoutes(app, {
    realtime,
    authenticateToken: async () => {
      await lookupGate;
      return current;
    },
    onCredentialsChanged: (listener) => {
      changed = listener;
      return () => {
        changed = undefined;
      };
    },
    recheckMs: 60_000,
    heartbeatSeconds: 30,
    batchMs: 0,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
after(async () => {
  for (const socket of sockets) socket.close();
  await app.close();
});

async function subscribedSocket() {
  const socket = await connectWs(base, 'token');
  sockets.push(socket);
  await socket.next((m) => m.type === 'ready', 'ready');
  socket.send({ type: 'subscribe', topics: ['tenant'] });
  await socket.next((m) => m.type === 'subscribed', 'subscription ack');
  return socket;
}

const publish = (type: string, access: Scope) =>
  realtime.hub.publish(TENANT, ['tenant'], { id: type, type, occurredAt: '', data: {} }, access);

function slowLookup() {
  let answer = () => {};
  lookupGate = new Promise<void>((resolve) => {
    answer = () => {
      lookupGate = undefined;
      resolve();
    };
  });
  return answer;
}

const received = (socket: TestSocket) =>
  socket.messages.filter((m) => m.type === 'event').map((m) => m.event?.type);

test('an admin-only event committed after a demotion is withheld, even while the re-check is slow', async () => {
  current = principalAs(['read', 'admin']);
  const socket = await subscribedSocket();
  publish('AdminBefore', 'admin');
  await socket.next((m) => m.event?.type === 'AdminBefore', 'the admin event before the change');

  const answer = slowLookup();
  current = principalAs(['read']);
  changed?.((principal) => principal.userId === 'u1');
  publish('AdminAfter', 'admin');
  publish('ReadAfter', 'read');
  answer();
  await socket.next((m) => m.event?.type === 'ReadAfter', 'the read event after the change');
  assert.deepEqual(received(socket), ['AdminBefore', 'ReadAfter']);
});

test('a change that does not concern the connection holds nothing back', async () => {
  current = principalAs(['read']);
  const socket = await subscribedSocket();
  const answer = slowLookup();
  changed?.((principal) => principal.userId === 'someone else');
  publish('Unrelated', 'read');
  try {
    await socket.next((m) => m.event?.type === 'Unrelated', 'the event, without waiting for the re-check');
  } finally {
    answer();
  }
});

test('a connection whose credential ended gets nothing that was held for its re-check', async () => {
  current = principalAs(['read']);
  const socket = await subscribedSocket();
  const answer = slowLookup();
  current = principalAs([]);
  changed?.(() => true);
  publish('Held', 'read');
  answer();
  assert.equal((await socket.closed).code, 4403);
  assert.deepEqual(received(socket), []);
});
