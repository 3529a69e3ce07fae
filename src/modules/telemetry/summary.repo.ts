// Sensor summaries for other modules' readers (the AI gateway's retrieve node): each sensor's
// limits, newest reading and the minimum, maximum and mean of its 1-minute rollups since a time.
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../platform/db/database.ts';

export interface SensorSummary {
  id: string;
  key: string;
  name: string;
  unit: string | null;
  lowerSpec: number | null;
  upperSpec: number | null;
  lastTs: Date | null;
  lastValue: number | null;
  /** Readings since `since`, and their extremes and mean (null without readings). */
  count: number;
  min: number | null;
  max: number | null;
  mean: number | null;
}

/** One sensor (`sensorId`) or the first `limit` by key, in the caller's tenant scope. */
export async function sensorSummaries(
  tx: Executor,
  sensorId: string | undefined,
  since: Date,
  limit: number,
): Promise<SensorSummary[]> {
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`select s.id, s.key, s.name, s.unit, s.lower_spec, s.upper_spec, st.last_ts, st.last_value,
               coalesce(a.n, 0)::int as n, a.lo, a.hi, a.mean
        from sensors s
        left join sensor_state st on st.sensor_id = s.id
        left join lateral (
          select sum(r.n)::int as n, min(r.lo) as lo, max(r.hi) as hi, sum(r.total) / nullif(sum(r.n), 0) as mean
          from readings_1m r where r.sensor_id = s.id and r.bucket >= ${since.toISOString()}::timestamptz
        ) a on true
        where (${sensorId ?? null}::uuid is null or s.id = ${sensorId ?? null}::uuid)
        order by s.key, s.id
        limit ${limit}`,
  );
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({
    id: String(r.id),
    key: String(r.key),
    name: String(r.name),
    unit: r.unit === null ? null : String(r.unit),
    lowerSpec: num(r.lower_spec),
    upperSpec: num(r.upper_spec),
    lastTs: r.last_ts ? new Date(r.last_ts as string) : null,
    lastValue: num(r.last_value),
    count: Number(r.n ?? 0),
    min: num(r.lo),
    max: num(r.hi),
    mean: num(r.mean),
  }));
}
