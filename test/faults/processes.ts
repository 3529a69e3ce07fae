// The real processes of the fault tests: `plantintel serve` as a child, a throwaway PostgreSQL
// cluster of the test's own (the shared one on 5432 is never stopped), and a clean-up list that
// stops every process, unmounts every mount and removes every temp dir, even when a test fails.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { createTestTenant, type TestTenant } from '../../src/modules/identity/testing.ts';
import { freePort } from '../../src/modules/telemetry/mqtt/testing.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { eventually } from '../../src/platform/jobs/testing.ts';

export { eventually, freePort };

const root = new URL('../..', import.meta.url);

/** Clean-up steps, run last-in first-out after the file's tests (and at exit for child processes). */
export function cleanupList() {
  const steps: (() => unknown)[] = [];
  after(async () => {
    for (const step of steps.reverse()) {
      try {
        await step();
      } catch (err) {
        process.stderr.write(`clean-up step failed: ${(err as Error).message}\n`);
      }
    }
  });
  return {
    add(step: () => unknown) {
      steps.push(step);
    },
    tempDir(prefix: string): string {
      const dir = mkdtempSync(path.join(tmpdir(), prefix));
      steps.push(() => rmSync(dir, { recursive: true, force: true }));
      return dir;
    },
  };
}

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** Spawns `command` and keeps its output; it is SIGKILLed if the test process exits first. */
export function spawnTracked(command: string, args: string[], env?: NodeJS.ProcessEnv) {
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  return { child, exited, output: () => output };
}

/** The environment of a child server: no demo, no simulator, no config file, port 0 on loopback. */
export function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    PLANTINTEL_DEMO: '0',
    PLANTINTEL_SIMULATOR: '0',
    WORKERS: '1',
  };
  for (const key of ['DATABASE_URL', 'PLANTINTEL_CONFIG', 'MQTT_URL', 'SMTP_URL']) delete env[key];
  return { ...env, ...extra };
}

export interface ServerProcess {
  url: string;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, and waits for the exit. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL, and waits for the exit. */
  kill(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `node src/main.ts serve` with `env` (see serverEnv), once it listens. */
export async function startServerProcess(
  env: NodeJS.ProcessEnv,
  timeoutMs = 240_000,
): Promise<ServerProcess> {
  const run = spawnTracked(process.execPath, ['src/main.ts', 'serve'], env);
  const halt = async (signal: NodeJS.Signals) => {
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill(signal);
    return run.exited;
  };
  let gone = false;
  run.exited.then(() => {
    gone = true;
  });
  try {
    const url = await eventually(
      async () => {
        if (gone) throw new Error(`server exited before listening:\n${run.output()}`);
        return /PlantIntel listening on (http:\/\/[^"\s]+)/.exec(run.output())?.[1];
      },
      'the server to listen',
      timeoutMs,
    );
    return {
      url,
      output: run.output,
      exited: run.exited,
      stop: () => halt('SIGTERM'),
      kill: () => halt('SIGKILL'),
    };
  } catch (err) {
    await halt('SIGKILL');
    throw new Error(`${(err as Error).message}\n${run.output().slice(-3000)}`);
  }
}

/** Signs in through the server's login route; the headers carry the access token. */
export async function login(url: string, email: string, password: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
  const { accessToken } = (await res.json()) as { accessToken: string };
  return { authorization: `Bearer ${accessToken}` };
}

const PG_BIN = '/usr/lib/postgresql/15/bin';

/** Why a cluster of our own cannot run here, or undefined when it can. */
export function clusterUnsupported(): string | undefined {
  if (!existsSync(`${PG_BIN}/initdb`)) return `no ${PG_BIN}/initdb (Debian package postgresql-15)`;
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0)
    return 'running as root without a postgres user to run initdb as';
  return undefined;
}

export interface Cluster {
  port: number;
  url: string;
  start(): Promise<void>;
  /** pg_ctl stop in `mode` (fast: sessions are terminated with 57P01). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
}

/** A fresh PostgreSQL 15 cluster in a temp dir on a free port (initdb as the postgres user when root). */
export async function startCluster(cleanup: ReturnType<typeof cleanupList>): Promise<Cluster> {
  const dir = cleanup.tempDir('plantintel-pg-');
  const asRoot = process.getuid?.() === 0;
  const run = (bin: string, args: string[]) => {
    const argv = asRoot ? ['-u', 'postgres', '--', `${PG_BIN}/${bin}`, ...args] : args;
    const result = spawnSync(asRoot ? 'runuser' : `${PG_BIN}/${bin}`, argv, { encoding: 'utf8' });
    if (result.status !== 0)
      throw new Error(`${bin} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  };
  if (asRoot) {
    const { uid, gid } = userIds('postgres');
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  const cluster: Cluster = {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: async () => run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']),
    stop: async (mode = 'fast') => run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']),
  };
  await cluster.start();
  cleanup.add(() => cluster.stop('immediate').catch(() => {}));
  return cluster;
}

function userIds(name: string): { uid: number; gid: number } {
  const uid = Number(spawnSync('id', ['-u', name], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', name], { encoding: 'utf8' }).stdout.trim());
  return { uid, gid };
}

/**
 * The embedded server on `env.DATA_DIR` with a test tenant: a first start creates and migrates the
 * database, the tenant is added while no server runs (the embedded database has one owner), then
 * the server starts again. Stopped by the clean-up list.
 */
export async function startEmbeddedWithTenant(
  env: NodeJS.ProcessEnv,
  slug: string,
  cleanup: ReturnType<typeof cleanupList>,
): Promise<{ server: ServerProcess; tenant: TestTenant }> {
  const dataDir = env.DATA_DIR;
  if (!dataDir) throw new Error('startEmbeddedWithTenant needs DATA_DIR');
  const first = await startServerProcess(env);
  cleanup.add(() => first.kill());
  const stopped = await first.stop();
  if (stopped.code !== 0)
    throw new Error(`first start failed (${stopped.code}):\n${first.output().slice(-3000)}`);
  const seeding = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
  const tenant = await createTestTenant(seeding.db, slug).finally(() => seeding.close());
  const server = await startServerProcess(env);
  cleanup.add(() => server.kill());
  return { server, tenant };
}
