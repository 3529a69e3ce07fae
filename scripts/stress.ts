// npm run test:stress — the whole suite, several times in a row, while busy processes keep every
// core loaded: a test that depends on timing fails here long before it fails in CI.
//   --runs N   how many full runs (default 3)
//   --busy N   how many busy-looping processes (default 2, one per core of the reference machine)
//   --seed N   test order: each run shuffles the order of the tests (node's --test-randomize) so a
//              test that leans on an earlier one fails too; the seed of every run is printed, and
//              --seed replays one order (--seed 0: the order of the source files)
// The database is the one `npm test` uses: embedded by default, PostgreSQL with DATABASE_URL.
import { type ChildProcess, spawn } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    busy: { type: 'string', default: '2' },
    seed: { type: 'string' },
  },
});
const runs = Number(values.runs);
const busyCount = Number(values.busy);
if (!Number.isInteger(runs) || runs < 1 || runs > 100) throw new Error('--runs must be 1–100');
if (!Number.isInteger(busyCount) || busyCount < 0 || busyCount > 64) throw new Error('--busy must be 0–64');
const seed = values.seed === undefined ? undefined : Number(values.seed);
if (seed !== undefined && (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff))
  throw new Error('--seed must be an integer 0–4294967295');
/** node options for the suite: a random order, or the one `--seed` names (0 = unshuffled). */
const orderOptions =
  seed === undefined ? '--test-randomize' : seed === 0 ? '' : `--test-randomize --test-random-seed=${seed}`;

const BUSY_LOOP = 'for (;;) { Math.sqrt(Math.random()); }';
const busy: ChildProcess[] = Array.from({ length: busyCount }, () =>
  spawn(process.execPath, ['-e', BUSY_LOOP], { stdio: 'ignore' }),
);
const stopBusy = () => {
  for (const child of busy) child.kill('SIGKILL');
};
process.on('exit', stopBusy);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

/** Runs `npm test`, echoing its output, and reads the runner's summary counts from it. */
function runSuite(): Promise<{ code: number; pass: number; fail: number; order: string }> {
  return new Promise((resolve) => {
    const nodeOptions = [process.env.NODE_OPTIONS ?? '', orderOptions].join(' ').trim();
    const child = spawn('npm', ['test'], {
      stdio: ['ignore', 'pipe', 'inherit'],
      // The whole suite on either driver (npm test alone leaves the pure engines' files to the
      // embedded run when DATABASE_URL is set).
      env: { ...process.env, NODE_OPTIONS: nodeOptions, PLANTINTEL_TEST_ALL: '1' },
    });
    let order = 'source order';
    let tail = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      const text = chunk.toString();
      const shuffled = /Randomized test order seed: (\d+)/.exec(text);
      if (shuffled) order = `order seed ${shuffled[1]}`;
      tail = (tail + text).slice(-4000);
    });
    child.on('exit', (code) => {
      const count = (name: string) => Number(new RegExp(`ℹ ${name} (\\d+)`).exec(tail)?.[1] ?? -1);
      resolve({ code: code ?? 1, pass: count('pass'), fail: count('fail'), order });
    });
  });
}

const driver = process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite';
const results: string[] = [];
let passed = 0;
for (let run = 1; run <= runs; run += 1) {
  const started = Date.now();
  const { code, pass, fail, order } = await runSuite();
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  if (code === 0) passed += 1;
  results.push(
    `run ${run}: ${code === 0 ? 'passed' : 'FAILED'} — ${pass} passed, ${fail} failed, ${minutes} min, ${order}`,
  );
}
stopBusy();
process.stdout.write(
  `\ntest:stress on ${driver} with ${busyCount} busy process(es):\n${results.join('\n')}\n${passed}/${runs} runs passed\n(replay a run's order: npm run test:stress -- --runs 1 --seed <order seed>)\n`,
);
process.exit(passed === runs ? 0 : 1);
