import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/database.ts';
import { telemetryTestKit } from './testing.ts';

// Readings in: every form of the bulk endpoint, exact accepted and rejected counts by reason, the
// rollups they feed, and a batch that fails in the database leaving nothing behind.

const kit = telemetryTestKit('ingest');
const MIN = 60_000;
const base = Math.floor((Date.now() - 3 * 3600_000) / 3600_000) * 3600_000; // a whole hour, 3 h ago

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(kit.t.database.db, query);

describe('telemetry ingest', () => {
  test('bulk rows: exact accepted and rejected counts with reasons, and the rollups', async () => {
    const a = await kit.newSensor('ING-A');
    await kit.newSensor('ING-B');
    const readings = [
      { sensorId: a, ts: base, value: 1 },
      { sensorId: a, ts: base + 1000, value: 3 },
      { sensorKey: 'ING-B', ts: new Date(base).toISOString(), value: 10 },
      { sensorId: randomUUID(), ts: base, value: 1 }, // unknown sensor
      { sensorKey: 'NOPE', ts: base, value: 1 }, // unknown key
      { sensorId: a, ts: base + 2000, value: null }, // non-finite
      { sensorId: a, ts: base + 3000, value: 'NaN' },
      { sensorId: a, ts: Date.now() + 3600_000, value: 1 }, // future
      { sensorId: a, ts: Date.UTC(2001, 0, 1), value: 1 }, // past the retention
      { sensorId: a, ts: base + 1000, value: 99 }, // duplicate inside the batch
      { sensorId: a, ts: base + MIN, value: 5 },
    ];
    const result = await kit.bulk({ readings });
    assert.equal(result.accepted, 4, JSON.stringify(result));
    assert.equal(result.rejected, 7);
    assert.deepEqual(result.reasons, {
      unknown_sensor: 2,
      non_finite_value: 2,
      timestamp_out_of_range: 2,
      duplicate: 1,
    });
    assert.deepEqual(
      result.errors.map((e) => e.index),
      [3, 4, 5, 6, 7, 8, 9],
    );
    // Sent again: every row is now a duplicate of a stored one.
    const again = await kit.bulk({ readings: readings.slice(0, 3) });
    assert.deepEqual([again.accepted, again.reasons], [0, { duplicate: 3 }]);

    const [minute] = await rows<{
      n: number;
      total: number;
      lo: number;
      hi: number;
      first_value: number;
      last_value: number;
    }>(
      sql`select n, total, lo, hi, first_value, last_value from readings_1m where sensor_id = ${a} and bucket = to_timestamp(${base / 1000})`,
    );
    assert.deepEqual(minute, { n: 2, total: 4, lo: 1, hi: 3, first_value: 1, last_value: 3 });
    const [hour] = await rows<{ n: number; total: number }>(
      sql`select n, total from readings_1h where sensor_id = ${a} and bucket = to_timestamp(${base / 1000})`,
    );
    assert.deepEqual(hour, { n: 3, total: 9 });
  });

  test('columnar series and NDJSON go the same way; malformed bodies are refused whole', async () => {
    const c = await kit.newSensor('ING-C');
    const columnar = await kit.bulk({
      series: [{ sensorId: c, ts: [base, base + 1000, base + 2000], values: [1, 'Infinity', 2] }],
    });
    assert.deepEqual([columnar.accepted, columnar.reasons], [2, { non_finite_value: 1 }]);
    const ndjson = [
      JSON.stringify({ sensorKey: 'ING-C', ts: base + 3000, value: 4 }),
      '',
      JSON.stringify({ sensorKey: 'ING-C', ts: base + 4000, value: 5 }),
    ].join('\n');
    const res = await kit.call(kit.s.operator, 'POST', '/sensors/readings/bulk', ndjson, {
      'content-type': 'application/x-ndjson',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.accepted, 2);
    const broken = await kit.call(
      kit.s.operator,
      'POST',
      '/sensors/readings/bulk',
      '{"sensorKey":"ING-C"\n{',
      {
        'content-type': 'application/x-ndjson',
      },
    );
    assert.equal(broken.status, 400);
    const mismatch = await kit.call(kit.s.operator, 'POST', '/sensors/readings/bulk', {
      series: [{ sensorId: c, ts: [base], values: [1, 2] }],
    });
    assert.equal(mismatch.status, 400);
    const wrongType = await kit.call(kit.s.operator, 'POST', '/sensors/readings/bulk', {
      readings: [{ sensorId: c, ts: base, value: 'twelve' }],
    });
    assert.equal(wrongType.status, 400);
    // A timestamp is ISO 8601 or epoch milliseconds in either form of the body; anything else is
    // refused whole, naming the field, and null or a boolean is never read as the epoch.
    const mixed = await kit.bulk({
      series: [{ sensorId: c, ts: [base + 5000, new Date(base + 6000).toISOString()], values: [6, 7] }],
      readings: [{ sensorId: c, ts: new Date(base + 7000).toISOString(), value: 8 }],
    });
    assert.deepEqual([mixed.accepted, mixed.rejected], [3, 0]);
    for (const ts of [null, true, String(base), '2026-01-01', -1, 8.64e15 + 1, {}]) {
      for (const body of [
        { readings: [{ sensorId: c, ts, value: 1 }] },
        { series: [{ sensorId: c, ts: [base + 9000, ts], values: [1, 2] }] },
      ]) {
        const refused = await kit.call(kit.s.operator, 'POST', '/sensors/readings/bulk', body);
        assert.equal(refused.status, 400, `${JSON.stringify(body)} → ${JSON.stringify(refused.body)}`);
        assert.match(JSON.stringify(refused.body), /\/ts/, JSON.stringify(refused.body));
      }
    }
    const viewer = await kit.call(kit.s.viewer, 'POST', '/sensors/readings/bulk', { readings: [] });
    assert.equal(viewer.status, 403);
  });

  test('a database error in the middle of a batch commits nothing of it', async () => {
    const d = await kit.newSensor('ING-D');
    const db = kit.t.database.db;
    // The hourly rollup refuses one sentinel value: the readings and the minute rollup were
    // already written in the same statement when it fails.
    await db.execute(sql`create or replace function test_refuse_sentinel() returns trigger language plpgsql as $$
      begin if new.hi = 4242.5 then raise exception 'sentinel refused'; end if; return new; end $$`);
    await db.execute(
      sql`create trigger test_refuse_sentinel before insert on readings_1h for each row execute function test_refuse_sentinel()`,
    );
    try {
      const before = await kit.call(kit.s.operator, 'GET', `/sensors/${d}`);
      const res = await kit.call(kit.s.operator, 'POST', '/sensors/readings/bulk', {
        readings: [
          { sensorId: d, ts: base + 7 * MIN, value: 1 },
          { sensorId: d, ts: base + 8 * MIN, value: 4242.5 },
        ],
      });
      assert.equal(res.status, 500);
      const [stored] = await rows<{ n: number }>(
        sql`select count(*)::int as n from readings where sensor_id = ${d}`,
      );
      const [minutes] = await rows<{ n: number }>(
        sql`select count(*)::int as n from readings_1m where sensor_id = ${d}`,
      );
      assert.deepEqual([stored?.n, minutes?.n], [0, 0]);
      const after = await kit.call(kit.s.operator, 'GET', `/sensors/${d}`);
      assert.deepEqual(after.body.sensor.lastTs, before.body.sensor.lastTs);
    } finally {
      await db.execute(sql`drop trigger test_refuse_sentinel on readings_1h`);
    }
    const ok = await kit.bulk({ readings: [{ sensorId: d, ts: base + 7 * MIN, value: 1 }] });
    assert.equal(ok.accepted, 1);
  });
});

describe('telemetry ingest: duplicates out of order', () => {
  test('a batch out of time order still finds its repeats; in order, none are invented', async () => {
    const e = await kit.newSensor('ING-E');
    const t0 = base + 20 * MIN;
    const shuffled = [3, 1, 2, 1, 3, 0, 4].map((i) => ({ sensorId: e, ts: t0 + i * 1000, value: i }));
    const result = await kit.bulk({ readings: shuffled });
    assert.deepEqual([result.accepted, result.reasons], [5, { duplicate: 2 }]);
    assert.deepEqual(
      result.errors.map((r) => r.index),
      [3, 4],
    );
    const ordered = Array.from({ length: 50 }, (_, i) => ({
      sensorId: e,
      ts: t0 + (10 + i) * 1000,
      value: i,
    }));
    assert.deepEqual((await kit.bulk({ readings: ordered })).accepted, 50);
  });
});
