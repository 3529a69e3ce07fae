import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { telemetryTestKit } from './testing.ts';

// Sensors through the API: create, the key rule, list filters, patch, delete refused while readings
// exist and purged by an admin; chart queries raw and bucketed.

const kit = telemetryTestKit('sensors');
const hour = Math.floor((Date.now() - 5 * 3600_000) / 3600_000) * 3600_000;

describe('telemetry sensors', () => {
  test('create, key unique per facility, list filters, get, patch', async () => {
    const id = await kit.newSensor('PRESS-1', { type: 'pressure', unit: 'bar', lowerSpec: 1, upperSpec: 3 });
    const dup = await kit.call(kit.s.admin, 'POST', '/sensors', {
      facilityId: kit.acme.facilityId,
      key: 'PRESS-1',
      name: 'again',
      type: 'pressure',
    });
    assert.equal(dup.status, 409);
    const badSpec = await kit.call(kit.s.admin, 'POST', '/sensors', {
      facilityId: kit.acme.facilityId,
      key: 'PRESS-2',
      name: 'inverted',
      type: 'pressure',
      lowerSpec: 5,
      upperSpec: 1,
    });
    assert.equal(badSpec.status, 400);
    const badKey = await kit.call(kit.s.admin, 'POST', '/sensors', {
      facilityId: kit.acme.facilityId,
      key: 'has/slash',
      name: 'x',
      type: 'pressure',
    });
    assert.equal(badKey.status, 400);
    assert.equal(
      (
        await kit.call(kit.s.operator, 'POST', '/sensors', {
          facilityId: kit.acme.facilityId,
          key: 'OP',
          name: 'x',
          type: 'other',
        })
      ).status,
      403,
    );
    await kit.newSensor('TEMP-1');

    const pressure = await kit.call(kit.s.viewer, 'GET', '/sensors?type=pressure');
    assert.deepEqual(
      pressure.body.items.map((i: { sensor: { key: string } }) => i.sensor.key),
      ['PRESS-1'],
    );
    const search = await kit.call(kit.s.viewer, 'GET', '/sensors?q=temp');
    assert.equal(search.body.total, 1);
    const page = await kit.call(kit.s.viewer, 'GET', '/sensors?limit=1&offset=1');
    assert.equal(page.body.items.length, 1);

    const got = await kit.call(kit.s.viewer, 'GET', `/sensors/${id}`);
    assert.equal(got.body.sensor.detection.spec, true);
    assert.deepEqual(got.body.sensor.detection.rules, ['we1']);
    assert.equal(got.body.sensor.lastValue, null);
    const patched = await kit.call(kit.s.admin, 'PATCH', `/sensors/${id}`, {
      name: 'Line pressure',
      detection: { zscore: { enabled: false } },
    });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.name, 'Line pressure');
    assert.deepEqual(patched.body.detection.zscore, { enabled: false, window: 60, threshold: 4 });
    assert.equal((await kit.call(kit.s.admin, 'PATCH', `/sensors/${id}`, { upperSpec: 0.5 })).status, 400);
  });

  test('delete is refused while the sensor has readings, unless an admin purges them', async () => {
    const id = await kit.newSensor('DEL-1');
    await kit.bulk({ readings: [{ sensorId: id, ts: hour, value: 1 }] });
    assert.equal((await kit.call(kit.s.admin, 'DELETE', `/sensors/${id}`)).status, 409);
    const empty = await kit.newSensor('DEL-2');
    assert.equal((await kit.call(kit.s.admin, 'DELETE', `/sensors/${empty}`)).status, 204);
    assert.equal((await kit.call(kit.s.admin, 'DELETE', `/sensors/${id}?purge=true`)).status, 204);
    assert.equal((await kit.call(kit.s.viewer, 'GET', `/sensors/${id}`)).status, 404);
    // Its readings went with it: a new sensor under the same key starts empty.
    const again = await kit.newSensor('DEL-1');
    const series = await kit.call(
      kit.s.viewer,
      'GET',
      `/sensors/${again}/readings?bucket=raw&from=${new Date(hour - 1000).toISOString()}`,
    );
    assert.deepEqual(series.body.readings, []);
  });

  test('chart queries: raw pages with a cursor, fixed and auto buckets', async () => {
    const id = await kit.newSensor('CHART-1');
    // Two hours of one reading every 10 s: value = minute of the reading.
    const readings = Array.from({ length: 720 }, (_, i) => ({
      sensorId: id,
      ts: hour + i * 10_000,
      value: Math.floor(i / 6),
    }));
    const stored = await kit.bulk({ readings });
    assert.equal(stored.accepted, 720, JSON.stringify(stored.reasons));
    const from = new Date(hour).toISOString();
    const to = new Date(hour + 2 * 3600_000).toISOString();
    const raw = await kit.call(
      kit.s.viewer,
      'GET',
      `/sensors/${id}/readings?bucket=raw&from=${from}&to=${to}&limit=500`,
    );
    assert.equal(raw.body.readings.length, 500);
    const rest = await kit.call(
      kit.s.viewer,
      'GET',
      `/sensors/${id}/readings?bucket=raw&from=${from}&to=${to}&limit=500&after=${raw.body.next}`,
    );
    assert.equal(rest.body.readings.length, 220);
    assert.equal(rest.body.next, null);

    const hourly = await kit.call(
      kit.s.viewer,
      'GET',
      `/sensors/${id}/readings?bucket=1h&from=${from}&to=${to}`,
    );
    assert.equal(hourly.body.source, '1h');
    assert.deepEqual(
      hourly.body.buckets.map(
        (b: { count: number; min: number; max: number; avg: number; first: number; last: number }) => [
          b.count,
          b.min,
          b.max,
          b.avg,
          b.first,
          b.last,
        ],
      ),
      [
        [360, 0, 59, 29.5, 0, 59],
        [360, 60, 119, 89.5, 60, 119],
      ],
    );
    const auto = await kit.call(kit.s.viewer, 'GET', `/sensors/${id}/readings?from=${from}&to=${to}`);
    assert.equal(auto.body.bucket, '5s');
    assert.equal(auto.body.source, 'raw');
    assert.equal(auto.body.buckets.length, 720);
    const wide = await kit.call(
      kit.s.viewer,
      'GET',
      `/sensors/${id}/readings?from=${new Date(hour - 20 * 86_400_000).toISOString()}&to=${to}`,
    );
    // 20 days: hourly buckets from the hour rollup (a finer width would read > 20,000 minute rows).
    assert.equal(wide.body.source, '1h');
    assert.equal(
      wide.body.buckets.reduce((n: number, b: { count: number }) => n + b.count, 0),
      720,
    );
    assert.equal(
      (await kit.call(kit.s.viewer, 'GET', `/sensors/${id}/readings?from=${to}&to=${from}`)).status,
      400,
    );
  });
});
