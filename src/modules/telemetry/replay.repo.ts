// What a replay of late data reads (replay.ts): a sensor's checkpoint and pending states, and its
// stored readings after the checkpoint. Called inside ingest's transaction, after the batch's insert
// and with the sensors' state rows locked, so the readings are exactly those judged so far plus the
// batch's own.
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../platform/db/database.ts';
import type { MonitorState } from './monitor.ts';
import { MAX_REPLAY_READINGS, type Reading, type ReplayStates } from './replay.ts';

/**
 * The most rows read per sensor: one more than a replay may take, so that a window too long to
 * replay shows as such. Written into the statement, not sent as a parameter: the batch's
 * transaction plans generically, and a generic plan guesses at a parameter's LIMIT.
 */
const LIMIT_PER_SENSOR = sql.raw(String(MAX_REPLAY_READINGS + 1));

/** The stored checkpoint and pending states of the sensors. */
export async function replayStates(tx: Executor, ids: readonly string[]): Promise<Map<string, ReplayStates>> {
  const rows = await queryRows<{
    sensor_id: string;
    checkpoint: MonitorState | null;
    pending: MonitorState | null;
  }>(
    tx,
    sql`select sensor_id, checkpoint, pending from sensor_state where sensor_id = any(${sql.param(ids)}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.sensor_id, { checkpoint: r.checkpoint, pending: r.pending }]));
}

/**
 * Each sensor's stored readings after `from` (ms; −Infinity → all), oldest first, at most
 * MAX_REPLAY_READINGS + 1 of them per sensor.
 */
export async function readingsAfter(
  tx: Executor,
  windows: readonly { sensorId: string; from: number }[],
): Promise<Map<string, Reading[]>> {
  const out = new Map<string, Reading[]>(windows.map((w) => [w.sensorId, []]));
  if (windows.length === 0) return out;
  // −Infinity has no JSON form: a null bound means "from the first reading".
  const bounds = windows.map((w) => (Number.isFinite(w.from) ? w.from : null));
  const rows = await queryRows<{ sensor_id: string; ts: number; value: number }>(
    tx,
    sql`select w.sensor_id, r.ts, r.value
        from unnest(${sql.param(windows.map((w) => w.sensorId))}::uuid[], ${sql.param(bounds)}::float8[]) as w(sensor_id, from_ms)
        cross join lateral (
          select (extract(epoch from ts) * 1000)::float8 as ts, value from readings
          -- One bound the index can use (an "is null or" would leave the time test a filter on
          -- every reading the sensor has).
          where sensor_id = w.sensor_id and ts > coalesce(to_timestamp(w.from_ms / 1000.0), '-infinity'::timestamptz)
          order by readings.ts limit ${LIMIT_PER_SENSOR}
        ) r
        order by w.sensor_id, r.ts`,
  );
  for (const row of rows) out.get(row.sensor_id)?.push({ ts: row.ts, value: row.value });
  return out;
}
