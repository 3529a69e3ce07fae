// GET /ready on real apps: each dependency reported; a required one down → 503 naming it, an
// optional one (SMTP, MQTT bridge, AI provider) down → still 200; no credentials in the body.
// Runs on the embedded database and on PostgreSQL.
import assert from 'node:assert/strict';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { loadConfig, loadTestSettings } from '../../config.ts';
import { openDatabase, targetFromConfig } from '../db/database.ts';
import { createTestApp, type TestApp } from '../http/testing.ts';

interface Check {
  name: string;
  required: boolean;
  ok: boolean;
  latencyMs: number;
  detail: string;
}

async function ready(t: TestApp) {
  const res = await t.app.inject({ url: '/ready' });
  const body = res.json() as { status: string; checks: Check[]; database: { ok: boolean } };
  return {
    status: res.statusCode,
    body,
    raw: res.body,
    check: (name: string) => body.checks.find((c) => c.name === name),
  };
}

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('GET /ready on one app, its dependencies failing one after the other', () => {
  let dir: string;
  let dataDir: string;
  let t: TestApp;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plantintel-ready-'));
    dataDir = join(dir, 'data');
    t = await createTestApp({ env: { DATA_DIR: dataDir } });
  });
  after(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('every dependency of a default app is checked and up', async () => {
    const r = await ready(t);
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.status, 'ready');
    assert.deepEqual(
      r.body.checks.map((c) => [c.name, c.required, c.ok]),
      [
        ['database', true, true],
        ['migrations', true, true],
        ['job_queue', true, true],
        ['event_delivery', false, true],
        ['storage', true, true],
      ],
    );
    for (const c of r.body.checks) {
      assert.deepEqual(Object.keys(c).sort(), ['detail', 'latencyMs', 'name', 'ok', 'required']);
      assert.ok(c.latencyMs >= 0 && c.detail.length > 0);
    }
    assert.match(r.check('migrations')?.detail ?? '', /current/);
    assert.equal(r.body.database.ok, true);
  });

  test('storage: DATA_DIR no longer writable → 503 naming storage; writable again → 200', async () => {
    // The directory is moved away and a file put in its place: nothing can be written there.
    const moved = join(dir, 'moved');
    await rename(dataDir, moved);
    await writeFile(dataDir, 'not a directory');
    try {
      const r = await ready(t);
      assert.equal(r.status, 503, r.raw);
      assert.equal(r.body.status, 'unavailable');
      const storage = r.check('storage');
      assert.equal(storage?.ok, false);
      assert.equal(storage?.required, true);
      assert.match(storage?.detail ?? '', /DATA_DIR is not writable/);
      assert.equal(r.check('database')?.ok, true);
    } finally {
      await rm(dataDir, { force: true });
      await rename(moved, dataDir);
    }
    assert.equal((await ready(t)).status, 200);
  });

  test('migrations: a database behind this version → 503 naming migrations', async () => {
    await t.database.db.execute(
      sql`delete from drizzle.__drizzle_migrations
           where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`,
    );
    const r = await ready(t);
    assert.equal(r.status, 503, r.raw);
    assert.equal(r.check('migrations')?.ok, false);
    assert.match(r.check('migrations')?.detail ?? '', /plantintel migrate/);
    assert.equal(r.check('database')?.ok, true);
  });

  test('database down → 503 with the database and what depends on it down', async () => {
    await t.database.close();
    const r = await ready(t);
    assert.equal(r.status, 503, r.raw);
    assert.equal(r.body.database.ok, false);
    for (const name of ['database', 'migrations', 'job_queue']) assert.equal(r.check(name)?.ok, false, name);
    assert.equal(r.check('storage')?.ok, true);
  });
});

describe('GET /ready with optional dependencies configured', () => {
  test('optional dependencies that are configured but down are reported, without credentials, and the app stays ready', async () => {
    const smtpPort = await closedPort();
    const aiPort = await closedPort();
    const mqttPort = await closedPort();
    const t = await createTestApp({
      env: {
        SMTP_URL: `smtp://mailer:smtp-secret-1@127.0.0.1:${smtpPort}`,
        LLM_PROVIDER: 'openai',
        LLM_BASE_URL: `http://127.0.0.1:${aiPort}/v1`,
        LLM_API_KEY: 'sk-ready-secret-2',
        MQTT_URL: `mqtt://127.0.0.1:${mqttPort}`,
        MQTT_PASSWORD: 'mqtt-secret-3',
        MQTT_USERNAME: 'bridge',
      },
    });
    try {
      const r = await ready(t);
      assert.equal(r.status, 200, r.raw);
      assert.equal(r.body.status, 'ready');
      for (const name of ['smtp', 'ai_provider', 'mqtt_bridge']) {
        const c = r.check(name);
        assert.ok(c, `${name} is checked`);
        assert.equal(c.required, false);
        assert.equal(c.ok, false, `${name}: ${c.detail}`);
      }
      assert.match(r.check('smtp')?.detail ?? '', new RegExp(`127\\.0\\.0\\.1:${smtpPort} unreachable`));
      for (const secret of ['smtp-secret-1', 'sk-ready-secret-2', 'mqtt-secret-3', 'mailer'])
        assert.ok(!r.raw.includes(secret), `the body holds ${secret}`);
    } finally {
      await t.close();
    }
  });

  test('optional dependencies that answer are up (a listening SMTP port, the real MQTT broker)', async () => {
    const smtp: Server = createServer((socket) => {
      // The check hangs up at once: a reset is expected.
      socket.on('error', () => {});
      socket.end('220 ready\r\n');
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.address() as { port: number };
    const t = await createTestApp({
      env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MQTT_URL: 'mqtt://127.0.0.1:1883' },
    });
    try {
      assert.equal((await ready(t)).status, 200);
      // The bridge connects in the background.
      await until(
        'the MQTT bridge to connect',
        async () => (await ready(t)).check('mqtt_bridge')?.ok === true,
      );
      const r = await ready(t);
      assert.equal(r.check('smtp')?.ok, true, r.raw);
      assert.match(r.check('mqtt_bridge')?.detail ?? '', /connected to 127\.0\.0\.1:1883/);
    } finally {
      await t.close();
      await new Promise((resolve) => smtp.close(resolve));
    }
  });
});

describe('DATABASE_POOL_SIZE', () => {
  test('is read from the environment and bounded', () => {
    assert.equal(loadConfig({}).databasePoolSize, 10);
    assert.equal(loadConfig({ DATABASE_POOL_SIZE: '25' }).databasePoolSize, 25);
    assert.throws(() => loadConfig({ DATABASE_POOL_SIZE: '0' }), /DATABASE_POOL_SIZE/);
    assert.throws(() => loadConfig({ DATABASE_POOL_SIZE: 'many' }), /DATABASE_POOL_SIZE/);
  });

  const { databaseUrl } = loadTestSettings();
  test('sizes the PostgreSQL pool the server opens', {
    skip: databaseUrl ? false : 'PostgreSQL only (DATABASE_URL unset)',
  }, async () => {
    const config = loadConfig({ DATABASE_URL: databaseUrl ?? '', DATABASE_POOL_SIZE: '3' });
    const target = targetFromConfig(config);
    assert.deepEqual(target, { kind: 'postgres', url: databaseUrl, poolSize: 3 });
    const database = await openDatabase(target);
    try {
      assert.equal(database.raw.kind === 'postgres' && database.raw.pool.options.max, 3);
      await database.ping();
    } finally {
      await database.close();
    }
  });
});
