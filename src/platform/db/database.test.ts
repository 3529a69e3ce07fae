import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { ConfigError, loadTestSettings } from '../../config.ts';
import { eventually } from '../jobs/testing.ts';
import { type Executor, openDatabase, queryRows } from './database.ts';
import { recordStart } from './instance.repo.ts';
import { migrateDatabase } from './migrate.ts';
import { instance } from './schema/platform.ts';
import { inTenant } from './scope.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';
import { withTransaction } from './transaction.ts';

const run = promisify(execFile);

describe('database', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.dispose());

  test('a test database arrives migrated and empty', async () => {
    const rows = await database.db.select().from(instance);
    assert.deepEqual(rows, []);
    const tables = await queryRows<{ table_name: string }>(
      database.db,
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    assert.ok(tables.some((t) => t.table_name === 'instance'));
  });

  test('migrating again is a no-op', async () => {
    await migrateDatabase(database);
    await migrateDatabase(database);
    const rows = await database.db.select().from(instance);
    assert.equal(rows.length, 0);
  });

  test('recordStart creates the instance row once and counts later starts', async () => {
    const first = await recordStart(database.db, '1.0.0');
    const second = await recordStart(database.db, '1.1.0');
    assert.equal(first.startCount, 1);
    assert.equal(second.startCount, 2);
    assert.equal(second.instanceId, first.instanceId);
    assert.equal(second.lastVersion, '1.1.0');
  });

  test('sensor states compress with lz4 where the server has it (PostgreSQL here), and a server without it migrates all the same', async () => {
    const rows = await queryRows<{ column: string; compression: string }>(
      database.db,
      sql`select attname as column, attcompression::text as compression from pg_attribute
          where attrelid = 'sensor_state'::regclass and attname in ('state', 'checkpoint', 'pending') order by attname`,
    );
    // Where the server was built with lz4 (it lists it among the compression methods).
    const [lz4] = await queryRows<{ listed: boolean }>(
      database.db,
      sql`select coalesce((select 'lz4' = any(enumvals) from pg_settings where name = 'default_toast_compression'), false) as listed`,
    );
    const expected = lz4?.listed ? 'l' : '';
    assert.deepEqual(
      rows.map((r) => [r.column, r.compression]),
      ['checkpoint', 'pending', 'state'].map((column) => [column, expected]),
    );
  });

  test('inTenant with genericPlans plans that transaction generically, and no other', async () => {
    const tenant = '00000000-0000-4000-8000-000000000001';
    const mode = (tx: Executor) =>
      queryRows<{ mode: string }>(tx, sql`select current_setting('plan_cache_mode') as mode`).then(
        ([row]) => row?.mode,
      );
    assert.equal(await inTenant(database.db, tenant, mode, { genericPlans: true }), 'force_generic_plan');
    assert.equal(await inTenant(database.db, tenant, mode), 'auto');
    assert.equal(await mode(database.db), 'auto');
  });

  test('withTransaction rolls back everything when the work throws', async () => {
    const before_ = (await database.db.select().from(instance))[0]?.startCount;
    await assert.rejects(
      withTransaction(database.db, async (tx) => {
        await recordStart(tx, '9.9.9');
        throw new Error('boom');
      }),
      /boom/,
    );
    const after_ = (await database.db.select().from(instance))[0];
    assert.equal(after_?.startCount, before_);
    assert.notEqual(after_?.lastVersion, '9.9.9');
  });

  test('withTransaction joins an open transaction instead of nesting a new one', async () => {
    await assert.rejects(
      withTransaction(database.db, async (outer) => {
        await withTransaction(outer, (inner) => {
          assert.equal(inner, outer);
          return recordStart(inner, '7.7.7');
        });
        throw new Error('outer fails after inner succeeded');
      }),
    );
    const row = (await database.db.select().from(instance))[0];
    assert.notEqual(row?.lastVersion, '7.7.7');
  });

  test('ping reports a latency and fails once the database is closed', async () => {
    const other = await createTestDatabase();
    assert.ok((await other.ping()) >= 0);
    await other.dispose();
    await assert.rejects(other.ping());
  });
});

describe('embedded data directory', () => {
  test('a process ends by itself with an embedded database left open, after its queries are answered', async () => {
    const client = new URL('./embedded/client.ts', import.meta.url).href;
    const script = `import { EmbeddedClient } from '${client}';
      const db = await EmbeddedClient.create();
      const { rows } = await db.query('select 41 + 1 as n');
      console.log(rows[0].n);`;
    const dir = mkdtempSync(path.join(tmpdir(), 'plantintel-exit-'));
    try {
      writeFileSync(path.join(dir, 'left-open.mjs'), script);
      // Generous: creating a fresh embedded database takes seconds of CPU, minutes on a loaded machine.
      const { stdout } = await run(process.execPath, [path.join(dir, 'left-open.mjs')], { timeout: 300_000 });
      assert.equal(stdout.trim(), '42');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('calls in flight when the embedded database closes settle; later ones fail at once', async () => {
    const { EmbeddedClient } = await import('./embedded/client.ts');
    const db = await EmbeddedClient.create();
    const slow = db.query('select pg_sleep(0.2), 1 as n');
    const inTx = db.transaction(async (tx) => {
      await tx.query('select pg_sleep(0.2)');
      await tx.query('select 2');
    });
    const closing = db.close();
    // Sent after close: before the fix the thread never answered it and the caller waited for ever.
    const late = db.query('select 3');
    const settled = Promise.allSettled([slow, inTx]);
    await assert.rejects(late, /closed/);
    await closing;
    const outcomes = await settled;
    assert.equal(outcomes.length, 2);
    await assert.rejects(db.query('select 1'), /closed/);
    await db.close();
  });

  test('persists across close and reopen', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plantintel-db-'));
    try {
      const first = await openDatabase({ kind: 'pglite', dataDir: dir });
      await migrateDatabase(first);
      await recordStart(first.db, '1.0.0');
      await first.close();
      const second = await openDatabase({ kind: 'pglite', dataDir: dir });
      const row = await recordStart(second.db, '1.0.0');
      await second.close();
      assert.equal(row.startCount, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('refuses a data directory held by another live process', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plantintel-lock-'));
    try {
      // pid 1 is always alive and never this test process.
      writeFileSync(path.join(dir, 'plantintel.pid'), '1');
      await assert.rejects(openDatabase({ kind: 'pglite', dataDir: dir }), (err: Error) => {
        assert.ok(err instanceof ConfigError);
        assert.match(err.message, /in use by process 1/);
        return true;
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('PostgreSQL pool', { skip: !loadTestSettings().databaseUrl && 'needs DATABASE_URL' }, () => {
  test('an idle connection that fails is reported, and the pool goes on with a new one', async () => {
    const errors: Error[] = [];
    const url = loadTestSettings().databaseUrl as string;
    const database = await openDatabase(
      { kind: 'postgres', url, poolSize: 1 },
      { onConnectionError: (err) => errors.push(err) },
    );
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      const [mine] = await queryRows<{ pid: number }>(database.db, sql`select pg_backend_pid() as pid`);
      await other.query('select pg_terminate_backend($1)', [mine?.pid]);
      await eventually(async () => (errors.length > 0 ? true : undefined), 'the connection error');
      assert.match(errors[0]?.message ?? '', /terminat/i);
      assert.ok((await database.ping()) >= 0);
    } finally {
      await other.end();
      await database.close();
    }
  });
});
