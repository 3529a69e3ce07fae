// The rig of bench/mqtt.ts: a broker (a Mosquitto of its own, or BENCH_MQTT_URL), publisher
// processes (bench/mqtt-publisher.ts) started together, and the baseline — the same publishers and
// broker with a bare subscriber instead of PlantIntel.
import { type ChildProcess, fork, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import mqtt from 'mqtt';
import { freePort } from '../src/platform/free-port.ts';
import type { PublisherJob } from './mqtt-publisher.ts';

/** After the publishers are done: no new messages or rows for this long → the rest is lost. */
export const STALL_MS = 15_000;
export const unique = (prefix: string) => `${prefix}${randomBytes(5).toString('hex')}`;

async function reachable(url: string) {
  const client = mqtt.connect(url, { reconnectPeriod: 0, connectTimeout: 2000 });
  const ok = await new Promise<boolean>((resolve) => {
    client.once('connect', () => resolve(true));
    client.once('error', () => resolve(false));
    client.once('close', () => resolve(false));
  });
  await client.endAsync(true);
  return ok;
}

/** BENCH_MQTT_URL, or a Mosquitto of our own without a queue limit. */
export async function startBroker(): Promise<{ url: string; label: string; stop(): Promise<void> }> {
  const given = process.env.BENCH_MQTT_URL;
  if (given) return { url: given, label: `${given} (BENCH_MQTT_URL)`, stop: async () => {} };
  const binary = ['/usr/sbin/mosquitto', '/usr/bin/mosquitto'].find((p) => existsSync(p)) ?? 'mosquitto';
  if (spawnSync(binary, ['-h']).error)
    throw new Error('no mosquitto binary: install Mosquitto, or set BENCH_MQTT_URL to a broker');
  const dir = mkdtempSync(join(tmpdir(), 'plantintel-bench-mosquitto-'));
  const port = await freePort();
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(
    conf,
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous true',
      'persistence false',
      'max_queued_messages 0',
      'max_inflight_messages 1000',
    ].join('\n'),
  );
  const child = spawn(binary, ['-c', conf], { stdio: 'ignore' });
  const url = `mqtt://127.0.0.1:${port}`;
  for (let i = 0; !(await reachable(url)); i++) {
    if (i > 50 || child.exitCode !== null) throw new Error(`mosquitto did not start on port ${port}`);
    await sleep(100);
  }
  return {
    url,
    label: `Mosquitto of its own on port ${port} (max_queued_messages 0, max_inflight_messages 1000)`,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Forks the publishers and waits until all are connected; `go()` starts them all at once. */
export async function startPublishers(jobs: PublisherJob[]) {
  const children: ChildProcess[] = [];
  const ready: Promise<unknown>[] = [];
  const done: Promise<unknown>[] = [];
  for (const job of jobs) {
    const child = fork(fileURLToPath(new URL('./mqtt-publisher.ts', import.meta.url)), [], {
      env: { ...process.env, BENCH_PUBLISHER_JOB: JSON.stringify(job) },
    });
    children.push(child);
    const message = (key: string) =>
      new Promise((resolve, reject) => {
        child.on('message', (m: Record<string, unknown>) => m[key] && resolve(m));
        child.once('exit', (code) =>
          code ? reject(new Error(`publisher exited with ${code}`)) : resolve(null),
        );
      });
    ready.push(message('ready'));
    done.push(message('done'));
  }
  await Promise.all(ready);
  const started = {
    /** When the last publisher finished sending (0 until then). */
    sentAt: 0,
    done: Promise.all(done).then(() => {
      started.sentAt = performance.now();
    }),
    go() {
      const at = performance.now();
      for (const child of children) child.send({ go: true });
      return at;
    },
  };
  return started;
}

/**
 * The rig without PlantIntel: the same publishers through the same broker to a bare subscriber that
 * only counts messages (acknowledging QoS 1 at once). Readings per second it sees all of them in.
 */
export async function baselineRun(broker: string, jobs: PublisherJob[], messages: number): Promise<number> {
  const prefix = (jobs[0]?.topics[0] ?? '').split('/').slice(0, 2).join('/');
  const subscriber = mqtt.connect(broker, {
    protocolVersion: 5,
    clientId: unique('bench-baseline-'),
    properties: { receiveMaximum: 65_535 },
  });
  await new Promise<void>((resolve, reject) => {
    subscriber.once('connect', () => resolve());
    subscriber.once('error', reject);
  });
  await subscriber.subscribeAsync(`${prefix}/#`, { qos: jobs[0]?.qos ?? 0 });
  let received = 0;
  let lastAt = 0;
  subscriber.on('message', () => {
    received++;
    lastAt = performance.now();
  });
  const publishers = await startPublishers(jobs);
  const start = publishers.go();
  await publishers.done;
  while (received < messages && performance.now() - Math.max(lastAt, publishers.sentAt) < STALL_MS)
    await sleep(20);
  await subscriber.endAsync();
  const perMessage = jobs[0]?.perMessage ?? 1;
  return Math.round((received * perMessage) / ((lastAt - start) / 1000));
}
