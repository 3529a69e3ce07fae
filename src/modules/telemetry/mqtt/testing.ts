// Shared set-up of the MQTT tests: the real Mosquitto (CI starts one on 127.0.0.1:1883), an app with
// its own MQTT settings, a tenant with a fresh topic key and sensors, and probes on the database
// and on /metrics. Every run uses its own topic keys, client ids and share group, so test files
// running at the same time, or a bridge left over from another run, never see each other's messages.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { queryRows } from '../../../platform/db/database.ts';
import { createTestApp, type TestApp } from '../../../platform/http/testing.ts';
import { eventually } from '../../../platform/jobs/testing.ts';
import { createTestTenant, signIn, type TestSession, type TestTenant } from '../../identity/testing.ts';

export const MOSQUITTO_URL = 'mqtt://127.0.0.1:1883';
export const unique = (prefix: string) => `${prefix}${randomBytes(6).toString('hex')}`;

/** Fails with a clear message when no broker answers at `url`. */
export async function requireBroker(url = MOSQUITTO_URL): Promise<void> {
  const client = mqtt.connect(url, { reconnectPeriod: 0, connectTimeout: 5000, clientId: unique('probe-') });
  try {
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('error', reject);
      client.once('close', () => reject(new Error('connection closed')));
    });
  } catch (err) {
    throw new Error(
      `No MQTT broker at ${url} (${(err as Error).message}). These tests need Mosquitto there: CI starts it; locally run "mosquitto -d" (Debian package mosquitto).`,
    );
  } finally {
    await client.endAsync(true);
  }
}

/** A connected MQTT client; rejects (instead of retrying) when the broker refuses it. */
export async function connectClient(url: string, options: IClientOptions = {}): Promise<MqttClient> {
  const client = mqtt.connect(url, {
    reconnectPeriod: 0,
    connectTimeout: 5000,
    clientId: unique('dev-'),
    ...options,
  });
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('error', (err) => {
      client.end(true);
      reject(err);
    });
  });
  return client;
}

export { freePort } from '../../../platform/free-port.ts';

export interface MqttKit {
  t: TestApp;
  tenant: TestTenant;
  admin: TestSession;
  topicKey: string;
  /** plantintel/<topic key>/F1/<sensor key> */
  topic(sensorKey: string, facilityCode?: string): string;
  newSensor(key: string): Promise<string>;
  /** Readings stored for the sensor. */
  count(sensorId: string): Promise<number>;
  /** Waits until the sensor has `n` readings (fails after the timeout, naming what was missing). */
  waitForReadings(sensorId: string, n: number, timeoutMs?: number): Promise<void>;
  /** The value of a metric line on GET /metrics (0 when absent). */
  metric(name: string, labels?: Record<string, string>): Promise<number>;
  close(): Promise<void>;
}

/** An app with `env` (its MQTT settings), a tenant with facility F1 and a fresh MQTT topic key. */
export async function createMqttKit(slug: string, env: Record<string, string>): Promise<MqttKit> {
  const t = await createTestApp({ env });
  try {
    const tenant = await createTestTenant(t.database.db, slug);
    const admin = await signIn(t.app, tenant.users.admin.email);
    const topicKey = await rotateTopicKey(t, admin);
    const kit: MqttKit = {
      t,
      tenant,
      admin,
      topicKey,
      topic: (sensorKey, facilityCode = 'F1') => `plantintel/${topicKey}/${facilityCode}/${sensorKey}`,
      async newSensor(key) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/plant-ops/sensors',
          headers: admin.headers,
          payload: {
            facilityId: tenant.facilityId,
            key,
            name: `Sensor ${key}`,
            type: 'temperature',
            unit: '°C',
          },
        });
        assert.equal(res.statusCode, 201, res.body);
        return res.json().id as string;
      },
      async count(sensorId) {
        const [row] = await queryRows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from readings where sensor_id = ${sensorId}`,
        );
        return row?.n ?? 0;
      },
      async waitForReadings(sensorId, n, timeoutMs = 20_000) {
        let last = -1;
        await eventually(
          async () => {
            last = await kit.count(sensorId);
            return last >= n ? true : undefined;
          },
          `${n} readings of sensor ${sensorId}`,
          timeoutMs,
        ).catch((err: Error) => {
          throw new Error(`${err.message} (found ${last})`);
        });
      },
      async metric(name, labels = {}) {
        const res = await t.app.inject({ method: 'GET', url: '/metrics' });
        assert.equal(res.statusCode, 200);
        const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
        for (const line of res.body.split('\n')) {
          if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
          if (wanted.every((w) => line.includes(w))) return Number(line.slice(line.lastIndexOf(' ') + 1));
        }
        return 0;
      },
      close: () => t.close(),
    };
    return kit;
  } catch (err) {
    await t.close();
    throw err;
  }
}

export async function rotateTopicKey(t: TestApp, admin: TestSession): Promise<string> {
  const res = await t.app.inject({
    method: 'PATCH',
    url: '/api/v1/plant-ops/telemetry/settings',
    headers: admin.headers,
    payload: { mqtt: 'rotate' },
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().mqttTopicKey as string;
}

/** Waits until the bridge of the kit's app has subscribed. */
export function bridgeReady(kit: MqttKit, timeoutMs = 20_000) {
  return eventually(
    async () => ((await kit.metric('mqtt_bridge_connected')) === 1 ? true : undefined),
    'the MQTT bridge to subscribe',
    timeoutMs,
  );
}
