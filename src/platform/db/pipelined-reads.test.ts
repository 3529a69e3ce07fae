import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadTestSettings } from '../../config.ts';
import { queryRows } from './database.ts';
import { ScopedReadClient } from './pipelined-reads.ts';
import { readInTenant, TENANT_ROLE } from './scope.ts';
import { StatementNames } from './statement-names.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

type Scoped = { tenant: string; role: string; ro: string };
const scopedSelect = sql`select current_setting('app.tenant_id', true) as tenant,
  current_setting('role') as role, current_setting('transaction_read_only') as ro`;

describe('read-only scoped transactions (both drivers)', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.dispose());

  test('every statement of a read runs scoped and read-only, also when they run at once', async () => {
    const tenant = randomUUID();
    const results = await readInTenant(database.db, tenant, (tx) =>
      Promise.all([1, 2, 3].map(() => queryRows<Scoped>(tx, scopedSelect))),
    );
    for (const rows of results) assert.deepEqual(rows, [{ tenant, role: TENANT_ROLE, ro: 'on' }]);
  });

  test('a read that writes is refused, and a failed read leaves the next one unaffected', async () => {
    const tenant = randomUUID();
    await assert.rejects(
      readInTenant(database.db, tenant, (tx) => tx.execute(sql`create temporary table t (x int)`)),
      // Drizzle wraps the driver's error.
      (err: { cause?: { code?: string } }) => err.cause?.code === '25006',
    );
    const rows = await readInTenant(database.db, tenant, (tx) => queryRows<Scoped>(tx, scopedSelect));
    assert.deepEqual(rows, [{ tenant, role: TENANT_ROLE, ro: 'on' }]);
  });
});

const { databaseUrl } = loadTestSettings();

describe('ScopedReadClient (PostgreSQL)', { skip: !databaseUrl && 'needs DATABASE_URL' }, () => {
  let pool: pg.Pool;
  const names = new StatementNames();
  const client = (tag: string) =>
    new ScopedReadClient(pool, `select set_config('app.tag', '${tag}', true)`, names);
  const tagOf = async (reader: ScopedReadClient, value: number) =>
    (await reader.query({ text: "select current_setting('app.tag') as tag, $1::int as value" }, [value]))
      .rows[0];
  const idle = async () =>
    (await pool.query("select count(*)::int as n from pg_stat_activity where state like 'idle in%'")).rows[0]
      .n;

  before(() => {
    // One connection: every statement below reuses the one before it.
    pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  });
  after(() => pool.end());

  test('one statement: its own rows only, not the scope statement’s, and no transaction left open', async () => {
    assert.deepEqual(await tagOf(client('a'), 7), { tag: 'a', value: 7 });
    const settings = await pool.query("select current_setting('app.tag', true) as tag");
    assert.deepEqual(settings.rows, [{ tag: '' }], 'the scope ended with the statement');
    assert.equal(await idle(), 0);
  });

  test('after a statement fails at run time, the connection is rolled back and reused', async () => {
    const reader = client('b');
    const divide = { text: 'select 10 / $1::int as q' };
    assert.deepEqual((await reader.query(divide, [2])).rows, [{ q: 5 }]);
    await assert.rejects(reader.query(divide, [0]), (err: { code?: string }) => err.code === '22012');
    assert.deepEqual(
      (await reader.query(divide, [5])).rows,
      [{ q: 2 }],
      'the prepared statement still works',
    );
    assert.deepEqual(await tagOf(reader, 1), { tag: 'b', value: 1 });
  });

  test('a statement that does not parse fails the same way every time', async () => {
    const reader = client('c');
    const broken = { text: 'select from from $1' };
    for (let i = 0; i < 2; i++)
      await assert.rejects(reader.query(broken, [1]), (err: { code?: string }) => err.code === '42601');
    assert.deepEqual(await tagOf(reader, 2), { tag: 'c', value: 2 });
  });

  test('interleaved reads of different scopes on shared connections each see their own scope', async () => {
    const wide = new pg.Pool({ connectionString: databaseUrl, max: 3 });
    try {
      const readers = ['x', 'y', 'z'].map(
        (tag) => new ScopedReadClient(wide, `select set_config('app.tag', '${tag}', true)`, names),
      );
      const answers = await Promise.all(
        Array.from({ length: 120 }, async (_, i) => {
          const row = (
            await (readers[i % 3] as ScopedReadClient).query(
              { text: "select current_setting('app.tag') as tag, $1::int as i" },
              [i],
            )
          ).rows[0];
          return [row, { tag: ['x', 'y', 'z'][i % 3], i }];
        }),
      );
      for (const [got, expected] of answers) assert.deepEqual(got, expected);
    } finally {
      await wide.end();
    }
  });
});
