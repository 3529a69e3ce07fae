// Work-order import throughput end to end (issue 13): a generated ERP export (1,000,000 rows of the
// `generic` dialect by default: 41 columns — the dialects have 37 to 42 —, two of them unmapped and
// kept as extra JSON) sent to a real `plantintel serve` in a child process as a browser sends it —
// POST /analytics/uploads, multipart, the file streamed from disk, `autoMap=true` — and
// GET /analytics/imports/{id} polled until `completed`. Ours is the time from the upload's first
// byte to `completed`: upload, content hash, file store, format detection, auto-mapping, job
// pick-up, reading, converting, validating and storing every row. Peak RSS is the server process's
// VmHWM (/proc) — on the embedded database it includes PGlite, which runs in a thread of that
// process. CPU seconds during the import: the server process's, and (PostgreSQL on this machine)
// those of the backends serving the scratch database.
// Baseline, in the same run, on the same database and into the same table: a raw COPY of the rows
// ours stored. They are dumped (COPY TO, outside the clock) into a COPY text file in work_orders'
// column layout, the table is truncated, and that file is loaded again with one COPY, timed:
//   - PostgreSQL: COPY work_orders (…) FROM STDIN through pg's connection (bench/copy-in.ts), the
//     file streamed from disk;
//   - the embedded database: PGlite's COPY work_orders (…) FROM '/dev/blob' with the file as its
//     `blob` (read into memory before the clock), on the same data directory opened by this process
//     once the server has stopped (our client does not pass blobs to PGlite's thread).
// Both sides start on an empty table (ours on a new database, the baseline after TRUNCATE) after a
// CHECKPOINT (PostgreSQL). The 200-row case: small exports of other seeds uploaded one at a time,
// after one warm-up, each timed from upload to `completed`; the median is printed.
// Usage: npm run bench:import [-- --driver pglite|postgres|both] [--rows 1000000] [--erp generic]
//        [--small-runs 5] [--mapping auto|truth] [--json]
//   --mapping truth sends the mapping of the generator's ground truth instead of autoMap=true.
//   env: BENCH_ROWS, BENCH_SMALL_RUNS; DATABASE_URL: the PostgreSQL server (a scratch database is made
//   next to it and dropped). The export is written to a temporary directory and removed.
import { mkdtempSync, openAsBlob, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { ERPS, type Erp, writeWorkOrders } from '../src/modules/analytics/demo/generate.ts';
import type { FieldMapping } from '../src/modules/analytics/mapping/types.ts';
import type { Driver } from './args.ts';
import { pgliteReload, postgresReload } from './copy-in.ts';
import { killServersNow, stopServer, stopServers } from './servers.ts';
import { count, driversOf, parseArgs } from './telemetry-server.ts';
import { cpuSeconds, median, prepare, processStats, type Server, startOurs } from './work-orders-server.ts';

const { values: flags } = parseArgs({
  options: {
    driver: { type: 'string' },
    rows: { type: 'string' },
    erp: { type: 'string', default: 'generic' },
    'small-runs': { type: 'string' },
    mapping: { type: 'string', default: 'auto' },
    json: { type: 'boolean', default: false },
  },
});
const drivers = driversOf(flags.driver);
const ROWS = count(flags.rows, 'BENCH_ROWS', 1_000_000);
const SMALL_ROWS = 200;
const SMALL_RUNS = count(flags['small-runs'], 'BENCH_SMALL_RUNS', 5);
const ERP = flags.erp as Erp;
if (!ERPS.includes(ERP)) throw new Error(`--erp must be one of ${ERPS.join(', ')}`);
const MAPPING = flags.mapping;
if (MAPPING !== 'auto' && MAPPING !== 'truth') throw new Error('--mapping must be auto or truth');
const SEED = 1;
const GOALS = { rowsPerSecond: 200_000, ofCopy: 0.5, peakRssMb: 400 };
const progress = (message: string) => process.stderr.write(`${message}\n`);
const load = () => Math.round((loadavg()[0] ?? 0) * 100) / 100;

const work = mkdtempSync(join(tmpdir(), 'plantintel-bench-import-'));

interface Export {
  path: string;
  rows: number;
  bytes: number;
  columns: number;
  /** The mapping the generator's ground truth gives (header → field, date formats, minutes → hours). */
  mappings: FieldMapping[];
}

async function generate(rows: number, seed: number): Promise<Export> {
  const out = join(work, `${ERP}-${rows}-${seed}.csv`);
  const written = await writeWorkOrders({ rows, erp: ERP, seed, out });
  const { columns, dateFormats, units } = written.truth;
  const mappings = Object.entries(columns).flatMap(([column, field]) => {
    if (!field) return [];
    const transform = {
      ...(dateFormats[column] ? { dateFormat: dateFormats[column] } : {}),
      ...(units[column] === 'min' ? { scale: 1 / 60 } : {}),
    };
    return [{ field, column, ...(Object.keys(transform).length ? { transform } : {}) }];
  });
  return { path: out, rows, bytes: written.bytes, columns: Object.keys(columns).length, mappings };
}

/** CPU seconds so far of each PostgreSQL backend serving database `name`, by pid (their titles name it). */
function backendCpu(name: string): Map<string, number> {
  const cpu = new Map<string, number>();
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (title.startsWith('postgres: ') && title.split(' ').includes(name)) cpu.set(pid, cpuSeconds(pid));
    } catch {} // ended meanwhile, or not ours to read
  }
  return cpu;
}

/**
 * CPU the database's backends spend from now on (a local PostgreSQL; none on the embedded
 * database). Sampled now and then, so a backend that ends in between counts up to its last sample.
 */
function databaseCpu(name: string | undefined) {
  const first = name ? backendCpu(name) : new Map<string, number>();
  const last = new Map(first);
  const sample = () => {
    if (name) for (const [pid, seconds] of backendCpu(name)) last.set(pid, seconds);
  };
  return {
    sample,
    seconds(): number | null {
      sample();
      return name
        ? [...last].reduce((sum, [pid, seconds]) => sum + seconds - (first.get(pid) ?? 0), 0)
        : null;
    },
  };
}

interface ImportDetail {
  id: string;
  status: string;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  workOrders: number;
  errorMessage: string | null;
  timings: Record<string, number>;
}

/** The generator writes valid rows only: a rejected one is worth a look (its first reasons, on stderr). */
async function reportRejected(server: Server, detail: ImportDetail) {
  const response = await fetch(`${server.base}/api/v1/analytics/imports/${detail.id}/errors?limit=3`, {
    headers: server.headers,
  });
  const errors = (await response.json()) as { items?: unknown[] };
  progress(
    `  ${detail.rowsRejected} of ${detail.rowsRead} rows rejected, e.g. ${JSON.stringify(errors.items ?? errors)}`,
  );
}

/** Uploads the file as a browser would and waits for the import to end; times both. */
async function importFile(
  server: Server,
  facilityId: string,
  file: Export,
  pollMs: number,
  onPoll = () => {},
) {
  const form = new FormData();
  form.append('facilityId', facilityId);
  if (MAPPING === 'auto') form.append('autoMap', 'true');
  else form.append('mappings', JSON.stringify(file.mappings));
  form.append('file', await openAsBlob(file.path, { type: 'text/csv' }), basename(file.path));
  const started = performance.now();
  const response = await fetch(`${server.base}/api/v1/analytics/uploads`, {
    method: 'POST',
    headers: server.headers,
    body: form,
  });
  const accepted = (await response.json()) as { importId: string };
  if (response.status !== 202) throw new Error(`upload: ${response.status} ${JSON.stringify(accepted)}`);
  const uploadSeconds = (performance.now() - started) / 1000;
  let reported = performance.now();
  for (;;) {
    const polled = await fetch(`${server.base}/api/v1/analytics/imports/${accepted.importId}`, {
      headers: server.headers,
    });
    const detail = (await polled.json()) as ImportDetail;
    onPoll();
    if (polled.status !== 200) throw new Error(`import: ${polled.status} ${JSON.stringify(detail)}`);
    if (detail.status === 'failed') throw new Error(`import failed: ${detail.errorMessage}`);
    if (detail.status === 'completed') {
      if (detail.rowsRead !== file.rows)
        throw new Error(`import: ${detail.rowsRead} rows read of ${file.rows}`);
      if (detail.rowsRejected > 0) await reportRejected(server, detail);
      return { seconds: (performance.now() - started) / 1000, uploadSeconds, detail };
    }
    if (file.rows > SMALL_ROWS && performance.now() - reported > 5000) {
      reported = performance.now();
      progress(`  … ${detail.status}, ${detail.rowsRead.toLocaleString('en')} rows read`);
    }
    await sleep(pollMs);
  }
}

async function measure(driver: Driver, big: Export, small: Export[]) {
  progress(`${driver}: new database, server starting`);
  const { dataDir, postgresUrl, tenant, drop } = await prepare(driver, 'import');
  const name = `ours (${driver})`;
  try {
    const server = await startOurs(driver, dataDir, postgresUrl, tenant);
    const idle = processStats(server.pid);
    progress(`${driver}: 200-row exports, 1 warm-up and ${SMALL_RUNS} timed`);
    const smallMs: number[] = [];
    for (const [i, file] of small.entries()) {
      const run = await importFile(server, tenant.facilityId, file, 10);
      if (i > 0) smallMs.push(run.seconds * 1000);
    }
    if (postgresUrl) {
      const admin = new pg.Client({ connectionString: postgresUrl });
      await admin.connect();
      await admin.query('checkpoint');
      await admin.end();
    }
    progress(
      `${driver}: importing ${big.rows.toLocaleString('en')} rows (${(big.bytes / 1e6).toFixed(0)} MB)`,
    );
    const database = postgresUrl ? new URL(postgresUrl).pathname.slice(1) : undefined;
    const before = { server: processStats(server.pid), load: load() };
    const oursCpu = databaseCpu(database);
    let polls = 0;
    const run = await importFile(server, tenant.facilityId, big, 100, () => {
      if (++polls % 10 === 0) oursCpu.sample();
    });
    const after = processStats(server.pid);
    const ours = {
      seconds: run.seconds,
      rate: big.rows / run.seconds,
      uploadSeconds: run.uploadSeconds,
      timings: run.detail.timings,
      workOrders: run.detail.workOrders,
      serverCpuSeconds: after.cpuSeconds - before.server.cpuSeconds,
      databaseCpuSeconds: oursCpu.seconds(),
      peakRssMb: after.peakRssMb,
      idleRssMb: idle.rssMb,
      load: [before.load, load()],
    };
    await stopServer(name);

    progress(`${driver}: COPY baseline — dumping the stored rows (outside the clock)`);
    const baseline = postgresUrl
      ? await postgresReload(postgresUrl, 'work_orders')
      : await pgliteReload(join(dataDir, 'pglite'), 'work_orders');
    const copyFile = join(work, `${driver}.copy`);
    try {
      await baseline.dump(`where import_id = '${run.detail.id}' order by id`, copyFile);
      progress(`${driver}: COPY baseline — running`);
      const loadBaseline = load();
      const copyCpu = databaseCpu(database);
      const seconds = await baseline.reload(copyFile);
      const databaseCpuSeconds = copyCpu.seconds();
      const stored = await baseline.rows();
      if (stored !== run.detail.workOrders)
        throw new Error(`COPY: ${stored} rows of ${run.detail.workOrders}`);
      const copy = { seconds, rate: stored / seconds, databaseCpuSeconds, load: [loadBaseline, load()] };
      return {
        driver,
        ours,
        copy,
        ofCopy: ours.rate / copy.rate,
        small: { medianMs: median(smallMs), runsMs: smallMs.map((ms) => Math.round(ms)) },
      };
    } finally {
      await baseline.close();
      rmSync(copyFile, { force: true });
    }
  } finally {
    await stopServer(name);
    await drop();
  }
}

async function main() {
  progress(`generating a ${ROWS.toLocaleString('en')}-row ${ERP} export`);
  const big = await generate(ROWS, SEED);
  const small: Export[] = [];
  for (let i = 0; i <= SMALL_RUNS; i++) small.push(await generate(SMALL_ROWS, 1000 + i));
  const results = [];
  for (const driver of drivers) results.push(await measure(driver, big, small));
  const summary = {
    date: new Date().toISOString(),
    erp: ERP,
    mapping: MAPPING,
    rows: ROWS,
    columns: big.columns,
    megabytes: big.bytes / 1e6,
    cores: availableParallelism(),
    goals: GOALS,
    drivers: results,
  };
  if (flags.json) {
    console.log(JSON.stringify(summary, null, 2));
    return;
  }
  const rate = (r: number) => `${Math.round(r).toLocaleString('en')}/s`.padStart(13);
  const loads = (l: number[]) => l.map((x) => x.toFixed(2)).join('→');
  console.log(
    `\n${ROWS.toLocaleString('en')}-row ${ERP} export (${big.columns} columns, ${summary.megabytes.toFixed(0)} MB), uploaded with ${MAPPING === 'auto' ? 'autoMap=true' : 'the mapping of its ground truth'}; ${summary.cores} cores`,
  );
  const cpu = (...seconds: (number | null)[]) =>
    seconds
      .map((c) => (c === null ? '–' : c.toFixed(1)))
      .join(' / ')
      .padStart(12);
  console.log(
    'driver    side                           seconds        rows/s  ÷ COPY  CPU s srv/db  peak RSS  load avg',
  );
  for (const d of results) {
    const { ours: o, copy: c } = d;
    const rss = `${o.peakRssMb.toFixed(0)} MB`.padStart(8);
    console.log(
      `${d.driver.padEnd(9)} PlantIntel upload → completed  ${o.seconds.toFixed(2).padStart(7)} ${rate(o.rate)}  ${d.ofCopy.toFixed(2).padStart(6)}  ${cpu(o.serverCpuSeconds, o.databaseCpuSeconds)}  ${rss}  ${loads(o.load)}`,
    );
    console.log(
      `${d.driver.padEnd(9)} raw COPY of the stored rows    ${c.seconds.toFixed(2).padStart(7)} ${rate(c.rate)}    1.00  ${cpu(null, c.databaseCpuSeconds)}            ${loads(c.load)}`,
    );
    const t = o.timings;
    console.log(
      `          of ours: upload ${o.uploadSeconds.toFixed(2)} s; job: detect ${t.detectMs ?? '?'} ms, rows ${t.rowsMs ?? '?'} ms, total ${t.totalMs ?? '?'} ms; server RSS when idle ${o.idleRssMb.toFixed(0)} MB`,
    );
    console.log(
      `          200-row export, upload → completed: median ${d.small.medianMs.toFixed(0)} ms (${d.small.runsMs.join(', ')} ms)`,
    );
  }
  console.log(
    `goals on PostgreSQL: ≥ ${GOALS.rowsPerSecond.toLocaleString('en')} rows/s, ≥ ${GOALS.ofCopy} × COPY, peak RSS < ${GOALS.peakRssMb} MB`,
  );
}

process.on('exit', killServersNow);
try {
  await main();
} catch (error) {
  progress(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
} finally {
  await stopServers();
  rmSync(work, { recursive: true, force: true });
}
