// The InfluxDB 1.x baseline of bench/ingest.ts: `influxd` started on a scratch directory and free
// ports, given the same points as line protocol by the same number of writers, its stored count
// checked, then stopped and its directory removed.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../src/platform/free-port.ts';
import { timedWriters } from './timing.ts';

export const influxdOnPath = () => spawnSync('influxd', ['version']).status === 0;

function configText(dir: string, httpPort: number, rpcPort: number): string {
  return [
    'reporting-disabled = true',
    `bind-address = "127.0.0.1:${rpcPort}"`,
    '[meta]',
    `  dir = "${join(dir, 'meta')}"`,
    '[data]',
    `  dir = "${join(dir, 'data')}"`,
    `  wal-dir = "${join(dir, 'wal')}"`,
    '  query-log-enabled = false',
    '[http]',
    `  bind-address = "127.0.0.1:${httpPort}"`,
    '  log-enabled = false',
    '[monitor]',
    '  store-enabled = false',
    '[continuous_queries]',
    '  enabled = false',
  ].join('\n');
}

async function waitForPing(base: string, child: ChildProcess) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/ping`)).status === 204) return;
    } catch {}
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('influxd did not start');
    await sleep(200);
  }
}

/**
 * Writes `work` (per writer, its line-protocol bodies in order; measurement `readings`, field
 * `value`, millisecond timestamps) into a fresh database and checks that `expected` points are stored.
 */
export async function influxBaseline(
  work: string[][],
  expected: number,
): Promise<{ name: string; seconds: number; rate: number; version: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'plantintel-influx-'));
  const [httpPort, rpcPort] = [await freePort(), await freePort()];
  for (const sub of ['meta', 'data', 'wal']) mkdirSync(join(dir, sub));
  writeFileSync(join(dir, 'influxdb.conf'), configText(dir, httpPort, rpcPort));
  const version = spawnSync('influxd', ['version']).stdout.toString().trim();
  const child: ChildProcess = spawn('influxd', ['run', '-config', join(dir, 'influxdb.conf')], {
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const base = `http://127.0.0.1:${httpPort}`;
  try {
    await waitForPing(base, child);
    const created = await fetch(`${base}/query?q=${encodeURIComponent('CREATE DATABASE bench')}`, {
      method: 'POST',
    });
    if (created.status !== 200) throw new Error(`influx: CREATE DATABASE → ${created.status}`);
    const seconds = await timedWriters(work, async (body) => {
      const response = await fetch(`${base}/write?db=bench&precision=ms`, { method: 'POST', body });
      if (response.status !== 204)
        throw new Error(`influx write: ${response.status} ${await response.text()}`);
    });
    const counted = await fetch(
      `${base}/query?db=bench&q=${encodeURIComponent('SELECT count(value) FROM readings')}`,
    );
    const stored = (await counted.json()) as { results: { series?: { values: [string, number][] }[] }[] };
    const n = stored.results[0]?.series?.[0]?.values[0]?.[1];
    if (n !== expected) throw new Error(`influx: ${n} points stored of ${expected}`);
    return { name: 'InfluxDB', seconds, rate: expected / seconds, version };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    rmSync(dir, { recursive: true, force: true });
  }
}
