// `npm test`: node's test runner over every test file (src/**/*.test.ts, test/**/*.test.ts), three
// files at a time. With DATABASE_URL set (the PostgreSQL run) only the files that can reach a
// database run (scripts/test-files.ts); PLANTINTEL_TEST_ALL=1 runs them all there too. Options
// are passed to the runner (`npm test -- --test-name-pattern alarm`); test files given (by their
// .ts/.js name) replace the list (`npm test -- src/modules/telemetry/alarms.test.ts`).
import { spawn } from 'node:child_process';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { testFiles } from './test-files.ts';

const root = join(import.meta.dirname, '..');
// Node's compile cache (where fast-load.ts's enableCompileCache puts it), named in the environment so
// that it is on from each process's first file: fast-load.ts itself and every worker thread's entry
// (the embedded database, the compute pool) are then read from it, not type-stripped again.
// Enabled from inside, it starts too late for those, and each thread loads the TypeScript stripper
// (amaro) to strip them. NODE_DISABLE_COMPILE_CACHE=1 still turns it off.
const compileCache = process.env.NODE_COMPILE_CACHE ?? join(tmpdir(), 'node-compile-cache');
const args = process.argv.slice(2);
// Test files by their extension; everything else (options and their values, in order) goes to the runner.
const isFile = (a: string) => !a.startsWith('-') && /\.[cm]?[jt]s$/.test(a);
const options = args.filter((a) => !isFile(a));
let files = args.filter(isFile);
if (files.length === 0) {
  const { all, reachingDatabase } = testFiles(root);
  const onPostgres = Boolean(process.env.DATABASE_URL) && process.env.PLANTINTEL_TEST_ALL !== '1';
  files = onPostgres ? reachingDatabase : all;
  if (onPostgres)
    process.stderr.write(
      `DATABASE_URL is set: the ${reachingDatabase.length} of ${all.length} test files that can reach a database (PLANTINTEL_TEST_ALL=1: all)\n`,
    );
}
const child = spawn(
  process.execPath,
  [
    '--liftoff-only',
    '--import',
    './src/platform/boot/fast-load.ts',
    '--test',
    '--test-concurrency=3',
    '--test-timeout=600000',
    ...options,
    ...files,
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_COMPILE_CACHE: compileCache } },
);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const)
  process.on(signal, () => child.kill(signal));
child.on('error', (error) => {
  process.stderr.write(`npm test: could not start the test runner: ${error.message}\n`);
  process.exitCode = 1;
});
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1);
});
