// Several real server processes on one PostgreSQL: live push crosses processes through
// LISTEN/NOTIFY, and `plantintel worker` processes run the jobs. PostgreSQL only: the embedded
// database belongs to a single process, and there fan-out is in-process (realtime.test.ts).
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { loadTestSettings } from '../../config.ts';
import { createTestTenant, TEST_PASSWORD, type TestTenant } from '../../modules/identity/testing.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import { connectWs } from './testing.ts';

const root = new URL('../../..', import.meta.url);
const { databaseUrl } = loadTestSettings();

interface Proc {
  child: ChildProcess;
  output: () => string;
  ready: Promise<string>;
}

function launch(command: 'serve' | 'worker', url: string, env: Record<string, string> = {}): Proc {
  const child = spawn(process.execPath, ['src/main.ts', command], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: '0',
      LOG_LEVEL: 'info',
      PLANTINTEL_ADMIN_PASSWORD: 'root-pass-1',
      ...env,
    },
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const pattern =
    command === 'serve' ? /PlantIntel listening on (http:\/\/[^"\s]+)/ : /(PlantIntel worker running)/;
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = pattern.exec(output);
      if (match?.[1]) {
        clearInterval(timer);
        resolve(match[1]);
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`${command} exited with ${code}:\n${output}`));
    });
  });
  return { child, output: () => output, ready };
}

async function stop(proc: Proc) {
  if (proc.child.exitCode !== null) return proc.child.exitCode;
  const exited = new Promise<number | null>((resolve) => proc.child.once('exit', resolve));
  proc.child.kill('SIGTERM');
  return exited;
}

describe('live push across processes (PostgreSQL)', { skip: !databaseUrl && 'needs DATABASE_URL' }, () => {
  let database: TestDatabase;
  let acme: TestTenant;
  const procs: Proc[] = [];
  let urlA = '';
  let urlB = '';

  before(async () => {
    database = await createTestDatabase();
    if (database.raw.kind !== 'postgres') throw new Error('expected PostgreSQL');
    const url = database.raw.pool.options.connectionString ?? '';
    acme = await createTestTenant(database.db, 'procs');
    // Two HTTP processes that run no jobs, and one worker process that runs them all.
    const a = launch('serve', url, { WORKERS: '0' });
    const b = launch('serve', url, { WORKERS: '0' });
    const w = launch('worker', url);
    procs.push(a, b, w);
    [urlA, urlB] = await Promise.all([a.ready, b.ready]);
    await w.ready;
  });
  after(async () => {
    for (const proc of procs) await stop(proc);
    await database?.dispose();
  });

  async function token(base: string, email: string) {
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: TEST_PASSWORD }),
    });
    assert.equal(res.status, 200);
    return ((await res.json()) as { accessToken: string }).accessToken;
  }

  test('an event committed through process A reaches a WebSocket client of process B', async () => {
    const admin = await token(urlA, acme.users.admin.email);
    const client = await connectWs(urlB, admin);
    await client.next((m) => m.type === 'ready', 'ready');
    client.send({ type: 'subscribe', topics: ['tenant'] });
    await client.next((m) => m.type === 'subscribed', 'subscribed');

    const added = await fetch(`${urlA}/api/v1/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'live@procs.test', name: 'Live One', role: 'viewer' }),
    });
    assert.equal(added.status, 201);
    const pushed = await client.next((m) => m.event?.type === 'MemberAdded', 'MemberAdded on B');
    assert.equal(pushed.topic, 'tenant');
    assert.equal(pushed.event?.data.email, 'live@procs.test');
    client.close();
  });

  test('a job submitted through A runs in the worker process; its progress reaches B live', async () => {
    const admin = await token(urlA, acme.users.admin.email);
    const submitted = await fetch(`${urlA}/api/v1/jobs/diagnostics`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ rounds: 30 }),
    });
    const job = (await submitted.json()) as { id: string };
    const client = await connectWs(urlB, admin);
    client.send({ type: 'subscribe', topics: [`job:${job.id}`] });
    const done = await client.next((m) => m.event?.data.status === 'completed', 'completion on B', 20_000);
    assert.equal(done.event?.data.progress, 100);
    const progressed = client.messages.filter((m) => {
      const progress = m.event?.data.progress as number | undefined;
      return progress !== undefined && progress > 0 && progress < 100;
    });
    assert.ok(progressed.length > 0, 'intermediate progress was pushed');
    client.close();
  });
});
