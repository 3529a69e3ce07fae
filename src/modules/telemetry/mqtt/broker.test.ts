import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { MqttClient } from 'mqtt';
import { eventually } from '../../../platform/jobs/testing.ts';
import { createTestTenant, signIn } from '../../identity/testing.ts';
import { connectClient, createMqttKit, freePort, type MqttKit, rotateTopicKey, unique } from './testing.ts';

// The built-in broker (MQTT_LISTEN_PORT): devices sign in with an API key of their tenant with the
// scope operate; what they publish under their tenant's prefix is stored before it is acknowledged;
// wrong keys are refused, and so is anything outside the tenant's prefix.

let kit: MqttKit;
let url: string;
let operateKey: string;
let operateKeyId: string;
let readKey: string;
let otherTopicKey: string;
let otherSensorId: string;
let otherKey: string;
const base = Date.now() - 3600_000;
const clients: MqttClient[] = [];

async function apiKey(scopes: string[]) {
  const session = await signIn(kit.t.app, kit.tenant.users.operator.email);
  const res = await kit.t.app.inject({
    method: 'POST',
    url: '/api/v1/api-keys',
    headers: session.headers,
    payload: { name: `device ${scopes.join('+')}`, scopes },
  });
  assert.equal(res.statusCode, 201, res.body);
  return { key: res.json().key as string, id: res.json().apiKey.id as string };
}

async function device(password: string, username = 'device', clientId = unique('dev-')) {
  const client = await connectClient(url, { username, password, clientId });
  clients.push(client);
  return client;
}

const closed = (client: MqttClient) =>
  new Promise<void>((resolve) => (client.connected ? client.once('close', () => resolve()) : resolve()));

describe('built-in MQTT broker', () => {
  before(async () => {
    const port = await freePort();
    url = `mqtt://127.0.0.1:${port}`;
    kit = await createMqttKit(unique('mqttbroker'), { MQTT_LISTEN_PORT: String(port) });
    ({ key: operateKey, id: operateKeyId } = await apiKey(['read', 'operate']));
    ({ key: readKey } = await apiKey(['read']));
    const other = await createTestTenant(kit.t.database.db, unique('mqttother'));
    const otherAdmin = await signIn(kit.t.app, other.users.admin.email);
    otherTopicKey = await rotateTopicKey(kit.t, otherAdmin);
    const res = await kit.t.app.inject({
      method: 'POST',
      url: '/api/v1/plant-ops/sensors',
      headers: otherAdmin.headers,
      payload: { facilityId: other.facilityId, key: 'BR-X', name: 'Theirs', type: 'temperature', unit: '°C' },
    });
    assert.equal(res.statusCode, 201, res.body);
    otherSensorId = res.json().id;
    const otherOperator = await signIn(kit.t.app, other.users.operator.email);
    const created = await kit.t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: otherOperator.headers,
      payload: { name: 'their device', scopes: ['operate'] },
    });
    assert.equal(created.statusCode, 201, created.body);
    otherKey = created.json().key;
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.endAsync(true)));
    await kit?.close();
  });

  test('a device with an operate key publishes into its tenant; QoS 1 is acknowledged once stored', async () => {
    const id = await kit.newSensor('BR-1');
    const client = await device(operateKey, 'apikey');
    await client.publishAsync(kit.topic('BR-1'), JSON.stringify({ ts: base, value: 1 }), { qos: 1 });
    // The PUBACK came after the commit: the reading is there already.
    assert.equal(await kit.count(id), 1);
    await client.publishAsync(kit.topic('BR-1'), JSON.stringify([{ ts: base + 1000, value: 2 }]), { qos: 0 });
    await kit.waitForReadings(id, 2);
    // Malformed: counted, acknowledged (never redelivered), the connection stays.
    await client.publishAsync(kit.topic('BR-1'), 'not json', { qos: 1 });
    assert.equal(await kit.metric('mqtt_messages_total', { source: 'broker', outcome: 'bad_json' }), 1);
    assert.ok(client.connected);
    assert.equal(await kit.metric('mqtt_broker_clients'), 1);
  });

  test('a wrong key, a key without operate and no key are refused', async () => {
    await assert.rejects(device('pi_thisisnotakeythisisnotakey00'), /Bad username or password/);
    await assert.rejects(device(readKey), /Not authorized/);
    await assert.rejects(device(''), /Bad username or password/);
    assert.equal(await kit.metric('mqtt_broker_refusals_total', { what: 'connect' }), 3);
  });

  test("publishing into another tenant's prefix (or outside plantintel/) is refused", async () => {
    for (const topic of [
      `plantintel/${otherTopicKey}/F1/BR-X`,
      'elsewhere/topic',
      `plantintel/${kit.topicKey}`,
    ]) {
      const client = await device(operateKey);
      const gone = closed(client);
      client.publish(topic, JSON.stringify({ ts: base, value: 9 }), { qos: 1 });
      await gone; // MQTT 3.1.1 refuses a publish by closing the connection
    }
    assert.equal(await kit.metric('mqtt_broker_refusals_total', { what: 'publish' }), 3);
    // The other tenant has a sensor BR-X in F1: nothing reached it.
    assert.equal(await kit.count(otherSensorId), 0);
  });

  test("a client id in use by another tenant's device is not taken over", async () => {
    const clientId = unique('shared-id-');
    const ours = await device(operateKey, 'apikey', clientId);
    await assert.rejects(device(otherKey, 'apikey', clientId), /Identifier rejected/);
    assert.ok(ours.connected);
    await ours.endAsync();
  });

  test("subscriptions only under the tenant's own prefix", async () => {
    const client = await device(operateKey);
    // What the SUBACK granted (mqtt.js reports a refusal, 128, as an error carrying the packet).
    const granted = (topic: string) =>
      new Promise<number | undefined>((resolve) =>
        client.subscribe(topic, { qos: 1 }, (err, grants) =>
          resolve(err ? (err as { packet?: { granted?: number[] } }).packet?.granted?.[0] : grants?.[0]?.qos),
        ),
      );
    assert.equal(await granted('plantintel/#'), 128);
    assert.equal(await granted('plantintel/+/F1/#'), 128);
    assert.equal(await granted(`plantintel/${otherTopicKey}/#`), 128);
    assert.equal(await granted('#'), 128);
    assert.equal(await granted(`plantintel/${kit.topicKey}/#`), 1);
    // What the tenant's devices publish reaches its subscribers.
    await kit.newSensor('BR-SUB');
    const received = new Promise<string>((resolve) => client.once('message', (topic) => resolve(topic)));
    const publisher = await device(operateKey);
    await publisher.publishAsync(kit.topic('BR-SUB'), JSON.stringify({ ts: base, value: 3 }), { qos: 1 });
    assert.equal(await received, kit.topic('BR-SUB'));
  });

  test('revoking the key disconnects its devices', async () => {
    const client = await device(operateKey);
    const gone = closed(client);
    const session = await signIn(kit.t.app, kit.tenant.users.operator.email);
    const res = await kit.t.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${operateKeyId}`,
      headers: session.headers,
    });
    assert.equal(res.statusCode, 204, res.body);
    await gone;
    await eventually(
      async () => ((await kit.metric('mqtt_broker_clients')) === 0 ? true : undefined),
      'no device connected',
    );
    await assert.rejects(device(operateKey), /Bad username or password/);
  });
});
