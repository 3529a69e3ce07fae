// Start-up: seconds from spawning `plantintel serve` on a fresh embedded data directory (with the
// demo tenant and the simulator, as `npm start` does) until GET /health answers 200. Baseline in the
// same run: the same start with PLANTINTEL_EMBEDDED_BASELINE=0, which replays every migration
// instead of restoring the migrated dump `npm install` builds (src/platform/db/baseline.ts).
// Usage: npm run bench:startup [-- --repeat 3] [--json]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { baselineFile } from '../src/platform/db/baseline.ts';
import { ensureBaseline } from '../src/platform/db/baseline-build.ts';
import { killServersNow, plantintel, startServer, stopServer } from './servers.ts';
import { median } from './work-orders-server.ts';

const { values } = parseArgs({
  options: { repeat: { type: 'string', default: '3' }, json: { type: 'boolean', default: false } },
});
const repeat = Number(values.repeat);
if (!Number.isInteger(repeat) || repeat < 1 || repeat > 20) throw new Error('--repeat must be 1–20');
const progress = (message: string) => process.stderr.write(`${message}\n`);
process.on('exit', killServersNow);

type Mode = 'dump' | 'replay';

async function startOnce(mode: Mode, run: number): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plantintel-startup-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PLANTINTEL_EMBEDDED_BASELINE: mode === 'dump' ? '1' : '0',
  };
  delete env.DATABASE_URL;
  const name = `${mode}-${run}`;
  const started = performance.now();
  try {
    await startServer(name, plantintel('serve'), env, {
      timeoutMs: 120_000,
      pollMs: 50,
    });
    return (performance.now() - started) / 1000;
  } finally {
    await stopServer(name);
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
  }
}

await ensureBaseline();
progress(`dump: ${baselineFile()}`);
const seconds: Record<Mode, number[]> = { dump: [], replay: [] };
// Alternate the modes so a change in machine load hits both alike.
for (let run = 1; run <= repeat; run += 1) {
  for (const mode of ['replay', 'dump'] as const) {
    const s = await startOnce(mode, run);
    seconds[mode].push(s);
    progress(`run ${run} ${mode}: /health after ${s.toFixed(2)} s (load ${loadavg()[0]?.toFixed(1)})`);
  }
}
const result = {
  repeat,
  load1: loadavg()[0],
  replayMedianS: median(seconds.replay),
  dumpMedianS: median(seconds.dump),
  ratio: median(seconds.replay) / median(seconds.dump),
  runs: seconds,
};
if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  process.stdout.write(
    [
      'fresh embedded start, GET /health answered after (seconds, median of runs):',
      `  migrations replayed (baseline)  ${result.replayMedianS.toFixed(2)}  [${seconds.replay.map((s) => s.toFixed(2)).join(', ')}]`,
      `  migrated dump restored          ${result.dumpMedianS.toFixed(2)}  [${seconds.dump.map((s) => s.toFixed(2)).join(', ')}]`,
      `  ratio ${result.ratio.toFixed(2)}× faster; load average ${result.load1?.toFixed(1)}`,
      '',
    ].join('\n'),
  );
}
