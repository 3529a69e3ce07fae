// Readings and their rollups: set-based SQL over the partitioned tables of
// drizzle/0016_telemetry_readings.sql. Timestamps cross this boundary as epoch milliseconds (float8),
// the same on both drivers and cheap to send as arrays.
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../platform/db/database.ts';

/** Rows of one ingest, column-wise: `sensor[i]` indexes `sensorIds`. */
export interface ReadingColumns {
  sensorIds: string[];
  sensor: number[];
  ts: number[];
  value: number[];
}

export interface InsertOutcome {
  inserted: number;
  /** 0-based positions (in the columns) of rows already stored: same sensor and timestamp. */
  duplicates: number[];
}

// One statement: the readings, then both rollups from the rows actually inserted (a duplicate
// counts once, late data lands in the bucket it belongs to), then the positions of the duplicates
// (only looked for when some rows were not inserted).
const rollup = (table: string, unit: 'minute' | 'hour', source: string) => `
  insert into ${table} as r (tenant_id, sensor_id, bucket, n, total, lo, hi, first_ts, first_value, last_ts, last_value)
  select app_tenant_id(), sensor_id, date_trunc('${unit}', ts), count(*), sum(value), min(value), max(value),
         min(ts), (array_agg(value order by ts))[1], max(ts), (array_agg(value order by ts desc))[1]
  from ${source} group by sensor_id, date_trunc('${unit}', ts)
  on conflict (sensor_id, bucket) do update set
    n = r.n + excluded.n,
    total = r.total + excluded.total,
    lo = least(r.lo, excluded.lo),
    hi = greatest(r.hi, excluded.hi),
    first_value = case when excluded.first_ts < r.first_ts then excluded.first_value else r.first_value end,
    first_ts = least(r.first_ts, excluded.first_ts),
    last_value = case when excluded.last_ts >= r.last_ts then excluded.last_value else r.last_value end,
    last_ts = greatest(r.last_ts, excluded.last_ts)
  returning 1`;

/** Inserts the rows (skipping duplicates) and folds them into the 1 min and 1 h rollups. */
export async function insertReadings(tx: Executor, rows: ReadingColumns): Promise<InsertOutcome> {
  if (rows.ts.length === 0) return { inserted: 0, duplicates: [] };
  const [row] = await queryRows<{ inserted: number; duplicates: number[] | null }>(tx, insertStatement(rows));
  return { inserted: row?.inserted ?? 0, duplicates: (row?.duplicates ?? []).map(Number) };
}

function insertStatement(rows: ReadingColumns) {
  return sql`/* insertReadings */
with input as (
  select ids.list[i.k] as sensor_id, to_timestamp(i.t / 1000.0) as ts, i.v as value, i.n
  from (select ${sql.param(rows.sensorIds)}::uuid[] as list) ids,
       unnest(${sql.param(rows.sensor.map((k) => k + 1))}::int[], ${sql.param(rows.ts)}::float8[], ${sql.param(rows.value)}::float8[]) with ordinality as i(k, t, v, n)
),
ins as (
  insert into readings (tenant_id, sensor_id, ts, value)
  select app_tenant_id(), sensor_id, ts, value from input
  on conflict do nothing
  returning sensor_id, ts, value
),
m as (${sql.raw(rollup('readings_1m', 'minute', 'ins'))}),
h as (${sql.raw(rollup('readings_1h', 'hour', 'ins'))}),
done as (select count(*)::int as inserted from ins)
select done.inserted,
       case when done.inserted < (select count(*) from input) then
         (select coalesce(array_agg(i.n - 1), '{}') from input i
           where not exists (select 1 from ins where ins.sensor_id = i.sensor_id and ins.ts = i.ts))
       end as duplicates,
       (select count(*) from m)::int + (select count(*) from h)::int as buckets
from done`;
}

/** Makes sure the daily partitions for [fromMs, toMs] exist (a short transaction of its own). */
export async function ensurePartitions(tx: Executor, fromDay: string, toDay: string): Promise<number> {
  const [row] = await queryRows<{ made: number }>(
    tx,
    sql`select plantintel_readings_partitions(${fromDay}::date, ${toDay}::date) as made`,
  );
  return row?.made ?? 0;
}

export async function dropReadingsBefore(tx: Executor, day: string): Promise<number> {
  const [row] = await queryRows<{ dropped: number }>(
    tx,
    sql`select plantintel_drop_readings_before(${day}::date) as dropped`,
  );
  return row?.dropped ?? 0;
}

export interface RawReading {
  t: number;
  value: number;
}

/** Raw readings of a sensor in [from, to), after the cursor `after` (ms), oldest first. */
export async function rawReadings(
  tx: Executor,
  sensorId: string,
  from: number,
  to: number,
  after: number | null,
  limit: number,
): Promise<RawReading[]> {
  return queryRows<RawReading>(
    tx,
    sql`select (extract(epoch from ts) * 1000)::float8 as t, value from readings
        where sensor_id = ${sensorId} and ts >= to_timestamp(${from} / 1000.0) and ts < to_timestamp(${to} / 1000.0)
          and (${after}::float8 is null or ts > to_timestamp(${after}::float8 / 1000.0))
        order by ts limit ${limit}`,
  );
}

export interface Bucket {
  t: number;
  count: number;
  min: number;
  avg: number;
  max: number;
  first: number;
  last: number;
}

/** Where buckets of a width are read from: raw rows, or a rollup whose buckets divide the width. */
export type BucketSource = 'raw' | '1m' | '1h';

// Buckets line up on whole units of their width counted from a Monday, in UTC.
const ORIGIN = `'2000-01-03 00:00:00+00'::timestamptz`;

/** Aggregates of one sensor over [from, to) in buckets `widthSeconds` wide, oldest first. */
export async function bucketedReadings(
  tx: Executor,
  sensorId: string,
  from: number,
  to: number,
  widthSeconds: number,
  source: BucketSource,
): Promise<Bucket[]> {
  const width = sql`make_interval(secs => ${widthSeconds})`;
  const range = (column: string) =>
    sql`sensor_id = ${sensorId} and ${sql.raw(column)} >= to_timestamp(${from} / 1000.0) and ${sql.raw(column)} < to_timestamp(${to} / 1000.0)`;
  const t = (column: string) =>
    sql`(extract(epoch from date_bin(${width}, ${sql.raw(column)}, ${sql.raw(ORIGIN)})) * 1000)::float8`;
  if (source === 'raw') {
    return queryRows<Bucket>(
      tx,
      sql`select ${t('ts')} as t, count(*)::int as count, min(value) as min, avg(value) as avg, max(value) as max,
                 (array_agg(value order by ts))[1] as first, (array_agg(value order by ts desc))[1] as last
          from readings where ${range('ts')} group by 1 order by 1`,
    );
  }
  const table = sql.raw(source === '1m' ? 'readings_1m' : 'readings_1h');
  return queryRows<Bucket>(
    tx,
    sql`select ${t('bucket')} as t, sum(n)::int as count, min(lo) as min, sum(total) / sum(n) as avg, max(hi) as max,
               (array_agg(first_value order by first_ts))[1] as first,
               (array_agg(last_value order by last_ts desc))[1] as last
        from ${table} where ${range('bucket')} group by 1 order by 1`,
  );
}

/** How many readings each sensor has stored (from the hourly rollup: one row per sensor-hour). */
export async function readingCounts(tx: Executor, sensorIds: string[]): Promise<Map<string, number>> {
  if (sensorIds.length === 0) return new Map();
  const rows = await queryRows<{ sensor_id: string; n: number }>(
    tx,
    sql`select sensor_id, sum(n)::float8 as n from readings_1h
        where sensor_id = any(${sql.param(sensorIds)}::uuid[]) group by sensor_id`,
  );
  return new Map(rows.map((r) => [r.sensor_id, Number(r.n)]));
}

/** Whether the sensor has any reading stored. */
export async function hasReadings(tx: Executor, sensorId: string): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(
    tx,
    sql`select 1 as one from readings_1h where sensor_id = ${sensorId} limit 1`,
  );
  return rows.length > 0;
}

/** Means of each sensor per `widthSeconds` since `since` (ms), from the 1-minute rollups (sparklines). */
export async function recentMeans(
  tx: Executor,
  sensorIds: string[],
  since: number,
  widthSeconds: number,
): Promise<Map<string, number[]>> {
  if (sensorIds.length === 0) return new Map();
  const rows = await queryRows<{ sensor_id: string; means: number[] }>(
    tx,
    sql`select sensor_id, array_agg(mean order by t) as means from (
          select sensor_id, date_bin(make_interval(secs => ${widthSeconds}), bucket, ${sql.raw(ORIGIN)}) as t,
                 sum(total) / sum(n) as mean
          from readings_1m
          where sensor_id = any(${sql.param(sensorIds)}::uuid[]) and bucket >= to_timestamp(${since} / 1000.0)
          group by 1, 2) m
        group by sensor_id`,
  );
  return new Map(rows.map((r) => [r.sensor_id, r.means.map(Number)]));
}

/** Deletes 1-minute rollups older than `before` (ms); hourly rollups are kept. */
export function pruneMinuteRollups(before: number) {
  return (limit: number) =>
    sql`select ctid from readings_1m where bucket < to_timestamp(${before} / 1000.0) limit ${limit}`;
}
