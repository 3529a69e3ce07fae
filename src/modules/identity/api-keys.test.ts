import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../platform/http/testing.ts';
import { eventually } from '../../platform/jobs/testing.ts';
import { createTestTenant, signIn, type TestSession, type TestTenant } from './testing.ts';

let t: TestApp;
let acme: TestTenant;
let admin: TestSession;
let operator: TestSession;

before(async () => {
  t = await createTestApp();
  acme = await createTestTenant(t.database.db, 'keys');
  admin = await signIn(t.app, acme.users.admin.email);
  operator = await signIn(t.app, acme.users.operator.email);
});
after(() => t.close());

async function createKey(session: TestSession, payload: object) {
  return t.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: session.headers, payload });
}

const me = (headers: Record<string, string>) => t.app.inject({ url: '/api/v1/auth/me', headers });

describe('API keys', () => {
  test('created once with a pi_ key that authenticates via X-API-Key and via Bearer', async () => {
    const res = await createKey(operator, { name: 'line gateway', scopes: ['operate'] });
    assert.equal(res.statusCode, 201);
    const { apiKey, key } = res.json();
    assert.match(key, /^pi_[A-Za-z0-9_-]{32}$/);
    assert.equal(apiKey.prefix, key.slice(0, 11));
    assert.deepEqual(apiKey.scopes, ['operate']);
    const expiresInDays = (Date.parse(apiKey.expiresAt) - Date.now()) / 86_400_000;
    assert.ok(expiresInDays > 89.9 && expiresInDays <= 90, 'default expiry is 90 days');

    const viaHeader = await me({ 'x-api-key': key });
    assert.equal(viaHeader.statusCode, 200);
    assert.equal(viaHeader.json().principal, 'apiKey');
    assert.deepEqual(viaHeader.json().scopes, ['operate']);
    assert.equal((await me({ authorization: `Bearer ${key}` })).statusCode, 200);

    // Never shown again: the list carries the prefix only, and records the use (written in the
    // background, so give it a moment).
    const listed = await eventually(async () => {
      const list = await t.app.inject({ url: '/api/v1/api-keys', headers: operator.headers });
      assert.ok(!list.body.includes(key));
      const item = list.json().items.find((k: { id: string }) => k.id === apiKey.id);
      return item?.lastUsedAt ? (item as { lastUsedAt: string }) : undefined;
    }, 'the last use to be recorded');
    assert.ok(listed?.lastUsedAt, 'last use is recorded');
  });

  test('scopes wider than the creator role are refused', async () => {
    const res = await createKey(operator, { name: 'too much', scopes: ['read', 'admin'] });
    assert.equal(res.statusCode, 403);
    assert.match(res.json().error.message, /wider than your role \(operator\): admin/);
    const analyze = await createKey(operator, { name: 'too much', scopes: ['analyze'] });
    assert.equal(analyze.statusCode, 403);
  });

  test("a key cannot do what its scopes don't include, nor create keys", async () => {
    const { key } = (await createKey(admin, { name: 'reader', scopes: ['read'] })).json();
    const headers = { 'x-api-key': key };
    const keys = await t.app.inject({ url: '/api/v1/api-keys', headers });
    assert.equal(keys.statusCode, 403);
    assert.match(keys.json().error.message, /needs the scope "admin"/);
    const users = await t.app.inject({ url: '/api/v1/users', headers });
    assert.equal(users.statusCode, 403);
    assert.match(users.json().error.message, /lacks the scope "admin"/);
    const nested = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers,
      payload: { name: 'child', scopes: ['read'] },
    });
    assert.equal(nested.statusCode, 403);
  });

  test('a key never does more than its creator may do today', async () => {
    const analyst = await signIn(t.app, acme.users.analyst.email);
    const { key } = (await createKey(analyst, { name: 'analysis bot', scopes: ['read', 'analyze'] })).json();
    const demoted = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${acme.users.analyst.id}`,
      headers: admin.headers,
      payload: { role: 'viewer' },
    });
    assert.equal(demoted.statusCode, 200);
    assert.deepEqual((await me({ 'x-api-key': key })).json().scopes, ['read']);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${acme.users.analyst.id}`,
      headers: admin.headers,
      payload: { role: 'analyst' },
    });
  });

  test('revoked and expired keys → 401; revocation is audited', async () => {
    const { apiKey, key } = (await createKey(admin, { name: 'temp', scopes: ['read'] })).json();
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${apiKey.id}`,
      headers: admin.headers,
    });
    assert.equal(revoke.statusCode, 204);
    assert.equal((await me({ 'x-api-key': key })).statusCode, 401);

    const past = await createKey(admin, { name: 'old', scopes: ['read'], expiresAt: '2020-01-01T00:00:00Z' });
    assert.equal(past.statusCode, 400);
    const shortLived = (
      await createKey(admin, {
        name: 'short',
        scopes: ['read'],
        expiresAt: new Date(Date.now() + 1500).toISOString(),
      })
    ).json();
    assert.equal((await me({ 'x-api-key': shortLived.key })).statusCode, 200);
    // Refused once its time is up (waited for, not slept past: a busy machine may take longer).
    await eventually(
      async () => ((await me({ 'x-api-key': shortLived.key })).statusCode === 401 ? true : undefined),
      'the short-lived key to expire',
    );

    const log = await t.app.inject({
      url: '/api/v1/audit-log?action=api_key.revoke',
      headers: admin.headers,
    });
    assert.equal(log.json().items[0].target.id, apiKey.id);
  });

  test("non-admins see and revoke only their own keys; others' are not found", async () => {
    const { apiKey } = (await createKey(admin, { name: 'admin key', scopes: ['read'] })).json();
    const mine = await t.app.inject({ url: '/api/v1/api-keys', headers: operator.headers });
    assert.ok(
      mine
        .json()
        .items.every((k: { createdBy: { id: string } }) => k.createdBy.id === acme.users.operator.id),
    );
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${apiKey.id}`,
      headers: operator.headers,
    });
    assert.equal(revoke.statusCode, 404);
    const all = await t.app.inject({ url: '/api/v1/api-keys', headers: admin.headers });
    assert.ok(all.json().items.some((k: { id: string }) => k.id === apiKey.id));
  });
});
