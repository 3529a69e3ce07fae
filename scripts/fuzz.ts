// `npm run fuzz -- [--minutes 10] [--seed N] [--runs 50] [--only name]`: every fuzz driver of
// test/security (fuzz*.test.ts: the route sweep, multipart uploads, line protocol, MQTT, WebSocket,
// the AI gateway's protocols, call sequences) for longer and on a random seed (printed, so a failure
// can be replayed with --seed). The minutes are split evenly between the drivers, run one after the
// other; the exit code is non-zero when any of them failed.
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    seed: { type: 'string' },
    runs: { type: 'string' },
    only: { type: 'string' },
  },
});
const minutes = Number(values.minutes);
const seed = values.seed === undefined ? randomInt(1, 2 ** 31) : Number(values.seed);
const runs = values.runs === undefined ? undefined : Number(values.runs);
const drivers = readdirSync('test/security')
  .filter((name) => /^fuzz.*\.test\.ts$/.test(name))
  .filter((name) => values.only === undefined || name.includes(values.only))
  .sort();
if (
  !(minutes >= 0 && minutes <= 24 * 60) ||
  !Number.isInteger(seed) ||
  (runs !== undefined && !(Number.isInteger(runs) && runs >= 1 && runs <= 10_000)) ||
  drivers.length === 0
) {
  process.stderr.write(
    'usage: npm run fuzz -- [--minutes 0-1440] [--seed <integer>] [--runs 1-10000] [--only <driver name part>]\n',
  );
  process.exit(2);
}
const share = minutes / drivers.length;
const replay = `npm run fuzz -- --seed ${seed}${values.only ? ` --only ${values.only}` : ''}`;
process.stdout.write(
  `fuzzing for ${minutes} min (${share.toFixed(1)} min each: ${drivers.join(', ')}), seed ${seed} (replay: ${replay})\n`,
);

function run(driver: string): Promise<number> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    FUZZ_MINUTES: String(share),
    FUZZ_SEED: String(seed),
  };
  // Without --runs each driver keeps its own count per property (they differ: a line-protocol body
  // costs a request, an MQTT batch a broker round trip); the deadline sets how long it goes on.
  if (runs !== undefined) env.FUZZ_RUNS = String(runs);
  else delete env.FUZZ_RUNS;
  const child = spawn(
    process.execPath,
    ['--test', '--test-timeout=86400000', '--test-reporter=spec', `test/security/${driver}`],
    { stdio: 'inherit', env },
  );
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

const failed: string[] = [];
for (const driver of drivers) {
  const started = Date.now();
  const code = await run(driver);
  const took = ((Date.now() - started) / 60_000).toFixed(1);
  process.stdout.write(`${driver}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${took} min\n`);
  if (code !== 0) failed.push(driver);
}
process.stdout.write(
  failed.length === 0
    ? `all ${drivers.length} fuzz drivers passed, seed ${seed}\n`
    : `${failed.length} failed (${failed.join(', ')}); replay: ${replay}\n`,
);
process.exit(failed.length === 0 ? 0 : 1);
