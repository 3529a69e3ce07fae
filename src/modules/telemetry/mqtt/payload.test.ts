import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePayload, parseTopic, redactTopic } from './payload.ts';

describe('MQTT topics and payloads', () => {
  test('topics: plantintel/<key>/<facility>/<sensor>, nothing else', () => {
    assert.deepEqual(parseTopic('plantintel/k3y/F1/T-1'), {
      topicKey: 'k3y',
      facilityCode: 'F1',
      sensorKey: 'T-1',
    });
    for (const bad of [
      'plantintel/k/F1',
      'plantintel/k/F1/S/extra',
      'other/k/F1/S',
      'plantintel//F1/S',
      'plantintel/k/F1/',
    ])
      assert.equal(parseTopic(bad), null, bad);
    assert.equal(redactTopic('plantintel/secretkey/F1/S'), 'plantintel/***/F1/S');
  });

  test('payloads: an object, an array of them, or a bare number', () => {
    assert.deepEqual(parsePayload('{"ts": 1000, "value": 1.5}', 'S'), [
      { sensorKey: 'S', ts: 1000, value: 1.5 },
    ]);
    assert.deepEqual(
      parsePayload(Buffer.from('[{"value": 2}, {"ts": "2024-01-01T00:00:00Z", "value": "3"}]'), 'S'),
      [
        { sensorKey: 'S', ts: undefined, value: 2 },
        { sensorKey: 'S', ts: '2024-01-01T00:00:00Z', value: '3' },
      ],
    );
    assert.deepEqual(parsePayload('21.5', 'S'), [{ sensorKey: 'S', ts: undefined, value: 21.5 }]);
    // A null value reaches ingest, which rejects it as non-finite (counted there).
    assert.deepEqual(parsePayload('{"value": null}', 'S'), [{ sensorKey: 'S', ts: undefined, value: null }]);
  });

  test('malformed payloads name why', () => {
    assert.equal(parsePayload('{"value": ', 'S'), 'bad_json');
    assert.equal(parsePayload(Buffer.from([0xff, 0xfe]), 'S'), 'bad_json');
    for (const bad of [
      '[]',
      '"text"',
      'null',
      '{"ts": 1}',
      '{"value": {}}',
      '{"ts": true, "value": 1}',
      '[{"value": 1}, 2, "x"]',
    ])
      assert.equal(parsePayload(bad, 'S'), 'bad_shape', bad);
    assert.equal(parsePayload(JSON.stringify(new Array(50_001).fill(1)), 'S'), 'too_many_readings');
  });
});
