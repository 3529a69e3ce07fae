// Soak: a real `plantintel serve` child process on the demo data with every simulator on
// (PLANTINTEL_SIMULATOR: sensors through the ingest path, inspection parts, the plant's lines)
// under moderate open-loop load (bench/api-mix.ts: `--users` users × `--rate` req/s, WebSocket
// subscriptions) for `--minutes`. Every `--sample` seconds it records the server's RSS
// (/proc/<pid>/status), heap used and event-loop lag p99 (/metrics), open file descriptors
// (/proc/<pid>/fd), database connections (pg_stat_activity on PostgreSQL; the pool on both from
// /metrics), the job queue (due jobs waiting, all queues, from /metrics) and the requests
// answered and failed. Prints the table and the verdict: RSS growth < 10 % after the warm-up, no
// growing queue, no leak (heap, descriptors, connections), no errors.
// Usage: npm run soak -- [--minutes 30] [--driver pglite|postgres|both] [--users 20] [--rate 0.5] [--sample 60] [--json]
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { closeUsers, type MixCounters, prepareUsers, runMix } from './api-mix.ts';
import type { Driver } from './args.ts';
import { type DemoServer, metric, openFds, scrapeMetrics, startDemoServer } from './demo-server.ts';
import { killServersNow } from './servers.ts';
import { type MemoryMap, memoryMap } from './smaps.ts';
import { median, processStats } from './work-orders-server.ts';

const { values } = parseArgs({
  options: {
    driver: { type: 'string', default: 'both' },
    minutes: { type: 'string', default: '30' },
    users: { type: 'string', default: '20' },
    rate: { type: 'string', default: '0.5' },
    sample: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
if (!['both', 'pglite', 'postgres'].includes(values.driver))
  throw new Error('--driver: pglite, postgres or both');
const drivers: Driver[] = values.driver === 'both' ? ['pglite', 'postgres'] : [values.driver as Driver];
const minutes = Number(values.minutes);
const users = Number(values.users);
const rate = Number(values.rate);
if (!(minutes >= 1 && minutes <= 24 * 60)) throw new Error('--minutes: 1 to 1440');
if (!Number.isInteger(users) || users < 1 || users > 500) throw new Error('--users: 1–500');
if (!(rate > 0 && rate <= 20)) throw new Error('--rate: > 0 and ≤ 20 requests per second per user');
// About 40 samples over the run, at least every 5 s.
const sampleSeconds = Number(values.sample ?? Math.max(5, Math.round((minutes * 60) / 40)));
if (!(sampleSeconds >= 1 && sampleSeconds <= 3600)) throw new Error('--sample: 1–3600 seconds');
const WARM_UP_SHARE = 0.2;
const RSS_GROWTH_GOAL = 0.1;
const progress = (message: string) => process.stderr.write(`${message}\n`);
process.on('exit', killServersNow);

interface Sample {
  minute: number;
  rssMb: number;
  heapMb: number;
  /** The embedded database thread's WebAssembly memory (NaN on PostgreSQL): part of the RSS. */
  dbMemoryMb: number;
  /** The RSS by kind of mapping (bench/smaps.ts): which part grows. */
  map: MemoryMap;
  fds: number;
  lagP99Ms: number;
  /** pg_stat_activity rows of the server's database (PostgreSQL only). */
  dbConnections: number;
  /** The pool's open connections (/metrics, PostgreSQL) — NaN on the embedded database. */
  poolConnections: number;
  queueWaiting: number;
  queueOldestS: number;
  eventsPending: number;
  wsClients: number;
  answered: number;
  errors: number;
  load1: number;
}

async function dbConnections(url: string | undefined): Promise<number> {
  if (!url) return Number.NaN;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      'select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    return rows[0]?.n ?? Number.NaN;
  } finally {
    await client.end();
  }
}

async function sample(server: DemoServer, startedAt: number, counters: MixCounters): Promise<Sample> {
  const metrics = await scrapeMetrics(server.base);
  return {
    minute: (performance.now() - startedAt) / 60_000,
    rssMb: processStats(server.pid).rssMb,
    heapMb: metric(metrics, 'nodejs_heap_size_used_bytes') / 2 ** 20,
    dbMemoryMb: metric(metrics, 'plantintel_db_embedded_memory_bytes') / 2 ** 20,
    map: memoryMap(server.pid),
    fds: openFds(server.pid),
    lagP99Ms: metric(metrics, 'nodejs_eventloop_lag_p99_seconds') * 1000,
    dbConnections: await dbConnections(server.postgresUrl),
    poolConnections: metric(metrics, 'plantintel_db_pool_connections'),
    // A queue has series only while it holds unfinished jobs: none means nothing waits.
    queueWaiting: metric(metrics, 'plantintel_job_queue_jobs', { having: ['state="waiting"'] }) || 0,
    queueOldestS: metric(metrics, 'plantintel_job_queue_oldest_waiting_seconds', { max: true }) || 0,
    eventsPending: metric(metrics, 'plantintel_events_pending'),
    wsClients: metric(metrics, 'plantintel_websocket_clients'),
    answered: counters.answered,
    errors: counters.errors,
    load1: loadavg()[0] ?? Number.NaN,
  };
}

async function soak(driver: Driver) {
  const server = await startDemoServer(driver, 'soak', { PLANTINTEL_SIMULATOR: '1' }, progress);
  try {
    let frames = 0;
    progress(`${driver}: signing ${users} users in and opening their WebSockets`);
    const prepared = await prepareUsers(server.base, users, () => (frames += 1));
    const counters: MixCounters = { answered: 0, errors: 0 };
    const startedAt = performance.now();
    progress(`${driver}: ${minutes} min of load, a sample every ${sampleSeconds} s`);
    const load = runMix(server.base, prepared, { seconds: minutes * 60, rate, counters }, () => frames);
    let finished = false;
    const done = load.finally(() => (finished = true));
    const samples: Sample[] = [await sample(server, startedAt, counters)];
    while (!finished) {
      await Promise.race([sleep(sampleSeconds * 1000), done]);
      const s = await sample(server, startedAt, counters);
      samples.push(s);
      progress(
        `${driver}: ${s.minute.toFixed(1)} min  RSS ${s.rssMb.toFixed(0)} MB  heap ${s.heapMb.toFixed(0)} MB${Number.isNaN(s.dbMemoryMb) ? '' : `  db mem ${s.dbMemoryMb.toFixed(0)} MB`}  malloc ${s.map.mallocMb.toFixed(0)} MB (${s.map.arenas} arenas)  anon ${s.map.otherAnonMb.toFixed(0)} MB  fds ${s.fds}  lag p99 ${s.lagP99Ms.toFixed(0)} ms  queue ${s.queueWaiting}  errors ${s.errors}`,
      );
    }
    const result = await load;
    closeUsers(prepared);
    return {
      driver,
      samples,
      verdict: verdict(samples),
      sent: result.sent,
      sockets: result.sockets,
      errorSamples: result.errorSamples,
    };
  } finally {
    await server.stop();
  }
}

/**
 * Thirds of the series after the warm-up: `rising` when each third's median is above the one
 * before (a leak keeps climbing; a one-off step, e.g. a thread pool starting, rises once).
 */
function growth(values: number[]) {
  const third = Math.max(1, Math.floor(values.length / 3));
  const first = median(values.slice(0, third));
  const middle = median(values.slice(third, values.length - third));
  const last = median(values.slice(-third));
  return {
    first,
    last,
    ratio: first > 0 ? (last - first) / first : 0,
    delta: last - first,
    rising: middle > first && last > middle,
  };
}

function verdict(samples: Sample[]) {
  const warm = samples.slice(Math.min(samples.length - 2, Math.ceil(samples.length * WARM_UP_SHARE)));
  const of = (key: Exclude<keyof Sample, 'map'>) => warm.map((s) => s[key]).filter((v) => !Number.isNaN(v));
  const rss = growth(of('rssMb'));
  // The heap saw-tooths with garbage collection: compare the troughs (minimum of each third).
  const heapValues = of('heapMb');
  const third = Math.max(1, Math.floor(heapValues.length / 3));
  const heapFirst = Math.min(...heapValues.slice(0, third));
  const heapLast = Math.min(...heapValues.slice(-third));
  const fds = growth(of('fds'));
  const dbMemory = growth(of('dbMemoryMb'));
  const connections = growth(of('dbConnections'));
  const queue = growth(of('queueWaiting'));
  const last = samples.at(-1);
  const checks = [
    {
      check: `RSS growth after warm-up < ${RSS_GROWTH_GOAL * 100} %`,
      value: `${rss.first.toFixed(0)} → ${rss.last.toFixed(0)} MB (${(rss.ratio * 100).toFixed(1)} %)`,
      ok: rss.ratio < RSS_GROWTH_GOAL,
    },
    {
      check: 'heap (after-GC troughs) not growing > 10 %',
      value: `${heapFirst.toFixed(0)} → ${heapLast.toFixed(0)} MB`,
      ok: !(heapLast > heapFirst * 1.1),
    },
    {
      check: 'no file-descriptor leak (not rising through every third by > 10 % and > 10)',
      value: `${fds.first} → ${fds.last}`,
      ok: !(fds.rising && fds.ratio > 0.1 && fds.delta > 10),
    },
    {
      check: 'database connections not growing',
      value:
        of('dbConnections').length === 0 ? 'n/a (embedded)' : `${connections.first} → ${connections.last}`,
      ok:
        of('dbConnections').length === 0 ||
        !(connections.rising && connections.delta > 2 && connections.ratio > 0.2),
    },
    {
      check: 'job queue not growing (due jobs waiting)',
      value: `${queue.first} → ${queue.last} (max ${Math.max(...of('queueWaiting'))})`,
      ok: !(queue.rising && queue.delta > 5 && queue.ratio > 0.5),
    },
    { check: 'no request errors', value: String(last?.errors ?? 0), ok: (last?.errors ?? 0) === 0 },
  ];
  // Not a check: how much of the RSS growth is the embedded database's memory reaching its high-water mark.
  const notes =
    of('dbMemoryMb').length === 0
      ? []
      : [
          `embedded database memory ${dbMemory.first.toFixed(0)} → ${dbMemory.last.toFixed(0)} MB of the RSS (WebAssembly memory never shrinks)`,
        ];
  // Where the RSS growth sits (medians of the first and last thirds, bench/smaps.ts).
  const part = (key: keyof Omit<MemoryMap, 'arenas' | 'threads'>, label: string) => {
    const g = growth(warm.map((s) => s.map[key]));
    return `${label} ${g.first.toFixed(0)} → ${g.last.toFixed(0)}`;
  };
  notes.push(
    `RSS by mapping (MB): ${part('mallocMb', 'malloc heaps')}, ${part('otherAnonMb', 'other anonymous (JS heaps, stacks, WebAssembly)')}, ${part('fileMb', 'files')}`,
  );
  return { warmUpMinutes: warm[0]?.minute ?? 0, checks, notes, ok: checks.every((c) => c.ok) };
}

const runs = [];
for (const driver of drivers) runs.push(await soak(driver));

if (values.json) {
  console.log(JSON.stringify(runs, null, 2));
} else {
  const n = (v: number, digits = 0) => (Number.isNaN(v) ? 'n/a' : v.toFixed(digits));
  for (const { driver, samples, verdict: v, sent, sockets, errorSamples } of runs) {
    console.log(
      `\n${driver}: ${minutes} min, simulators on, open loop ${users} users × ${rate} req/s (Poisson) with a WebSocket each; ${sent} requests sent, ${sockets.frames} WebSocket frames received, ${sockets.closedEarly} sockets closed early`,
    );
    console.log(
      '   min  RSS MB  heap MB  db mem MB  malloc MB  arenas  anon MB  file MB  threads  fds  lag p99 ms  db conns  pool  queue due  oldest s  events  ws  answered  errors  load',
    );
    for (const s of samples) {
      console.log(
        [
          n(s.minute, 1).padStart(6),
          n(s.rssMb).padStart(6),
          n(s.heapMb).padStart(7),
          n(s.dbMemoryMb).padStart(9),
          n(s.map.mallocMb).padStart(9),
          String(s.map.arenas).padStart(6),
          n(s.map.otherAnonMb).padStart(7),
          n(s.map.fileMb).padStart(7),
          String(s.map.threads).padStart(7),
          String(s.fds).padStart(4),
          n(s.lagP99Ms, 1).padStart(10),
          n(s.dbConnections).padStart(8),
          n(s.poolConnections).padStart(4),
          n(s.queueWaiting).padStart(9),
          n(s.queueOldestS, 1).padStart(8),
          n(s.eventsPending).padStart(6),
          n(s.wsClients).padStart(3),
          String(s.answered).padStart(8),
          String(s.errors).padStart(6),
          n(s.load1, 1).padStart(5),
        ].join('  '),
      );
    }
    if (errorSamples.length > 0) console.log(`errors, e.g.: ${errorSamples.join('; ')}`);
    console.log(`verdict on ${driver} (after a warm-up of ${v.warmUpMinutes.toFixed(1)} min):`);
    for (const c of v.checks) console.log(`  ${c.ok ? 'ok  ' : 'FAIL'}  ${c.check}: ${c.value}`);
    for (const note of v.notes) console.log(`  note  ${note}`);
    console.log(`  ${v.ok ? 'PASSED' : 'FAILED'}`);
  }
}
process.exit(runs.every((r) => r.verdict.ok) ? 0 : 1);
