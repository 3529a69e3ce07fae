import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eventually } from '../../../platform/jobs/testing.ts';
import {
  bridgeReady,
  connectClient,
  createMqttKit,
  freePort,
  type MqttKit,
  requireBroker,
  unique,
} from './testing.ts';

// The bridge survives a broker restart: a Mosquitto of this test's own (the shared one on 1883 is
// not ours to stop) goes down and comes back on the same port; the bridge reconnects by itself and
// readings flow again. Needs the mosquitto binary (Debian package mosquitto), as CI has.

const binary = ['/usr/sbin/mosquitto', '/usr/bin/mosquitto'].find((p) => existsSync(p)) ?? 'mosquitto';
const available = !spawnSync(binary, ['-h']).error;
const dir = mkdtempSync(join(tmpdir(), 'plantintel-mosquitto-'));
let port: number;
let url: string;
let broker: ChildProcess | undefined;
let kit: MqttKit;
const base = Date.now() - 3600_000;
/** The bridge's receive maximum here: a bridge that did not acknowledge would stall after as many. */
const MAX_INFLIGHT = 5;

async function startMosquitto() {
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(
    conf,
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous true',
      'persistence true',
      `persistence_location ${dir}/`,
    ].join('\n'),
  );
  const child = spawn(binary, ['-c', conf], { stdio: 'ignore' });
  broker = child;
  await eventually(
    () =>
      requireBroker(url).then(
        () => true,
        () => {
          if (child.exitCode !== null) throw new Error(`mosquitto exited with code ${child.exitCode}`);
          return undefined;
        },
      ),
    `mosquitto on port ${port}`,
  );
}

async function stopMosquitto() {
  const child = broker;
  broker = undefined;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

describe('MQTT bridge across a broker restart', { skip: available ? false : 'no mosquitto binary' }, () => {
  before(async () => {
    port = await freePort();
    url = `mqtt://127.0.0.1:${port}`;
    await startMosquitto();
    kit = await createMqttKit(unique('mqttrestart'), {
      MQTT_URL: url,
      MQTT_CLIENT_ID: unique('plantintel-test-'),
      MQTT_RECEIVE_MAXIMUM: String(MAX_INFLIGHT),
    });
    await bridgeReady(kit);
  });
  after(async () => {
    await kit?.close();
    await stopMosquitto();
    rmSync(dir, { recursive: true, force: true });
  });

  test('QoS 1 messages are acknowledged once committed: with 5 unacknowledged at most, all 100 arrive', async () => {
    const id = await kit.newSensor('ACK-1');
    const client = await connectClient(url, { protocolVersion: 5 });
    try {
      const n = 20 * MAX_INFLIGHT;
      await Promise.all(
        Array.from({ length: n }, (_, i) =>
          client.publishAsync(kit.topic('ACK-1'), JSON.stringify({ ts: base + i, value: i }), { qos: 1 }),
        ),
      );
      // The broker sends the bridge the next messages only as it acknowledges the ones before.
      await kit.waitForReadings(id, n, 60_000);
      assert.equal(await kit.count(id), n);
    } finally {
      await client.endAsync();
    }
  });

  test('the bridge reconnects after the broker restarted, and readings flow again', async () => {
    const id = await kit.newSensor('RS-1');
    const publish = async (ts: number) => {
      const client = await connectClient(url, { protocolVersion: 5 });
      await client.publishAsync(kit.topic('RS-1'), JSON.stringify({ ts, value: 1 }), { qos: 1 });
      await client.endAsync();
    };
    await publish(base);
    await kit.waitForReadings(id, 1);

    await stopMosquitto();
    await eventually(
      async () => ((await kit.metric('mqtt_bridge_connected')) === 0 ? true : undefined),
      'the bridge to notice the broker is gone',
    );
    await startMosquitto();
    await bridgeReady(kit, 40_000);
    await publish(base + 1000);
    await kit.waitForReadings(id, 2);
    assert.equal(await kit.count(id), 2);
  });
});

describe('MQTT bridge without a broker', () => {
  test('the server starts and stops while the broker is unreachable', async () => {
    const nobody = `mqtt://127.0.0.1:${await freePort()}`;
    const lonely = await createMqttKit(unique('mqttnobroker'), {
      MQTT_URL: nobody,
      MQTT_CLIENT_ID: unique('plantintel-test-'),
    });
    try {
      assert.equal(await lonely.metric('mqtt_bridge_connected'), 0);
      const res = await lonely.t.app.inject({ method: 'GET', url: '/health' });
      assert.equal(res.statusCode, 200);
    } finally {
      const closing = Date.now();
      await lonely.close();
      assert.ok(Date.now() - closing < 5000, `closing took ${Date.now() - closing} ms`);
    }
  });
});
