// Realtime benchmark: BENCH_CLIENTS WebSocket clients subscribed to their tenant's topic on a real
// `plantintel serve` process; another process commits domain events at BENCH_RATE per second for
// BENCH_DURATION seconds. Prints commit → receipt latency (p50/p99/max), messages lost, and the
// server's memory. Baseline in the same run: a bare LISTEN connection on the same notifications —
// the transport's own latency, without our server, WebSocket or fan-out.
// Needs PostgreSQL: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) is used to create
// and drop a scratch database. Usage: npm run bench:realtime [-- --json]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import WebSocket from 'ws';
import { seedDemoTenant } from '../src/modules/identity/index.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateDatabase } from '../src/platform/db/migrate.ts';
import { TEST_RATE_LIMIT_ENV } from '../src/platform/http/rate-limit/testing.ts';
import { REALTIME_CHANNEL } from '../src/platform/realtime/notifications.ts';
import { killServersNow, SERVER_NODE_FLAGS, startServer, stopServers } from './servers.ts';

const clients = Number(process.env.BENCH_CLIENTS ?? 500);
const rate = Number(process.env.BENCH_RATE ?? 200);
const seconds = Number(process.env.BENCH_DURATION ?? 30);
const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const asJson = process.argv.includes('--json');
const total = rate * seconds;
const now = () => performance.timeOrigin + performance.now();
const progress = (message: string) => process.stderr.write(`${message}\n`);

const dbName = `plantintel_bench_${process.pid}`;
const benchUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();

async function admin(query: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

const SEQ = Buffer.from('"seq":');

/**
 * The event's seq, read from the raw frame bytes: 100k frames per second arrive in this one
 * process, and decoding or parsing each would make the measuring side the bottleneck.
 */
function seqOf(frame: Buffer): number {
  const at = frame.indexOf(SEQ);
  if (at < 0) return -1;
  let seq = 0;
  for (let i = at + SEQ.length; i < frame.length; i++) {
    const digit = (frame[i] ?? 0) - 48;
    if (digit < 0 || digit > 9) break;
    seq = seq * 10 + digit;
  }
  return seq;
}

function percentile(sorted: Float64Array, p: number) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function summarise(committed: Float64Array, received: Float64Array, perEvent: number) {
  const latencies: number[] = [];
  for (let i = 0; i < received.length; i++) {
    const at = received[i] ?? 0;
    const commit = committed[i % total] ?? 0;
    if (at > 0 && commit > 0) latencies.push(at - commit);
  }
  const sorted = Float64Array.from(latencies).sort();
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    expected: total * perEvent,
    received: sorted.length,
    lost: total * perEvent - sorted.length,
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

/** CPU seconds a process has used so far (user + system), from /proc. */
function cpuSecondsOf(pid: number) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function memoryOf(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakRssMb: Math.round(kb('VmHWM') / 1024) };
}

async function main() {
  progress(`scratch database ${dbName}`);
  await admin(`create database ${dbName}`);
  const database = await openDatabase({ kind: 'postgres', url: benchUrl, poolSize: 2 });
  await migrateDatabase(database);
  const { tenant } = await seedDemoTenant(database.db, { password: 'bench-pass-1' }, () => {});
  await database.close();

  // The Node flags of `npm start`, then BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof",
  // to profile the server.
  const nodeArgs = [
    ...SERVER_NODE_FLAGS,
    ...(process.env.BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean),
  ];
  const server = await startServer('plantintel', [process.execPath, ...nodeArgs, 'src/main.ts', 'serve'], {
    ...TEST_RATE_LIMIT_ENV, // budgets far above the load, the limiter still on
    ...process.env,
    DATABASE_URL: benchUrl,
    WORKERS: '0',
    LOG_LEVEL: 'warn',
    PLANTINTEL_ADMIN_PASSWORD: 'bench-admin-1',
  });
  const base = server.url.replace(/\/health$/, '');
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.local', password: 'bench-pass-1' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };

  progress(`connecting ${clients} WebSocket clients`);
  const received = new Float64Array(clients * total);
  const sockets: WebSocket[] = [];
  for (let c = 0; c < clients; c++) {
    const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/ws`, { skipUTF8Validation: true });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.once('open', () => socket.send(JSON.stringify({ type: 'auth', token: accessToken })));
      socket.on('message', (data: Buffer) => {
        const seq = seqOf(data);
        if (seq >= 0) received[c * total + seq] = now();
        else if (data.includes('"type":"ready"'))
          socket.send(JSON.stringify({ type: 'subscribe', topics: ['tenant'] }));
        else if (data.includes('"type":"subscribed"')) resolve();
      });
    });
  }

  // Baseline: the same notifications on a bare LISTEN connection.
  const baselineReceived = new Float64Array(total);
  const listener = new pg.Client({ connectionString: benchUrl });
  await listener.connect();
  listener.on('notification', (message) => {
    const seq = seqOf(Buffer.from(message.payload ?? ''));
    if (seq >= 0) baselineReceived[seq] = now();
  });
  await listener.query(`listen ${REALTIME_CHANNEL}`);

  progress(`producing ${rate} events/s for ${seconds} s`);
  const committed = new Float64Array(total);
  const producer = spawn(process.execPath, ['bench/realtime-producer.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: benchUrl,
      BENCH_TENANT: tenant.id,
      BENCH_RATE: String(rate),
      BENCH_DURATION: String(seconds),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let producedIn = '';
  const cpuBefore = { server: cpuSecondsOf(server.pid), bench: process.cpuUsage() };
  let peakRssMb = 0;
  const sampler = setInterval(() => {
    peakRssMb = Math.max(peakRssMb, memoryOf(server.pid).rssMb);
  }, 1000);
  createInterface({ input: producer.stdout }).on('line', (line) => {
    const [a, b] = line.split(' ');
    if (a === 'done') producedIn = b ?? '';
    else committed[Number(a)] = Number(b);
  });
  await new Promise((resolve) => producer.once('exit', resolve));
  await sleep(2000); // the last events in flight
  clearInterval(sampler);
  const memory = memoryOf(server.pid);
  const benchCpu = process.cpuUsage(cpuBefore.bench);
  const cpu = {
    serverSeconds: Math.round((cpuSecondsOf(server.pid) - cpuBefore.server) * 10) / 10,
    clientsSeconds: Math.round((benchCpu.user + benchCpu.system) / 1e5) / 10,
  };

  const ours = summarise(committed, received, clients);
  const baseline = summarise(committed, baselineReceived, 1);
  const report = {
    ok: ours.lost === 0,
    options: { clients, rate, seconds, producedInSeconds: Number(producedIn) },
    ours,
    baseline,
    p99Ratio: Math.round((ours.p99 / Math.max(baseline.p99, 0.01)) * 100) / 100,
    server: { rssMb: memory.rssMb, peakRssMb: Math.max(peakRssMb, memory.rssMb) },
    cpu,
  };
  if (asJson) console.log(JSON.stringify(report, null, 2));
  else {
    console.log(
      `\n${clients} clients, ${rate} events/s for ${seconds} s (${total} events, ${ours.expected} deliveries)`,
    );
    console.log('side      p50 ms  p99 ms  max ms   received    lost');
    for (const [name, s] of [
      ['ours', ours],
      ['baseline', baseline],
    ] as const) {
      console.log(
        `${name.padEnd(8)}  ${String(s.p50).padStart(6)}  ${String(s.p99).padStart(6)}  ${String(s.max).padStart(6)}  ${String(s.received).padStart(9)}  ${String(s.lost).padStart(6)}`,
      );
    }
    console.log(`server RSS ${memory.rssMb} MB (peak ${report.server.peakRssMb} MB)`);
    console.log(
      `CPU during the run: server ${cpu.serverSeconds} s, the ${clients} clients ${cpu.clientsSeconds} s`,
    );
    console.log(`p99 ratio (ours/baseline LISTEN): ${report.p99Ratio}`);
    console.log(`p99: ${ours.p99} ms  (goal < 50 ms)  lost: ${ours.lost}  (goal 0)`);
  }
  for (const socket of sockets) socket.terminate();
  await listener.end();
  return report.ok ? 0 : 1;
}

let code = 1;
process.on('exit', killServersNow);
try {
  code = await main();
} catch (err) {
  progress(`bench failed: ${err instanceof Error ? err.stack : String(err)}`);
} finally {
  await stopServers();
  await admin(`drop database if exists ${dbName} with (force)`).catch(() => {});
}
process.exit(code);
