// The real CLI in child processes. Embedded: `backup` while `serve` runs is answered by the server
// over its control socket, a restore into the running server's DATA_DIR is refused, and a restore
// elsewhere works once. PostgreSQL (DATABASE_URL): backup and restore into a new, empty database.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { loadTestSettings } from '../../config.ts';
import { createTestDatabase } from '../db/testing.ts';
import { controlSocketPath } from './control-channel.ts';
import { createRestoreTarget, tableCounts, urlOf } from './testing.ts';

const root = new URL('../../..', import.meta.url);
const scratch = await mkdtemp(path.join(tmpdir(), 'plantintel-backup-cli-'));
after(() => rm(scratch, { recursive: true, force: true }));

function env(dataDir: string, databaseUrl?: string): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' };
  delete e.DATABASE_URL;
  delete e.PLANTINTEL_CONFIG;
  if (databaseUrl) e.DATABASE_URL = databaseUrl;
  return e;
}

/** Runs `plantintel <args>` to its end. */
function cli(args: string[], environment: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['src/main.ts', ...args], { cwd: root, env: environment });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (status) => resolve({ status, stdout, stderr })),
  );
}

async function waitFor(condition: () => boolean, what: string, exited: Promise<unknown>) {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  for (let i = 0; i < 3000 && !condition(); i++) {
    if (gone) throw new Error(`the server exited while waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(condition(), what);
}

const onPostgres = Boolean(loadTestSettings().databaseUrl);

test('embedded: backup while the server runs, restore elsewhere, refusals', {
  skip: onPostgres,
}, async () => {
  const live = path.join(scratch, 'live');
  const server: ChildProcess = spawn(process.execPath, ['src/main.ts', 'serve'], {
    cwd: root,
    env: { ...env(live), WORKERS: '0' },
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  try {
    const socket = controlSocketPath(live);
    await waitFor(() => existsSync(socket), 'the control socket', exited);
    assert.equal(statSync(path.dirname(socket)).mode & 0o777, 0o700, 'only the owner may reach the socket');
    const archive = path.join(scratch, 'live.backup');
    const made = await cli(['backup', '--out', archive], env(live));
    assert.equal(made.status, 0, made.stderr);
    assert.match(made.stdout, /Backup written: .*dumped by the running server/);
    assert.match(made.stderr, /Dumping the database/);

    const busy = await cli(['restore', archive, '--force'], env(live));
    assert.equal(busy.status, 2, busy.stderr);
    assert.match(busy.stderr, /in use by process \d+: stop the server/);

    const copy = path.join(scratch, 'copy');
    const restored = await cli(['restore', archive], env(copy));
    assert.equal(restored.status, 0, restored.stderr);
    assert.match(restored.stdout, /Restored the backup .*pglite/);
    const again = await cli(['restore', archive], env(copy));
    assert.equal(again.status, 2);
    assert.match(again.stderr, /already holds data/);

    // With no server on it, the directory is opened by the command itself.
    const offline = await cli(['backup', '--out', path.join(scratch, 'copy.backup')], env(copy));
    assert.equal(offline.status, 0, offline.stderr);
    assert.doesNotMatch(offline.stdout, /running server/);
  } finally {
    server.kill('SIGTERM');
    await exited;
  }
});

test('PostgreSQL: backup and restore into a new database through the CLI', {
  skip: !onPostgres,
}, async () => {
  const source = await createTestDatabase();
  const target = await createRestoreTarget();
  try {
    const archive = path.join(scratch, 'pg.backup');
    const made = await cli(['backup', '--out', archive], env(path.join(scratch, 'pg-data'), urlOf(source)));
    assert.equal(made.status, 0, made.stderr);
    assert.match(made.stdout, /Backup written: .*postgres database/);
    const restored = await cli(['restore', archive], env(target.dataDir, target.databaseUrl));
    assert.equal(restored.status, 0, restored.stderr);
    const again = await cli(['restore', archive], env(target.dataDir, target.databaseUrl));
    assert.equal(again.status, 2);
    assert.match(again.stderr, /already holds data/);
    const unknown = await cli(
      ['restore', path.join(root.pathname, 'package.json'), '--force'],
      env(target.dataDir, target.databaseUrl),
    );
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /could not be read|not a PlantIntel backup/);
    const database = await target.open();
    try {
      assert.deepEqual(await tableCounts(database.db), await tableCounts(source.db));
    } finally {
      await database.close();
    }
  } finally {
    await source.dispose();
    await target.dispose();
  }
});
