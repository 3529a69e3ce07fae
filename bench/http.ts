// HTTP overhead benchmark: GET /health on PlantIntel vs a bare Fastify app
// (bench/bare-server.ts), both measured in the same run so machine noise hits
// both sides alike, on each database driver. Usage: npm run bench:http [-- --driver pglite|postgres|both] [--json]
//   BENCH_DURATION  seconds per measured round (default 10)
//   BENCH_ROUNDS    measured rounds per side (default 2)
//   BENCH_OURS_CMD  command to run instead of our server, e.g. "node bench/bare-server.ts"
//   BENCH_LOADGEN   wrk | autocannon (default: wrk when installed — apt-get install wrk)
import { mkdtempSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { benchArgs, type Driver, scratchPostgres } from './args.ts';
import { killServersNow, plantintel, startServer, stopServer, stopServers } from './servers.ts';
import { wrkAvailable, wrkRound } from './wrk.ts';

const durationSeconds = positiveInt('BENCH_DURATION', 10);
const roundsPerSide = positiveInt('BENCH_ROUNDS', 2);
const warmupSeconds = 2;
const connections = 50;
const { drivers, asJson } = benchArgs({ seconds: durationSeconds });
const sides = ['bare', 'ours'] as const;

type Side = (typeof sides)[number];
type Round = { rps: number; p50: number; p99: number; errors: number; non2xx: number };
type Summary = Round & { roundsRps: number[] };

let dataDir = '';

function positiveInt(name: string, fallback: number): number {
  const value = Number(process.env[name] || fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

// Progress goes to stderr so `--json` output on stdout stays machine-readable.
function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

function oursCommand(): string[] {
  const override = process.env.BENCH_OURS_CMD?.trim();
  if (!override) return plantintel('serve');
  const [command = '', ...args] = override.split(/\s+/);
  // A bare "node" on PATH may be an older Node that cannot run .ts; use the one running us.
  return [command === 'node' ? process.execPath : command, ...args];
}

const loadGenerator = process.env.BENCH_LOADGEN === 'autocannon' || !wrkAvailable() ? 'autocannon' : 'wrk';

async function measure(url: string, seconds: number): Promise<Round> {
  if (loadGenerator === 'wrk') return wrkRound(url, seconds, connections);
  const { requests, latency, errors, non2xx } = await autocannon({
    url,
    connections,
    pipelining: 1,
    duration: seconds,
  });
  return { rps: requests.average, p50: latency.p50, p99: latency.p99, errors, non2xx };
}

function median(rounds: Round[], key: keyof Round): number {
  const sorted = rounds.map((r) => r[key]).sort((a, b) => a - b);
  const upper = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const lower = sorted[Math.ceil(sorted.length / 2) - 1] ?? 0;
  return (lower + upper) / 2;
}

function summarize(rounds: Round[]): Summary {
  // Any failed request in any round invalidates the comparison, so sum those rather than take a median.
  const total = (key: keyof Round) => rounds.reduce((sum, r) => sum + r[key], 0);
  const [rps, p50, p99] = [median(rounds, 'rps'), median(rounds, 'p50'), median(rounds, 'p99')];
  return {
    rps,
    p50,
    p99,
    errors: total('errors'),
    non2xx: total('non2xx'),
    roundsRps: rounds.map((r) => Math.round(r.rps)),
  };
}

function printTable(summaries: Record<Side, Summary>): void {
  const header = ['side', 'req/s (mean)', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'req/s per round'];
  const rows = sides.map((side) => {
    const { rps, p50, p99, errors, non2xx, roundsRps } = summaries[side];
    return [
      side,
      rps.toFixed(0),
      p50.toFixed(2),
      p99.toFixed(2),
      String(errors),
      String(non2xx),
      roundsRps.join(', '),
    ];
  });
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
  for (const row of [header, ...rows])
    console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '));
}

/** One comparison, ours on `driver` against the bare server, in alternating rounds. */
async function compare(driver: Driver, bareUrl: string) {
  const scratch = driver === 'postgres' ? await scratchPostgres('http') : undefined;
  const oursEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    WORKERS: '0',
    PLANTINTEL_DEMO: '0',
  };
  if (scratch) oursEnv.DATABASE_URL = scratch.url;
  else delete oursEnv.DATABASE_URL;
  try {
    const urls = { bare: bareUrl, ours: (await startServer(`ours (${driver})`, oursCommand(), oursEnv)).url };
    // Warm up both first so JIT and lazy initialisation don't land in the first measured round.
    for (const side of sides) {
      progress(`${driver}: warm-up ${side} (${warmupSeconds}s)`);
      await measure(urls[side], warmupSeconds);
    }
    // Alternate sides so slow drift on a noisy 2-core box affects both equally.
    const rounds: Record<Side, Round[]> = { bare: [], ours: [] };
    for (let i = 1; i <= roundsPerSide; i++) {
      for (const side of sides) {
        progress(`${driver}: round ${i}/${roundsPerSide} ${side} (${durationSeconds}s)`);
        rounds[side].push(await measure(urls[side], durationSeconds));
      }
    }
    return { bare: summarize(rounds.bare), ours: summarize(rounds.ours) };
  } finally {
    await stopServer(`ours (${driver})`);
    await scratch?.drop();
  }
}

async function main(): Promise<number> {
  dataDir = mkdtempSync(join(tmpdir(), 'plantintel-bench-'));
  const bareUrl = (await startServer('bare', [process.execPath, 'bench/bare-server.ts'], process.env)).url;
  const reports = [];
  let failures = 0;
  for (const driver of drivers) {
    const summaries = await compare(driver, bareUrl);
    const throughputRatio = summaries.ours.rps / summaries.bare.rps;
    // autocannon records whole milliseconds; a floor keeps the ratio finite.
    const p99Ratio = Math.max(summaries.bare.p99, 0.01) / Math.max(summaries.ours.p99, 0.01);
    const failed = sides.filter((side) => summaries[side].errors + summaries[side].non2xx > 0);
    failures += failed.length;
    for (const side of failed) {
      const { errors, non2xx } = summaries[side];
      progress(
        `FAIL: ${side} had ${errors} errors and ${non2xx} non-2xx responses; the comparison is invalid`,
      );
    }
    reports.push({ driver, summaries, throughputRatio, p99Ratio, ok: failed.length === 0 });
  }

  const round2 = (n: number) => Math.round(n * 100) / 100;
  if (asJson) {
    const options = {
      loadGenerator,
      connections,
      pipelining: 1,
      durationSeconds,
      roundsPerSide,
      warmupSeconds,
    };
    const drivers = reports.map((r) => ({
      driver: r.driver,
      ok: r.ok,
      ...r.summaries,
      throughputRatio: round2(r.throughputRatio),
      p99LatencyRatio: round2(r.p99Ratio),
      ratio: round2(r.throughputRatio),
    }));
    console.log(JSON.stringify({ ok: failures === 0, options, drivers }, null, 2));
  } else {
    const note = '(higher is better, 1.0 = no overhead)';
    for (const r of reports) {
      console.log(
        `\nGET /health on ${r.driver}, ${loadGenerator}, ${connections} connections, median of ${roundsPerSide} x ${durationSeconds}s per side`,
      );
      printTable(r.summaries);
      console.log(`throughput ratio (ours/bare): ${r.throughputRatio.toFixed(2)}  ${note}`);
      console.log(`p99 latency ratio (bare/ours): ${r.p99Ratio.toFixed(2)}  ${note}`);
    }
    console.log(
      `\nratio: ${reports.map((r) => `${r.driver} ${r.throughputRatio.toFixed(2)}`).join(', ')}  (goal ≥ 0.85)`,
    );
  }
  return failures ? 1 : 0;
}

let cleanupPromise: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleanupPromise ??= (async () => {
    await stopServers();
    // Remove the data dir only after the server is gone, so it cannot recreate files in it.
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  })();
  return cleanupPromise;
}

// Last resort if something calls process.exit before cleanup finished: no child outlives us.
process.on('exit', () => {
  killServersNow();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    progress(`\n${signal} received, stopping servers`);
    cleanup().finally(() => process.exit(128 + constants.signals[signal]));
  });
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  progress(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await cleanup();
}
process.exit(exitCode);
