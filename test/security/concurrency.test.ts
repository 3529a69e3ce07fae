// The guarantees that only hold under real concurrency, tested with parallel requests on PostgreSQL
// (the embedded database runs one statement at a time, so it cannot show a race either way).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { loadTestSettings } from '../../src/config.ts';
import { callApi, createTestTenant, signIn, type TestTenant } from '../../src/modules/identity/testing.ts';
import { memberships } from '../../src/platform/db/schema/identity.ts';
import { createTestApp, type TestApp } from '../../src/platform/http/testing.ts';

const { databaseUrl } = loadTestSettings();
const ROUNDS = 5;

describe('concurrent requests on PostgreSQL', { skip: !databaseUrl && 'needs DATABASE_URL' }, () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t?.close());

  const tenant = (slug: string) => createTestTenant(t.database.db, slug);

  test('two admins demoting each other at once: one demotion wins, an admin is always left', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const acme: TestTenant = await tenant(`duel-${round}`);
      // The operator is promoted to a second admin.
      await t.database.db
        .update(memberships)
        .set({ role: 'admin' })
        .where(and(eq(memberships.tenantId, acme.id), eq(memberships.userId, acme.users.operator.id)));
      const first = await signIn(t.app, acme.users.admin.email);
      const second = await signIn(t.app, acme.users.operator.email);
      const answers = await Promise.all([
        callApi(t.app, 'PATCH', `/users/${acme.users.operator.id}`, first.headers, { role: 'viewer' }),
        callApi(t.app, 'PATCH', `/users/${acme.users.admin.id}`, second.headers, { role: 'viewer' }),
      ]);
      const statuses = answers.map((a) => a.statusCode).sort();
      // Serialised: the second sees the first's change (409 last admin, or 401/403 having lost the role).
      assert.equal(statuses.filter((s) => s === 200).length, 1, `round ${round}: ${statuses}`);
      const admins = await t.database.db
        .select()
        .from(memberships)
        .where(and(eq(memberships.tenantId, acme.id), eq(memberships.role, 'admin')));
      assert.equal(admins.length, 1, `round ${round}: ${admins.length} admins left`);
    }
  });

  test('one refresh token used twice at once: one new session, and the reuse ends the sign-in', async () => {
    const acme = await tenant('refresh-race');
    for (let round = 0; round < ROUNDS; round += 1) {
      const session = await signIn(t.app, acme.users.viewer.email);
      const refresh = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/refresh',
          payload: { refreshToken: session.refreshToken },
        });
      const answers = await Promise.all([refresh(), refresh()]);
      const statuses = answers.map((a) => a.statusCode).sort();
      assert.deepEqual(statuses, [200, 401], `round ${round}`);
      // The loser presented a used token: the whole family ends, the winner's new token included.
      const winner = answers.find((a) => a.statusCode === 200)?.json();
      const after = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        payload: { refreshToken: winner.refreshToken },
      });
      assert.equal(after.statusCode, 401, `round ${round}`);
    }
  });

  test('two batches started at once on one line: one runs, the other gets 409', async () => {
    const acme = await tenant('start-race');
    const operator = await signIn(t.app, acme.users.operator.email);
    const admin = await signIn(t.app, acme.users.admin.email);
    for (let round = 0; round < ROUNDS; round += 1) {
      const line = await callApi(t.app, 'POST', '/plant-ops/lines', admin.headers, {
        facilityId: acme.facilityId,
        code: `RACE-${round}`,
        name: `Race ${round}`,
      });
      assert.equal(line.statusCode, 201, line.body);
      const plan = () =>
        callApi(t.app, 'POST', '/plant-ops/batches', operator.headers, {
          lineId: line.json().id,
          productSku: 'SKU-RACE',
          plannedQuantity: 10,
          idealCycleSeconds: 1,
        });
      const batches = [(await plan()).json().id, (await plan()).json().id];
      const answers = await Promise.all(
        batches.map((id) => callApi(t.app, 'POST', `/plant-ops/batches/${id}/start`, operator.headers, {})),
      );
      const statuses = answers.map((a) => a.statusCode).sort();
      assert.deepEqual(statuses, [200, 409], `round ${round}: ${answers.map((a) => a.body).join(' | ')}`);
    }
  });
});
