// Start-up bootstrap on a new database, as several processes may run it at the same moment.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/database.ts';
import { createTestDatabase, type TestDatabase } from '../../platform/db/testing.ts';
import { ensureSuperadmin } from './bootstrap.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(async () => {
  await database?.dispose();
});

test('processes that bootstrap one new database together create one superadmin, and none fails', async () => {
  const announced: string[] = [];
  const options = { email: 'root@together.test', password: 'together-pass-1' };
  const results = await Promise.allSettled(
    Array.from({ length: 4 }, () => ensureSuperadmin(database.db, options, (m) => announced.push(m))),
  );
  assert.deepEqual(
    results.map((r) => r.status),
    ['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled'],
  );
  const rows = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from users where platform_role = 'superadmin'`,
  );
  assert.equal(rows[0]?.n, 1);
});
