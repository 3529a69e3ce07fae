// Does a long query stall the server? A real PlantIntel server runs in this process; a probe in
// another process (bench/stall-probe.ts) sends GET /health at 50 req/s and times the WebSocket
// heartbeats (every second here) — first while the server is idle (the baseline), then while a
// CPU-heavy query of about `--seconds` runs on the server's own database.
// Usage: npm run bench:stall [-- --driver pglite|postgres|both] [--seconds 10] [--json]
//   (default driver: pglite, the embedded database this is about)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import { TEST_RATE_LIMIT_ENV } from '../src/platform/http/rate-limit/testing.ts';
import { seedDemoData, startServer } from '../src/server.ts';
import { benchArgs, type Driver, scratchPostgres } from './args.ts';

const RATE = 50;
const HEARTBEAT_SECONDS = 1;
const BASELINE_SECONDS = 5;
const PASSWORD = 'stall-bench-pass-1';
const { drivers, seconds, asJson } = benchArgs({ seconds: 10 }, { driver: 'pglite' });
const progress = (message: string) => process.stderr.write(`${message}\n`);

interface ProbeResult {
  requests: number;
  answered: number;
  failures: number;
  p50: number;
  p99: number;
  max: number;
  pings: number;
  expectedPings: number;
  latePings: number;
  disconnected: boolean;
  /** Close code and reason when the server ended the socket. */
  closeReason: string;
}

/** Starts the probe; `ready` resolves once it is connected and warm, `result` when it is done. */
function probe(url: string, token: string, probeSeconds: number) {
  const args = [
    'bench/stall-probe.ts',
    url,
    String(probeSeconds),
    String(RATE),
    token,
    String(HEARTBEAT_SECONDS),
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  const ready = new Promise<void>((resolve) => {
    createInterface({ input: child.stderr }).on('line', (line) => {
      if (line === 'ready') resolve();
    });
  });
  const result = new Promise<ProbeResult>((resolve, reject) => {
    child.on('exit', (code) => {
      if (code === 0) resolve(JSON.parse(stdout) as ProbeResult);
      else reject(new Error(`the probe exited with code ${code}`));
    });
  });
  return { ready, result };
}

/** A query that keeps the database busy for about `targetSeconds`, sized by a short trial. */
function heavyQuery(rows: number) {
  return sql`select count(*) from generate_series(1, ${rows}::bigint) g where (g * 7919) % 13 = 1`;
}

async function measure(driver: Driver) {
  const dataDir = mkdtempSync(join(tmpdir(), 'plantintel-stall-'));
  const scratch = driver === 'postgres' ? await scratchPostgres('stall') : undefined;
  const config = loadConfig({
    ...TEST_RATE_LIMIT_ENV, // budgets far above the load, the limiter still on
    ...process.env,
    DATABASE_URL: scratch?.url ?? '',
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'warn',
    PLANTINTEL_DEMO_PASSWORD: PASSWORD,
    WS_HEARTBEAT_SECONDS: String(HEARTBEAT_SECONDS),
  });
  const server = await startServer(config, { handleSignals: false, announce: () => {} });
  try {
    // A member of the demo tenant: its socket stays subscribed to the tenant's live events.
    if (driver === 'postgres') await seedDemoData(server.database.db, PASSWORD, () => {});
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'viewer@demo.local', password: PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };

    progress(`${driver}: baseline, idle server (${BASELINE_SECONDS} s)`);
    const idle = await probe(server.url, accessToken, BASELINE_SECONDS).result;

    const trialRows = 2_000_000;
    const trialStart = performance.now();
    await server.database.db.execute(heavyQuery(trialRows));
    const perRowMs = (performance.now() - trialStart) / trialRows;
    const rows = Math.round((seconds * 1000) / perRowMs);

    progress(
      `${driver}: a ${seconds}-second query (${rows.toLocaleString('en')} rows) with the probe running`,
    );
    const probing = probe(server.url, accessToken, seconds);
    await probing.ready;
    const queryStart = performance.now();
    await server.database.db.execute(heavyQuery(rows));
    const querySeconds = (performance.now() - queryStart) / 1000;
    const busy = await probing.result;
    return { driver, querySeconds, idle, busy };
  } finally {
    await server.stop();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const results = [];
for (const driver of drivers) results.push(await measure(driver));

if (asJson) {
  console.log(JSON.stringify(results, null, 2));
} else {
  const f = (n: number) => n.toFixed(1);
  console.log(`\nGET /health at ${RATE} req/s and WebSocket heartbeats every ${HEARTBEAT_SECONDS} s`);
  console.log('driver    phase                 p50 ms  p99 ms  max ms  failed  late pings  disconnected');
  for (const { driver, querySeconds, idle, busy } of results) {
    for (const [phase, r] of [
      ['idle (baseline)', idle],
      [`during ${f(querySeconds)} s query`, busy],
    ] as const) {
      console.log(
        `${driver.padEnd(9)} ${phase.padEnd(21)} ${f(r.p50).padStart(6)}  ${f(r.p99).padStart(6)}  ${f(r.max).padStart(6)}  ${String(r.failures).padStart(6)}  ${`${r.latePings}/${r.expectedPings}`.padStart(10)}  ${r.disconnected ? 'yes' : 'no'}`,
      );
    }
    if (busy.disconnected) console.log(`${driver}: the socket was closed: ${busy.closeReason}`);
    console.log(`${driver}: /health p99 during the query ${f(busy.p99)} ms (goal < 20 ms)`);
  }
}
process.exit(0);
