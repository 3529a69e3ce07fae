// A backup taken while transactions keep committing restores to a consistent state: every
// transaction entirely or not at all. Each writes two rows of one pair; after the restore, no pair
// is half there. PGlite: the dump waits for the open transaction and shuts the next out until it is
// done; PostgreSQL: pg_dump reads one snapshot.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import { backup } from './backup.ts';
import { restore } from './restore.ts';
import { createRestoreTarget, type RestoreTarget, urlOf } from './testing.ts';

let database: TestDatabase;
let target: RestoreTarget;
let scratch: string;

before(async () => {
  database = await createTestDatabase();
  target = await createRestoreTarget();
  scratch = await mkdtemp(path.join(tmpdir(), 'plantintel-backup-writes-'));
  await database.db.execute(sql`create table backup_probe (pair int not null, side int not null)`);
});
after(async () => {
  await database?.dispose();
  await target?.dispose();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

test('a backup taken while writes continue restores every transaction whole or not at all', async () => {
  let stop = false;
  let committed = 0;
  const writer = (async () => {
    for (let pair = 1; !stop; pair++) {
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into backup_probe values (${pair}, 0)`);
        await tx.execute(sql`select pg_sleep(0.002)`);
        await tx.execute(sql`insert into backup_probe values (${pair}, 1)`);
      });
      committed = pair;
    }
  })();
  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 6000 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
    assert.ok(condition(), 'the writer made progress');
  };
  await until(() => committed >= 5);
  const archive = path.join(scratch, 'during-writes.backup');
  try {
    await backup({
      source:
        database.driver === 'postgres'
          ? { kind: 'postgres', url: urlOf(database) }
          : { kind: 'open', database },
      dataDir: scratch,
      out: archive,
      version: 'test',
    });
    const atBackupEnd = committed;
    await until(() => committed >= atBackupEnd + 3); // writes went on around the backup
  } finally {
    stop = true;
    await writer;
  }
  await restore({ archive, dataDir: target.dataDir, databaseUrl: target.databaseUrl, force: false });
  const restored = await target.open();
  try {
    const [summary] = await queryRows<{ pairs: number; halves: number }>(
      restored.db,
      sql`select count(*)::int as pairs, count(*) filter (where n <> 2)::int as halves
            from (select pair, count(*) as n from backup_probe group by pair) p`,
    );
    assert.equal(summary?.halves, 0, 'no transaction is half restored');
    assert.ok((summary?.pairs ?? 0) >= 5, 'the transactions committed before the backup are there');
    assert.ok((summary?.pairs ?? 0) < committed, 'the ones after it are not');
  } finally {
    await restored.close();
  }
});
