// MQTT payload fuzzing against the real Mosquitto (127.0.0.1:1883): junk is published on the topics
// the telemetry bridge subscribes to (plantintel/<topic key>/<facility>/<sensor>) — random bytes,
// JSON of the wrong shape, non-finite and huge numbers, too many readings, a megabyte payload, odd
// topics — with this run's own topic key, client ids and share group, so parallel tests never see
// each other's messages as their own. After each batch every message is counted (ingested or
// dropped with a reason), a valid reading is still stored (the bridge survived) and the API answers.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import type { MqttClient } from 'mqtt';
import {
  bridgeReady,
  connectClient,
  createMqttKit,
  MOSQUITTO_URL,
  type MqttKit,
  requireBroker,
  unique,
} from '../../src/modules/telemetry/mqtt/testing.ts';
import { eventually } from '../../src/platform/jobs/testing.ts';
import { FUZZ_SEED, fuzzRuns, untilDeadline } from './fuzz-support.ts';

const RUNS = fuzzRuns(4);
let kit: MqttKit;
let publisher: MqttClient;
let sensorId: string;
let valid = 0;

before(async () => {
  await requireBroker();
  kit = await createMqttKit(unique('fuzzmqtt'), {
    MQTT_URL: MOSQUITTO_URL,
    MQTT_CLIENT_ID: unique('plantintel-fuzz-'),
    MQTT_SHARE_GROUP: unique('fuzz'),
  });
  await bridgeReady(kit);
  publisher = await connectClient(MOSQUITTO_URL, { protocolVersion: 5 });
  sensorId = await kit.newSensor('FZ-MQ');
});
after(async () => {
  await publisher?.endAsync();
  await kit?.close();
});

const recent = () => Date.now() - 3600_000;
const payload = fc.oneof(
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
  fc.string({ maxLength: 60 }).map((s) => Buffer.from(s)),
  fc.jsonValue({ maxDepth: 3 }).map((v) => Buffer.from(JSON.stringify(v) ?? 'null')),
  fc
    .record({
      ts: fc.oneof(fc.integer(), fc.string({ maxLength: 30 }), fc.constant(null)),
      value: fc.jsonValue({ maxDepth: 1 }),
    })
    .map((r) => Buffer.from(JSON.stringify(r))),
  fc
    .constantFrom(
      '',
      '[]',
      '{}',
      'null',
      '1e400',
      '-1e400',
      'NaN',
      '{"value":1e400}',
      '{"value":"1.5"}',
      '{"value":"abc"}',
      '{"ts":"not a time","value":1}',
      '{"ts":-99999999999999999,"value":1}',
      '{"ts":"9999-12-31T23:59:59Z","value":1}',
      '[{"value":1},{"value":"x"},7,null]',
      '{"__proto__":{"polluted":true},"value":1}',
      `[${'{"value":1},'.repeat(20_000)}{"value":1}]`,
      `{"value":1,"pad":"${'x'.repeat(1_000_000)}"}`,
      `${'['.repeat(5000)}${']'.repeat(5000)}`,
      '\u0000\u0000',
    )
    .map((s) => Buffer.from(s)),
);

/** Topics: this run's own key with good and junk facilities and sensors, or not a reading topic. */
const topic = (topicKey: string) =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(`plantintel/${topicKey}/F1/FZ-MQ`, `plantintel/${topicKey}/F1/FZ-NEW`),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom('F1', 'NOPE', 'é', 'x'.repeat(500)),
          fc.oneof(
            fc.constantFrom('FZ-MQ', 'a b', '..', 'x'.repeat(1000)),
            fc.stringMatching(/^[\w .:;,é~-]{1,20}$/),
          ),
        )
        .map(([facility, sensor]) => `plantintel/${topicKey}/${facility}/${sensor}`),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        `plantintel/${topicKey}//FZ-MQ`,
        `plantintel/${topicKey}/F1/`,
        `plantintel/${unique('nokey')}/F1/FZ-MQ`,
        `plantintel/${topicKey}/F1/FZ-MQ/extra`,
        `plantintel/${topicKey}/F1`,
        `fuzz/${topicKey}/F1/FZ-MQ`,
      ),
    },
  );

/** Whether the bridge's subscription (plantintel/+/+/+) receives a message on `name`. */
const delivered = (name: string) => {
  const levels = name.split('/');
  return levels.length === 4 && levels[0] === 'plantintel';
};

async function bridgeMessages(): Promise<number> {
  const res = await kit.t.app.inject({ method: 'GET', url: '/metrics' });
  let sum = 0;
  for (const line of res.body.split('\n'))
    if (line.startsWith('mqtt_messages_total{') && line.includes('source="bridge"'))
      sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  return sum;
}

/** After the junk: a valid reading is stored and the API answers. */
async function stillWorks() {
  valid += 1;
  await publisher.publishAsync(kit.topic('FZ-MQ'), JSON.stringify({ ts: recent() + valid, value: 42 }), {
    qos: 1,
  });
  await kit.waitForReadings(sensorId, valid, 60_000);
  const res = await kit.t.app.inject({ url: '/api/v1/plant-ops/sensors', headers: kit.admin.headers });
  assert.equal(res.statusCode, 200, res.body);
}

test('junk MQTT messages are counted and dropped; the bridge keeps storing valid readings', async (ctx) => {
  await stillWorks(); // the valid reading is the baseline count of FZ-MQ
  let published = 0;
  const rounds = await untilDeadline(async (seed) => {
    await fc.check(
      fc.asyncProperty(
        fc.array(fc.tuple(topic(kit.topicKey), payload, fc.constantFrom(0, 1)), {
          minLength: 1,
          maxLength: 8,
        }),
        async (messages) => {
          // Counted from the first message on: the share group is this run's, but a message from
          // another test's publisher on the same broker may be counted as well, never fewer.
          const start = await bridgeMessages();
          let expected = 0;
          for (const [name, body, qos] of messages) {
            await publisher.publishAsync(name, body, { qos: qos as 0 | 1 });
            if (delivered(name)) expected += 1;
          }
          published += messages.length;
          await eventually(
            async () => ((await bridgeMessages()) - start >= expected ? true : undefined),
            `the bridge to count ${expected} messages`,
            60_000,
          );
          // The junk may have stored readings of FZ-MQ (a junk value that was a number): recount.
          valid = await kit.count(sensorId);
          await stillWorks();
          return true;
        },
      ),
      { seed, numRuns: RUNS, endOnFailure: true },
    );
  });
  ctx.diagnostic(`seed ${FUZZ_SEED}, ${rounds} round(s) × ${RUNS} batches, ${published} messages published`);
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype was polluted');
  assert.equal(await kit.metric('mqtt_bridge_connected'), 1);
});
