// What bench:api and soak share: a real `plantintel serve` child process on the demo data (a fresh
// embedded data directory, or a scratch PostgreSQL database seeded with `plantintel seed --demo`),
// waiting until the demo's background jobs are done, signing users in, and reading its /metrics.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { TEST_RATE_LIMIT_ENV } from '../src/platform/http/rate-limit/testing.ts';
import { type Driver, scratchPostgres } from './args.ts';
import { plantintel, startServer, stopServer } from './servers.ts';

const run = promisify(execFile);
export const DEMO_PASSWORD = 'bench-demo-pass-1';
export const DEMO_ROLES = ['admin', 'analyst', 'operator', 'viewer'] as const;
export type DemoRole = (typeof DEMO_ROLES)[number];
// The demo's background work: it must be over before measuring, or it is measured too.
const DEMO_JOBS = ['supply.demo-history', 'supply.demo-deliveries', 'analytics.demo-second-facility'];
const DEMO_JOBS_TIMEOUT_MS = 15 * 60_000;

export interface DemoServer {
  driver: Driver;
  /** http://127.0.0.1:<port> */
  base: string;
  pid: number;
  /** The scratch database's URL on PostgreSQL (for pg_stat_activity and the job tables). */
  postgresUrl: string | undefined;
  stop(): Promise<void>;
}

/** Starts `plantintel serve` on fresh demo data; `env` adds settings (e.g. PLANTINTEL_SIMULATOR). */
export async function startDemoServer(
  driver: Driver,
  label: string,
  env: NodeJS.ProcessEnv,
  progress: (message: string) => void,
): Promise<DemoServer> {
  const dataDir = mkdtempSync(join(tmpdir(), `plantintel-${label}-`));
  const scratch = driver === 'postgres' ? await scratchPostgres(label) : undefined;
  const childEnv: NodeJS.ProcessEnv = {
    // The limiter stays on (its cost is part of every request) with budgets above the load: the
    // simulated users all come from 127.0.0.1, where real ones would come from many addresses.
    ...TEST_RATE_LIMIT_ENV,
    ...process.env,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    PLANTINTEL_DEMO_PASSWORD: DEMO_PASSWORD,
    // Sessions outlive the run: a token renewal is not part of the measured mix.
    ACCESS_TOKEN_TTL_SECONDS: '86400',
    ...env,
  };
  if (scratch) childEnv.DATABASE_URL = scratch.url;
  else delete childEnv.DATABASE_URL;
  const name = `${label} (${driver})`;
  const cleanUp = async () => {
    await stopServer(name);
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
  };
  try {
    // The embedded database is seeded on its first start, before /health answers; PostgreSQL is
    // seeded as an operator would, with `plantintel seed --demo`.
    if (scratch) {
      progress(`${driver}: plantintel seed --demo`);
      await run(process.execPath, ['src/main.ts', 'seed', '--demo'], { env: childEnv, maxBuffer: 1 << 22 });
    }
    progress(`${driver}: starting plantintel serve`);
    const started = await startServer(name, plantintel('serve'), childEnv, {
      timeoutMs: 600_000, // a fresh embedded start seeds the demo first: minutes on a loaded machine
    });
    const server: DemoServer = {
      driver,
      base: started.url.replace(/\/health$/, ''),
      pid: started.pid,
      postgresUrl: scratch?.url,
      stop: cleanUp,
    };
    await waitForDemoJobs(server, progress);
    return server;
  } catch (err) {
    await cleanUp();
    throw err;
  }
}

/** Signs in as the demo user with `role`; each call is a session of its own. */
export async function signIn(base: string, role: DemoRole): Promise<string> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${role}@demo.local`, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in as ${role}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function jobCount(base: string, token: string, query: string): Promise<number> {
  const response = await fetch(`${base}/api/v1/jobs?limit=1&${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (response.status !== 200) throw new Error(`GET /jobs?${query}: ${response.status}`);
  return ((await response.json()) as { total: number }).total;
}

/** The demo tenant's jobs waiting or running (queued, running, retrying). */
export async function pendingJobs(base: string, token: string): Promise<number> {
  const counts = await Promise.all(
    ['queued', 'running', 'retrying'].map((status) => jobCount(base, token, `status=${status}`)),
  );
  return counts.reduce((a, b) => a + b, 0);
}

/**
 * Waits until each demo job has finished (completed or failed) and nothing else of the demo tenant
 * is queued or running: the history it writes, the forecasts and KPI runs that follow.
 */
async function waitForDemoJobs(server: DemoServer, progress: (message: string) => void) {
  const token = await signIn(server.base, 'admin');
  const started = performance.now();
  let last = '';
  for (;;) {
    const finished = await Promise.all(
      DEMO_JOBS.map(
        async (name) =>
          (await jobCount(server.base, token, `name=${name}&status=completed`)) +
          (await jobCount(server.base, token, `name=${name}&status=failed`)),
      ),
    );
    const pending = await pendingJobs(server.base, token);
    const done = finished.every((n) => n > 0) && pending === 0;
    const state = `demo jobs finished ${finished.filter((n) => n > 0).length}/${DEMO_JOBS.length}, jobs pending ${pending}`;
    if (state !== last) progress(`${server.driver}: ${state}`);
    last = state;
    if (done) return;
    if (performance.now() - started > DEMO_JOBS_TIMEOUT_MS)
      throw new Error(`demo seeding not done: ${state}`);
    await sleep(1000);
  }
}

/** The server's /metrics as name{labels} → value (samples of the same name are summed by `metric`). */
export async function scrapeMetrics(base: string): Promise<Map<string, number>> {
  const response = await fetch(`${base}/metrics`);
  const text = await response.text();
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const space = line.lastIndexOf(' ');
    samples.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return samples;
}

/**
 * The sum (or the max) of the samples of metric `name` whose labels include every `label="value"`
 * pair given in `having`, or NaN when there are none.
 */
export function metric(
  samples: Map<string, number>,
  name: string,
  { having = [], max = false }: { having?: string[]; max?: boolean } = {},
): number {
  let result = Number.NaN;
  for (const [key, value] of samples) {
    if (key !== name && !key.startsWith(`${name}{`)) continue;
    if (!having.every((label) => key.includes(label))) continue;
    if (Number.isNaN(result)) result = value;
    else result = max ? Math.max(result, value) : result + value;
  }
  return result;
}

/** Open file descriptors of a process. */
export function openFds(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}
