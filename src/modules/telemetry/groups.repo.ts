import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../platform/db/database.ts';
import { countWhere, matchedRows, pageOf } from '../../platform/db/page.ts';
import { sensorGroupMembers, sensorGroups, sensors } from '../../platform/db/schema/index.ts';
import { ORIGIN_MS } from './buckets.ts';

export type GroupRow = typeof sensorGroups.$inferSelect;
export type GroupInsert = typeof sensorGroups.$inferInsert;

export async function insertGroup(tx: Executor, values: GroupInsert): Promise<GroupRow> {
  const [row] = await tx.insert(sensorGroups).values(values).returning();
  if (!row) throw new Error('group not inserted');
  return row;
}

export async function findGroup(tx: Executor, id: string, lock = false): Promise<GroupRow | undefined> {
  const query = tx.select().from(sensorGroups).where(eq(sensorGroups.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function updateGroup(tx: Executor, id: string, patch: Partial<GroupInsert>) {
  const [row] = await tx
    .update(sensorGroups)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(sensorGroups.id, id))
    .returning();
  if (!row) throw new Error('group vanished');
  return row;
}

export async function deleteGroup(tx: Executor, id: string) {
  await tx.delete(sensorGroups).where(eq(sensorGroups.id, id));
}

export async function listGroups(
  tx: Executor,
  filter: { facilityId?: string | undefined; limit: number; offset: number },
) {
  const where = filter.facilityId ? eq(sensorGroups.facilityId, filter.facilityId) : undefined;
  const rows = await tx
    .select({ group: sensorGroups, total: matchedRows() })
    .from(sensorGroups)
    .where(where)
    .orderBy(asc(sensorGroups.name))
    .limit(filter.limit)
    .offset(filter.offset);
  return pageOf(
    rows,
    filter.offset,
    (row) => row.group,
    () => countWhere(tx, sensorGroups, where),
  );
}

/** Replaces the members, in the order given (the model's variable order). */
export async function setMembers(tx: Executor, tenantId: string, groupId: string, sensorIds: string[]) {
  await tx.delete(sensorGroupMembers).where(eq(sensorGroupMembers.groupId, groupId));
  await tx
    .insert(sensorGroupMembers)
    .values(sensorIds.map((sensorId, position) => ({ tenantId, groupId, sensorId, position })));
}

/** Members of each group, in variable order. */
export async function membersOf(tx: Executor, groupIds: string[]): Promise<Map<string, string[]>> {
  if (groupIds.length === 0) return new Map();
  const rows = await tx
    .select({ groupId: sensorGroupMembers.groupId, sensorId: sensorGroupMembers.sensorId })
    .from(sensorGroupMembers)
    .where(inArray(sensorGroupMembers.groupId, groupIds))
    .orderBy(asc(sensorGroupMembers.groupId), asc(sensorGroupMembers.position));
  const members = new Map<string, string[]>(groupIds.map((id) => [id, []]));
  for (const row of rows) members.get(row.groupId)?.push(row.sensorId);
  return members;
}

/** How many of these ids are sensors of the facility. */
export async function countSensorsIn(tx: Executor, facilityId: string, ids: string[]): Promise<number> {
  return countWhere(tx, sensors, and(eq(sensors.facilityId, facilityId), inArray(sensors.id, ids)));
}

/** Groups with a trained model (the evaluation sweep). */
export async function trainedGroups(tx: Executor): Promise<{ id: string; tenantId: string }[]> {
  return tx
    .select({ id: sensorGroups.id, tenantId: sensorGroups.tenantId })
    .from(sensorGroups)
    .where(isNotNull(sensorGroups.model));
}

/**
 * The members' readings averaged per bucket of `alignSeconds` over [from, to), one vector per
 * bucket in member order; buckets where a member has no reading are left out.
 */
export async function alignedRows(
  tx: Executor,
  sensorIds: string[],
  alignSeconds: number,
  from: number,
  to: number,
): Promise<{ t: number; values: number[] }[]> {
  const origin = sql.raw(`to_timestamp(${ORIGIN_MS / 1000})`);
  const width = sql`make_interval(secs => ${alignSeconds})`;
  const range = (column: string) =>
    sql`sensor_id = any(${sql.param(sensorIds)}::uuid[]) and ${sql.raw(column)} >= to_timestamp(${from} / 1000.0) and ${sql.raw(column)} < to_timestamp(${to} / 1000.0)`;
  // Whole minutes read the 1-minute rollup; anything finer the raw readings.
  const source =
    alignSeconds % 60 === 0
      ? sql`select date_bin(${width}, bucket, ${origin}) as t, sensor_id, sum(total) / sum(n) as v
            from readings_1m where ${range('bucket')} group by 1, 2`
      : sql`select date_bin(${width}, ts, ${origin}) as t, sensor_id, avg(value) as v
            from readings where ${range('ts')} group by 1, 2`;
  const rows = await queryRows<{ t: number; sensor_id: string; v: number }>(
    tx,
    sql`select (extract(epoch from t) * 1000)::float8 as t, sensor_id, v from (${source}) a order by 1`,
  );
  const position = new Map(sensorIds.map((id, i) => [id, i]));
  const byTime = new Map<number, (number | undefined)[]>();
  for (const row of rows) {
    let vector = byTime.get(row.t);
    if (!vector) {
      vector = new Array(sensorIds.length).fill(undefined);
      byTime.set(row.t, vector);
    }
    vector[position.get(row.sensor_id) as number] = Number(row.v);
  }
  return [...byTime]
    .filter(([, vector]) => vector.every((v) => v !== undefined && Number.isFinite(v)))
    .map(([t, vector]) => ({ t, values: vector as number[] }));
}

/** The oldest of the members' newest readings (ms): buckets ending before it are complete. */
export async function completeUntil(tx: Executor, sensorIds: string[]): Promise<number | null> {
  const [row] = await queryRows<{ t: number | null; missing: number }>(
    tx,
    sql`select (extract(epoch from min(last_ts)) * 1000)::float8 as t, count(*) filter (where last_ts is null)::int as missing
        from sensor_state where sensor_id = any(${sql.param(sensorIds)}::uuid[])`,
  );
  if (!row || row.missing > 0 || row.t === null) return null;
  return Number(row.t);
}
