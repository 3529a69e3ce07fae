import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import { float8Array, nullableBinaryArray, timestamptzArray } from '../../platform/db/binary-arrays.ts';
import { type Executor, queryRows } from '../../platform/db/database.ts';
import { countWhere, matchedRows, pageOf } from '../../platform/db/page.ts';
import { sensorState, sensors } from '../../platform/db/schema/index.ts';

export type SensorRow = typeof sensors.$inferSelect;
export type SensorInsert = typeof sensors.$inferInsert;
export type SensorStateRow = typeof sensorState.$inferSelect;

export async function insertSensor(tx: Executor, values: SensorInsert): Promise<SensorRow> {
  const [row] = await tx.insert(sensors).values(values).returning();
  if (!row) throw new Error('sensor not inserted');
  await tx.insert(sensorState).values({ sensorId: row.id, tenantId: row.tenantId });
  return row;
}

export async function findSensor(tx: Executor, id: string): Promise<SensorRow | undefined> {
  const [row] = await tx.select().from(sensors).where(eq(sensors.id, id));
  return row;
}

/** A sensor's newest reading (not its detector states, which only ingest reads). */
export async function findSensorState(
  tx: Executor,
  id: string,
): Promise<Pick<SensorStateRow, 'lastTs' | 'lastValue'> | undefined> {
  const [row] = await tx
    .select({ lastTs: sensorState.lastTs, lastValue: sensorState.lastValue })
    .from(sensorState)
    .where(eq(sensorState.sensorId, id));
  return row;
}

export interface SensorFilter {
  facilityId?: string | undefined;
  lineId?: string | undefined;
  type?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function sensorWhere({ facilityId, lineId, type, q }: SensorFilter) {
  return and(
    facilityId ? eq(sensors.facilityId, facilityId) : undefined,
    lineId ? eq(sensors.lineId, lineId) : undefined,
    type ? eq(sensors.type, type) : undefined,
    q ? or(ilike(sensors.key, `%${escapeLike(q)}%`), ilike(sensors.name, `%${escapeLike(q)}%`)) : undefined,
  );
}

/** A page of sensors with their newest reading, by key. */
export async function listSensors(tx: Executor, filter: SensorFilter) {
  const where = sensorWhere(filter);
  const rows = await tx
    .select({
      sensor: sensors,
      lastTs: sensorState.lastTs,
      lastValue: sensorState.lastValue,
      total: matchedRows(),
    })
    .from(sensors)
    .leftJoin(sensorState, eq(sensorState.sensorId, sensors.id))
    .where(where)
    .orderBy(asc(sensors.key), asc(sensors.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return pageOf(
    rows,
    filter.offset,
    ({ sensor, lastTs, lastValue }) => ({ sensor, lastTs, lastValue }),
    () => countWhere(tx, sensors, where),
  );
}

export async function updateSensor(tx: Executor, id: string, patch: Partial<SensorInsert>) {
  const [row] = await tx
    .update(sensors)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(sensors.id, id))
    .returning();
  return row;
}

export async function deleteSensor(tx: Executor, id: string) {
  await tx.delete(sensors).where(eq(sensors.id, id));
}

/** Sensors of the tenant by id; unknown ids are missing from the map. */
export async function sensorsById(tx: Executor, ids: string[]): Promise<Map<string, SensorRow>> {
  if (ids.length === 0) return new Map();
  // One array parameter, not one per id: a bulk batch names up to thousands of sensors.
  const rows = await tx
    .select()
    .from(sensors)
    .where(sql`${sensors.id} = any(${sql.param(ids)}::uuid[])`);
  return new Map(rows.map((row) => [row.id, row]));
}

/** Sensors by key (in one facility, or in any when none is given; a key in two facilities is ambiguous). */
export async function sensorsByKey(
  tx: Executor,
  keys: string[],
  facilityId: string | undefined,
): Promise<SensorRow[]> {
  if (keys.length === 0) return [];
  return tx
    .select()
    .from(sensors)
    .where(
      and(
        sql`${sensors.key} = any(${sql.param(keys)}::text[])`,
        facilityId ? eq(sensors.facilityId, facilityId) : undefined,
      ),
    );
}

/** A sensor's detector state as ingest locks it: the replay states' reading times, not the states. */
export type LockedState = Pick<SensorStateRow, 'sensorId' | 'state' | 'checkpointTs' | 'pendingTs'>;

/** Locks the detector state of the sensors (in id order, so concurrent batches cannot deadlock). */
export async function lockStates(tx: Executor, ids: string[]): Promise<Map<string, LockedState>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({
      sensorId: sensorState.sensorId,
      state: sensorState.state,
      checkpointTs: sensorState.checkpointTs,
      pendingTs: sensorState.pendingTs,
    })
    .from(sensorState)
    .where(sql`${sensorState.sensorId} = any(${sql.param(ids)}::uuid[])`)
    .orderBy(asc(sensorState.sensorId))
    .for('update');
  return new Map(rows.map((row) => [row.sensorId, row]));
}

export interface StateUpdate {
  sensorId: string;
  lastTs: number;
  lastValue: number;
  state: Record<string, unknown>;
  /**
   * Rotate the replay states (replay.ts) first: checkpoint ← pending (when kept) ← the state this
   * update replaces, which stands at `rotateAt` (ms). Absent: no rotation.
   */
  rotateAt?: number;
  /** A pending state recomputed by a replay (after any rotation); absent: as it is. */
  pending?: Record<string, unknown>;
}

/**
 * Stores the detectors' state and the newest reading of each sensor, in one statement. A rotation
 * moves the states in the database: only a replay's recomputed pending state is sent.
 */
export async function saveStates(tx: Executor, updates: StateUpdate[]) {
  if (updates.length === 0) return;
  // Binary arrays: the states (a few kB of JSON each) are not escaped into an array literal here
  // and parsed out of it there.
  const states = updates.map((u) => JSON.stringify(u.state));
  const pending = updates.map((u) => (u.pending ? JSON.stringify(u.pending) : null));
  await queryRows(
    tx,
    sql`update sensor_state st set
          last_ts = case when st.last_ts is null or u.last_ts > st.last_ts then u.last_ts else st.last_ts end,
          last_value = case when st.last_ts is null or u.last_ts >= st.last_ts then u.last_value else st.last_value end,
          state = u.state,
          checkpoint = case when u.rotate_at is not null and st.pending_ts is not null then st.pending else st.checkpoint end,
          checkpoint_ts = case when u.rotate_at is not null and st.pending_ts is not null then st.pending_ts else st.checkpoint_ts end,
          pending = coalesce(u.pending, case when u.rotate_at is not null then st.state else st.pending end),
          pending_ts = coalesce(u.rotate_at, st.pending_ts),
          updated_at = now()
        from (select unnest(${sql.param(updates.map((u) => u.sensorId))}::uuid[]) as sensor_id,
                     unnest(${timestamptzArray(updates.map((u) => u.lastTs))}::timestamptz[]) as last_ts,
                     unnest(${float8Array(updates.map((u) => u.lastValue))}::float8[]) as last_value,
                     unnest(${nullableBinaryArray('jsonb', states)}::jsonb[]) as state,
                     unnest(${nullableBinaryArray(
                       'float8',
                       updates.map((u) => u.rotateAt ?? null),
                     )}::float8[]) as rotate_at,
                     unnest(${nullableBinaryArray('jsonb', pending)}::jsonb[]) as pending) u
        where st.sensor_id = u.sensor_id`,
  );
}

/** Stores control limits learned from sensors' baselines (unless someone set limits meanwhile), in one statement. */
export async function storeLearnedLimits(
  tx: Executor,
  limits: readonly { sensorId: string; center: number; sigma: number }[],
) {
  if (limits.length === 0) return;
  await queryRows(
    tx,
    sql`update sensors s set control_center = l.center, control_sigma = l.sigma, limits_source = 'baseline'
        from unnest(${sql.param(limits.map((l) => l.sensorId))}::uuid[], ${sql.param(limits.map((l) => l.center))}::float8[],
                    ${sql.param(limits.map((l) => l.sigma))}::float8[]) as l(sensor_id, center, sigma)
        where s.id = l.sensor_id and s.limits_source is distinct from 'manual'`,
  );
}

/**
 * Forgets learned limits and the detectors that depend on them, and the replay states (they hold
 * the old limits); the rolling z-score keeps its window.
 */
export async function resetLimitState(tx: Executor, sensorId: string) {
  await queryRows(
    tx,
    sql`update sensor_state set state = state - 'learned' - 'baseline' - 'ewma' - 'recent',
          checkpoint = null, checkpoint_ts = null, pending = null, pending_ts = null
        where sensor_id = ${sensorId}`,
  );
  await tx
    .update(sensors)
    .set({ controlCenter: null, controlSigma: null, limitsSource: null })
    .where(and(eq(sensors.id, sensorId), eq(sensors.limitsSource, 'baseline')));
}
