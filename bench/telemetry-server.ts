// Shared by bench/ingest.ts and bench/query.ts: a real PlantIntel server in this process on a scratch
// database (a temporary data directory for the embedded database, a scratch database next to
// DATABASE_URL's for PostgreSQL), with no demo data, simulator or job workers, a tenant with one user
// per role, and sign-in through the real endpoint.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { createTestTenant, TEST_PASSWORD, type TestTenant } from '../src/modules/identity/testing.ts';
import { TEST_RATE_LIMIT_ENV } from '../src/platform/http/rate-limit/testing.ts';
import { type RunningServer, startServer } from '../src/server.ts';
import { type Driver, scratchPostgres } from './args.ts';

export interface BenchServer {
  driver: Driver;
  server: RunningServer;
  tenant: TestTenant;
  /** Bearer headers of the tenant's admin and operator. */
  admin: Record<string, string>;
  operator: Record<string, string>;
  viewer: Record<string, string>;
  /** The connection string of the scratch PostgreSQL database (superuser), or undefined on PGlite. */
  postgresUrl: string | undefined;
  close(): Promise<void>;
}

/** `--driver pglite|postgres|both`: the embedded database by default, PostgreSQL when DATABASE_URL is set. */
export function driversOf(value: string | undefined): Driver[] {
  const driver = value ?? (process.env.DATABASE_URL ? 'postgres' : 'pglite');
  if (driver === 'both') return ['pglite', 'postgres'];
  if (driver !== 'pglite' && driver !== 'postgres')
    throw new Error(`--driver must be pglite, postgres or both (got "${driver}")`);
  return [driver];
}

/** A positive integer from a flag, else an environment variable, else the default. */
export function count(value: string | undefined, env: string, fallback: number): number {
  const raw = value ?? process.env[env] ?? String(fallback);
  const n = Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${env} / its flag must be a positive integer (got ${raw})`);
  return n;
}

export { parseArgs };

async function login(url: string, email: string) {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in of ${email}: ${response.status} ${await response.text()}`);
  const { accessToken } = (await response.json()) as { accessToken: string };
  return { authorization: `Bearer ${accessToken}` };
}

export async function startBenchServer(driver: Driver, label: string): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), `plantintel-${label}-`));
  const scratch = driver === 'postgres' ? await scratchPostgres(label) : undefined;
  const config = loadConfig({
    ...TEST_RATE_LIMIT_ENV, // budgets far above the load, the limiter still on
    ...process.env,
    DATABASE_URL: scratch?.url ?? '',
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    WORKERS: '0',
    PLANTINTEL_DEMO: 'false',
    PLANTINTEL_SIMULATOR: 'false',
    // The whole run under one access token.
    ACCESS_TOKEN_TTL_SECONDS: '7200',
  });
  const server = await startServer(config, { handleSignals: false, announce: () => {} });
  try {
    const tenant = await createTestTenant(server.database.db, label);
    return {
      driver,
      server,
      tenant,
      admin: await login(server.url, tenant.users.admin.email),
      operator: await login(server.url, tenant.users.operator.email),
      viewer: await login(server.url, tenant.users.viewer.email),
      postgresUrl: scratch?.url,
      close: async () => {
        await server.stop();
        await scratch?.drop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await server.stop();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

/** Creates `n` sensors through POST /plant-ops/sensors, a few at a time; returns their ids in order. */
export async function createSensors(bench: BenchServer, n: number, prefix = 'B'): Promise<string[]> {
  const ids: string[] = new Array(n);
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const response = await fetch(`${bench.server.url}/api/v1/plant-ops/sensors`, {
        method: 'POST',
        headers: { ...bench.admin, 'content-type': 'application/json' },
        body: JSON.stringify({
          facilityId: bench.tenant.facilityId,
          key: `${prefix}-${String(i).padStart(5, '0')}`,
          name: `Bench sensor ${i}`,
          type: 'temperature',
          unit: '°C',
        }),
      });
      const body = (await response.json()) as { id: string };
      if (response.status !== 201) throw new Error(`sensor ${i}: ${response.status} ${JSON.stringify(body)}`);
      ids[i] = body.id;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return ids;
}
