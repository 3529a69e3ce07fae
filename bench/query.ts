// Chart query latency: 30 days of 1 Hz readings of one sensor (2,592,000, stored through the
// statement ingest uses, in 50,000-row transactions, so the 1-minute and 1-hour rollups are the real
// ones), then GET /plant-ops/sensors/:id/readings?bucket=auto over 30 days, 7 days and 1 day, one
// request at a time, through HTTP on a server in this process: p50/p99. The baseline, in the same
// run, is the bucket statement alone (bucketedReadings in a tenant read transaction, no HTTP, no
// authentication, no presenter); the ratio shows what the API adds.
// Usage: npm run bench:query [-- --driver pglite|postgres|both] [--days 30] [--requests 200] [--json]
//   (env: BENCH_DAYS, BENCH_REQUESTS)
import { loadavg } from 'node:os';
import { autoPlan } from '../src/modules/telemetry/buckets.ts';
import { ensurePartitions, insertReadings } from '../src/modules/telemetry/readings.repo.ts';
import { bucketedReadings } from '../src/modules/telemetry/series.repo.ts';
import { inTenant, readInTenant } from '../src/platform/db/scope.ts';
import type { Driver } from './args.ts';
import { count, createSensors, driversOf, parseArgs, startBenchServer } from './telemetry-server.ts';

const { values: flags } = parseArgs({
  options: {
    driver: { type: 'string' },
    days: { type: 'string' },
    requests: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const drivers = driversOf(flags.driver);
const DAYS = count(flags.days, 'BENCH_DAYS', 30);
const REQUESTS = count(flags.requests, 'BENCH_REQUESTS', 200);
const GOAL_P99_MS = 50;
const CHUNK = 50_000;
const DAY_MS = 86_400_000;
const progress = (message: string) => process.stderr.write(`${message}\n`);

const end = Math.floor(Date.now() / DAY_MS) * DAY_MS;
const start = end - DAYS * DAY_MS;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const RANGES = [
  { name: '30 days', from: end - 30 * DAY_MS },
  { name: '7 days', from: end - 7 * DAY_MS },
  { name: '1 day', from: end - DAY_MS },
].filter((r) => r.from >= start);

function valueAt(i: number): number {
  const noise = Math.sin(i * 12.9898) * 43_758.5453;
  return (
    Math.round((50 + 10 * Math.sin((2 * Math.PI * i) / 86_400) + (noise - Math.floor(noise))) * 1000) / 1000
  );
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;

async function latencies(n: number, run: () => Promise<unknown>) {
  for (let i = 0; i < Math.max(5, n / 10); i++) await run(); // warm: statements prepared, caches
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const began = performance.now();
    await run();
    times.push(performance.now() - began);
  }
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p99: quantile(times, 0.99), max: times[times.length - 1] as number };
}

async function measure(driver: Driver) {
  const bench = await startBenchServer(driver, 'query');
  try {
    const [sensorId] = await createSensors(bench, 1, 'Q');
    if (!sensorId) throw new Error('no sensor');
    const { db } = bench.server.database;
    const tenantId = bench.tenant.id;
    const total = DAYS * 86_400;
    progress(`${driver}: loading ${total.toLocaleString('en')} readings`);
    const began = performance.now();
    await inTenant(db, tenantId, (tx) => ensurePartitions(tx, day(start), day(end - 1)));
    for (let from = 0; from < total; from += CHUNK) {
      const n = Math.min(CHUNK, total - from);
      const ts = new Array<number>(n);
      const value = new Array<number>(n);
      for (let j = 0; j < n; j++) {
        ts[j] = start + (from + j) * 1000;
        value[j] = valueAt(from + j);
      }
      await inTenant(db, tenantId, (tx) =>
        insertReadings(tx, { sensorIds: [sensorId], sensor: new Array<number>(n).fill(0), ts, value }),
      );
    }
    const loadSeconds = (performance.now() - began) / 1000;
    progress(
      `${driver}: loaded in ${loadSeconds.toFixed(1)} s (${Math.round(total / loadSeconds).toLocaleString('en')}/s)`,
    );
    if (driver === 'postgres' && bench.server.database.raw.kind === 'postgres')
      await bench.server.database.raw.pool.query('analyze readings, readings_1m, readings_1h');

    const rows = [];
    for (const range of RANGES) {
      const url = `${bench.server.url}/api/v1/plant-ops/sensors/${sensorId}/readings?bucket=auto&from=${new Date(range.from).toISOString()}&to=${new Date(end).toISOString()}`;
      let points = 0;
      let source = '';
      progress(`${driver}: ${range.name} — ${REQUESTS} requests, then the statement alone`);
      const http = await latencies(REQUESTS, async () => {
        const response = await fetch(url, { headers: bench.viewer });
        const body = (await response.json()) as { buckets: unknown[]; source: string };
        if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
        points = body.buckets.length;
        source = body.source;
      });
      const plan = autoPlan(range.from, end);
      const statement = await latencies(REQUESTS, () =>
        readInTenant(db, tenantId, (tx) =>
          bucketedReadings(tx, sensorId, plan.from, plan.to, plan.widthSeconds, plan.source),
        ),
      );
      rows.push({ range: range.name, points, source, width: plan.label, http, statement });
    }
    return { driver, loadSeconds, rows };
  } finally {
    await bench.close();
  }
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const loadBefore = load();
const results = [];
for (const driver of drivers) results.push(await measure(driver));
const loadAfter = load();
if (flags.json) {
  console.log(
    JSON.stringify(
      { date: new Date().toISOString(), days: DAYS, requests: REQUESTS, loadBefore, loadAfter, results },
      null,
      2,
    ),
  );
} else {
  console.log(
    `\n${DAYS} days of 1 Hz readings of one sensor; ${REQUESTS} requests per range, one at a time (after a warm-up)`,
  );
  console.log(
    'driver    range    points  width source   HTTP p50  HTTP p99  statement p50  statement p99  p50 ratio',
  );
  for (const { driver, rows } of results) {
    for (const r of rows) {
      console.log(
        [
          driver.padEnd(9),
          r.range.padEnd(8),
          String(r.points).padStart(6),
          r.width.padStart(6),
          r.source.padEnd(6),
          r.http.p50.toFixed(1).padStart(9),
          r.http.p99.toFixed(1).padStart(9),
          r.statement.p50.toFixed(1).padStart(14),
          r.statement.p99.toFixed(1).padStart(14),
          (r.statement.p50 / r.http.p50).toFixed(2).padStart(10),
        ].join(' '),
      );
    }
  }
  console.log(
    `times in ms; goal: HTTP p99 < ${GOAL_P99_MS} ms; ratio = statement ÷ HTTP (1 = the API adds nothing)`,
  );
  console.log(`load average (1, 5, 15 min): ${loadBefore} before, ${loadAfter} after`);
}
process.exit(0);
