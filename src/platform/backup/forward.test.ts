// A backup of a database an earlier release migrated (all but the last few migrations) restores and
// is migrated forward to this release's schema.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { type Database, openDatabase, queryRows } from '../db/database.ts';
import { MIGRATIONS_DIR } from '../db/migrate.ts';
import { backup } from './backup.ts';
import { journal } from './migration-state.ts';
import { restore } from './restore.ts';
import { createRestoreTarget, type RestoreTarget } from './testing.ts';

const HELD_BACK = 3;
let source: RestoreTarget; // an empty database to migrate the old way
let target: RestoreTarget;
let older: Database;
let scratch: string;

before(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'plantintel-backup-forward-'));
  // The earlier release: the same migrations, its journal without the last few.
  const folder = path.join(scratch, 'drizzle');
  await cp(MIGRATIONS_DIR, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const parsed = JSON.parse(await readFile(journalFile, 'utf8'));
  parsed.entries = parsed.entries.slice(0, -HELD_BACK);
  await writeFile(journalFile, JSON.stringify(parsed));
  source = await createRestoreTarget();
  target = await createRestoreTarget();
  if (source.databaseUrl) {
    older = await openDatabase({ kind: 'postgres', url: source.databaseUrl, poolSize: 1 });
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the driver-specific type
    await migrateNodePg(older.db as any, { migrationsFolder: folder });
  } else {
    older = await openDatabase({ kind: 'pglite' });
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the driver-specific type
    await migratePglite(older.db as any, { migrationsFolder: folder });
  }
});
after(async () => {
  await older?.close();
  await source?.dispose();
  await target?.dispose();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

test('a backup of an earlier schema restores and migrates forward', async () => {
  const entries = journal();
  const archive = path.join(scratch, 'older.backup');
  await backup({
    source: source.databaseUrl
      ? { kind: 'postgres', url: source.databaseUrl }
      : { kind: 'open', database: older },
    dataDir: scratch,
    out: archive,
    version: 'previous',
  });
  const { manifest } = await restore({
    archive,
    dataDir: target.dataDir,
    databaseUrl: target.databaseUrl,
    force: false,
  });
  assert.equal(manifest.migrations.count, entries.length - HELD_BACK);
  assert.equal(manifest.migrations.last, entries[entries.length - HELD_BACK - 1]?.tag);
  const restored = await target.open();
  try {
    const [applied] = await queryRows<{ n: number }>(
      restored.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    assert.equal(applied?.n, entries.length, 'every migration of this release is applied');
  } finally {
    await restored.close();
  }
});
