// Shared set-up of the telemetry API tests: an app, a tenant with one session per role, helpers.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/database.ts';
import { createTestApp, type TestApp } from '../../platform/http/testing.ts';
import { createTestTenant, signIn, type TestSession, type TestTenant } from '../identity/testing.ts';

export type Role = 'admin' | 'operator' | 'analyst' | 'viewer';

/** Registers before/after hooks in the calling test file; the kit's fields are set once `before` ran. */
export function telemetryTestKit(slug: string) {
  const kit = {
    t: undefined as unknown as TestApp,
    acme: undefined as unknown as TestTenant,
    s: {} as Record<Role, TestSession>,
    async call(
      session: TestSession,
      method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
      url: string,
      payload?: object | string,
      headers: Record<string, string> = {},
    ) {
      const res = await kit.t.app.inject({
        method,
        url: `/api/v1/plant-ops${url}`,
        headers: { ...session.headers, ...headers },
        ...(payload !== undefined ? { payload } : {}),
      });
      return { status: res.statusCode, body: res.body ? res.json() : undefined };
    },
    async newSensor(key: string, extra: object = {}) {
      const { status, body } = await kit.call(kit.s.admin, 'POST', '/sensors', {
        facilityId: kit.acme.facilityId,
        key,
        name: `Sensor ${key}`,
        type: 'temperature',
        unit: '°C',
        ...extra,
      });
      assert.equal(status, 201, JSON.stringify(body));
      return body.id as string;
    },
    async bulk(payload: object, session?: TestSession) {
      const { status, body } = await kit.call(
        session ?? kit.s.operator,
        'POST',
        '/sensors/readings/bulk',
        payload,
      );
      assert.equal(status, 200, JSON.stringify(body));
      return body as {
        accepted: number;
        rejected: number;
        reasons: Record<string, number>;
        errors: { index: number; reason: string }[];
        alarmsOpened: number;
      };
    },
    /** The types of a sensor's (group's) events, in the order they were recorded. */
    async eventTypesOf(aggregateId: string) {
      const rows = await queryRows<{ type: string }>(
        kit.t.database.db,
        sql`select event_type as type from domain_events where aggregate_id = ${aggregateId} order by id`,
      );
      return rows.map((row) => row.type);
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
