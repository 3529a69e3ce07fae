// The MQTT broker restarted while devices publish: a Mosquitto of this test's own (persistence on, so
// sessions survive its restart) on a free port. A device publishes QoS 1 readings before the restart,
// while the broker is down (its client keeps them and sends them on reconnect) and right after it came
// back, before the bridge has reconnected (the broker queues them in the bridge's persistent session:
// clean start off, a session expiry, a stable client id). Every acknowledged reading is stored once.
//
// The bridge subscribes plainly here (MQTT_SHARE_GROUP empty). Mosquitto 2.0 does not restore a
// session's shared subscriptions ($share/…) from its persistence file: after a restart, until the
// bridge subscribes again, it answers the devices' QoS 1 publishes with PUBACK reason 16 "no matching
// subscribers" and drops them (seen in its log). A plain subscription is restored with the session.
// The README says which to choose.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import mqtt from 'mqtt';
import {
  bridgeReady,
  createMqttKit,
  requireBroker,
  unique,
} from '../../src/modules/telemetry/mqtt/testing.ts';
import { queryRows } from '../../src/platform/db/database.ts';
import { cleanupList, eventually, freePort } from './processes.ts';

const binary = ['/usr/sbin/mosquitto', '/usr/bin/mosquitto'].find((p) => existsSync(p)) ?? 'mosquitto';
const unavailable = spawnSync(binary, ['-h']).error
  ? 'no mosquitto binary (Debian package mosquitto)'
  : false;
const cleanup = cleanupList();
const PER_PHASE = 15;

/** `promise`, or a failure naming `what` after `ms`. */
function within<T>(promise: Promise<T>, what: string, ms = 60_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe('MQTT broker restarted while devices publish', { skip: unavailable }, () => {
  test('the bridge reconnects to its session and every acknowledged QoS 1 reading is stored once', async () => {
    const dir = cleanup.tempDir('plantintel-mqttfault-');
    const port = await freePort();
    const url = `mqtt://127.0.0.1:${port}`;
    const conf = join(dir, 'mosquitto.conf');
    writeFileSync(
      conf,
      [
        `listener ${port} 127.0.0.1`,
        'allow_anonymous true',
        'persistence true',
        `persistence_location ${dir}/`,
        // Started as root, Mosquitto drops to the `mosquitto` user, which may not write this test's
        // private directory: it would lose its persistence file (sessions and their queued messages)
        // at the restart with only "Permission denied" in its log. Run as root, it stays root.
        ...(process.getuid?.() === 0 ? ['user root'] : []),
        `log_dest file ${join(dir, 'mosquitto.log')}`,
        'log_type all',
      ].join('\n'),
    );
    let broker: ChildProcess | undefined;
    const startBroker = async () => {
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
        30_000,
      );
    };
    // SIGTERM: Mosquitto writes its persistence file (the sessions and their queued messages) and exits.
    const stopBroker = async () => {
      const child = broker;
      broker = undefined;
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await within(exited, 'mosquitto to exit');
    };
    cleanup.add(stopBroker);
    await startBroker();

    const kit = await createMqttKit(unique('mqttfault'), {
      MQTT_URL: url,
      MQTT_CLIENT_ID: unique('plantintel-fault-'),
      MQTT_SHARE_GROUP: '',
    });
    cleanup.add(() => kit.close());
    await bridgeReady(kit, 40_000);
    const sensorId = await kit.newSensor('MF-1');

    // A device with a session of its own: QoS 1 publishes made while offline wait in its store.
    const device = mqtt.connect(url, {
      clientId: unique('device-'),
      clean: false,
      protocolVersion: 5,
      properties: { sessionExpiryInterval: 600 },
      reconnectPeriod: 250,
      connectTimeout: 5000,
    });
    cleanup.add(() => device.endAsync(true));
    device.on('error', () => {});
    await eventually(async () => (device.connected ? true : undefined), 'the device to connect', 30_000);

    const base = Date.now() - 3600_000;
    let n = 0;
    const acknowledged: number[] = [];
    const publish = () => {
      const ts = base + 1000 * n++;
      return device
        .publishAsync(kit.topic('MF-1'), JSON.stringify({ ts, value: n }), { qos: 1 })
        .then(() => acknowledged.push(ts));
    };
    const burst = () => Array.from({ length: PER_PHASE }, publish);

    await within(Promise.all(burst()), 'the first readings to be acknowledged');
    await kit.waitForReadings(sensorId, PER_PHASE, 60_000);

    await stopBroker();
    await eventually(
      async () => ((await kit.metric('mqtt_bridge_connected')) === 0 ? true : undefined),
      'the bridge to notice the broker is gone',
      30_000,
    );
    const offline = burst();
    await startBroker();
    // Right after the restart, likely before the bridge is back: queued in its session at the broker.
    await eventually(async () => (device.connected ? true : undefined), 'the device to reconnect', 30_000);
    const after = burst();
    await within(Promise.all([...offline, ...after]), `the acknowledgements (${acknowledged.length} so far)`);
    await bridgeReady(kit, 60_000);

    assert.equal(acknowledged.length, 3 * PER_PHASE, 'the broker acknowledged every reading');
    // Short of the count, the comparison below names the readings missing.
    await kit.waitForReadings(sensorId, acknowledged.length, 150_000).catch(() => {});
    const rows = await queryRows<{ ts: Date }>(
      kit.t.database.db,
      sql`select ts from readings where sensor_id = ${sensorId} order by ts`,
    );
    const stored = rows.map((r) => new Date(r.ts).getTime() - base);
    assert.deepEqual(
      stored,
      acknowledged.map((ts) => ts - base).sort((a, b) => a - b),
      `each acknowledged reading exactly once; Mosquitto's log:\n${readFileSync(join(dir, 'mosquitto.log'), 'utf8').slice(-6000)}`,
    );
  });
});
