import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { startEnv, startFlags } from '../bin/start-flags.mjs';
import { embeddedPhaseOnly } from './platform/db/testing.ts';

const root = new URL('..', import.meta.url);

/** The environment for a child CLI: the embedded database in `dataDir`, whatever the test run uses. */
function cliEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  delete env.PLANTINTEL_CONFIG;
  return env;
}

function cli(args: string[], env: NodeJS.ProcessEnv = process.env) {
  return spawnSync(process.execPath, ['src/main.ts', ...args], { cwd: root, env, encoding: 'utf8' });
}

interface Served {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

async function serve(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
  entry: 'src/main.ts' | 'bin/plantintel.mjs' = 'src/main.ts',
): Promise<Served> {
  // A process group of its own, as a shell gives a command: a test can signal the whole of it.
  const child = spawn(process.execPath, [entry, 'serve'], {
    cwd: root,
    env: { ...cliEnv(dataDir), ...env },
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /PlantIntel listening on (http:\/\/[^"\s]+)/.exec(output);
      if (match?.[1]) {
        clearInterval(timer);
        resolve(match[1]);
      }
    }, 50);
    exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
  return { child, url, output: () => output, exited };
}

// Every test here runs the CLI on an embedded database of its own, whatever the suite's driver.
describe('plantintel CLI', { skip: embeddedPhaseOnly() }, () => {
  test('every command has --help', () => {
    for (const command of ['serve', 'worker', 'migrate', 'config', 'seed', 'user']) {
      const result = cli([command, '--help']);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, new RegExp(`^plantintel ${command}`));
    }
    const overview = cli(['--help']);
    assert.equal(overview.status, 0);
    assert.match(overview.stdout, /Commands:\n {2}serve/);
  });

  test('an unknown command is refused with exit code 2', () => {
    const result = cli(['frobnicate']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /Unknown command "frobnicate"/);
  });

  test('migrate creates and migrates the embedded database, idempotently', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'plantintel-cli-'));
    try {
      for (let i = 0; i < 2; i++) {
        const result = cli(['migrate'], cliEnv(dataDir));
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /migrations applied/);
      }
      assert.ok(existsSync(path.join(dataDir, 'pglite', 'PG_VERSION')));
      assert.ok(!existsSync(path.join(dataDir, 'pglite', 'plantintel.pid')), 'lock released');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('SIGTERM under load finishes in-flight requests, closes the embedded database, and it reopens intact', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'plantintel-sigterm-'));
    try {
      const first = await serve(dataDir);
      const statuses: number[] = [];
      let refused = 0;
      let loading = true;
      // Eight clients hammer the database-backed readiness route until the server goes away.
      const clients = Array.from({ length: 8 }, async () => {
        while (loading) {
          try {
            statuses.push((await fetch(`${first.url}/ready`)).status);
          } catch {
            refused++;
            if (refused > 50) return;
          }
        }
      });
      // Under load once enough requests have been answered (however busy the machine, and the
      // server itself: the demo simulator back-fills a day of readings right after the first start).
      const ok = () => statuses.filter((s) => s === 200).length;
      const deadline = Date.now() + 120_000;
      while (ok() <= 10 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      first.child.kill('SIGTERM');
      const code = await first.exited;
      loading = false;
      await Promise.all(clients);
      assert.equal(code, 0, first.output());
      assert.match(first.output(), /shutdown complete: database closed/);
      assert.ok(ok() > 10, `too little load: ${statuses.length}`);
      // In-flight requests complete; ones arriving during shutdown are told 503, never a crash.
      assert.deepEqual(
        statuses.filter((s) => s !== 200 && s !== 503),
        [],
      );

      // Reopened only to read it back: no simulator back-filling on top.
      const second = await serve(dataDir, { PLANTINTEL_SIMULATOR: '0' });
      try {
        const ready = await fetch(`${second.url}/ready`);
        assert.equal(ready.status, 200);
        assert.equal(((await ready.json()) as { database: { ok: boolean } }).database.ok, true);
        assert.match(second.output(), /"starts":2/);
      } finally {
        second.child.kill('SIGTERM');
        assert.equal(await second.exited, 0);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('the deployment files start the server with the Node flags and environment defaults of npm start', () => {
    const flags = startFlags();
    assert.ok(flags.length > 0, 'npm start gives the server no flags');
    const env = Object.entries(startEnv());
    assert.deepEqual(env, [['MALLOC_ARENA_MAX', '2']]);
    const file = (name: string) => readFileSync(new URL(name, root), 'utf8');
    const dockerfile = file('deploy/Dockerfile');
    const entrypoint = JSON.parse(/^ENTRYPOINT (.*)$/m.exec(dockerfile)?.[1] ?? '[]') as string[];
    assert.deepEqual(entrypoint, ['node', ...flags, 'src/main.ts']);
    for (const [name, value] of env) assert.match(dockerfile, new RegExp(`^ENV ${name}=${value}$`, 'm'));
    for (const [unit, command] of [
      ['deploy/systemd/plantintel-serve@.service', 'serve'],
      ['deploy/systemd/plantintel-worker@.service', 'worker'],
    ] as const) {
      const text = file(unit);
      const exec = /^ExecStart=(.*)$/m.exec(text)?.[1]?.split(' ') ?? [];
      assert.deepEqual(exec.slice(1), [...flags, '/opt/plantintel/src/main.ts', command], unit);
      for (const [name, value] of env)
        assert.match(text, new RegExp(`^Environment=${name}=${value}$`, 'm'), unit);
    }
  });

  test('the plantintel launcher runs serve with the Node flags and environment defaults of npm start, passes SIGTERM on, and Ctrl-C stops it gracefully', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'plantintel-launcher-'));
    try {
      // Unset here, so the start script's default is what the server gets.
      const unset = Object.fromEntries(Object.keys(startEnv()).map((name) => [name, undefined]));
      const launcher = await serve(dataDir, { PLANTINTEL_SIMULATOR: '0', ...unset }, 'bin/plantintel.mjs');
      const pid = launcher.child.pid as number;
      const [server] = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
      const argv = readFileSync(`/proc/${server}/cmdline`, 'utf8').split('\0');
      for (const flag of startFlags()) assert.ok(argv.includes(flag), `${flag} not in ${argv.join(' ')}`);
      const environ = readFileSync(`/proc/${server}/environ`, 'utf8').split('\0');
      for (const [name, value] of Object.entries(startEnv()))
        assert.ok(environ.includes(`${name}=${value}`), `${name}=${value} not in the server's environment`);
      assert.equal((await fetch(`${launcher.url}/health`)).status, 200);
      launcher.child.kill('SIGTERM');
      assert.equal(await launcher.exited, 0, launcher.output());
      assert.match(launcher.output(), /shutdown complete: database closed/);

      // Ctrl-C signals the launcher's whole process group: the server gets SIGINT twice at once
      // (from the terminal and passed on), which is one request to stop, not "exit now".
      const again = await serve(dataDir, { PLANTINTEL_SIMULATOR: '0' }, 'bin/plantintel.mjs');
      process.kill(-(again.child.pid as number), 'SIGINT');
      assert.equal(await again.exited, 0, again.output());
      assert.match(again.output(), /shutdown complete: database closed/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('a fresh embedded database starts with the superadmin and the demo tenant; demo users sign in', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'plantintel-demo-'));
    try {
      // The demo's data comes from the seed; its simulators (the SIGTERM test runs them) are left off.
      const server = await serve(dataDir, {
        PLANTINTEL_DEMO_PASSWORD: 'demo-pass-1',
        PLANTINTEL_SIMULATOR: '0',
      });
      try {
        assert.match(server.output(), /Platform superadmin created: admin@plantintel\.local \/ \S+/);
        const login = await fetch(`${server.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'admin@demo.local', password: 'demo-pass-1' }),
        });
        assert.equal(login.status, 200);
        const { accessToken } = (await login.json()) as { accessToken: string };
        const me = await fetch(`${server.url}/api/v1/auth/me`, {
          headers: { authorization: `Bearer ${accessToken}` },
        });
        const body = (await me.json()) as { tenant: { name: string }; role: string };
        assert.deepEqual([body.tenant.name, body.role], ['Demo Manufacturing', 'admin']);
      } finally {
        server.child.kill('SIGTERM');
        assert.equal(await server.exited, 0);
      }
      // The secrets were printed, never logged: no JSON log line carries the generated password.
      const password = /admin@plantintel\.local \/ (\S+)/.exec(server.output())?.[1] ?? '';
      const logLines = server
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'));
      assert.ok(password && logLines.every((line) => !line.includes(password)));

      const env = { ...cliEnv(dataDir), PLANTINTEL_USER_PASSWORD: 'new-user-pass-1' };
      const again = cli(['seed', '--demo'], env);
      assert.equal(again.status, 0, again.stderr);
      assert.match(again.stdout, /already exists/);
      const addOperator = () =>
        cli(
          [
            'user',
            'create',
            '--email',
            'ops@demo.local',
            '--role',
            'operator',
            '--tenant',
            'Demo Manufacturing',
          ],
          env,
        );
      const created = addOperator();
      assert.equal(created.status, 0, created.stderr);
      const duplicate = addOperator();
      assert.equal(duplicate.status, 2);
      assert.match(duplicate.stderr, /already a member/);
      const noTenant = cli(['user', 'create', '--email', 'x@demo.local', '--role', 'viewer'], env);
      assert.equal(noTenant.status, 2);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
