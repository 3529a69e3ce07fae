// Analysis speed end to end (issue 14), on a real `plantintel serve` in a child process:
// 1. 200 rows: a generated export uploaded as a browser sends it (autoMap) and polled until its
//    analysis is `completed` — upload, import, orchestrator, analyzers, narrative. Median of runs
//    after one warm-up. Baseline: the same upload until its import alone is `completed`.
// 2. 1,000,000 rows (--rows): imported (its own analysis runs and completes), then the server's
//    peak RSS is reset (/proc/<pid>/clear_refs) and the import is analysed again (--big-runs
//    times, default 2) with POST /analytics/analyses, each polled until `completed`: wall time,
//    the server's own timings (load, analyzers, cross pass) and its peak RSS meanwhile. These read
//    the frame snapshot the import wrote; then the snapshot file is removed and one more analysis
//    reads the work orders from their rows, as every analysis did before the snapshot.
//    Baseline: one SQL statement that aggregates the same rows per machine, supplier, part and
//    shift (what a hand-written report would ask the database), on the same database once the
//    server has stopped.
// 3. The chat: time to the first streamed answer token (`event: delta`) with the offline provider,
//    median of 20 questions. Baseline: time to the first byte of GET /analytics/analyses/{id}.
// Usage: npm run bench:analyze [-- --driver pglite|postgres|both] [--rows 1000000] [--small-runs 5]
//        [--big-runs 2] [--json]
import { mkdtempSync, openAsBlob, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { writeWorkOrders } from '../src/modules/analytics/demo/generate.ts';
import { openDatabase, queryRows, targetFromConfig } from '../src/platform/db/database.ts';
import { killServersNow, stopServer, stopServers } from './servers.ts';
import { count, driversOf, parseArgs } from './telemetry-server.ts';
import { median, prepare, processStats, resetPeakRss, type Server, startOurs } from './work-orders-server.ts';

const { values: flags } = parseArgs({
  options: {
    driver: { type: 'string' },
    rows: { type: 'string' },
    'small-runs': { type: 'string' },
    'big-runs': { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const drivers = driversOf(flags.driver);
const ROWS = count(flags.rows, 'BENCH_ROWS', 1_000_000);
const SMALL_RUNS = count(flags['small-runs'], 'BENCH_SMALL_RUNS', 5);
const BIG_RUNS = count(flags['big-runs'], 'BENCH_BIG_RUNS', 2);
const CHAT_RUNS = 20;
const GOALS = { smallMs: 1000, bigSeconds: 10, firstTokenMs: 200 };
const progress = (message: string) => process.stderr.write(`${message}\n`);
const work = mkdtempSync(join(tmpdir(), 'plantintel-bench-analyze-'));

async function generate(rows: number, seed: number) {
  const out = join(work, `generic-${rows}-${seed}.csv`);
  await writeWorkOrders({ rows, erp: 'generic', seed, out });
  return out;
}

async function api<T>(server: Server, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${server.base}/api/v1${path}`, {
    ...init,
    headers: { ...server.headers, ...(init.headers ?? {}) },
  });
  const body = (await response.json()) as T;
  if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

async function until<T>(probe: () => Promise<T | undefined>, pollMs: number): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    await sleep(pollMs);
  }
}

interface Analysis {
  id: string;
  status: string;
  errorMessage: string | null;
  insightCount: number;
  timings: Record<string, number>;
}

async function upload(server: Server, facilityId: string, path: string) {
  const form = new FormData();
  form.append('facilityId', facilityId);
  form.append('autoMap', 'true');
  form.append('file', await openAsBlob(path, { type: 'text/csv' }), basename(path));
  return api<{ importId: string }>(server, '/analytics/uploads', { method: 'POST', body: form });
}

const ended = (a: Analysis | undefined) => {
  if (a?.status === 'failed') throw new Error(`analysis failed: ${a.errorMessage}`);
  return a?.status === 'completed' ? a : undefined;
};

/** Upload → import completed, and → its analysis completed (ms from the upload's first byte). */
async function smallRun(server: Server, facilityId: string, path: string) {
  const t0 = performance.now();
  const { importId } = await upload(server, facilityId, path);
  let importMs = 0;
  const analysis = await until(async () => {
    if (!importMs) {
      const imp = await api<{ status: string }>(server, `/analytics/imports/${importId}`);
      if (imp.status === 'completed') importMs = performance.now() - t0;
      if (imp.status === 'failed') throw new Error('import failed');
    }
    const page = await api<{ items: Analysis[] }>(server, `/analytics/analyses?importId=${importId}`);
    return ended(page.items[0]);
  }, 5);
  return { importMs, analysisMs: performance.now() - t0, importId, analysis };
}

async function firstToken(server: Server, analysisId: string) {
  const t0 = performance.now();
  const response = await fetch(`${server.base}/api/v1/analytics/analyses/${analysisId}/chat`, {
    method: 'POST',
    headers: { ...server.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ message: 'Which machine loses the most time?' }),
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  let first = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (!first && text.includes('event: delta')) first = performance.now() - t0;
  }
  if (!first) throw new Error(`no answer: ${text.slice(0, 300)}`);
  return first;
}

async function firstByte(server: Server, analysisId: string) {
  const t0 = performance.now();
  const response = await fetch(`${server.base}/api/v1/analytics/analyses/${analysisId}`, {
    headers: server.headers,
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  await reader.read();
  const ms = performance.now() - t0;
  await reader.cancel();
  return ms;
}

/** The baseline for the big analysis: one aggregate statement over the same rows. */
const AGGREGATE = (importId: string) => sql`
  select g, key, count(*), sum(downtime_minutes), sum(qty_scrap), sum(qty_completed),
         sum(material_cost_actual), sum(material_cost_planned), sum(labor_hours_actual), sum(labor_hours_planned)
  from work_orders
  cross join lateral (values ('machine', machine), ('supplier', supplier), ('part', part_number), ('shift', shift)) as d(g, key)
  where import_id = ${importId}
  group by g, key`;

async function measure(driver: (typeof drivers)[number], small: string[], big: string) {
  progress(`${driver}: new database, server starting`);
  const { dataDir, postgresUrl, tenant, drop } = await prepare(driver, 'analyze');
  const name = `ours (${driver})`;
  try {
    const server = await startOurs(driver, dataDir, postgresUrl, tenant);
    progress(`${driver}: 200-row exports, 1 warm-up and ${SMALL_RUNS} timed`);
    const smallRuns = [];
    for (const [i, path] of small.entries()) {
      const run = await smallRun(server, tenant.facilityId, path);
      if (i > 0) smallRuns.push(run);
    }
    const chatOn = smallRuns.at(-1)?.analysis.id as string;
    progress(`${driver}: chat, ${CHAT_RUNS} questions`);
    const tokenMs: number[] = [];
    const byteMs: number[] = [];
    for (let i = 0; i < CHAT_RUNS; i++) {
      tokenMs.push(await firstToken(server, chatOn));
      byteMs.push(await firstByte(server, chatOn));
    }
    progress(`${driver}: importing ${ROWS.toLocaleString('en')} rows (its own analysis follows)`);
    const { importId } = await upload(server, tenant.facilityId, big);
    await until(
      async () =>
        ended(
          (await api<{ items: Analysis[] }>(server, `/analytics/analyses?importId=${importId}`)).items[0],
        ),
      500,
    );
    const timed = async () => {
      resetPeakRss(server.pid);
      const before = processStats(server.pid);
      const t0 = performance.now();
      const started = await api<Analysis>(server, '/analytics/analyses', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ importId, name: 'bench' }),
      });
      const done = await until(
        async () => ended(await api<Analysis>(server, `/analytics/analyses/${started.id}`)),
        100,
      );
      if (done.status !== 'completed') throw new Error(`the analysis ${done.status}`);
      const after = processStats(server.pid);
      return {
        seconds: (performance.now() - t0) / 1000,
        serverTimings: done.timings,
        insights: done.insightCount,
        peakRssMb: after.peakRssMb,
        rssBeforeMb: before.rssMb,
        serverCpuSeconds: after.cpuSeconds - before.cpuSeconds,
      };
    };
    const runs = [];
    for (let i = 1; i <= BIG_RUNS; i++) {
      progress(
        `${driver}: analysing the ${ROWS.toLocaleString('en')} work orders again, timed (${i}/${BIG_RUNS})`,
      );
      runs.push(await timed());
    }
    if (runs.some((r) => r.serverTimings.snapshot !== 1))
      throw new Error('an analysis did not read the snapshot');
    progress(`${driver}: the snapshot removed, once more from the rows`);
    const snapshotFile = join(dataDir, 'files', 'frames', tenant.id, `${importId}.frame`);
    const snapshotBytes = statSync(snapshotFile).size;
    rmSync(snapshotFile);
    const fromRows = await timed();
    if (fromRows.serverTimings.snapshot !== 0) throw new Error('the analysis still read a snapshot');
    await stopServer(name);

    progress(`${driver}: baseline — one aggregate statement over the same rows`);
    const database = await openDatabase(targetFromConfig({ databaseUrl: postgresUrl, dataDir }));
    let baselineSeconds: number;
    try {
      await queryRows(database.db, AGGREGATE(importId)); // warm, as the analysis found the pages warm
      const b0 = performance.now();
      await queryRows(database.db, AGGREGATE(importId));
      baselineSeconds = (performance.now() - b0) / 1000;
    } finally {
      await database.close();
    }
    return {
      driver,
      small: {
        medianMs: median(smallRuns.map((r) => r.analysisMs)),
        importOnlyMedianMs: median(smallRuns.map((r) => r.importMs)),
      },
      big: { rows: ROWS, runs, fromRows, snapshotBytes, baselineSeconds },
      chat: { firstTokenMedianMs: median(tokenMs), firstByteMedianMs: median(byteMs) },
    };
  } finally {
    await stopServer(name);
    await drop();
  }
}

async function main() {
  progress(`generating a ${ROWS.toLocaleString('en')}-row export and ${SMALL_RUNS + 1} of 200 rows`);
  const big = await generate(ROWS, 1);
  const small: string[] = [];
  for (let i = 0; i <= SMALL_RUNS; i++) small.push(await generate(200, 1000 + i));
  const results = [];
  for (const driver of drivers) results.push(await measure(driver, small, big));
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ goals: GOALS, results }, null, 2)}\n`);
    return;
  }
  const split = (t: Record<string, number>) =>
    `load ${((t.loadMs ?? 0) / 1000).toFixed(1)} s, analyzers ${((t.analyzersMs ?? 0) / 1000).toFixed(1)} s, cross ${((t.crossMs ?? 0) / 1000).toFixed(1)} s`;
  for (const r of results) {
    const sorted = [...r.big.runs].sort((a, b) => a.seconds - b.seconds);
    const mid = sorted[Math.floor((sorted.length - 1) / 2)] as (typeof sorted)[number];
    process.stdout.write(
      `\n${r.driver}\n` +
        `  200 rows, upload → analysis completed: median ${r.small.medianMs.toFixed(0)} ms ` +
        `(import alone ${r.small.importOnlyMedianMs.toFixed(0)} ms; ×${(r.small.medianMs / r.small.importOnlyMedianMs).toFixed(2)}) — goal < ${GOALS.smallMs} ms\n` +
        `  ${r.big.rows.toLocaleString('en')} work orders, analysis: median ${mid.seconds.toFixed(1)} s of ${sorted.length} ` +
        `(${r.big.runs.map((run) => run.seconds.toFixed(1)).join(', ')} s; median run: ${split(mid.serverTimings)}), ` +
        `${mid.insights} insights, peak RSS ${Math.max(...r.big.runs.map((run) => run.peakRssMb)).toFixed(0)} MB ` +
        `(${mid.rssBeforeMb.toFixed(0)} MB before) — goal ≤ ${GOALS.bigSeconds} s\n` +
        `    from the rows (the snapshot removed): ${r.big.fromRows.seconds.toFixed(1)} s (${split(r.big.fromRows.serverTimings)}; ` +
        `the snapshot ×${(r.big.fromRows.seconds / mid.seconds).toFixed(1)} faster; its file ${(r.big.snapshotBytes / 1_048_576).toFixed(0)} MB, ` +
        `${(r.big.snapshotBytes / r.big.rows).toFixed(0)} bytes per work order)\n` +
        `    baseline, one aggregate statement: ${r.big.baselineSeconds.toFixed(2)} s (ours ×${(mid.seconds / r.big.baselineSeconds).toFixed(1)})\n` +
        `  chat, first streamed token (offline): median ${r.chat.firstTokenMedianMs.toFixed(1)} ms ` +
        `(first byte of GET analysis ${r.chat.firstByteMedianMs.toFixed(1)} ms) — goal < ${GOALS.firstTokenMs} ms\n`,
    );
  }
}

process.on('SIGINT', () => {
  killServersNow();
  process.exit(130);
});
try {
  await main();
} finally {
  await stopServers();
  rmSync(work, { recursive: true, force: true });
}
