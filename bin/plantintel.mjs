#!/usr/bin/env node
// Runs the CLI on Node 24+. Older system Node versions hand over to the node@24 binary that the
// project installs as a devDependency, so `plantintel` works on machines that still ship Node 20.
// `serve` and `worker` run in a child process with the Node flags and environment defaults of
// `npm start` (package.json's start script), which V8 and the C library read only when a process
// starts; signals are passed on to the child.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startEnv, startFlags } from './start-flags.mjs';

const major = Number(process.versions.node.split('.')[0]);
const entry = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const args = process.argv.slice(2);
const longRunning = args[0] === 'serve' || args[0] === 'worker';

if (major >= 24 && !longRunning) {
  const { main } = await import(entry);
  process.exit(await main(args));
} else {
  const pinned = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  const node = major >= 24 ? process.execPath : pinned;
  if (!existsSync(node)) {
    process.stderr.write(
      `plantintel needs Node.js 24 or newer (this is ${process.version}). Run npm install first.\n`,
    );
    process.exit(1);
  }
  const child = spawn(node, [...(longRunning ? startFlags() : []), entry, ...args], {
    stdio: 'inherit',
    // The start script's defaults (MALLOC_ARENA_MAX); a value set by the caller wins.
    env: longRunning ? { ...startEnv(), ...process.env } : process.env,
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
