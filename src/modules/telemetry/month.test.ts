import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/database.ts';
import { inTenant } from '../../platform/db/scope.ts';
import { ensurePartitions, insertReadings } from './readings.repo.ts';
import { telemetryTestKit } from './testing.ts';

// A month of one sensor at 1 Hz (2,592,000 readings, stored through the statement ingest uses, so the
// rollups are the real ones): the auto-bucketed chart over the month, a day and an hour answers at
// most 2,000 points, each equal to the aggregate of the raw rows in its bucket.

const kit = telemetryTestKit('month');
const DAY_MS = 86_400_000;
const DAYS = 30;
const CHUNK = 50_000;
const end = Math.floor(Date.now() / DAY_MS) * DAY_MS; // today 00:00 UTC
const start = end - DAYS * DAY_MS;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A daily cycle, a slow drift and noise, to three decimals (deterministic). */
function valueAt(i: number): number {
  const noise = Math.sin(i * 12.9898) * 43_758.5453;
  return (
    Math.round(
      (50 + 10 * Math.sin((2 * Math.PI * i) / 86_400) + i / 200_000 + (noise - Math.floor(noise))) * 1000,
    ) / 1000
  );
}

interface Point {
  t: string;
  count: number;
  min: number;
  avg: number;
  max: number;
  first: number;
  last: number;
}

async function chart(sensorId: string, from: number, to: number) {
  const { status, body } = await kit.call(
    kit.s.viewer,
    'GET',
    `/sensors/${sensorId}/readings?bucket=auto&from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`,
  );
  assert.equal(status, 200, JSON.stringify(body));
  return body as { from: string; to: string; widthSeconds: number; source: string; buckets: Point[] };
}

/** The same buckets straight from the raw readings. */
function rawBuckets(sensorId: string, from: number, to: number, widthSeconds: number) {
  return queryRows<{ t: number } & Omit<Point, 't'>>(
    kit.t.database.db,
    sql`select (extract(epoch from date_bin(make_interval(secs => ${widthSeconds}), ts, '2000-01-03 00:00:00+00'::timestamptz)) * 1000)::float8 as t,
               count(*)::int as count, min(value) as min, avg(value) as avg, max(value) as max,
               (array_agg(value order by ts))[1] as first, (array_agg(value order by ts desc))[1] as last
        from readings
        where sensor_id = ${sensorId} and ts >= to_timestamp(${from} / 1000.0) and ts < to_timestamp(${to} / 1000.0)
        group by 1 order by 1`,
  );
}

async function assertMatchesRaw(
  sensorId: string,
  from: number,
  to: number,
  expect: { source: string; readings: number },
) {
  const series = await chart(sensorId, from, to);
  assert.equal(series.source, expect.source);
  assert.ok(series.buckets.length <= 2000, `${series.buckets.length} points`);
  const raw = await rawBuckets(sensorId, Date.parse(series.from), Date.parse(series.to), series.widthSeconds);
  assert.equal(series.buckets.length, raw.length);
  assert.equal(
    series.buckets.reduce((n, b) => n + b.count, 0),
    expect.readings,
  );
  for (const [i, b] of series.buckets.entries()) {
    const r = raw[i] as (typeof raw)[number];
    const where = `bucket ${b.t} (${series.widthSeconds} s from ${series.source})`;
    assert.equal(Date.parse(b.t), Number(r.t), where);
    assert.deepEqual(
      [b.count, b.min, b.max, b.first, b.last],
      [r.count, r.min, r.max, r.first, r.last].map(Number),
      where,
    );
    assert.ok(
      Math.abs(b.avg - Number(r.avg)) <= 1e-9 * Math.abs(Number(r.avg)),
      `${where}: avg ${b.avg} ≠ ${r.avg}`,
    );
  }
  return series;
}

describe('a month of 1 Hz readings', () => {
  test('auto buckets over a month, a day and an hour equal the raw aggregates', async () => {
    const sensorId = await kit.newSensor('MONTH-1');
    const began = performance.now();
    await inTenant(kit.t.database.db, kit.acme.id, (tx) => ensurePartitions(tx, day(start), day(end - 1)));
    const total = DAYS * 86_400;
    for (let from = 0; from < total; from += CHUNK) {
      const n = Math.min(CHUNK, total - from);
      const ts = new Array<number>(n);
      const value = new Array<number>(n);
      for (let j = 0; j < n; j++) {
        ts[j] = start + (from + j) * 1000;
        value[j] = valueAt(from + j);
      }
      const outcome = await inTenant(kit.t.database.db, kit.acme.id, (tx) =>
        insertReadings(tx, { sensorIds: [sensorId], sensor: new Array<number>(n).fill(0), ts, value }),
      );
      assert.equal(outcome.inserted, n);
    }
    const loaded = performance.now();

    // A month reads the hour rollup (720 hourly points), not 43,200 minute-rollup rows.
    const month = await assertMatchesRaw(sensorId, start, end, { source: '1h', readings: total });
    assert.equal(month.widthSeconds, 3600);
    const oneDay = await assertMatchesRaw(sensorId, end - 2 * DAY_MS, end - DAY_MS, {
      source: '1m',
      readings: 86_400,
    });
    assert.equal(oneDay.widthSeconds, 60);
    const oneHour = await assertMatchesRaw(sensorId, start + 5 * 3_600_000, start + 6 * 3_600_000, {
      source: 'raw',
      readings: 3600,
    });
    assert.equal(oneHour.widthSeconds, 2);
    // A range that does not start on a bucket edge: widened to whole buckets, still equal.
    await assertMatchesRaw(sensorId, start + 7 * DAY_MS + 12_345, start + 14 * DAY_MS - 6789, {
      source: '1m',
      readings: 7 * 86_400,
    });
    process.stderr.write(
      `month test (${kit.t.database.driver}): loaded ${total.toLocaleString('en')} readings in ${((loaded - began) / 1000).toFixed(1)} s, compared in ${((performance.now() - loaded) / 1000).toFixed(1)} s\n`,
    );
  });
});
