// The security sweep: generated from the live route table, so every route a module adds is covered
// without anyone writing a test for it. For each /api route:
//   no credentials → 401 · expired, tampered or foreign-signed token → 401 · revoked API key → 401
//   a role or key without the route's scope → 403 · tenant A addressing tenant B's id → 404, never 2xx
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { loadSigningKey } from '../../src/modules/identity/signing-key.ts';
import {
  createTestSuperadmin,
  createTestTenant,
  signIn,
  type TestSession,
  type TestTenant,
} from '../../src/modules/identity/testing.ts';
import { ROLE_SCOPES, type Scope, TENANT_ROLES } from '../../src/platform/auth/principal.ts';
import { AccessTokens } from '../../src/platform/auth/tokens.ts';
import { type RouteAccess, routeTable } from '../../src/platform/http/access.ts';
import { createTestApp, type TestApp } from '../../src/platform/http/testing.ts';
import { CROSS_TENANT_BY_DESIGN, FIXTURES, PUBLIC_ROUTES } from './fixtures.ts';

let t: TestApp;
let a: TestTenant;
let b: TestTenant;
const sessions = {} as Record<(typeof TENANT_ROLES)[number], TestSession>;
let bAdmin: TestSession;
let routes: readonly RouteAccess[];
let operateOnlyKey: string;
let allScopesKey: string;
let revokedKey: string;
let expiredToken: string;
let foreignToken: string;

before(async () => {
  t = await createTestApp();
  a = await createTestTenant(t.database.db, 'sweep-a');
  b = await createTestTenant(t.database.db, 'sweep-b');
  await createTestSuperadmin(t.database.db);
  for (const role of TENANT_ROLES) sessions[role] = await signIn(t.app, a.users[role].email);
  bAdmin = await signIn(t.app, b.users.admin.email);
  routes = routeTable(t.app);

  const key = async (session: TestSession, scopes: Scope[]) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: session.headers,
      payload: { name: 'sweep', scopes },
    });
    return res.json() as { apiKey: { id: string }; key: string };
  };
  operateOnlyKey = (await key(sessions.operator, ['operate'])).key;
  allScopesKey = (await key(sessions.admin, ['read', 'operate', 'analyze', 'admin'])).key;
  const doomed = await key(sessions.admin, ['read', 'operate', 'analyze', 'admin']);
  await t.app.inject({
    method: 'DELETE',
    url: `/api/v1/api-keys/${doomed.apiKey.id}`,
    headers: sessions.admin.headers,
  });
  revokedKey = doomed.key;

  const claims = {
    userId: a.users.admin.id,
    email: a.users.admin.email,
    tenantId: a.id,
    role: 'admin' as const,
    platformRole: null,
    sessionId: randomUUID(),
  };
  const realKey = await loadSigningKey(t.database.db, undefined);
  expiredToken = (await new AccessTokens(realKey, 60).issue(claims, Date.now() - 3_600_000)).token;
  foreignToken = (await new AccessTokens('x'.repeat(48), 60).issue(claims)).token;
});
after(() => t?.close());

/** A URL for the route with placeholder ids: access control runs before params are even validated. */
const placeholderUrl = (url: string) => url.replace(/:[A-Za-z]+/g, randomUUID());
const fill = (url: string, params: Record<string, string>) =>
  url.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (!value) throw new Error(`fixture for ${url} has no value for :${name}`);
    return value;
  });
const tampered = (token: string) => `${token.slice(0, -4)}${token.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;

function request(
  route: RouteAccess,
  headers: Record<string, string>,
  url = placeholderUrl(route.url),
  body?: object,
) {
  const method = route.method as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  const payload = body ?? (['POST', 'PATCH', 'PUT'].includes(method) ? {} : undefined);
  return t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
}

describe('security sweep over every /api route', () => {
  test('the route table is populated and every route declares its access', () => {
    assert.ok(routes.length >= 15, `only ${routes.length} routes found`);
    for (const route of routes) assert.ok(route.access, `${route.method} ${route.url}`);
  });

  test('public routes are exactly the reviewed list', () => {
    const open = routes.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`);
    assert.deepEqual(open.sort(), [...PUBLIC_ROUTES].sort());
  });

  test('401 without credentials, with an expired, tampered or foreign-signed token, or a revoked key', async () => {
    for (const route of routes.filter((r) => r.access !== 'public')) {
      const name = `${route.method} ${route.url}`;
      const cases: [string, Record<string, string>][] = [
        ['no credentials', {}],
        ['expired token', { authorization: `Bearer ${expiredToken}` }],
        ['tampered token', { authorization: `Bearer ${tampered(sessions.admin.accessToken)}` }],
        ['token signed with another key', { authorization: `Bearer ${foreignToken}` }],
        ['garbage bearer', { authorization: 'Bearer not-a-token' }],
        ['revoked API key', { 'x-api-key': revokedKey }],
      ];
      for (const [label, headers] of cases) {
        const res = await request(route, headers);
        assert.equal(res.statusCode, 401, `${name} with ${label} → ${res.statusCode} ${res.body}`);
        assert.equal(res.json().error.code, 'unauthorized');
      }
    }
  });

  test('403 for every role or key without the scope the route needs', async () => {
    for (const route of routes) {
      const name = `${route.method} ${route.url}`;
      const denied: [string, Record<string, string>][] = [];
      if (route.access === 'platform') {
        for (const role of TENANT_ROLES) denied.push([role, sessions[role].headers]);
      } else if (route.access !== 'public' && route.access !== 'authenticated') {
        const scope = route.access;
        for (const role of TENANT_ROLES) {
          if (!ROLE_SCOPES[role].includes(scope)) denied.push([role, sessions[role].headers]);
        }
        if (scope !== 'operate') denied.push(['operate-only API key', { 'x-api-key': operateOnlyKey }]);
      }
      for (const [who, headers] of denied) {
        const res = await request(route, headers);
        assert.equal(res.statusCode, 403, `${name} as ${who} → ${res.statusCode} ${res.body}`);
        assert.equal(res.json().error.code, 'forbidden');
      }
    }
  });

  test('routes for signed-in people refuse an API key, even one with every scope', async () => {
    const signedInOnly = routes.filter((r) => r.signedIn);
    assert.ok(signedInOnly.length >= 5, `only ${signedInOnly.length} signed-in routes`);
    for (const route of signedInOnly) {
      const res = await request(route, { 'x-api-key': allScopesKey });
      assert.equal(
        res.statusCode,
        403,
        `${route.method} ${route.url} with a key → ${res.statusCode} ${res.body}`,
      );
      assert.equal(res.json().error.code, 'forbidden');
    }
  });

  test("404, never 2xx, when tenant A addresses tenant B's ids", async () => {
    const withIds = routes.filter((r) => r.url.includes(':') && !CROSS_TENANT_BY_DESIGN(r.url));
    assert.ok(withIds.length > 0);
    const missing = withIds.map((r) => `${r.method} ${r.url}`).filter((k) => !FIXTURES[k]);
    assert.deepEqual(missing, [], 'add these routes to test/security/fixtures.ts');
    for (const route of withIds) {
      const name = `${route.method} ${route.url}`;
      const fixture = FIXTURES[name];
      if (!fixture) continue;
      const target = await fixture({ t, owner: b, ownerAdmin: bAdmin });
      const url = fill(route.url, target.params);
      const asA = await request(route, sessions.admin.headers, url, target.body);
      assert.equal(asA.statusCode, 404, `${name} from tenant A → ${asA.statusCode} ${asA.body}`);
      // The fixture is real: tenant B itself reaches the same resource.
      const asB = await request(route, bAdmin.headers, url, target.body);
      assert.ok(asB.statusCode < 300, `${name} from tenant B → ${asB.statusCode} ${asB.body}`);
    }
  });
});
