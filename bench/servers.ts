// Child-process handling for bench/http.ts: start a server on a free port, wait until
// GET /health answers, and make sure no server outlives the benchmark.
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { startEnv, startFlags } from '../bin/start-flags.mjs';
import { freePort } from '../src/platform/free-port.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const startupTimeoutMs = 30_000;
const logTailLines = 50;
const children: ChildProcess[] = [];
const byName = new Map<string, ChildProcess>();

/**
 * The Node flags `npm start` runs the server with (package.json's start script, the one place they
 * are written; the deployment files repeat them, checked by src/main.test.ts), so a
 * benchmark measures the server as it is run.
 */
export const SERVER_NODE_FLAGS: string[] = startFlags();

/** The environment defaults of `npm start` (MALLOC_ARENA_MAX), given to every child unless the bench's environment sets them. */
const SERVER_START_ENV: Record<string, string> = startEnv();

/** `node <flags> src/main.ts <command>` as `npm start` runs it. */
export const plantintel = (command: 'serve' | 'worker') => [
  process.execPath,
  ...SERVER_NODE_FLAGS,
  'src/main.ts',
  command,
];

export interface StartedServer {
  /** The server's GET /health URL. */
  url: string;
  pid: number;
}

/** Spawns `command` in the project root and resolves once its GET /health answers 200. */
export async function startServer(
  name: string,
  command: string[],
  env: NodeJS.ProcessEnv,
  { timeoutMs = startupTimeoutMs, pollMs = 200 }: { timeoutMs?: number; pollMs?: number } = {},
): Promise<StartedServer> {
  const port = await freePort();
  const [executable = '', ...args] = command;
  const child = spawn(executable, args, {
    cwd: projectRoot,
    env: { ...SERVER_START_ENV, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  byName.set(name, child);
  // Drain the pipes (a full pipe would stall the server) but keep a tail for startup failures.
  const tail: string[] = [];
  // BENCH_SERVER_LOG: a file every line the servers write is appended to (to read their errors).
  const logFile = process.env.BENCH_SERVER_LOG;
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      tail.push(line);
      if (tail.length > logTailLines) tail.shift();
      if (logFile) appendFileSync(logFile, `${name}: ${line}\n`);
    });
  }
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));

  const url = `http://127.0.0.1:${port}/health`;
  const deadline = Date.now() + timeoutMs;
  const failure = (why: string) =>
    new Error(`${name} server (${command.join(' ')}) ${why}\n--- last output ---\n${tail.join('\n')}`);
  while (Date.now() < deadline) {
    if (spawnError) throw failure(`could not be spawned: ${spawnError.message}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      await sleep(100); // let the last log lines arrive before reporting
      throw failure(`exited early (code ${child.exitCode}, signal ${child.signalCode})`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.status === 200) return { url, pid: child.pid ?? 0 };
    } catch {
      // Not listening yet; keep polling.
    }
    await sleep(pollMs);
  }
  throw failure(`did not answer 200 on ${url} within ${timeoutMs / 1000}s`);
}

function isRunning(child: ChildProcess): boolean {
  return child.pid !== undefined && child.exitCode === null && child.signalCode === null;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (!isRunning(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const forceKill = setTimeout(() => child.kill('SIGKILL'), 5000); // don't hang on a stuck shutdown
    child.once('exit', () => resolve(clearTimeout(forceKill)));
    child.kill('SIGTERM');
  });
}

/** Graceful stop of the server started under `name`. */
export async function stopServer(name: string): Promise<void> {
  const child = byName.get(name);
  byName.delete(name);
  if (child) await stopChild(child);
}

/** Graceful stop (SIGTERM, then SIGKILL after 5 s) of every server started so far. */
export async function stopServers(): Promise<void> {
  await Promise.all(children.map(stopChild));
}

/** Synchronous last resort for process 'exit', where nothing can be awaited. */
export function killServersNow(): void {
  for (const child of children) if (isRunning(child)) child.kill('SIGKILL');
}
