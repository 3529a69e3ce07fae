// MQTT ingest throughput end to end: N publisher processes send readings through Mosquitto to a
// real PlantIntel server in this process, whose bridge batches them into ingest (validation, the
// insert with both rollups, the streaming detectors, alarms). The clock runs from the moment every
// publisher has connected and is told to go until the last reading is committed — counted in the
// `readings` table, polled — so it measures readings stored, not messages sent. Once at QoS 0, once
// at QoS 1 (acknowledged by the bridge only after the commit). Baseline in the same run: the same
// publishers and broker with a bare subscriber that only counts — what the rig itself can move
// (publishers, broker and server share the machine's CPUs).
// The broker is a Mosquitto of the benchmark's own (bench/mqtt-rig.ts) with no limit on queued
// messages, so a burst larger than the database absorbs at once waits in the broker instead of
// being dropped by it, and 1000 QoS 1 messages in flight per client (default 20), since each of the
// few publishers stands for many devices. BENCH_MQTT_URL=mqtt://host:port uses an existing broker
// instead; with Mosquitto's default max_queued_messages (1000) it drops what the bridge cannot take
// in time, reported as lost (counting stops when nothing arrived for 15 s after the publishers ended).
// Usage: npm run bench:mqtt [-- --driver pglite|postgres|both] [--publishers 4] [--readings 200000]
//        [--sensors 200] [--per-message 1] [--qos 0,1] [--json]
//   (env: BENCH_PUBLISHERS, BENCH_READINGS, BENCH_SENSORS, BENCH_PER_MESSAGE; the embedded database by
//   default, PostgreSQL when DATABASE_URL is set)
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.ts';
import { createTestTenant, TEST_PASSWORD } from '../src/modules/identity/testing.ts';
import { queryRows } from '../src/platform/db/database.ts';
import { type RunningServer, startServer } from '../src/server.ts';
import { type Driver, scratchPostgres } from './args.ts';
import type { PublisherJob } from './mqtt-publisher.ts';
import { baselineRun, STALL_MS, startBroker, startPublishers, unique } from './mqtt-rig.ts';

const GOAL_READINGS_PER_SECOND = 20_000;
const progress = (message: string) => process.stderr.write(`${message}\n`);

function counts() {
  const { values } = parseArgs({
    options: {
      driver: { type: 'string' },
      publishers: { type: 'string' },
      readings: { type: 'string' },
      sensors: { type: 'string' },
      'per-message': { type: 'string' },
      qos: { type: 'string', default: '0,1' },
      json: { type: 'boolean', default: false },
    },
  });
  const int = (value: string | undefined, env: string, fallback: number) => {
    const n = Number((value ?? process.env[env] ?? String(fallback)).replaceAll('_', ''));
    if (!Number.isInteger(n) || n < 1) throw new Error(`${env} / its flag must be a positive integer`);
    return n;
  };
  const driver = values.driver ?? (process.env.DATABASE_URL ? 'postgres' : 'pglite');
  if (!['pglite', 'postgres', 'both'].includes(driver))
    throw new Error('--driver must be pglite, postgres or both');
  const qos = values.qos.split(',').map(Number) as (0 | 1)[];
  if (qos.some((q) => q !== 0 && q !== 1)) throw new Error('--qos takes 0, 1 or 0,1');
  const publishers = int(values.publishers, 'BENCH_PUBLISHERS', 4);
  const readings = int(values.readings, 'BENCH_READINGS', 200_000);
  const sensors = int(values.sensors, 'BENCH_SENSORS', 200);
  const perMessage = int(values['per-message'], 'BENCH_PER_MESSAGE', 1);
  if (sensors % publishers !== 0) throw new Error('--sensors must be a multiple of --publishers');
  if (readings % sensors !== 0 || (readings / sensors) % perMessage !== 0)
    throw new Error('--readings must be a multiple of --sensors × --per-message');
  return {
    drivers: (driver === 'both' ? ['pglite', 'postgres'] : [driver]) as Driver[],
    qos,
    publishers,
    readings,
    sensors,
    perMessage,
    asJson: values.json,
  };
}

async function api(server: RunningServer, method: string, path: string, headers: object, body?: object) {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { ...headers, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (response.status >= 300)
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

async function metric(server: RunningServer, name: string, label: string) {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(label));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

async function runDriver(driver: Driver, options: ReturnType<typeof counts>, broker: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'plantintel-bench-mqtt-'));
  const scratch = driver === 'postgres' ? await scratchPostgres('mqtt') : undefined;
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: scratch?.url ?? '',
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    WORKERS: '0',
    PLANTINTEL_DEMO: 'false',
    PLANTINTEL_SIMULATOR: 'false',
    MQTT_URL: broker,
    MQTT_CLIENT_ID: unique('plantintel-bench-'),
    MQTT_SHARE_GROUP: unique('bench'),
  });
  progress(`${driver}: starting the server`);
  const server = await startServer(config, { handleSignals: false, announce: () => {} });
  const results = [];
  try {
    const label = unique('mqttbench');
    const tenant = await createTestTenant(server.database.db, label);
    const login = await api(
      server,
      'POST',
      '/auth/login',
      {},
      { email: tenant.users.admin.email, password: TEST_PASSWORD },
    );
    const admin = { authorization: `Bearer ${login.accessToken}` };
    const { mqttTopicKey } = await api(server, 'PATCH', '/plant-ops/telemetry/settings', admin, {
      mqtt: 'rotate',
    });
    progress(`${driver}: creating ${options.sensors} sensors`);
    const keys = Array.from({ length: options.sensors }, (_, i) => `M-${String(i).padStart(5, '0')}`);
    for (const key of keys) {
      await api(server, 'POST', '/plant-ops/sensors', admin, {
        facilityId: tenant.facilityId,
        key,
        name: `MQTT bench ${key}`,
        type: 'temperature',
        unit: '°C',
      });
    }
    for (let wait = 0; (await metric(server, 'mqtt_bridge_connected', '')) !== 1; wait++) {
      if (wait > 100) throw new Error(`the bridge did not connect to ${broker}`);
      await sleep(100);
    }
    const perSensor = options.readings / options.sensors;
    let stored = 0;
    for (const [run, qos] of options.qos.entries()) {
      // Each run's timestamps of their own (no duplicates), within the last few hours.
      const base = Date.now() - (run + 1) * 3 * 3600_000;
      const jobs = (prefix: string) =>
        Array.from({ length: options.publishers }, (_, p): PublisherJob => {
          const share = options.sensors / options.publishers;
          return {
            url: broker,
            qos,
            topics: keys.slice(p * share, (p + 1) * share).map((k) => `${prefix}/F1/${k}`),
            perSensor,
            perMessage: options.perMessage,
            base,
            clientId: unique('bench-pub-'),
          };
        });
      progress(
        `${driver}: QoS ${qos}, ${options.publishers} publishers, ${options.readings} readings: baseline`,
      );
      const baseline = await baselineRun(
        broker,
        jobs(`bench/${unique('b')}`),
        options.readings / options.perMessage,
      );
      progress(`${driver}: QoS ${qos}: PlantIntel`);
      const publishers = await startPublishers(jobs(`plantintel/${mqttTopicKey}`));
      const batchesBefore = await metric(server, 'mqtt_batches_total', 'result="committed"');
      const start = publishers.go();
      const expected = stored + options.readings;
      let last = { n: stored, at: performance.now() };
      for (;;) {
        const [row] = await queryRows<{ n: number }>(
          server.database.db,
          sql`select count(*)::int as n from readings`,
        );
        const n = row?.n ?? 0;
        const now = performance.now();
        if (n !== last.n) last = { n, at: now };
        if (n >= expected || (publishers.sentAt && now - Math.max(last.at, publishers.sentAt) > STALL_MS))
          break;
        await sleep(200);
      }
      await publishers.done;
      const seconds = (last.at - start) / 1000;
      const arrived = last.n - stored;
      stored = last.n;
      const batches = (await metric(server, 'mqtt_batches_total', 'result="committed"')) - batchesBefore;
      const readingsPerSecond = Math.round(arrived / seconds);
      results.push({
        driver,
        qos,
        publishers: options.publishers,
        readings: options.readings,
        perMessage: options.perMessage,
        stored: arrived,
        lost: options.readings - arrived,
        seconds: Math.round(seconds * 100) / 100,
        sendSeconds: Math.round((publishers.sentAt - start) / 10) / 100,
        readingsPerSecond,
        batches,
        readingsPerBatch: batches ? Math.round(arrived / batches) : 0,
        baselineReadingsPerSecond: baseline,
        ofBaseline: Math.round((readingsPerSecond / baseline) * 100) / 100,
      });
    }
  } finally {
    await server.stop();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}

async function main() {
  const options = counts();
  const broker = await startBroker();
  progress(`broker: ${broker.label}`);
  const results = [];
  try {
    for (const driver of options.drivers) results.push(...(await runDriver(driver, options, broker.url)));
  } finally {
    await broker.stop();
  }
  if (options.asJson) {
    console.log(
      JSON.stringify(
        {
          goalReadingsPerSecond: GOAL_READINGS_PER_SECOND,
          broker: broker.label,
          cpus: availableParallelism(),
          results,
        },
        null,
        2,
      ),
    );
    return;
  }
  console.log(
    `\nMQTT → ${broker.label} → bridge → ingest; ${options.sensors} sensors, ${options.perMessage} reading(s) per message, ${availableParallelism()} CPUs (goal ≥ ${GOAL_READINGS_PER_SECOND} readings/s)`,
  );
  console.log(
    'driver    QoS  publishers  readings  stored    lost  send s  commit s  readings/s  baseline/s  ÷ baseline  batches  per batch',
  );
  for (const r of results) {
    console.log(
      [
        r.driver.padEnd(8),
        String(r.qos).padStart(3),
        String(r.publishers).padStart(10),
        String(r.readings).padStart(8),
        String(r.stored).padStart(6),
        String(r.lost).padStart(5),
        r.sendSeconds.toFixed(2).padStart(6),
        r.seconds.toFixed(2).padStart(8),
        String(r.readingsPerSecond).padStart(10),
        String(r.baselineReadingsPerSecond).padStart(10),
        r.ofBaseline.toFixed(2).padStart(10),
        String(r.batches).padStart(7),
        String(r.readingsPerBatch).padStart(9),
        r.readingsPerSecond >= GOAL_READINGS_PER_SECOND ? 'goal met' : 'below goal',
      ].join('  '),
    );
  }
}

await main();
