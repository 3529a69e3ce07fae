// Chart reads: a sensor's raw readings page by page, and its aggregates per bucket from the raw
// rows or a rollup (buckets.ts decides which). Timestamps as epoch milliseconds, as in readings.repo.ts.
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../platform/db/database.ts';
import { ORIGIN_MS, type Source } from './buckets.ts';

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

// Buckets line up on whole units of their width counted from a Monday, in UTC (buckets.ts).
const ORIGIN = `to_timestamp(${ORIGIN_MS / 1000})`;

const ROLLUP_SECONDS = { '1m': 60, '1h': 3600 } as const;

/**
 * Aggregates of one sensor over [from, to) in buckets `widthSeconds` wide, oldest first.
 *
 * From a rollup, buckets as wide as its own are its rows, read in index order. Wider ones are
 * grouped by their start (a timestamptz: the epoch in ms only for the buckets that come out, not as a
 * numeric expression per row read), the first and last ordered by the rollup bucket (rollup buckets
 * do not overlap, so the earliest bucket holds the first reading), which keeps the rows sorted for
 * the grouping narrow.
 */
export async function bucketedReadings(
  tx: Executor,
  sensorId: string,
  from: number,
  to: number,
  widthSeconds: number,
  source: Source,
): Promise<Bucket[]> {
  const width = sql`make_interval(secs => ${widthSeconds})`;
  const lower = sql`to_timestamp(${from} / 1000.0)`;
  const upper = sql`to_timestamp(${to} / 1000.0)`;
  const epochMs = (column: SQL) => sql`(date_part('epoch', ${column}) * 1000)::float8`;
  if (source === 'raw') {
    return queryRows<Bucket>(
      tx,
      sql`select ${epochMs(sql`b`)} as t, count, min, avg, max, first, last from (
            select date_bin(${width}, ts, ${sql.raw(ORIGIN)}) as b, count(*)::int as count, min(value) as min,
                   avg(value) as avg, max(value) as max,
                   (array_agg(value order by ts))[1] as first, (array_agg(value order by ts desc))[1] as last
            from readings where sensor_id = ${sensorId} and ts >= ${lower} and ts < ${upper} group by 1) g
          order by b`,
    );
  }
  const table = sql.raw(source === '1m' ? 'readings_1m' : 'readings_1h');
  if (widthSeconds === ROLLUP_SECONDS[source]) {
    return queryRows<Bucket>(
      tx,
      sql`select ${epochMs(sql`bucket`)} as t, n as count, lo as min, total / n as avg, hi as max,
                 first_value as first, last_value as last
          from ${table} where sensor_id = ${sensorId} and bucket >= ${lower} and bucket < ${upper}
          order by bucket`,
    );
  }
  // One index range per bucket. Its bounds come from the series as plain values (OFFSET 0 keeps
  // the planner from folding them back into expressions): `s + interval` is not leakproof, and
  // row-level security would keep such a condition out of the index scan, which would then read
  // the rest of the sensor's rows for every bucket.
  return queryRows<Bucket>(
    tx,
    sql`select ${epochMs(sql`b.lo`)} as t, a.count, a.min, a.avg, a.max, f.first, l.last
        from (select greatest(s, ${lower}) as lo, least(s + ${width}, ${upper}) as hi
              from generate_series(date_bin(${width}, ${lower}, ${sql.raw(ORIGIN)}), ${upper} - interval '1 microsecond', ${width}) as s
              offset 0) b
        cross join lateral (
          select sum(n)::int as count, min(lo) as min, sum(total) / sum(n) as avg, max(hi) as max
          from (select n, total, lo, hi from ${table}
                where sensor_id = ${sensorId} and bucket >= b.lo and bucket < b.hi
                limit ${sql.raw(String(Math.ceil(widthSeconds / ROLLUP_SECONDS[source])))}) x
        ) a
        cross join lateral (
          select first_value as first from ${table}
          where sensor_id = ${sensorId} and bucket >= b.lo and bucket < b.hi order by bucket limit 1
        ) f
        cross join lateral (
          select last_value as last from ${table}
          where sensor_id = ${sensorId} and bucket >= b.lo and bucket < b.hi order by bucket desc limit 1
        ) l
        where a.count is not null
        order by b.lo`,
  );
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
