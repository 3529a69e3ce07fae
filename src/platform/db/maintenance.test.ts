import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestTenant, type TestTenant } from '../../modules/identity/testing.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import { queryRows } from './database.ts';

let t: TestApp;
let tenant: TestTenant;

before(async () => {
  t = await createTestApp({ workers: false });
  tenant = await createTestTenant(t.database.db, 'housekeeping');
});
after(() => t?.close());

const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const count = async (query: ReturnType<typeof sql>) =>
  (await queryRows<{ n: number }>(t.database.db, query))[0]?.n ?? -1;

async function token(family: string, hash: string, expiredDaysAgo: number) {
  await t.database.db.execute(sql`insert into refresh_tokens (user_id, tenant_id, family_id, token_hash, expires_at)
    values (${tenant.users.viewer.id}, ${tenant.id}, ${family}, ${hash}, ${ago(expiredDaysAgo)})`);
}

async function publishedEvent(daysAgo: number) {
  const [event] = await queryRows<{ id: number }>(
    t.database.db,
    sql`insert into domain_events (tenant_id, aggregate_type, aggregate_id, event_type, payload, published_at, position)
        values (${tenant.id}, 'thing', 'T-1', 'ThingMoved', '{}', ${ago(daysAgo)}, nextval('domain_events_position_seq'))
        returning id`,
  );
  await t.database.db.execute(
    sql`insert into event_receipts (consumer, event_id, tenant_id) values ('test', ${event?.id}, ${tenant.id})`,
  );
  return event?.id;
}

test('housekeeping prunes what is past its retention and keeps the rest', async () => {
  const db = t.database.db;
  for (const days of [40, 35, 1])
    await db.execute(
      sql`insert into login_attempts (email, ip, attempted_at) values ('old@x.test', '10.9.0.1', ${ago(days)})`,
    );
  const ended = '00000000-0000-4000-8000-000000000001';
  const live = '00000000-0000-4000-8000-000000000002';
  await token(ended, 'ended-1', 3);
  await token(ended, 'ended-2', 2);
  await token(live, 'live-old', 3); // kept: its sign-in is still going, its reuse must be recognised
  await token(live, 'live-now', -10);
  const oldEvent = await publishedEvent(8);
  const newEvent = await publishedEvent(1);

  const removed = await t.runtime.maintenance.runOnce();
  assert.equal(removed['identity.login-attempts'], 2);
  assert.equal(removed['identity.refresh-tokens'], 2);
  assert.equal(removed['events.receipts'], 1);

  assert.equal(await count(sql`select count(*)::int as n from login_attempts where email = 'old@x.test'`), 1);
  const tokens = await queryRows<{ token_hash: string }>(
    db,
    sql`select token_hash from refresh_tokens where family_id in (${ended}, ${live}) order by token_hash`,
  );
  assert.deepEqual(
    tokens.map((r) => r.token_hash),
    ['live-now', 'live-old'],
  );
  assert.equal(
    await count(sql`select count(*)::int as n from event_receipts where event_id = ${oldEvent}`),
    0,
  );
  assert.equal(
    await count(sql`select count(*)::int as n from event_receipts where event_id = ${newEvent}`),
    1,
  );
  // The events themselves are the history: kept.
  assert.equal(await count(sql`select count(*)::int as n from domain_events where id = ${oldEvent}`), 1);

  // A second run finds nothing more to do.
  const again = await t.runtime.maintenance.runOnce();
  assert.equal(again['identity.login-attempts'], 0);
  assert.equal(again['identity.refresh-tokens'], 0);
  assert.equal(again['events.receipts'], 0);
});
