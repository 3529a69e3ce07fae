// Authenticated, tenant-scoped reads: how much does PlantIntel add on top of the SQL they run?
// A real server runs in this process on the demo data. For each route the statements one request
// sends are recorded (bench/sql-recorder.ts); the baseline is a bare Fastify route replaying exactly
// those statements, in one transaction, on the same pool — no authentication, no validation, no
// query building, no presenters. Closed loop (wrk, 32 connections) gives throughput, ours vs the
// baseline in alternating rounds; open loop (100 users × 2 req/s, bench/open-loop.ts) gives the
// latency a crowd of dashboard users sees.
// Usage: npm run bench:api-read [-- --driver pglite|postgres|both] [--seconds 5] [--json]
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Fastify from 'fastify';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/platform/db/database.ts';
import { ScopedReadClient } from '../src/platform/db/pipelined-reads.ts';
import { TEST_RATE_LIMIT_ENV } from '../src/platform/http/rate-limit/testing.ts';
import { seedDemoData, startServer } from '../src/server.ts';
import { benchArgs, type Driver, scratchPostgres } from './args.ts';
import { type RecordedTransaction, record } from './sql-recorder.ts';
import { wrkAvailable, wrkRound } from './wrk.ts';

const run = promisify(execFile);
const PASSWORD = 'api-read-bench-1';
const CONNECTIONS = 32;
const USERS = 100;
const PER_USER_RATE = 2;
const ROUTES = [
  { name: 'GET /plant-ops/lines', path: '/api/v1/plant-ops/lines' },
  { name: 'GET /plant-ops/batches?limit=50', path: '/api/v1/plant-ops/batches?limit=50' },
  { name: 'GET /auth/me', path: '/api/v1/auth/me' },
  { name: 'GET /plant-ops/oee?groupBy=day', path: '/api/v1/plant-ops/oee?groupBy=day' },
];
const GOAL_P95_MS: Record<Driver, number> = { postgres: 20, pglite: 50 };
const { drivers, seconds, asJson } = benchArgs({ seconds: 5 });
const progress = (message: string) => process.stderr.write(`${message}\n`);

/** Runs the recorded transaction again, as directly as the driver allows. */
async function replay(
  database: Database,
  { preamble, readOnly, statements }: RecordedTransaction,
): Promise<unknown[]> {
  const results: unknown[] = [];
  if (database.raw.kind === 'postgres' && readOnly) {
    // As the application reads: each statement one trip, in a read-only transaction of its own.
    const client = new ScopedReadClient(database.raw.pool, preamble);
    for (const { text, values, rowMode } of statements) {
      results.push((await client.query({ text, ...(rowMode ? { rowMode } : {}) }, values)).rows);
    }
    return results;
  }
  if (database.raw.kind === 'postgres') {
    const client = await database.raw.pool.connect();
    const begin = readOnly ? 'begin read only' : 'begin';
    try {
      await client.query(preamble ? `${begin}; ${preamble}` : begin);
      for (const { text, values, rowMode } of statements) {
        results.push((await client.query({ text, values, ...(rowMode ? { rowMode } : {}) })).rows);
      }
      await client.query('commit');
    } catch (err) {
      await client.query('rollback');
      throw err;
    } finally {
      client.release();
    }
    return results;
  }
  await database.raw.client.transaction(
    async (tx) => {
      for (const { text, values, rowMode } of statements) {
        results.push((await tx.query(text, values, rowMode ? { rowMode } : {})).rows);
      }
    },
    { ...(preamble ? { preamble } : {}), readOnly },
  );
  return results;
}

async function openLoop(url: string, token: string) {
  const args = ['bench/open-loop.ts', url, String(seconds * 2), String(USERS), String(PER_USER_RATE)];
  const { stdout } = await run(process.execPath, [...args, 'authorization', `Bearer ${token}`], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as { answered: number; failures: number; p50: number; p95: number; p99: number };
}

async function measure(driver: Driver) {
  const dataDir = mkdtempSync(join(tmpdir(), 'plantintel-api-read-'));
  const scratch = driver === 'postgres' ? await scratchPostgres('api_read') : undefined;
  const config = loadConfig({
    ...TEST_RATE_LIMIT_ENV, // budgets far above the load, the limiter still on
    ...process.env,
    DATABASE_URL: scratch?.url ?? '',
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'warn',
    WORKERS: '0',
    PLANTINTEL_DEMO_PASSWORD: PASSWORD,
  });
  const server = await startServer(config, { handleSignals: false, announce: () => {} });
  const bare = Fastify({ logger: false });
  try {
    if (driver === 'postgres') await seedDemoData(server.database.db, PASSWORD, () => {});
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.local', password: PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${accessToken}` };

    const recorded: RecordedTransaction[] = [];
    for (const route of ROUTES) {
      const get = async () => {
        const response = await fetch(`${server.url}${route.path}`, { headers: auth });
        if (response.status !== 200) throw new Error(`${route.name} → ${response.status}`);
        await response.arrayBuffer();
      };
      await get(); // warm: credentials cached, statements prepared
      const transactions = await record(get);
      if (transactions.length !== 1)
        throw new Error(`${route.name}: recorded ${transactions.length} transactions`);
      const [transaction] = transactions;
      if (transaction) recorded.push(transaction);
    }
    bare.get<{ Params: { i: string } }>('/replay/:i', async (request, reply) => {
      const transaction = recorded[Number(request.params.i)] ?? {
        preamble: '',
        readOnly: true,
        statements: [],
      };
      reply.type('application/json');
      return JSON.stringify(await replay(server.database, transaction));
    });
    await bare.listen({ port: 0, host: '127.0.0.1' });
    const bareUrl = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}`;

    const rows = [];
    for (const [i, route] of ROUTES.entries()) {
      progress(`${driver}: ${route.name} — closed loop ${seconds} s each side, then open loop`);
      const oursUrl = `${server.url}${route.path}`;
      await wrkRound(oursUrl, 1, CONNECTIONS, auth);
      const ours = await wrkRound(oursUrl, seconds, CONNECTIONS, auth);
      const baseline = await wrkRound(`${bareUrl}/replay/${i}`, seconds, CONNECTIONS);
      const open = await openLoop(oursUrl, accessToken);
      rows.push({
        route: route.name,
        statements: (recorded[i]?.statements.length ?? 0) + 1,
        oursRps: ours.rps,
        baselineRps: baseline.rps,
        ratio: ours.rps / baseline.rps,
        errors: ours.errors + ours.non2xx + baseline.errors + baseline.non2xx + open.failures,
        open,
      });
    }
    return { driver, rows };
  } finally {
    await bare.close();
    await server.stop();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (!wrkAvailable()) {
  progress('bench:api-read needs wrk (apt-get install -y wrk)');
  process.exit(1);
}
const results = [];
for (const driver of drivers) results.push(await measure(driver));

if (asJson) {
  console.log(JSON.stringify(results, null, 2));
} else {
  console.log(
    `\nclosed loop: wrk, ${CONNECTIONS} connections, ${seconds} s per side; open loop: ${USERS} users × ${PER_USER_RATE} req/s for ${seconds * 2} s`,
  );
  console.log(
    'driver    route                             SQL  ours req/s  baseline req/s  ratio  open p50  open p95  open p99  errors',
  );
  for (const { driver, rows } of results) {
    for (const r of rows) {
      console.log(
        [
          driver.padEnd(9),
          r.route.padEnd(33),
          String(r.statements).padStart(3),
          r.oursRps.toFixed(0).padStart(10),
          r.baselineRps.toFixed(0).padStart(14),
          r.ratio.toFixed(2).padStart(5),
          r.open.p50.toFixed(1).padStart(8),
          r.open.p95.toFixed(1).padStart(8),
          r.open.p99.toFixed(1).padStart(8),
          String(r.errors).padStart(6),
        ].join('  '),
      );
    }
    const worst = Math.min(...rows.map((r) => r.ratio));
    const slowest = Math.max(...rows.map((r) => r.open.p95));
    console.log(
      `${driver}: lowest ratio ${worst.toFixed(2)} (goal ≥ 0.70); highest open-loop p95 ${slowest.toFixed(1)} ms (goal < ${GOAL_P95_MS[driver]} ms)`,
    );
  }
}
process.exit(0);
