import { and, desc, eq, gte, lt, ne, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../platform/db/database.ts';
import { countWhere, matchedRows, pageOf } from '../../platform/db/page.ts';
import { alarms } from '../../platform/db/schema/index.ts';

export type AlarmRow = typeof alarms.$inferSelect;
export type AlarmStatus = 'open' | 'acknowledged' | 'cleared';

/** What an alarm is about: a sensor (its rules) or a sensor group (T², SPE). */
export type AlarmSubject = 'sensor' | 'group';
const subjectColumn = (subject: AlarmSubject) => sql.raw(subject === 'sensor' ? 'sensor_id' : 'group_id');

/** One episode of one rule's signals for one sensor or group (alarm-episodes.ts). */
export interface AlarmSignal {
  subjectId: string;
  facilityId: string;
  rule: string;
  severity: 'warning' | 'critical';
  message: string;
  value: number;
  firstTs: number;
  lastTs: number;
  count: number;
  /** Reading time at which it cleared itself within the batch; null: still open. */
  clearedTs: number | null;
}

export interface RaisedAlarm {
  id: string;
  subjectId: string;
  rule: string;
  /** True when this signal opened the alarm; false when it extended an open one. */
  opened: boolean;
  severity: 'warning' | 'critical';
  message: string;
  value: number | null;
  /** Reading time of the first signal, ms. */
  openedTs: number;
  status: AlarmStatus;
  /** Reading time it cleared at, ms; null when not cleared. */
  clearedTs: number | null;
}

const raised = (subject: AlarmSubject) =>
  sql`returning id, ${subjectColumn(subject)} as "subjectId", rule, (xmax = 0) as opened, severity, message, value,
                extract(epoch from opened_at)::float8 * 1000 as "openedTs", status,
                extract(epoch from cleared_at)::float8 * 1000 as "clearedTs"`;

/** The latest signal time of each alarm not cleared of these sensors (groups): subject → rule → ms. */
export async function openAlarmsOf(tx: Executor, subject: AlarmSubject, ids: readonly string[]) {
  const open = new Map<string, Map<string, number>>();
  if (ids.length === 0) return open;
  const rows = await queryRows<{ subjectId: string; rule: string; lastTs: number }>(
    tx,
    sql`select ${subjectColumn(subject)} as "subjectId", rule, extract(epoch from last_signal_at)::float8 * 1000 as "lastTs"
        from alarms where ${subjectColumn(subject)} = any(${sql.param(ids)}::uuid[]) and status <> 'cleared'`,
  );
  for (const row of rows) {
    const rules = open.get(row.subjectId) ?? new Map<string, number>();
    rules.set(row.rule, Number(row.lastTs));
    open.set(row.subjectId, rules);
  }
  return open;
}

const columnsOf = (signals: readonly AlarmSignal[]) => {
  const col = <K extends keyof AlarmSignal>(key: K) => sql.param(signals.map((s) => s[key]));
  return sql`unnest(${col('subjectId')}::uuid[], ${col('facilityId')}::uuid[], ${col('rule')}::text[],
                    ${col('severity')}::text[], ${col('message')}::text[], ${col('value')}::float8[],
                    ${col('firstTs')}::float8[], ${col('lastTs')}::float8[], ${col('count')}::int[],
                    ${col('clearedTs')}::float8[])
             as s(subject_id, facility_id, rule, severity, message, value, first_ts, last_ts, n, cleared_ts)`;
};

/**
 * Opens an alarm per signal, or extends the subject's open (or acknowledged) alarm of the same
 * rule: the partial unique index allows one that is not cleared. At most one signal per subject and
 * rule; their `clearedTs` is left to `clearAlarms`.
 */
export async function raiseAlarms(
  tx: Executor,
  subject: AlarmSubject,
  signals: readonly AlarmSignal[],
): Promise<RaisedAlarm[]> {
  if (signals.length === 0) return [];
  const column = subjectColumn(subject);
  return queryRows<RaisedAlarm>(
    tx,
    sql`insert into alarms as a (tenant_id, ${column}, facility_id, rule, severity, message, value, opened_at, last_signal_at, signal_count)
        select app_tenant_id(), s.subject_id, s.facility_id, s.rule, s.severity, s.message, s.value,
               to_timestamp(s.first_ts / 1000.0), to_timestamp(s.last_ts / 1000.0), s.n
        from ${columnsOf(signals)}
        on conflict (${column}, rule) where status <> 'cleared' and ${column} is not null do update set
          last_signal_at = greatest(a.last_signal_at, excluded.last_signal_at),
          signal_count = a.signal_count + excluded.signal_count
        ${raised(subject)}`,
  );
}

/**
 * Stores alarms that open as they are: a subject's later episodes of a rule in one batch, once the
 * one before has cleared (so at most one of them per subject and rule is left open).
 */
export async function insertAlarms(
  tx: Executor,
  subject: AlarmSubject,
  signals: readonly AlarmSignal[],
): Promise<RaisedAlarm[]> {
  if (signals.length === 0) return [];
  return queryRows<RaisedAlarm>(
    tx,
    sql`insert into alarms (tenant_id, ${subjectColumn(subject)}, facility_id, rule, severity, message, value, opened_at,
                            last_signal_at, signal_count, status, cleared_at)
        select app_tenant_id(), s.subject_id, s.facility_id, s.rule, s.severity, s.message, s.value,
               to_timestamp(s.first_ts / 1000.0), to_timestamp(s.last_ts / 1000.0), s.n,
               case when s.cleared_ts is null then 'open' else 'cleared' end, to_timestamp(s.cleared_ts / 1000.0)
        from ${columnsOf(signals)}
        ${raised(subject)}`,
  );
}

/** Clears by itself, at reading time `ts`, the alarm of each subject and rule that is not cleared. */
export async function clearAlarms(
  tx: Executor,
  subject: AlarmSubject,
  items: readonly { subjectId: string; rule: string; ts: number }[],
): Promise<{ id: string; subjectId: string; rule: string; clearedTs: number }[]> {
  if (items.length === 0) return [];
  const col = <K extends 'subjectId' | 'rule' | 'ts'>(key: K) => sql.param(items.map((i) => i[key]));
  const column = subjectColumn(subject);
  return queryRows(
    tx,
    sql`update alarms a set status = 'cleared', cleared_at = to_timestamp(u.ts / 1000.0)
        from unnest(${col('subjectId')}::uuid[], ${col('rule')}::text[], ${col('ts')}::float8[]) as u(subject_id, rule, ts)
        where a.${column} = u.subject_id and a.rule = u.rule and a.status <> 'cleared'
        returning a.id, a.${column} as "subjectId", a.rule, u.ts as "clearedTs"`,
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
