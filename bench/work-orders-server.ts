// What the benchmarks on a real server (bench:import, bench:analyze, bench:forecast,
// bench:routing) share: a new database with one tenant for a real `plantintel serve` child
// process, signing in to it, /proc figures of a process (peak RSS, CPU seconds), JSON calls to
// the API and polling until a job is done.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestTenant, TEST_PASSWORD, type TestTenant } from '../src/modules/identity/testing.ts';
import { openDatabase, targetFromConfig } from '../src/platform/db/database.ts';
import { migrateDatabase } from '../src/platform/db/migrate.ts';
import { TEST_RATE_LIMIT_ENV } from '../src/platform/http/rate-limit/testing.ts';
import { type Driver, scratchPostgres } from './args.ts';
import { plantintel, startServer } from './servers.ts';

export interface Server {
  base: string;
  pid: number;
  headers: Record<string, string>;
}

export /** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid: number | string): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** /proc/<pid>/status figures in MB, and the process's CPU seconds so far. */
export function processStats(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) =>
    Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { peakRssMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024, cpuSeconds: cpuSeconds(pid) };
}

/** Forgets the process's peak RSS so far (VmHWM starts again from the current RSS). */
export function resetPeakRss(pid: number) {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return ((sorted[Math.ceil(mid) - 1] ?? 0) + (sorted[Math.floor(mid)] ?? 0)) / 2;
};

/** A new database (migrated, one tenant with a user per role) for the server to start on. */
export async function prepare(driver: Driver, label: string) {
  const dataDir = mkdtempSync(join(tmpdir(), `plantintel-${label}-`));
  const scratch = driver === 'postgres' ? await scratchPostgres(label) : undefined;
  const database = await openDatabase(targetFromConfig({ databaseUrl: scratch?.url, dataDir }));
  let tenant: TestTenant;
  try {
    await migrateDatabase(database);
    tenant = await createTestTenant(database.db, label);
  } finally {
    await database.close();
  }
  const drop = async () => {
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { dataDir, postgresUrl: scratch?.url, tenant, drop };
}

export async function startOurs(
  driver: Driver,
  dataDir: string,
  postgresUrl: string | undefined,
  tenant: TestTenant,
) {
  const env: NodeJS.ProcessEnv = {
    ...TEST_RATE_LIMIT_ENV, // budgets far above the load, the limiter still on
    ...process.env,
    DATA_DIR: dataDir,
    PLANTINTEL_DEMO: '0',
    PLANTINTEL_SIMULATOR: '0',
    LOG_LEVEL: 'warn',
    ACCESS_TOKEN_TTL_SECONDS: '7200',
  };
  if (postgresUrl) env.DATABASE_URL = postgresUrl;
  else delete env.DATABASE_URL;
  const started = await startServer(`ours (${driver})`, plantintel('serve'), env);
  const base = started.url.replace(/\/health$/, '');
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: tenant.users.analyst.email, password: TEST_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in: ${response.status} ${await response.text()}`);
  const { accessToken } = (await response.json()) as { accessToken: string };
  return { base, pid: started.pid, headers: { authorization: `Bearer ${accessToken}` } };
}

/** A JSON call to our API as the signed-in user; a status ≥ 300 throws with the body. */
export async function api<T>(server: Server, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${server.base}/api/v1${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...server.headers, ...(init.headers ?? {}) },
  });
  const body = (await response.json()) as T;
  if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/** Polls `probe` every `pollMs` until it gives a value. */
export async function until<T>(probe: () => Promise<T | undefined>, pollMs = 500): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    await sleep(pollMs);
  }
}
