// Shared set-up of the supply entity tests: an app, two tenants (acme, and another whose ids acme
// must not reach), a session per role, and small helpers to make warehouses, SKUs and orders.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { createTestApp, type TestApp } from '../../../platform/http/testing.ts';
import { createTestTenant, signIn, type TestSession, type TestTenant } from '../../identity/testing.ts';

export type Role = 'admin' | 'operator' | 'analyst' | 'viewer';
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Registers before/after hooks in the calling test file; the kit's fields are set once `before` ran. */
export function supplyTestKit(slug: string) {
  const kit = {
    t: undefined as unknown as TestApp,
    acme: undefined as unknown as TestTenant,
    s: {} as Record<Role, TestSession>,
    /** Another tenant, and its admin's session. */
    otherTenant: undefined as unknown as TestTenant,
    other: undefined as unknown as TestSession,
    /** `/api/v1/supply<url>`: status and JSON body. */
    async call(session: TestSession, method: Method, url: string, payload?: object) {
      const res = await kit.t.app.inject({
        method,
        url: `/api/v1/supply${url}`,
        headers: session.headers,
        ...(payload !== undefined ? { payload } : {}),
      });
      const json = res.headers['content-type']?.toString().startsWith('application/json');
      return { status: res.statusCode, body: res.body && json ? res.json() : undefined };
    },
    /** `call` that must succeed; returns the body. */
    async ok(session: TestSession, method: Method, url: string, payload?: object) {
      const res = await kit.call(session, method, url, payload);
      assert.ok(
        res.status >= 200 && res.status < 300,
        `${method} ${url} → ${res.status} ${JSON.stringify(res.body)}`,
      );
      return res.body;
    },
    /** A CSV file posted as the body (text/csv). */
    async csv(session: TestSession, url: string, text: string) {
      const res = await kit.t.app.inject({
        method: 'POST',
        url: `/api/v1/supply${url}`,
        headers: { ...session.headers, 'content-type': 'text/csv' },
        payload: text,
      });
      return { status: res.statusCode, body: res.json() };
    },
    async warehouse(code: string, extra: object = {}) {
      return kit.ok(kit.s.admin, 'POST', '/entities/warehouses', {
        code,
        name: `Warehouse ${code}`,
        ...extra,
      });
    },
    async sku(warehouseId: string, sku: string, extra: object = {}) {
      return kit.ok(kit.s.admin, 'POST', '/entities/inventory', { warehouseId, sku, ...extra });
    },
    async client(name: string, extra: object = {}) {
      return kit.ok(kit.s.admin, 'POST', '/entities/clients', { name, ...extra });
    },
  };
  before(async () => {
    kit.t = await createTestApp();
    kit.acme = await createTestTenant(kit.t.database.db, slug);
    for (const role of ['admin', 'operator', 'analyst', 'viewer'] as const)
      kit.s[role] = await signIn(kit.t.app, kit.acme.users[role].email);
    kit.otherTenant = await createTestTenant(kit.t.database.db, `${slug}-other`);
    kit.other = await signIn(kit.t.app, kit.otherTenant.users.admin.email);
  });
  after(() => kit.t?.close());
  return kit;
}
