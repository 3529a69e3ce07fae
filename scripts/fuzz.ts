// `npm run fuzz -- [--minutes 10] [--seed N] [--runs 50]`: the fuzz sweep of test/security/fuzz.test.ts
// for longer and on a random seed (printed, so a failure can be replayed with --seed).
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    seed: { type: 'string' },
    runs: { type: 'string', default: '50' },
  },
});
const minutes = Number(values.minutes);
const runs = Number(values.runs);
const seed = values.seed === undefined ? randomInt(1, 2 ** 31) : Number(values.seed);
if (!(minutes >= 0 && minutes <= 24 * 60) || !Number.isInteger(seed) || !(runs >= 1 && runs <= 10_000)) {
  process.stderr.write('usage: npm run fuzz -- [--minutes 0-1440] [--seed <integer>] [--runs 1-10000]\n');
  process.exit(2);
}
process.stdout.write(
  `fuzzing every route for ${minutes} min, seed ${seed} (replay: npm run fuzz -- --seed ${seed})\n`,
);
const child = spawn(process.execPath, ['--test', 'test/security/fuzz.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_MINUTES: String(minutes), FUZZ_SEED: String(seed), FUZZ_RUNS: String(runs) },
});
child.on('exit', (code) => process.exit(code ?? 1));
