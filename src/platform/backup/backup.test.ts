// Backup and restore round trip with data in every module (the RLS proof's tenant data), on the
// driver of the run: PGlite by default, PostgreSQL with DATABASE_URL. After the restore: the same
// rows in every table and the same stored files. A broken archive is refused, the target untouched.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { populateTenant, probeConsumer } from '../../../test/security/tenant-data.ts';
import { loadTestSettings } from '../../config.ts';
import { createTestTenant, signIn } from '../../modules/identity/testing.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';
import { backup } from './backup.ts';
import { withClient } from './postgres.ts';
import { restore } from './restore.ts';
import { storedFileHashes } from './stored-files.ts';
import { createRestoreTarget, type RestoreTarget, tableCounts, urlOf } from './testing.ts';

let t: TestApp;
let scratch: string;
let archive: string;
let counts: Record<string, number>;
let hashes: Record<string, string>;
let target: RestoreTarget;

before(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'plantintel-backup-'));
  t = await createTestApp({ setup: probeConsumer });
  const tenant = await createTestTenant(t.database.db, 'backup-a');
  await populateTenant(t, tenant, await signIn(t.app, tenant.users.admin.email));
  // Nothing writes any more: the counts are those of the moment of the backup.
  await t.app.close();
  counts = await tableCounts(t.database.db);
  hashes = await storedFileHashes(t.config.dataDir);
  archive = path.join(scratch, 'plantintel.backup');
  const summary = await backup({
    source:
      t.database.driver === 'postgres'
        ? { kind: 'postgres', url: urlOf(t.database) }
        : { kind: 'open', database: t.database },
    dataDir: t.config.dataDir,
    out: archive,
    version: 'test',
  });
  assert.equal(summary.files, Object.keys(hashes).length);
  target = await createRestoreTarget();
});

after(async () => {
  await target?.dispose();
  await t?.database.dispose();
  if (t) await rm(t.config.dataDir, { recursive: true, force: true });
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('backup and restore', () => {
  test('the test data covers every module: rows in the tenant tables and stored files', () => {
    const empty = Object.entries(counts)
      .filter(([, n]) => n === 0)
      .map(([name]) => name);
    assert.ok(Object.keys(counts).length > 60, 'every table is counted');
    const roots = new Set(Object.keys(hashes).map((f) => f.split('/')[0]));
    assert.ok(roots.has('files'), `an import original is stored (stored roots: ${[...roots].join(', ')})`);
    assert.ok(roots.has('images'), `an inspection image is stored (stored roots: ${[...roots].join(', ')})`);
    assert.ok((counts['public.inspection_images'] ?? 0) > 0 && (counts['public.imports'] ?? 0) > 0);
    assert.ok(
      empty.length < Object.keys(counts).length / 2,
      `mostly filled tables; empty: ${empty.join(', ')}`,
    );
  });

  test('a restore into an empty target gives the same rows in every table and the same files', async () => {
    const summary = await restore({
      archive,
      dataDir: target.dataDir,
      databaseUrl: target.databaseUrl,
      force: false,
    });
    assert.equal(summary.manifest.plantintelVersion, 'test');
    const restored = await target.open();
    try {
      assert.deepEqual(await tableCounts(restored.db), counts);
    } finally {
      await restored.close();
    }
    assert.deepEqual(await storedFileHashes(target.dataDir), hashes);
  });

  test('a target holding data is refused without --force', async () => {
    await assert.rejects(
      restore({ archive, dataDir: target.dataDir, databaseUrl: target.databaseUrl, force: false }),
      /already holds data.*--force/,
    );
  });

  test('an unknown, truncated or corrupt archive is refused and the target is left as it was', async () => {
    const bytes = await readFile(archive);
    const unknown = path.join(scratch, 'unknown.tar');
    await writeFile(unknown, Buffer.from('this is not a backup at all'.repeat(40)));
    const truncated = path.join(scratch, 'truncated.tar');
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    const corrupt = path.join(scratch, 'corrupt.tar');
    const flipped = Buffer.from(bytes);
    const at = 4096 + Math.floor((bytes.length - 8192) / 2); // inside the database dump
    flipped[at] = (flipped[at] as number) ^ 0xff;
    await writeFile(corrupt, flipped);
    const cases: Array<[string, RegExp]> = [
      [unknown, /not a PlantIntel backup|could not be read/],
      [truncated, /could not be read|incomplete|truncated/],
      [corrupt, /checksum mismatch|could not be read/],
    ];
    for (const [file, message] of cases)
      await assert.rejects(
        restore({ archive: file, dataDir: target.dataDir, databaseUrl: target.databaseUrl, force: true }),
        message,
      );
    const restored = await target.open();
    try {
      assert.deepEqual(await tableCounts(restored.db), counts);
    } finally {
      await restored.close();
    }
    assert.deepEqual(await storedFileHashes(target.dataDir), hashes);
  });

  test('--force replaces a target holding data', async () => {
    await restore({ archive, dataDir: target.dataDir, databaseUrl: target.databaseUrl, force: true });
    const restored = await target.open();
    try {
      assert.deepEqual(await tableCounts(restored.db), counts);
    } finally {
      await restored.close();
    }
    assert.deepEqual(await storedFileHashes(target.dataDir), hashes);
  });
});

describe('backup on PostgreSQL as a role under row-level security', () => {
  test('is refused with what to grant', {
    skip: loadTestSettings().databaseUrl ? false : 'PostgreSQL only',
  }, async () => {
    const role = `pi_backup_probe_${process.pid}`;
    const admin = urlOf(t.database);
    const url = new URL(admin);
    await withClient(admin, (c) => c.query(`create role ${role} login`));
    try {
      // A bare login role first: it may read nothing.
      url.username = role;
      url.password = '';
      let attempts = 0;
      const attempt = () =>
        backup({
          source: { kind: 'postgres', url: url.toString() },
          dataDir: t.config.dataDir,
          out: path.join(scratch, `as-role-${++attempts}.backup`),
          version: 'test',
        });
      await assert.rejects(
        attempt(),
        /may not read \d+ of the tables and sequences: run the backup as the database's owner/,
      );
      // Every table readable, every tenant's rows still behind row-level security.
      await withClient(admin, (c) =>
        c.query(
          `do $$ declare s text; begin
             for s in select nspname from pg_namespace
                       where nspname not in ('pg_catalog', 'information_schema') and nspname !~ '^pg_' loop
               execute format('grant usage on schema %I to ${role}; grant select on all tables in schema %I to ${role}; grant select on all sequences in schema %I to ${role}', s, s, s);
             end loop; end $$`,
        ),
      );
      await assert.rejects(attempt(), (err: Error) => {
        assert.match(err.message, /bypasses row-level security/);
        assert.match(err.message, new RegExp(`ALTER ROLE ${role} BYPASSRLS`));
        return true;
      });
      // Granted, the same role backs up.
      await withClient(admin, (c) => c.query(`alter role ${role} bypassrls`));
      await attempt();
    } finally {
      await withClient(admin, (c) => c.query(`drop owned by ${role}; drop role if exists ${role}`));
    }
  });
});
