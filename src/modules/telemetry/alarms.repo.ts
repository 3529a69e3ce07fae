import { and, desc, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../platform/db/database.ts';
import { countWhere, matchedRows, pageOf } from '../../platform/db/page.ts';
import { alarms } from '../../platform/db/schema/index.ts';

export type AlarmRow = typeof alarms.$inferSelect;
export type AlarmStatus = 'open' | 'acknowledged' | 'cleared';

/** One rule's signals for one sensor in a batch, collapsed. */
export interface AlarmSignal {
  sensorId: string;
  facilityId: string;
  rule: string;
  severity: 'warning' | 'critical';
  message: string;
  value: number;
  firstTs: number;
  lastTs: number;
  count: number;
}

export interface RaisedAlarm {
  id: string;
  sensorId: string;
  rule: string;
  /** True when this signal opened the alarm; false when it extended an open one. */
  opened: boolean;
}

/**
 * Opens an alarm per signal, or extends the sensor's open (or acknowledged) alarm of the same rule:
 * the partial unique index allows one that is not cleared.
 */
export async function raiseAlarms(tx: Executor, signals: AlarmSignal[]): Promise<RaisedAlarm[]> {
  if (signals.length === 0) return [];
  const col = <K extends keyof AlarmSignal>(key: K) => sql.param(signals.map((s) => s[key]));
  return queryRows<RaisedAlarm>(
    tx,
    sql`insert into alarms as a (tenant_id, sensor_id, facility_id, rule, severity, message, value, opened_at, last_signal_at, signal_count)
        select app_tenant_id(), s.sensor_id, s.facility_id, s.rule, s.severity, s.message, s.value,
               to_timestamp(s.first_ts / 1000.0), to_timestamp(s.last_ts / 1000.0), s.n
        from unnest(${col('sensorId')}::uuid[], ${col('facilityId')}::uuid[], ${col('rule')}::text[],
                    ${col('severity')}::text[], ${col('message')}::text[], ${col('value')}::float8[],
                    ${col('firstTs')}::float8[], ${col('lastTs')}::float8[], ${col('count')}::int[])
             as s(sensor_id, facility_id, rule, severity, message, value, first_ts, last_ts, n)
        on conflict (sensor_id, rule) where status <> 'cleared' and sensor_id is not null do update set
          last_signal_at = greatest(a.last_signal_at, excluded.last_signal_at),
          signal_count = a.signal_count + excluded.signal_count
        returning id, sensor_id as "sensorId", rule, (xmax = 0) as opened`,
  );
}

/**
 * Clears the alarms of these sensors whose rule has been quiet for the sensor's clear-after time,
 * measured in reading time up to `until` (the newest reading of the sensor in the batch).
 */
export async function clearQuietAlarms(
  tx: Executor,
  until: { sensorId: string; ts: number }[],
): Promise<AlarmRow[]> {
  if (until.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update alarms a set status = 'cleared', cleared_at = to_timestamp(u.ts / 1000.0)
        from unnest(${sql.param(until.map((u) => u.sensorId))}::uuid[], ${sql.param(until.map((u) => u.ts))}::float8[]) as u(sensor_id, ts),
             sensors s
        where a.sensor_id = u.sensor_id and s.id = u.sensor_id and a.status <> 'cleared'
          and a.last_signal_at <= to_timestamp(u.ts / 1000.0) - make_interval(secs => s.clear_after_seconds)
        returning a.id`,
  );
  if (rows.length === 0) return [];
  return tx
    .select()
    .from(alarms)
    .where(
      inArray(
        alarms.id,
        rows.map((r) => r.id),
      ),
    );
}

export interface AlarmFilter {
  status?: AlarmStatus | 'active' | undefined;
  sensorId?: string | undefined;
  facilityId?: string | undefined;
  severity?: 'warning' | 'critical' | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  offset: number;
}

function alarmWhere({ status, sensorId, facilityId, severity, from, to }: AlarmFilter) {
  return and(
    status === 'active' ? ne(alarms.status, 'cleared') : status ? eq(alarms.status, status) : undefined,
    sensorId ? eq(alarms.sensorId, sensorId) : undefined,
    facilityId ? eq(alarms.facilityId, facilityId) : undefined,
    severity ? eq(alarms.severity, severity) : undefined,
    from ? gte(alarms.openedAt, from) : undefined,
    to ? lt(alarms.openedAt, to) : undefined,
  );
}

/** A page of alarms, newest first. */
export async function listAlarms(tx: Executor, filter: AlarmFilter) {
  const where = alarmWhere(filter);
  const rows = await tx
    .select({ alarm: alarms, total: matchedRows() })
    .from(alarms)
    .where(where)
    .orderBy(desc(alarms.openedAt), desc(alarms.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return pageOf(
    rows,
    filter.offset,
    (row) => row.alarm,
    () => countWhere(tx, alarms, where),
  );
}

export async function findAlarm(tx: Executor, id: string, lock = false): Promise<AlarmRow | undefined> {
  const query = tx.select().from(alarms).where(eq(alarms.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function updateAlarm(tx: Executor, id: string, patch: Partial<typeof alarms.$inferInsert>) {
  const [row] = await tx.update(alarms).set(patch).where(eq(alarms.id, id)).returning();
  if (!row) throw new Error('alarm vanished');
  return row;
}

/** The sensor's alarms that are not cleared, newest first. */
export async function activeAlarmsOf(tx: Executor, sensorId: string): Promise<AlarmRow[]> {
  return tx
    .select()
    .from(alarms)
    .where(and(eq(alarms.sensorId, sensorId), ne(alarms.status, 'cleared')))
    .orderBy(desc(alarms.openedAt));
}

/** Alarms not cleared, per status and severity (the plant overview). */
export async function activeAlarmCounts(tx: Executor, facilityId?: string) {
  return queryRows<{ status: AlarmStatus; severity: string; n: number }>(
    tx,
    sql`select status, severity, count(*)::int as n from alarms
        where status <> 'cleared' ${facilityId ? sql`and facility_id = ${facilityId}` : sql``}
        group by status, severity`,
  );
}

/** How many alarms that are not cleared each sensor has. */
export async function activeAlarmsPerSensor(tx: Executor, sensorIds: string[]): Promise<Map<string, number>> {
  if (sensorIds.length === 0) return new Map();
  const rows = await queryRows<{ sensor_id: string; n: number }>(
    tx,
    sql`select sensor_id, count(*)::int as n from alarms
        where status <> 'cleared' and sensor_id = any(${sql.param(sensorIds)}::uuid[]) group by sensor_id`,
  );
  return new Map(rows.map((r) => [r.sensor_id, r.n]));
}

/** The group's alarms that are not cleared, newest first. */
export async function activeAlarmsOfGroup(tx: Executor, groupId: string): Promise<AlarmRow[]> {
  return tx
    .select()
    .from(alarms)
    .where(and(eq(alarms.groupId, groupId), ne(alarms.status, 'cleared')))
    .orderBy(desc(alarms.openedAt));
}
