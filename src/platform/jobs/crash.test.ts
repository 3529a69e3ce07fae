// Fault tests with real processes killed by SIGKILL (crash.fixture.ts is the process).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadTestSettings } from '../../config.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';

const root = new URL('../../..', import.meta.url);
const { databaseUrl } = loadTestSettings();

interface Run {
  lines: Record<string, unknown>[];
  next(key: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  kill(signal: NodeJS.Signals): void;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

let database: TestDatabase | undefined;
let dataDir: string | undefined;
let env: NodeJS.ProcessEnv;

function start(fixture: 'job' | 'event', setup: boolean): Run {
  const child = spawn(process.execPath, ['src/platform/jobs/crash.fixture.ts'], {
    cwd: root,
    env: { ...env, FIXTURE: fixture, SETUP: setup ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  let stderr = '';
  let buffered = '';
  const wakers = new Set<() => void>();
  child.stdout.on('data', (chunk) => {
    buffered += chunk;
    for (let i = buffered.indexOf('\n'); i >= 0; i = buffered.indexOf('\n')) {
      lines.push(JSON.parse(buffered.slice(0, i)));
      buffered = buffered.slice(i + 1);
    }
    for (const wake of wakers) wake();
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      for (const wake of wakers) wake();
      resolve({ code, signal });
    }),
  );
  return {
    lines,
    exited,
    kill: (signal) => child.kill(signal),
    next(key, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = lines.find((l) => key in l);
          if (line) {
            clearTimeout(timer);
            wakers.delete(check);
            resolve(line);
          } else if (child.exitCode !== null || child.signalCode !== null) {
            clearTimeout(timer);
            reject(new Error(`fixture exited before "${key}": ${JSON.stringify(lines)}\n${stderr}`));
          }
        };
        const timer = setTimeout(
          () => reject(new Error(`no "${key}" in ${timeoutMs} ms\n${stderr}`)),
          timeoutMs,
        );
        wakers.add(check);
        check();
      });
    },
  };
}

describe('fault tolerance with real processes', () => {
  before(async () => {
    env = { ...process.env };
    if (databaseUrl) {
      database = await createTestDatabase();
      if (database.raw.kind !== 'postgres') throw new Error('expected PostgreSQL');
      env.DATABASE_URL = database.raw.pool.options.connectionString;
    } else {
      dataDir = mkdtempSync(path.join(tmpdir(), 'plantintel-crash-'));
      env.DATA_DIR = dataDir;
      delete env.DATABASE_URL;
    }
  });
  after(async () => {
    await database?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('a worker killed with SIGKILL mid-job: the job is retried and its effect happens exactly once', async () => {
    const first = start('job', true);
    await first.next('enqueued');
    assert.deepEqual(await first.next('attempt'), { attempt: 1 });
    first.kill('SIGKILL');
    assert.equal((await first.exited).signal, 'SIGKILL');

    const second = start('job', false);
    const outcome = await second.next('completed', 90_000);
    assert.ok(
      second.lines.some((l) => l.attempt === 2),
      `retried: ${JSON.stringify(second.lines)}`,
    );
    assert.equal(outcome.attempts, 2);
    assert.equal(outcome.effects, 1);
    assert.equal((await second.exited).code, 0);
  });

  test('a crash right after commit and before delivery: the event is delivered after restart, once', async () => {
    const first = start('event', true);
    const recorded = await first.next('recorded');
    assert.equal((await first.exited).signal, 'SIGKILL');

    const second = start('event', false);
    const outcome = await second.next('delivered', 30_000);
    assert.equal(outcome.delivered, recorded.recorded);
    assert.equal(outcome.effects, 1);
    assert.equal((await second.exited).code, 0);
  });
});
