// Revocation reaches credentials already issued: every request — and every open WebSocket — acts
// with the current state of its session, membership, key and customer (security review, HIGH 1).
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { decodeJwt } from 'jose';
import { AccessTokens } from '../../platform/auth/tokens.ts';
import { createTestApp, type TestApp } from '../../platform/http/testing.ts';
import { connectWs, type TestSocket } from '../../platform/realtime/testing.ts';
import { loadSigningKey } from './signing-key.ts';
import {
  callApi,
  createTestSuperadmin,
  createTestTenant,
  type Headers,
  signIn,
  type TestSession,
} from './testing.ts';

let t: TestApp;
let base: string;
let root: TestSession;
const sockets: TestSocket[] = [];
let slug = 0;

before(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  await createTestSuperadmin(t.database.db);
  root = await signIn(t.app, 'root@platform.test');
});
after(async () => {
  for (const socket of sockets) socket.close();
  await t?.close();
});

const call = (...args: Parameters<typeof callApi> extends [unknown, ...infer R] ? R : never) =>
  callApi(t.app, ...args);

/** A fresh tenant whose admin has promoted its viewer to a second admin ("B"). */
async function tenantWithTwoAdmins() {
  slug += 1;
  const tenant = await createTestTenant(t.database.db, `rev-${slug}`);
  const first = await signIn(t.app, tenant.users.admin.email);
  const promoted = await call('PATCH', `/users/${tenant.users.viewer.id}`, first.headers, { role: 'admin' });
  assert.equal(promoted.statusCode, 200);
  const second = await signIn(t.app, tenant.users.viewer.email);
  return { tenant, first, second, secondId: tenant.users.viewer.id };
}

const newLine = (headers: Headers, facilityId: string) =>
  call('POST', '/plant-ops/lines', headers, {
    facilityId,
    code: `L${Math.random()}`.slice(0, 12),
    name: 'x',
  });

async function socketOn(token: string, topics = ['tenant']) {
  const socket = await connectWs(base, token);
  sockets.push(socket);
  await socket.next((m) => m.type === 'ready', 'ready');
  socket.send({ type: 'subscribe', topics });
  await socket.next((m) => m.type === 'subscribed', 'subscription ack');
  return socket;
}

describe('requests act with the current state of their credential', () => {
  test('a demoted admin acts as a viewer from the next request on and cannot restore themselves', async () => {
    const { tenant, first, second, secondId } = await tenantWithTwoAdmins();
    assert.equal((await newLine(second.headers, tenant.facilityId)).statusCode, 201);
    assert.equal(
      (await call('PATCH', `/users/${secondId}`, first.headers, { role: 'viewer' })).statusCode,
      200,
    );
    const me = await call('GET', '/auth/me', second.headers);
    assert.equal(me.json().role, 'viewer');
    assert.deepEqual(me.json().scopes, ['read']);
    assert.equal((await newLine(second.headers, tenant.facilityId)).statusCode, 403);
    const restore = await call('PATCH', `/users/${secondId}`, second.headers, { role: 'admin' });
    assert.equal(restore.statusCode, 403);
    const relogin = await signIn(t.app, tenant.users.viewer.email);
    assert.equal((await call('GET', '/auth/me', relogin.headers)).json().role, 'viewer');
  });

  test("a deactivated member's token is refused at once: it cannot re-activate itself or remove the admin", async () => {
    const { tenant, first, second, secondId } = await tenantWithTwoAdmins();
    const off = await call('PATCH', `/users/${secondId}`, first.headers, { status: 'inactive' });
    assert.equal(off.statusCode, 200);
    const self = await call('PATCH', `/users/${secondId}`, second.headers, { status: 'active' });
    assert.equal(self.statusCode, 401);
    const revenge = await call('PATCH', `/users/${tenant.users.admin.id}`, second.headers, {
      status: 'inactive',
    });
    assert.equal(revenge.statusCode, 401);
    assert.equal((await call('GET', '/auth/me', first.headers)).statusCode, 200);
  });

  test("a deactivated customer's tokens and keys stop at once", async () => {
    const { tenant, first } = await tenantWithTwoAdmins();
    const created = await call('POST', '/api-keys', first.headers, { name: 'k', scopes: ['read', 'admin'] });
    const keyHeaders = { 'x-api-key': created.json().key as string };
    assert.equal((await call('GET', '/users', keyHeaders)).statusCode, 200);
    const off = await call('POST', `/admin/customers/${tenant.id}/deactivate`, root.headers);
    assert.equal(off.statusCode, 200);
    assert.equal((await newLine(first.headers, tenant.facilityId)).statusCode, 401);
    assert.equal(
      (await call('POST', '/api-keys', first.headers, { name: 'x', scopes: ['read'] })).statusCode,
      401,
    );
    const invite = await call('POST', '/users', first.headers, {
      email: 'late@x.test',
      name: 'L',
      role: 'admin',
    });
    assert.equal(invite.statusCode, 401);
    assert.equal((await call('GET', '/users', keyHeaders)).statusCode, 401);
  });

  test('logout ends the access token, not only the refresh token', async () => {
    const { second } = await tenantWithTwoAdmins();
    assert.equal((await call('POST', '/auth/logout', second.headers)).statusCode, 204);
    assert.equal((await call('GET', '/auth/me', second.headers)).statusCode, 401);
  });

  test('refresh-token theft detection also ends the access token the thief or owner got', async () => {
    const { tenant } = await tenantWithTwoAdmins();
    const session = await signIn(t.app, tenant.users.analyst.email);
    const rotated = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: session.refreshToken },
    });
    const winner = { authorization: `Bearer ${rotated.json().accessToken}` };
    assert.equal((await call('GET', '/auth/me', winner)).statusCode, 200);
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: session.refreshToken },
    });
    assert.equal(replay.statusCode, 401);
    assert.equal((await call('GET', '/auth/me', winner)).statusCode, 401);
  });

  test("a revoked key's next request is refused", async () => {
    const { first } = await tenantWithTwoAdmins();
    const created = await call('POST', '/api-keys', first.headers, { name: 'k', scopes: ['read'] });
    const headers = { 'x-api-key': created.json().key as string };
    assert.equal((await call('GET', '/facilities', headers)).statusCode, 200);
    await call('DELETE', `/api-keys/${created.json().apiKey.id}`, first.headers);
    assert.equal((await call('GET', '/facilities', headers)).statusCode, 401);
  });
});

describe('open WebSockets end with their credential', () => {
  test('a revoked API key closes its socket', async () => {
    const { first } = await tenantWithTwoAdmins();
    const created = await call('POST', '/api-keys', first.headers, { name: 'ws', scopes: ['read'] });
    const socket = await socketOn(created.json().key);
    await call('DELETE', `/api-keys/${created.json().apiKey.id}`, first.headers);
    assert.equal((await socket.closed).code, 4401);
  });

  test('a deactivated member gets no further events and is closed', async () => {
    const { tenant, first, second, secondId } = await tenantWithTwoAdmins();
    const socket = await socketOn(second.accessToken, ['tenant']);
    await call('PATCH', `/users/${secondId}`, first.headers, { status: 'inactive' });
    assert.equal((await socket.closed).code, 4401);
    // An event after the close never reached it.
    await call('POST', '/users', first.headers, {
      email: `after-${tenant.id}@x.test`,
      name: 'A',
      role: 'viewer',
    });
    assert.ok(!socket.messages.some((m) => m.event?.type === 'MemberAdded'));
  });

  test('a demoted admin keeps the socket but stops receiving the events that need admin', async () => {
    const { tenant, first, second, secondId } = await tenantWithTwoAdmins();
    const socket = await socketOn(second.accessToken, ['tenant']);
    await call('POST', '/users', first.headers, {
      email: `before-${tenant.id}@x.test`,
      name: 'B',
      role: 'viewer',
    });
    await socket.next((m) => m.event?.type === 'MemberAdded', 'MemberAdded while admin');
    await call('PATCH', `/users/${secondId}`, first.headers, { role: 'viewer' });
    await call('POST', '/users', first.headers, {
      email: `after-${tenant.id}@x.test`,
      name: 'A',
      role: 'viewer',
    });
    // A read-level event after it on the same connection: had the member event been sent, it came first.
    const line = await newLine(first.headers, tenant.facilityId);
    await call('POST', `/plant-ops/lines/${line.json().id}/status`, first.headers, { status: 'idle' });
    await socket.next((m) => m.event?.type === 'LineStatusChanged', 'LineStatusChanged as viewer');
    const members = socket.messages.filter((m) => m.event?.type === 'MemberAdded');
    assert.deepEqual(
      members.map((m) => m.event?.data.email),
      [`before-${tenant.id}@x.test`],
    );
  });

  test("a deactivated customer's open sockets are closed", async () => {
    const { tenant, first } = await tenantWithTwoAdmins();
    const socket = await socketOn(first.accessToken);
    await call('POST', `/admin/customers/${tenant.id}/deactivate`, root.headers);
    const closed = await socket.closed;
    assert.equal(closed.code, 4401);
    assert.ok(socket.messages.some((m) => m.type === 'error' && m.code === 'unauthorized'));
  });

  test('a socket whose access token expires is closed (the client renews and reconnects)', async () => {
    const { tenant } = await tenantWithTwoAdmins();
    const session = await signIn(t.app, tenant.users.operator.email);
    const claims = decodeJwt(session.accessToken);
    // Long enough to be accepted on a loaded machine; the socket must then close when it runs out.
    const shortLived = await new AccessTokens(await loadSigningKey(t.database.db, undefined), 10).issue({
      userId: String(claims.sub),
      email: tenant.users.operator.email,
      tenantId: tenant.id,
      role: 'operator',
      platformRole: null,
      sessionId: String(claims.sid),
    });
    const socket = await connectWs(base, shortLived.token);
    sockets.push(socket);
    // Accepted (not waiting for a subscription ack, which a busy machine could let the token outlive).
    await socket.next((m) => m.type === 'ready', 'ready', 60_000);
    assert.equal((await socket.closed).code, 4401);
    assert.ok(socket.messages.some((m) => m.type === 'error' && m.code === 'unauthorized'));
  });
});

describe('two server processes on one database', () => {
  test("a change made through one process ends the other's cached credentials and sockets", async (ctx) => {
    const other = await createTestApp({ database: t.database, env: { AUTH_CACHE_MS: '2000' } });
    try {
      await other.app.listen({ port: 0, host: '127.0.0.1' });
      const otherBase = `http://127.0.0.1:${(other.app.server.address() as AddressInfo).port}`;
      const { first, second, secondId } = await tenantWithTwoAdmins();
      const viaOther = () => other.app.inject({ url: '/api/v1/auth/me', headers: second.headers });
      assert.equal((await viaOther()).json().role, 'admin');
      const socket = await connectWs(otherBase, second.accessToken);
      sockets.push(socket);
      await socket.next((m) => m.type === 'ready', 'ready');

      const started = Date.now();
      await call('PATCH', `/users/${secondId}`, first.headers, { status: 'inactive' });
      assert.equal((await socket.closed).code, 4401);
      for (;;) {
        if ((await viaOther()).statusCode === 401) break;
        assert.ok(Date.now() - started < 30_000, 'the other process never refused the token');
        await new Promise((resolve) => setImmediate(resolve));
      }
      ctx.diagnostic(`refused by the other process after ${Date.now() - started} ms`);
    } finally {
      await other.app.close();
    }
  });
});
