// HTTP overhead benchmark: GET /health on PlantIntel vs a bare Fastify app
// (bench/bare-server.ts), both measured in the same run so machine noise hits
// both sides alike. Usage: npm run bench:http [-- --json]
//   BENCH_DURATION  seconds per measured round (default 10)
//   BENCH_ROUNDS    measured rounds per side (default 2)
//   BENCH_OURS_CMD  command to run instead of our server, e.g. "node bench/bare-server.ts"
//   BENCH_LOADGEN   wrk | autocannon (default: wrk when installed — apt-get install wrk)
import { mkdtempSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { killServersNow, startServer, stopServers } from './servers.ts';
import { wrkAvailable, wrkRound } from './wrk.ts';

const durationSeconds = positiveInt('BENCH_DURATION', 10);
const roundsPerSide = positiveInt('BENCH_ROUNDS', 2);
const warmupSeconds = 2;
const connections = 50;
const asJson = process.argv.includes('--json');
const sides = ['bare', 'ours'] as const;

type Side = (typeof sides)[number];
type Round = { rps: number; p50: number; p99: number; errors: number; non2xx: number };
type Summary = Round & { roundsRps: number[] };

let dataDir: string | undefined;

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
  if (!override) return [process.execPath, 'src/main.ts', 'serve'];
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

async function main(): Promise<number> {
  dataDir = mkdtempSync(join(tmpdir(), 'plantintel-bench-'));
  const oursEnv = { ...process.env, DATA_DIR: dataDir, WORKERS: '0', PLANTINTEL_DEMO: '0' };
  const urls = {
    bare: (await startServer('bare', [process.execPath, 'bench/bare-server.ts'], process.env)).url,
    ours: (await startServer('ours', oursCommand(), oursEnv)).url,
  };

  // Warm up both first so JIT and lazy initialisation don't land in the first measured round.
  for (const side of sides) {
    progress(`warm-up ${side} (${warmupSeconds}s)`);
    await measure(urls[side], warmupSeconds);
  }
  // Alternate sides so slow drift on a noisy 2-core box affects both equally.
  const rounds: Record<Side, Round[]> = { bare: [], ours: [] };
  for (let i = 1; i <= roundsPerSide; i++) {
    for (const side of sides) {
      progress(`round ${i}/${roundsPerSide} ${side} (${durationSeconds}s)`);
      rounds[side].push(await measure(urls[side], durationSeconds));
    }
  }

  const summaries = { bare: summarize(rounds.bare), ours: summarize(rounds.ours) };
  const throughputRatio = summaries.ours.rps / summaries.bare.rps;
  // autocannon records whole milliseconds; a floor keeps the ratio finite.
  const p99Ratio = Math.max(summaries.bare.p99, 0.01) / Math.max(summaries.ours.p99, 0.01);
  const failed = sides.filter((side) => summaries[side].errors + summaries[side].non2xx > 0);
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
    const ratios = { throughputRatio: round2(throughputRatio), p99LatencyRatio: round2(p99Ratio) };
    const report = {
      ok: failed.length === 0,
      options,
      ...summaries,
      ...ratios,
      ratio: ratios.throughputRatio,
    };
    console.log(JSON.stringify(report, null, 2));
  } else {
    const note = '(higher is better, 1.0 = no overhead)';
    console.log(
      `\nGET /health, ${loadGenerator}, ${connections} connections, median of ${roundsPerSide} x ${durationSeconds}s per side`,
    );
    printTable(summaries);
    console.log(`throughput ratio (ours/bare): ${throughputRatio.toFixed(2)}  ${note}`);
    console.log(`p99 latency ratio (bare/ours): ${p99Ratio.toFixed(2)}  ${note}`);
    console.log(`ratio: ${throughputRatio.toFixed(2)}`);
  }
  for (const side of failed) {
    const { errors, non2xx } = summaries[side];
    progress(`FAIL: ${side} had ${errors} errors and ${non2xx} non-2xx responses; the comparison is invalid`);
  }
  return failed.length ? 1 : 0;
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
