import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { baselineFile, isFreshDataDir, migrationsHash, pruneBaselines, readBaseline } from './baseline.ts';
import { ensureBaseline } from './baseline-build.ts';
import { type Database, openDatabase, queryRows, targetFromConfig } from './database.ts';
import { recordStart } from './instance.repo.ts';
import { migrateDatabase } from './migrate.ts';

describe('embedded baseline', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'plantintel-baseline-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  test('the hash follows the migration files', () => {
    const dir = path.join(scratch, 'migrations');
    mkdirSync(path.join(dir, 'meta'), { recursive: true });
    writeFileSync(path.join(dir, '0000_a.sql'), 'create table a (id int);');
    writeFileSync(path.join(dir, 'meta', '_journal.json'), '{}');
    const first = migrationsHash(dir);
    assert.equal(migrationsHash(dir), first);
    writeFileSync(path.join(dir, '0001_b.sql'), 'create table b (id int);');
    assert.notEqual(migrationsHash(dir), first);
    assert.notEqual(baselineFile(first, scratch), baselineFile(migrationsHash(dir), scratch));
    assert.equal(readBaseline(path.join(scratch, 'missing.tar.gz')), undefined);
  });

  test('pruneBaselines (run after a new dump is built) removes the stale dumps of other migrations, and only those', () => {
    const dir = path.join(scratch, 'cache');
    mkdirSync(dir, { recursive: true });
    const now = Date.now();
    const day = 24 * 3600_000;
    const dump = (name: string, ageMs: number) => {
      const file = path.join(dir, name);
      writeFileSync(file, 'x');
      const at = new Date(now - ageMs);
      utimesSync(file, at, at);
      return file;
    };
    const current = dump('pglite-aaaaaaaaaaaa.tar', 30 * day);
    dump('pglite-bbbbbbbbbbbb.tar', 2 * day);
    dump('pglite-cccccccccccc.tar.gz', 90 * day);
    dump('pglite-dddddddddddd.tar', 3600_000); // recent: another checkout may use it
    dump('pglite-eeeeeeeeeeee.tar.1234.partial', 2 * day); // not a dump's name
    // Private files of builds that crashed before renaming them into place: an old one goes.
    dump('pglite-aaaaaaaaaaaa.tar.4321.0b6f3c1e-8a2d-4e5f-9c7b-1d2e3f4a5b6c', 2 * day);
    dump('pglite-aaaaaaaaaaaa.tar.4322.7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f', 60_000); // may be mid-write
    dump('bundles.json', 90 * day);
    assert.deepEqual(pruneBaselines(current, now).sort(), [
      'pglite-aaaaaaaaaaaa.tar.4321.0b6f3c1e-8a2d-4e5f-9c7b-1d2e3f4a5b6c',
      'pglite-bbbbbbbbbbbb.tar',
      'pglite-cccccccccccc.tar.gz',
    ]);
    assert.deepEqual(readdirSync(dir).sort(), [
      'bundles.json',
      'pglite-aaaaaaaaaaaa.tar',
      'pglite-aaaaaaaaaaaa.tar.4322.7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
      'pglite-dddddddddddd.tar',
      'pglite-eeeeeeeeeeee.tar.1234.partial',
    ]);
    assert.deepEqual(pruneBaselines(current, now), [], 'nothing more to remove');
  });

  test('a fresh data directory starts from the baseline, an initialised one keeps its data', async () => {
    await ensureBaseline();
    const dataDir = path.join(scratch, 'data');
    const fresh = targetFromConfig({ databaseUrl: undefined, dataDir });
    assert.equal(fresh.kind, 'pglite');
    assert.ok(fresh.kind === 'pglite' && fresh.loadDataDir, 'a fresh directory gets the dump');

    const first = await openDatabase(fresh);
    try {
      const applied = await queryRows<{ n: number }>(
        first.db,
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      assert.ok((applied[0]?.n ?? 0) > 20, 'the restored database carries the applied migrations');
      // A data directory on disk keeps PostgreSQL's buffer pool; only in-memory ones use a small one.
      assert.deepEqual(await sharedBuffers(first), '128MB');
      await migrateDatabase(first); // nothing left to apply
      await recordStart(first.db, '1.0.0');
    } finally {
      await first.close();
    }
    assert.equal(isFreshDataDir(path.join(dataDir, 'pglite')), false);

    const again = targetFromConfig({ databaseUrl: undefined, dataDir });
    assert.ok(again.kind === 'pglite' && !again.loadDataDir, 'an initialised directory is never overwritten');
    const second = await openDatabase(again);
    try {
      const starts = await queryRows<{ start_count: number }>(
        second.db,
        sql`select start_count from instance`,
      );
      assert.equal(starts[0]?.start_count, 1);
    } finally {
      await second.close();
    }
  });

  test("an in-memory database (a test file's) starts from the dump with a small buffer pool", async () => {
    const memory = await openDatabase({ kind: 'pglite', loadDataDir: await ensureBaseline() });
    try {
      assert.equal(await sharedBuffers(memory), '16MB');
      const applied = await queryRows<{ n: number }>(
        memory.db,
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      assert.ok((applied[0]?.n ?? 0) > 20, 'the dump carries the applied migrations');
    } finally {
      await memory.close();
    }
  });
});

async function sharedBuffers(database: Database): Promise<string | undefined> {
  const rows = await queryRows<{ shared_buffers: string }>(database.db, sql`show shared_buffers`);
  return rows[0]?.shared_buffers;
}
