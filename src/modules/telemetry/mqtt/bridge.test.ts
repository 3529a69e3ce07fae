import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import type { MqttClient } from 'mqtt';
import { queryRows } from '../../../platform/db/database.ts';
import { eventually } from '../../../platform/jobs/testing.ts';
import {
  bridgeReady,
  connectClient,
  createMqttKit,
  MOSQUITTO_URL,
  type MqttKit,
  requireBroker,
  unique,
} from './testing.ts';

// The bridge against the real Mosquitto: messages published by an MQTT client and by the
// mosquitto_pub CLI end up as readings; malformed ones are counted and dropped while the bridge
// keeps working; QoS 1 messages whose batch failed are not acknowledged, and the broker's
// redelivery (after the bridge reconnects) stores them.

const run = promisify(execFile);
let kit: MqttKit;
let publisher: MqttClient;
const base = Date.now() - 3600_000;

describe('MQTT bridge (Mosquitto at 127.0.0.1:1883)', () => {
  before(async () => {
    await requireBroker();
    kit = await createMqttKit(unique('mqttbridge'), {
      MQTT_URL: MOSQUITTO_URL,
      MQTT_CLIENT_ID: unique('plantintel-test-'),
      MQTT_SHARE_GROUP: unique('test'),
    });
    await bridgeReady(kit);
    publisher = await connectClient(MOSQUITTO_URL, { protocolVersion: 5 });
  });
  after(async () => {
    await publisher?.endAsync();
    await kit?.close();
  });

  test('readings published with an MQTT client arrive: one object, an array, a bare number', async () => {
    const id = await kit.newSensor('MQ-1');
    await publisher.publishAsync(kit.topic('MQ-1'), JSON.stringify({ ts: base, value: 1.5 }));
    await publisher.publishAsync(
      kit.topic('MQ-1'),
      JSON.stringify([
        { ts: base + 1000, value: 2 },
        { ts: new Date(base + 2000).toISOString(), value: 3 },
      ]),
    );
    await publisher.publishAsync(kit.topic('MQ-1'), '4.5');
    await kit.waitForReadings(id, 4);
    assert.equal(await kit.metric('mqtt_readings_total', { result: 'accepted' }), 4);
  });

  test('mosquitto_pub (the CLI) publishes readings, at QoS 0 and 1', async () => {
    const id = await kit.newSensor('MQ-CLI');
    const [host, port] = ['127.0.0.1', '1883'];
    for (const [qos, ts] of [
      ['0', base],
      ['1', base + 1000],
    ] as const) {
      await run('mosquitto_pub', [
        ...['-h', host, '-p', port, '-V', 'mqttv5', '-q', qos],
        ...['-t', kit.topic('MQ-CLI'), '-m', JSON.stringify({ ts, value: 20 + Number(qos) })],
      ]);
    }
    await kit.waitForReadings(id, 2);
  });

  test('malformed messages are counted and dropped; the bridge goes on working', async () => {
    const id = await kit.newSensor('MQ-OK');
    const bad: [string, string, string][] = [
      ['bad_json', kit.topic('MQ-OK'), '{"value": '],
      ['bad_shape', kit.topic('MQ-OK'), '{"value": {"nested": 1}}'],
      ['bad_shape', kit.topic('MQ-OK'), '[]'],
      ['bad_shape', kit.topic('MQ-OK'), '"text"'],
      ['unknown_topic_key', `plantintel/${unique('nokey')}/F1/MQ-OK`, '{"value": 1}'],
      ['unknown_facility', kit.topic('MQ-OK', 'NOPE'), '{"value": 1}'],
    ];
    for (const [, topic, payload] of bad) await publisher.publishAsync(topic, payload, { qos: 1 });
    await publisher.publishAsync(kit.topic('MQ-OK'), JSON.stringify({ ts: base, value: 7 }), { qos: 1 });
    await kit.waitForReadings(id, 1);
    const expected: Record<string, number> = {};
    for (const [reason] of bad) expected[reason] = (expected[reason] ?? 0) + 1;
    await eventually(
      async () => {
        for (const [reason, n] of Object.entries(expected)) {
          if ((await kit.metric('mqtt_messages_total', { source: 'bridge', outcome: reason })) !== n)
            return undefined;
        }
        return true;
      },
      `drop counts ${JSON.stringify(expected)}`,
    );
    // Readings ingest refuses (unknown sensor, not a number) are counted as rejected readings.
    await publisher.publishAsync(kit.topic('MQ-NONE'), JSON.stringify({ ts: base, value: 1 }), { qos: 1 });
    await publisher.publishAsync(kit.topic('MQ-OK'), JSON.stringify({ ts: base + 1, value: null }), {
      qos: 1,
    });
    await eventually(
      async () => ((await kit.metric('mqtt_readings_total', { result: 'rejected' })) >= 2 ? true : undefined),
      'two rejected readings',
    );
    assert.equal(await kit.count(id), 1);
  });

  test('QoS 1 end to end: many messages, each stored exactly once', async () => {
    const id = await kit.newSensor('MQ-Q1');
    const n = 2000;
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        publisher.publishAsync(kit.topic('MQ-Q1'), JSON.stringify({ ts: base + i, value: i }), { qos: 1 }),
      ),
    );
    await kit.waitForReadings(id, n);
    assert.equal(await kit.count(id), n);
  });

  test('a QoS 1 message whose batch failed is not acknowledged: redelivered, then stored', async () => {
    const id = await kit.newSensor('MQ-FAIL');
    const db = kit.t.database.db;
    // A real failure in the batch's transaction: the sensor's state row refuses updates for now.
    await db.execute(sql`create or replace function mqtt_test_fail() returns trigger language plpgsql as
      $$ begin raise exception 'mqtt test: refused'; end $$`);
    await db.execute(
      sql.raw(`create trigger mqtt_test_fail before update on sensor_state for each row
        when (old.sensor_id = '${id}') execute function mqtt_test_fail()`),
    );
    const failedBefore = await kit.metric('mqtt_batches_total', { result: 'failed' });
    try {
      await publisher.publishAsync(kit.topic('MQ-FAIL'), JSON.stringify({ ts: base, value: 42 }), { qos: 1 });
      await eventually(
        async () =>
          (await kit.metric('mqtt_batches_total', { result: 'failed' })) > failedBefore ? true : undefined,
        'the batch to fail',
      );
      assert.equal(await kit.count(id), 0);
    } finally {
      await db.execute(sql`drop trigger if exists mqtt_test_fail on sensor_state`);
    }
    // Not acknowledged: the bridge reconnects and Mosquitto sends the message again.
    await kit.waitForReadings(id, 1, 30_000);
    await bridgeReady(kit);
    assert.equal(await kit.count(id), 1);
  });

  test('a message that fails on its own is isolated: the rest of its batch commits, it is dropped in the end', async () => {
    const good = await kit.newSensor('MQ-GOOD');
    const poison = await kit.newSensor('MQ-POISON');
    const db = kit.t.database.db;
    await db.execute(sql`create or replace function mqtt_test_poison() returns trigger language plpgsql as
      $$ begin raise exception 'mqtt test: this sensor refuses every reading'; end $$`);
    await db.execute(
      sql.raw(`create trigger mqtt_test_poison before update on sensor_state for each row
        when (old.sensor_id = '${poison}') execute function mqtt_test_poison()`),
    );
    try {
      // One batch: readings of a good sensor around one the database refuses.
      await Promise.all([
        ...[0, 1, 2].map((i) =>
          publisher.publishAsync(kit.topic('MQ-GOOD'), JSON.stringify({ ts: base + i, value: i }), {
            qos: 1,
          }),
        ),
        publisher.publishAsync(kit.topic('MQ-POISON'), JSON.stringify({ ts: base, value: 1 }), { qos: 1 }),
        ...[3, 4].map((i) =>
          publisher.publishAsync(kit.topic('MQ-GOOD'), JSON.stringify({ ts: base + i, value: i }), {
            qos: 1,
          }),
        ),
      ]);
      await kit.waitForReadings(good, 5);
      // Redelivered and failing alone until it is given up (and acknowledged, so it stops coming).
      await eventually(
        async () =>
          (await kit.metric('mqtt_messages_total', { source: 'bridge', outcome: 'ingest_failed' })) === 1
            ? true
            : undefined,
        'the poison message to be dropped',
        40_000,
      );
      assert.equal(await kit.count(poison), 0);
      assert.equal(await kit.count(good), 5);
    } finally {
      await db.execute(sql`drop trigger if exists mqtt_test_poison on sensor_state`);
    }
    await bridgeReady(kit);
    await publisher.publishAsync(kit.topic('MQ-GOOD'), JSON.stringify({ ts: base + 5, value: 5 }), {
      qos: 1,
    });
    await kit.waitForReadings(good, 6);
  });

  test("with the tenant's autoCreateSensors on, unknown sensor keys get a sensor", async () => {
    const setting = (autoCreateSensors: boolean) =>
      kit.t.app.inject({
        method: 'PATCH',
        url: '/api/v1/plant-ops/telemetry/settings',
        headers: kit.admin.headers,
        payload: { autoCreateSensors },
      });
    assert.equal((await setting(true)).statusCode, 200);
    try {
      // The setting is cached for up to 5 s: publish until the sensor exists.
      let ts = base;
      const sensorId = await eventually(async () => {
        await publisher.publishAsync(kit.topic('MQ-NEW.1'), JSON.stringify({ ts: ts++, value: 1 }), {
          qos: 1,
        });
        const [row] = await queryRows<{ id: string }>(
          kit.t.database.db,
          sql`select id from sensors where key = 'MQ-NEW.1' and facility_id = ${kit.tenant.facilityId}`,
        );
        return row?.id;
      }, 'the sensor MQ-NEW.1 to be created');
      await kit.waitForReadings(sensorId, 1);
      assert.ok((await kit.metric('mqtt_sensors_created_total')) >= 1);
      // A key the sensors API would refuse creates nothing; its readings are rejected as unknown.
      const rejectedBefore = await kit.metric('mqtt_readings_total', { result: 'rejected' });
      await publisher.publishAsync(kit.topic('bad key!'), JSON.stringify({ ts: base, value: 1 }), { qos: 1 });
      await eventually(
        async () =>
          (await kit.metric('mqtt_readings_total', { result: 'rejected' })) > rejectedBefore
            ? true
            : undefined,
        'the reading of the bad key to be rejected',
      );
      const [bad] = await queryRows<{ n: number }>(
        kit.t.database.db,
        sql`select count(*)::int as n from sensors where key = 'bad key!'`,
      );
      assert.equal(bad?.n, 0);
    } finally {
      await setting(false);
    }
  });
});
