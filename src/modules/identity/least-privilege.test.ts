// Least privilege for API keys and events (security review: a read key acting as its creator, an
// admin key minting admins, keys that never expire, /me of a key, viewers reading member events).
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../platform/http/testing.ts';
import { connectWs, type TestSocket } from '../../platform/realtime/testing.ts';
import { callApi, createTestTenant, signIn, type TestSession, type TestTenant } from './testing.ts';

let t: TestApp;
let acme: TestTenant;
let admin: TestSession;
const sockets: TestSocket[] = [];

before(async () => {
  t = await createTestApp({ env: { API_KEY_MAX_LIFETIME_DAYS: '30' } });
  acme = await createTestTenant(t.database.db, 'lp');
  admin = await signIn(t.app, acme.users.admin.email);
});
after(async () => {
  for (const socket of sockets) socket.close();
  await t?.close();
});

const call = (...args: Parameters<typeof callApi> extends [unknown, ...infer R] ? R : never) =>
  callApi(t.app, ...args);
const createKey = (session: TestSession, payload: object) =>
  call('POST', '/api-keys', session.headers, payload);
async function keyOf(session: TestSession, scopes: string[]) {
  const res = await createKey(session, { name: scopes.join('+'), scopes });
  assert.equal(res.statusCode, 201, res.body);
  return { id: res.json().apiKey.id as string, headers: { 'x-api-key': res.json().key as string } };
}

describe('API keys are never their creator', () => {
  test("a read key can neither manage keys nor end its creator's sign-in", async () => {
    const adminKey = await keyOf(admin, ['read', 'admin']);
    const readKey = await keyOf(admin, ['read']);
    assert.equal((await call('DELETE', `/api-keys/${adminKey.id}`, readKey.headers)).statusCode, 403);
    assert.equal((await call('GET', '/api-keys', readKey.headers)).statusCode, 403);
    const logout = await call('POST', '/auth/logout', readKey.headers, { refreshToken: admin.refreshToken });
    assert.equal(logout.statusCode, 403);
    assert.equal((await call('GET', '/users', adminKey.headers)).statusCode, 200);
    const refreshed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: admin.refreshToken },
    });
    assert.equal(refreshed.statusCode, 200);
    admin = { ...admin, refreshToken: refreshed.json().refreshToken };
  });

  test('an admin key reads members and the audit log and revokes keys, but creates no credentials', async () => {
    const adminKey = await keyOf(admin, ['read', 'operate', 'analyze', 'admin']);
    const victimKey = await keyOf(admin, ['read']);
    const minted = await call('POST', '/users', adminKey.headers, {
      email: 'mint@lp.test',
      name: 'M',
      role: 'admin',
    });
    assert.equal(minted.statusCode, 403);
    const promoted = await call('PATCH', `/users/${acme.users.viewer.id}`, adminKey.headers, {
      role: 'admin',
    });
    assert.equal(promoted.statusCode, 403);
    assert.equal(
      (await call('POST', '/api-keys', adminKey.headers, { name: 'c', scopes: ['read'] })).statusCode,
      403,
    );
    assert.equal((await call('GET', '/users', adminKey.headers)).statusCode, 200);
    assert.equal((await call('GET', '/audit-log', adminKey.headers)).statusCode, 200);
    assert.equal((await call('DELETE', `/api-keys/${victimKey.id}`, adminKey.headers)).statusCode, 204);
  });

  test("a key's /auth/me shows its own tenant only, not its creator's other memberships", async () => {
    const other = await createTestTenant(t.database.db, 'lp-other');
    const otherAdmin = await signIn(t.app, other.users.admin.email);
    const { invitation } = (
      await call('POST', '/users', otherAdmin.headers, {
        email: acme.users.admin.email,
        name: 'A',
        role: 'viewer',
      })
    ).json();
    assert.equal(
      (await call('POST', '/auth/invitations/accept', admin.headers, { token: invitation.token })).statusCode,
      200,
    );
    assert.equal((await call('GET', '/auth/me', admin.headers)).json().memberships.length, 2);
    const key = await keyOf(admin, ['read']);
    const me = (await call('GET', '/auth/me', key.headers)).json();
    assert.equal(me.tenant.id, acme.id);
    assert.deepEqual(me.memberships, []);
  });

  test('keys must expire, at most API_KEY_MAX_LIFETIME_DAYS ahead', async () => {
    assert.equal(
      (await createKey(admin, { name: 'never', scopes: ['read'], expiresAt: null })).statusCode,
      400,
    );
    const far = new Date(Date.now() + 31 * 86_400_000).toISOString();
    const tooLong = await createKey(admin, { name: 'far', scopes: ['read'], expiresAt: far });
    assert.equal(tooLong.statusCode, 400);
    assert.match(tooLong.json().error.message, /at most 30 days/);
    const fine = await createKey(admin, { name: 'ok', scopes: ['read'] });
    const days = (Date.parse(fine.json().apiKey.expiresAt) - Date.now()) / 86_400_000;
    assert.ok(days > 29.9 && days <= 30, `default lifetime capped to the maximum: ${days}`);
  });
});

describe('events carry the access their data needs', () => {
  test('viewers cannot rebuild the member list from the event history', async () => {
    const viewer = await signIn(t.app, acme.users.viewer.email);
    await call('POST', '/users', admin.headers, {
      email: 'seen-by-admins@lp.test',
      name: 'S',
      role: 'analyst',
    });
    const asViewer = await call('GET', '/events?aggregateType=user', viewer.headers);
    assert.equal(asViewer.statusCode, 200);
    assert.deepEqual(asViewer.json().items, []);
    const asAdmin = await call('GET', '/events?aggregateType=user', admin.headers);
    assert.ok(asAdmin.json().items.some((e: { type: string }) => e.type === 'MemberAdded'));
  });

  test('member events are pushed to admins, not to viewers on the same topic', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const viewer = await signIn(t.app, acme.users.viewer.email);
    const open = async (token: string) => {
      const socket = await connectWs(base, token);
      sockets.push(socket);
      socket.send({ type: 'subscribe', topics: ['tenant'] });
      await socket.next((m) => m.type === 'subscribed', 'subscription ack');
      return socket;
    };
    const adminSocket = await open(admin.accessToken);
    const viewerSocket = await open(viewer.accessToken);
    await call('POST', '/users', admin.headers, { email: 'pushed@lp.test', name: 'P', role: 'viewer' });
    // A read-level event committed after it: once the viewer has this one, the member event
    // (earlier on the same connection) would have arrived too had it been sent.
    const line = await call('POST', '/plant-ops/lines', admin.headers, {
      facilityId: acme.facilityId,
      code: 'LP1',
      name: 'Line',
    });
    await call('POST', `/plant-ops/lines/${line.json().id}/status`, admin.headers, {
      status: 'down',
      reasonCode: 'BREAKDOWN',
    });
    await adminSocket.next((m) => m.event?.type === 'MemberAdded', 'MemberAdded for the admin');
    await viewerSocket.next((m) => m.event?.type === 'LineStatusChanged', 'LineStatusChanged for the viewer');
    assert.ok(!viewerSocket.messages.some((m) => m.event?.type === 'MemberAdded'));
  });
});
