// Ingest throughput end to end: readings of many sensors sent through POST
// /plant-ops/sensors/readings/bulk (columnar form) by a few concurrent clients — parsing, validation,
// the insert with both rollups, the streaming detectors (each sensor's default detection: spec
// limits, rolling z-score, limits learned from a baseline and Western Electric rule 1), alarms, all
// committed per batch — against, in the same run and on the same database:
//   - PostgreSQL: a raw COPY … FROM STDIN (text format, through pg's connection, no pg-copy-streams)
//     of the same rows into the same `readings` table, by as many writers in the same batches, and a
//     plain INSERT … SELECT FROM unnest(…) of them (no rollups, no detectors);
//   - the embedded database: the plain INSERT … SELECT FROM unnest(…) (PGlite takes no COPY FROM STDIN
//     through our client);
//   - InfluxDB 1.x when `influxd` is on PATH: started on a scratch directory and port, the same points
//     as line protocol (4 writers, batches of 5,000).
// Each baseline runs first and its rows are truncated before ours run, so every side starts empty.
// The server runs in this process; request bodies are serialised before the clock starts.
// Usage: npm run bench:ingest [-- --driver pglite|postgres|both] [--sensors 1000] [--readings 2000000]
//        [--clients 4] [--batch 50000] [--no-influx] [--json]
//   (env: BENCH_SENSORS, BENCH_READINGS, BENCH_CLIENTS, BENCH_BATCH)
import pg from 'pg';
import { seededRandom as random } from '../src/platform/random.ts';
import type { Driver } from './args.ts';
import { CopyIn } from './copy-in.ts';
import { influxBaseline, influxdOnPath } from './influx-baseline.ts';
import {
  type BenchServer,
  count,
  createSensors,
  driversOf,
  parseArgs,
  startBenchServer,
} from './telemetry-server.ts';
import { timedWriters } from './timing.ts';

const { values: flags } = parseArgs({
  options: {
    driver: { type: 'string' },
    sensors: { type: 'string' },
    readings: { type: 'string' },
    clients: { type: 'string' },
    batch: { type: 'string' },
    'no-influx': { type: 'boolean', default: false },
    'no-baseline': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const drivers = driversOf(flags.driver);
const SENSORS = count(flags.sensors, 'BENCH_SENSORS', 1000);
const READINGS = count(flags.readings, 'BENCH_READINGS', 2_000_000);
const CLIENTS = count(flags.clients, 'BENCH_CLIENTS', 4);
const BATCH = count(flags.batch, 'BENCH_BATCH', 50_000);
const INFLUX_WRITERS = 4;
const INFLUX_BATCH = 5000;
const GOALS = { readingsPerSecond: 200_000, ofCopy: 0.6, ofInflux: 0.4 };
const progress = (message: string) => process.stderr.write(`${message}\n`);

if (SENSORS % CLIENTS !== 0) throw new Error('--sensors must be a multiple of --clients');
if (READINGS % SENSORS !== 0) throw new Error('--readings must be a multiple of --sensors');
const perClient = SENSORS / CLIENTS;
if (BATCH % perClient !== 0 || BATCH > 50_000)
  throw new Error(`--batch must be a multiple of the sensors per client (${perClient}) and at most 50,000`);
const perSensor = READINGS / SENSORS;
/** Seconds of 1 Hz readings per sensor in one batch: each client sends a time slice of its sensors. */
const span = BATCH / perClient;

// Readings 1 Hz per sensor, ending at least five minutes ago and starting on a week boundary
// (Thursday 00:00 UTC): the detectors' weekly profile (univariate.ts) reads each reading's time of
// week, so a start that moved with the clock opened a few more or fewer alarms from run to run.
const WEEK_MS = 7 * 86_400_000;
const T0 = Math.floor((Date.now() - (perSensor + 300) * 1000) / WEEK_MS) * WEEK_MS;

/** A process value: a slow wave and noise, and now and then a spike the detectors should catch. */
function valuesOf(sensor: number): Float64Array {
  const next = random(sensor + 1);
  const out = new Float64Array(perSensor);
  const phase = next() * Math.PI * 2;
  for (let i = 0; i < perSensor; i++) {
    const noise = (next() + next() + next() + next() - 2) * 0.5;
    const spike = next() < 0.0005 ? 8 : 0;
    out[i] = Math.round((50 + 2 * Math.sin(phase + i / 300) + noise + spike) * 1000) / 1000;
  }
  return out;
}

interface Batch {
  /** Positions of the batch's sensors (into the sensor list) and its first second. */
  sensors: number[];
  from: number;
}

/** Each client's batches, in time order: a slice of `span` seconds of its own sensors. */
function plan(): Batch[][] {
  return Array.from({ length: CLIENTS }, (_, c) => {
    const sensors = Array.from({ length: perClient }, (_, i) => c * perClient + i);
    const batches: Batch[] = [];
    for (let from = 0; from < perSensor; from += span) batches.push({ sensors, from });
    return batches;
  });
}

function columnarBody(ids: string[], values: Float64Array[], batch: Batch): string {
  const to = Math.min(perSensor, batch.from + span);
  const ts: number[] = [];
  for (let i = batch.from; i < to; i++) ts.push(T0 + i * 1000);
  const tsJson = JSON.stringify(ts);
  const series = batch.sensors.map(
    (s) =>
      `{"sensorId":"${ids[s]}","ts":${tsJson},"values":${JSON.stringify(Array.from((values[s] as Float64Array).subarray(batch.from, to)))}}`,
  );
  return `{"series":[${series.join(',')}]}`;
}

function copyText(tenantId: string, ids: string[], values: Float64Array[], batch: Batch): Buffer {
  const to = Math.min(perSensor, batch.from + span);
  const lines: string[] = [];
  for (const s of batch.sensors) {
    const v = values[s] as Float64Array;
    for (let i = batch.from; i < to; i++)
      lines.push(`${tenantId}\t${ids[s]}\t${new Date(T0 + i * 1000).toISOString()}\t${v[i]}\n`);
  }
  return Buffer.from(lines.join(''));
}

function lineProtocol(ids: string[], values: Float64Array[]): string[][] {
  // Writer w sends the readings of its sensors (as our clients do), INFLUX_BATCH lines at a time.
  return Array.from({ length: INFLUX_WRITERS }, (_, w) => {
    const batches: string[] = [];
    let lines: string[] = [];
    const first = (w * SENSORS) / INFLUX_WRITERS;
    const last = ((w + 1) * SENSORS) / INFLUX_WRITERS;
    for (let from = 0; from < perSensor; from += span) {
      const to = Math.min(perSensor, from + span);
      for (let s = Math.floor(first); s < Math.floor(last); s++) {
        const v = values[s] as Float64Array;
        for (let i = from; i < to; i++) {
          lines.push(`readings,sensor=${ids[s]} value=${v[i]} ${T0 + i * 1000}`);
          if (lines.length === INFLUX_BATCH) {
            batches.push(lines.join('\n'));
            lines = [];
          }
        }
      }
    }
    if (lines.length > 0) batches.push(lines.join('\n'));
    return batches;
  });
}

const INSERT_UNNEST = `insert into readings (tenant_id, sensor_id, ts, value)
  select $1::uuid, ids.list[u.k], to_timestamp(u.t / 1000.0), u.v
  from (select $2::uuid[] as list) ids, unnest($3::int[], $4::float8[], $5::float8[]) as u(k, t, v)`;

function unnestParams(tenantId: string, ids: string[], values: Float64Array[], batch: Batch): unknown[] {
  const to = Math.min(perSensor, batch.from + span);
  const k: number[] = [];
  const t: number[] = [];
  const v: number[] = [];
  batch.sensors.forEach((s, j) => {
    const series = values[s] as Float64Array;
    for (let i = batch.from; i < to; i++) {
      k.push(j + 1);
      t.push(T0 + i * 1000);
      v.push(series[i] as number);
    }
  });
  return [tenantId, batch.sensors.map((s) => ids[s]), k, t, v];
}

interface Side {
  name: string;
  seconds: number;
  rate: number;
}

async function storedReadings(bench: BenchServer): Promise<number> {
  const raw = bench.server.database.raw;
  const text = 'select count(*)::float8 as n from readings';
  const result =
    raw.kind === 'postgres' ? await raw.pool.query(text) : await raw.client.query<{ n: number }>(text);
  return Number((result.rows[0] as { n: number }).n);
}

async function truncate(bench: BenchServer) {
  const raw = bench.server.database.raw;
  const text = 'truncate readings, readings_1m, readings_1h';
  if (raw.kind === 'postgres') await raw.pool.query(text);
  else await raw.client.query(text);
}

async function baselines(bench: BenchServer, ids: string[], values: Float64Array[], work: Batch[][]) {
  const sides: Side[] = [];
  const tenantId = bench.tenant.id;
  const raw = bench.server.database.raw;
  // The partitions the rows go to (ingest would make them on demand).
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const partitions = `select plantintel_readings_partitions('${day(T0)}'::date, '${day(T0 + perSensor * 1000)}'::date)`;
  if (raw.kind === 'postgres') {
    await raw.pool.query(partitions);
    progress(`${bench.driver}: COPY baseline — serialising`);
    const copies = work.map((batches) => batches.map((b) => copyText(tenantId, ids, values, b)));
    const clients = await Promise.all(work.map(() => new pg.Client({ connectionString: bench.postgresUrl })));
    await Promise.all(clients.map((c) => c.connect()));
    try {
      progress(`${bench.driver}: COPY baseline — running`);
      const seconds = await timedWriters(copies, async (data, w) => {
        const copy = new CopyIn('copy readings (tenant_id, sensor_id, ts, value) from stdin', data);
        (clients[w] as pg.Client).query(copy as unknown as pg.QueryConfig);
        await copy.done;
      });
      if ((await storedReadings(bench)) !== READINGS) throw new Error('COPY: not every row stored');
      sides.push({ name: 'COPY FROM STDIN', seconds, rate: READINGS / seconds });
      await truncate(bench);
      const params = work.map((batches) => batches.map((b) => unnestParams(tenantId, ids, values, b)));
      progress(`${bench.driver}: INSERT … unnest baseline — running`);
      const unnestSeconds = await timedWriters(params, async (p, w) => {
        await (clients[w] as pg.Client).query(INSERT_UNNEST, p);
      });
      if ((await storedReadings(bench)) !== READINGS) throw new Error('INSERT: not every row stored');
      sides.push({ name: 'INSERT … unnest', seconds: unnestSeconds, rate: READINGS / unnestSeconds });
      await truncate(bench);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  } else {
    await raw.client.query(partitions);
    const params = work.map((batches) => batches.map((b) => unnestParams(tenantId, ids, values, b)));
    progress(`${bench.driver}: INSERT … unnest baseline — running`);
    const seconds = await timedWriters(params, async (p) => {
      await raw.client.query(INSERT_UNNEST, p);
    });
    if ((await storedReadings(bench)) !== READINGS) throw new Error('INSERT: not every row stored');
    sides.push({ name: 'INSERT … unnest', seconds, rate: READINGS / seconds });
    await truncate(bench);
  }
  return sides;
}

async function ours(bench: BenchServer, ids: string[], values: Float64Array[], work: Batch[][]) {
  progress(`${bench.driver}: ours — serialising ${READINGS.toLocaleString('en')} readings`);
  const bodies = work.map((batches) => batches.map((b) => columnarBody(ids, values, b)));
  const bytes = bodies.flat().reduce((sum, b) => sum + Buffer.byteLength(b), 0);
  let accepted = 0;
  let alarms = 0;
  progress(
    `${bench.driver}: ours — ${bodies.flat().length} requests, ${(bytes / 1e6).toFixed(0)} MB of JSON`,
  );
  const url = `${bench.server.url}/api/v1/plant-ops/sensors/readings/bulk`;
  const headers = { ...bench.operator, 'content-type': 'application/json' };
  const seconds = await timedWriters(bodies, async (body) => {
    const response = await fetch(url, { method: 'POST', headers, body });
    const result = (await response.json()) as { accepted: number; rejected: number; alarmsOpened: number };
    if (response.status !== 200 || result.rejected !== 0)
      throw new Error(`bulk: ${response.status} ${JSON.stringify(result).slice(0, 500)}`);
    accepted += result.accepted;
    alarms += result.alarmsOpened;
  });
  if (accepted !== READINGS || (await storedReadings(bench)) !== READINGS)
    throw new Error(`ours: ${accepted} accepted of ${READINGS}`);
  return { name: 'PlantIntel bulk', seconds, rate: READINGS / seconds, alarms, megabytes: bytes / 1e6 };
}

async function measure(driver: Driver) {
  const bench = await startBenchServer(driver, 'ingest');
  try {
    progress(`${driver}: creating ${SENSORS} sensors`);
    const ids = await createSensors(bench, SENSORS);
    const values = ids.map((_, s) => valuesOf(s));
    const work = plan();
    const base = flags['no-baseline'] ? [] : await baselines(bench, ids, values, work);
    const result = await ours(bench, ids, values, work);
    return { driver, ours: result, baselines: base, ids, values };
  } finally {
    await bench.close();
  }
}

const results = [];
for (const driver of drivers) results.push(await measure(driver));
let influxResult: Awaited<ReturnType<typeof influxBaseline>> | undefined;
if (!flags['no-influx'] && influxdOnPath()) {
  progress('influxdb: serialising line protocol');
  const work = lineProtocol(results[0]?.ids ?? [], results[0]?.values ?? []);
  progress(`influxdb: ${INFLUX_WRITERS} writers, batches of ${INFLUX_BATCH}`);
  influxResult = await influxBaseline(work, READINGS);
}
if (!influxResult) progress('influxd not on PATH (or --no-influx): no InfluxDB comparison');

const summary = {
  date: new Date().toISOString(),
  sensors: SENSORS,
  readings: READINGS,
  clients: CLIENTS,
  batch: BATCH,
  influx: influxResult,
  drivers: results.map(({ driver, ours: o, baselines: b }) => ({
    driver,
    ours: o,
    baselines: b.map((side) => ({ ...side, ratio: o.rate / side.rate })),
    ofInflux: influxResult ? o.rate / influxResult.rate : null,
  })),
};
if (flags.json) {
  console.log(JSON.stringify(summary, null, 2));
} else {
  const rate = (r: number) => `${Math.round(r).toLocaleString('en')}/s`.padStart(12);
  console.log(
    `\n${READINGS.toLocaleString('en')} readings of ${SENSORS} sensors (1 Hz, ${perSensor} s each), ${CLIENTS} clients, columnar batches of ${BATCH.toLocaleString('en')}; default detection on`,
  );
  console.log('driver    side                    seconds   readings/s  ours ÷ side');
  for (const d of summary.drivers) {
    console.log(
      `${d.driver.padEnd(9)} ${d.ours.name.padEnd(22)} ${d.ours.seconds.toFixed(2).padStart(8)} ${rate(d.ours.rate)}  (alarms opened: ${d.ours.alarms})`,
    );
    for (const b of d.baselines)
      console.log(
        `${d.driver.padEnd(9)} ${b.name.padEnd(22)} ${b.seconds.toFixed(2).padStart(8)} ${rate(b.rate)}  ${b.ratio.toFixed(2).padStart(11)}`,
      );
    if (influxResult)
      console.log(
        `${d.driver.padEnd(9)} ${`InfluxDB ${influxResult.version.replace(/^InfluxDB /, '').split(' ')[0]}`.padEnd(22)} ${influxResult.seconds.toFixed(2).padStart(8)} ${rate(influxResult.rate)}  ${(d.ofInflux ?? 0).toFixed(2).padStart(11)}`,
      );
  }
  console.log(
    `goals on PostgreSQL: ≥ ${GOALS.readingsPerSecond.toLocaleString('en')} readings/s, ≥ ${GOALS.ofCopy} × COPY, ≥ ${GOALS.ofInflux} × InfluxDB`,
  );
}
process.exit(0);
