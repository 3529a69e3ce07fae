// Shared set-up of the plant API tests: an app, a tenant with one session per role, and helpers.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/http/testing.ts';
import { createTestTenant, signIn, type TestSession, type TestTenant } from '../identity/testing.ts';

export type Role = 'admin' | 'operator' | 'analyst' | 'viewer';

// Yesterday (UTC), so every time of the worked example lies in the past.
export const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
export const at = (hhmm: string) => `${day}T${hhmm}:00.000Z`;
export const pct = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 100);

/** Registers before/after hooks in the calling test file; the kit's fields are set once `before` ran. */
export function plantTestKit(slug: string) {
  const kit = {
    t: undefined as unknown as TestApp,
    acme: undefined as unknown as TestTenant,
    s: {} as Record<Role, TestSession>,
    async call(
      session: TestSession,
      method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
      url: string,
      payload?: object,
    ) {
      const res = await kit.t.app.inject({
        method,
        url: `/api/v1/plant-ops${url}`,
        headers: session.headers,
        ...(payload ? { payload } : {}),
      });
      return { status: res.statusCode, body: res.body ? res.json() : undefined };
    },
    async newLine(code: string, since = `${day}T00:00:00.000Z`) {
      const { status, body } = await kit.call(kit.s.admin, 'POST', '/lines', {
        facilityId: kit.acme.facilityId,
        code,
        name: `Line ${code}`,
      });
      assert.equal(status, 201, JSON.stringify(body));
      // The line has been in service since the start of the day (the status history starts there).
      const db = kit.t.database.db;
      await db.execute(sql`update production_lines set status_since = ${since} where id = ${body.id}`);
      await db.execute(sql`update line_status_history set started_at = ${since} where line_id = ${body.id}`);
      return body.id as string;
    },
    async newBatch(lineId: string, extra: object = {}) {
      const { status, body } = await kit.call(kit.s.operator, 'POST', '/batches', {
        lineId,
        productSku: 'JUICE-1L',
        plannedQuantity: 20_000,
        idealCycleSeconds: 1.0,
        labourRate: 30,
        materialCostPerUnit: 0.2,
        ...extra,
      });
      assert.equal(status, 201, JSON.stringify(body));
      return body.id as string;
    },
  };
  before(async () => {
    kit.t = await createTestApp();
    kit.acme = await createTestTenant(kit.t.database.db, slug);
    for (const role of ['admin', 'operator', 'analyst', 'viewer'] as const)
      kit.s[role] = await signIn(kit.t.app, kit.acme.users[role].email);
  });
  after(() => kit.t?.close());
  return kit;
}
