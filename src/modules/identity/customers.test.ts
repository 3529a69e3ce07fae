import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createTestApp, type TestApp } from '../../platform/http/testing.ts';
import {
  createTestSuperadmin,
  createTestTenant,
  signIn,
  type TestSession,
  type TestTenant,
} from './testing.ts';

describe('platform administration (superadmin)', () => {
  let t: TestApp;
  let root: TestSession;
  let acme: TestTenant;

  before(async () => {
    t = await createTestApp();
    await createTestSuperadmin(t.database.db);
    acme = await createTestTenant(t.database.db, 'cust');
    root = await signIn(t.app, 'root@platform.test');
  });
  after(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, session = root) =>
    t.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });

  test('create, search, paginate, update; duplicate email → 409', async () => {
    for (const [name, email] of [
      ['Bolt Works', 'ops@bolt.test'],
      ['Cobalt Foods', 'ops@cobalt.test'],
      ['Delta Pharma', 'ops@delta.test'],
    ]) {
      const res = await call('POST', '/api/v1/admin/customers', { name, email, plan: 'subscription' });
      assert.equal(res.statusCode, 201);
      assert.equal(res.json().status, 'trial');
    }
    const dup = await call('POST', '/api/v1/admin/customers', { name: 'Again', email: 'OPS@bolt.test' });
    assert.equal(dup.statusCode, 409);

    const search = await call('GET', '/api/v1/admin/customers?search=cobalt');
    assert.deepEqual(
      search.json().items.map((c: { name: string }) => c.name),
      ['Cobalt Foods'],
    );
    const page = await call('GET', '/api/v1/admin/customers?plan=subscription&limit=2&offset=0');
    assert.equal(page.json().total, 3);
    assert.equal(page.json().items.length, 2);

    const id = search.json().items[0].id;
    const patched = await call('PATCH', `/api/v1/admin/customers/${id}`, {
      status: 'active',
      phone: '+49 30 1234',
    });
    assert.equal(patched.statusCode, 200);
    assert.equal(patched.json().status, 'active');
    assert.equal(patched.json().phone, '+49 30 1234');
  });

  test('facilities per customer: add, list, update; duplicate code → 409', async () => {
    const added = await call('POST', `/api/v1/admin/customers/${acme.id}/facilities`, {
      code: 'F2',
      name: 'Second plant',
      timezone: 'Europe/Berlin',
    });
    assert.equal(added.statusCode, 201);
    const dup = await call('POST', `/api/v1/admin/customers/${acme.id}/facilities`, {
      code: 'F2',
      name: 'x',
    });
    assert.equal(dup.statusCode, 409);
    const badZone = await call('POST', `/api/v1/admin/customers/${acme.id}/facilities`, {
      code: 'F3',
      name: 'x',
      timezone: 'Mars/Olympus',
    });
    assert.equal(badZone.statusCode, 400);
    const renamed = await call('PATCH', `/api/v1/admin/customers/${acme.id}/facilities/${added.json().id}`, {
      name: 'Berlin plant',
    });
    assert.equal(renamed.json().name, 'Berlin plant');
    const detail = await call('GET', `/api/v1/admin/customers/${acme.id}`);
    assert.deepEqual(
      detail.json().facilities.map((f: { code: string }) => f.code),
      ['F1', 'F2'],
    );
  });

  test('deactivating a customer ends its sessions and refuses sign-in; it is audited', async () => {
    const member = await signIn(t.app, acme.users.viewer.email);
    const res = await call('POST', `/api/v1/admin/customers/${acme.id}/deactivate`);
    assert.equal(res.json().status, 'inactive');
    const refresh = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: member.refreshToken },
    });
    assert.equal(refresh.statusCode, 401);
    await assert.rejects(signIn(t.app, acme.users.admin.email), /403/);

    const rows = await t.database.db.execute(
      "select action, actor_label from audit_log where action like 'customer.%' or action like 'facility.%'",
    );
    const actions = (rows as unknown as { rows: { action: string; actor_label: string }[] }).rows;
    for (const action of ['customer.create', 'customer.update', 'customer.deactivate', 'facility.create']) {
      assert.ok(
        actions.some((a) => a.action === action && a.actor_label === 'root@platform.test'),
        `${action} audited`,
      );
    }
  });

  test('tenant users, even admins, cannot reach platform endpoints', async () => {
    const other = await createTestTenant(t.database.db, 'cust2');
    const admin = await signIn(t.app, other.users.admin.email);
    const res = await call('GET', '/api/v1/admin/customers', undefined, admin);
    assert.equal(res.statusCode, 403);
  });
});

describe('external identity provider (OIDC)', () => {
  let t: TestApp;
  let jwks: Server;
  let acme: TestTenant;
  const issuer = 'https://idp.example.test';
  const keys = generateKeyPair('RS256');

  before(async () => {
    const { publicKey } = await keys;
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as AddressInfo;
    t = await createTestApp({
      env: {
        OIDC_JWKS_URL: `http://127.0.0.1:${port}/jwks`,
        OIDC_ISSUER: issuer,
        OIDC_AUDIENCE: 'plantintel',
      },
    });
    acme = await createTestTenant(t.database.db, 'oidc');
  });
  after(async () => {
    await t.close();
    jwks.close();
  });

  async function idToken(
    claims: Record<string, unknown>,
    options: { audience?: string; expires?: string } = {},
  ) {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(issuer)
      .setAudience(options.audience ?? 'plantintel')
      .setIssuedAt()
      .setExpirationTime(options.expires ?? '5m')
      .sign((await keys).privateKey);
  }

  const me = (token: string) =>
    t.app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });

  test("the provider's token is mapped to our user by email, then by subject", async () => {
    // An unverified email links nothing.
    assert.equal((await me(await idToken({ sub: 'idp|42', email: 'Analyst@oidc.test' }))).statusCode, 401);
    const first = await me(
      await idToken({ sub: 'idp|42', email: 'Analyst@oidc.test', email_verified: true }),
    );
    assert.equal(first.statusCode, 200);
    assert.equal(first.json().user.email, 'analyst@oidc.test');
    assert.equal(first.json().role, 'analyst');
    // Linked: the subject alone now identifies the user, whatever email the provider sends.
    const second = await me(await idToken({ sub: 'idp|42' }));
    assert.equal(second.json().user.id, acme.users.analyst.id);
  });

  test('unknown people, wrong audience, expired or foreign-signed tokens → 401', async () => {
    assert.equal(
      (await me(await idToken({ sub: 'idp|nobody', email: 'x@nowhere.test', email_verified: true })))
        .statusCode,
      401,
    );
    // Even a verified email never links to a platform superadmin.
    await createTestSuperadmin(t.database.db, 'root@oidc.test');
    assert.equal(
      (await me(await idToken({ sub: 'idp|root', email: 'root@oidc.test', email_verified: true })))
        .statusCode,
      401,
    );
    assert.equal((await me(await idToken({ sub: 'idp|42' }, { audience: 'other-app' }))).statusCode, 401);
    assert.equal((await me(await idToken({ sub: 'idp|42' }, { expires: '-1m' }))).statusCode, 401);
    const stranger = await generateKeyPair('RS256');
    const forged = await new SignJWT({ sub: 'idp|42' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(issuer)
      .setAudience('plantintel')
      .setExpirationTime('5m')
      .sign(stranger.privateKey);
    assert.equal((await me(forged)).statusCode, 401);
  });
});
