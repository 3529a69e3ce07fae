// Stores what alarm-episodes.ts planned for a batch's sensors, inside the batch's transaction, in
// the order that keeps at most one alarm per sensor and rule not cleared: open alarms that went
// quiet clear first, then each rule's first episode opens an alarm or extends the open one, the
// episodes that cleared within the batch clear, and a rule's later episodes are stored as they
// are. Each opened alarm records an AnomalyDetected event and each automatic clear an AlarmCleared.
import type { Tx } from '../../platform/db/database.ts';
import type { Events, NewEvent } from '../../platform/events/events.ts';
import type { AlarmPlan } from './alarm-episodes.ts';
import { type AlarmSignal, clearAlarms, insertAlarms, type RaisedAlarm, raiseAlarms } from './alarms.repo.ts';

export interface SensorAlarmPlan {
  sensorId: string;
  facilityId: string;
  /** Put before each message. */
  sensorName: string;
  plan: AlarmPlan;
}

/** Returns how many alarms opened. */
export async function storeAlarmPlans(
  tx: Tx,
  events: Pick<Events, 'recordMany'>,
  tenantId: string,
  plans: readonly SensorAlarmPlan[],
): Promise<number> {
  const quiet: { sensorId: string; rule: string; ts: number }[] = [];
  const first: AlarmSignal[] = [];
  const later: AlarmSignal[] = [];
  for (const { sensorId, facilityId, sensorName, plan } of plans) {
    for (const c of plan.cleared) quiet.push({ sensorId, rule: c.rule, ts: c.clearedTs });
    const seen = new Set<string>();
    for (const e of plan.episodes) {
      const signal: AlarmSignal = {
        sensorId,
        facilityId,
        rule: e.rule,
        severity: e.severity,
        message: `${sensorName}: ${e.message}`,
        value: e.value,
        firstTs: e.firstTs,
        lastTs: e.lastTs,
        count: e.count,
        clearedTs: e.clearedTs,
      };
      if (seen.has(e.rule)) later.push(signal);
      else {
        seen.add(e.rule);
        first.push(signal);
      }
    }
  }
  const before = await clearAlarms(tx, quiet);
  const raised = await raiseAlarms(tx, first);
  const after = await clearAlarms(
    tx,
    first.flatMap((s) =>
      s.clearedTs === null ? [] : [{ sensorId: s.sensorId, rule: s.rule, ts: s.clearedTs }],
    ),
  );
  const stored = await insertAlarms(tx, later);
  const opened = [...raised.filter((a) => a.opened), ...stored];
  // An alarm storm opens hundreds at once: their events are written together, in reading time (an
  // alarm's AlarmCleared before the next one's AnomalyDetected).
  const clearedAt = new Map<string, number>();
  for (const q of quiet) clearedAt.set(`${q.sensorId}/${q.rule}`, q.ts);
  const timed: { ts: number; event: NewEvent }[] = [
    ...before.map((a) => ({
      ts: clearedAt.get(`${a.sensorId}/${a.rule}`) ?? 0,
      event: clearedEvent(tenantId, a),
    })),
    ...opened.map((a) => ({ ts: Number(a.openedTs), event: detectedEvent(tenantId, a) })),
  ];
  for (const s of first) if (s.clearedTs !== null) clearedAt.set(`${s.sensorId}/${s.rule}`, s.clearedTs);
  for (const a of after)
    timed.push({ ts: clearedAt.get(`${a.sensorId}/${a.rule}`) ?? 0, event: clearedEvent(tenantId, a) });
  for (const a of stored)
    if (a.clearedTs !== null) timed.push({ ts: Number(a.clearedTs), event: clearedEvent(tenantId, a) });
  timed.sort((x, y) => x.ts - y.ts);
  await events.recordMany(
    tx,
    timed.map((t) => t.event),
  );
  return opened.length;
}

const clearedEvent = (tenantId: string, a: { id: string; sensorId: string; rule: string }): NewEvent => ({
  tenantId,
  aggregateType: 'sensor',
  aggregateId: a.sensorId,
  type: 'AlarmCleared',
  data: { alarmId: a.id, sensorId: a.sensorId, rule: a.rule, automatic: true },
});

const detectedEvent = (tenantId: string, a: RaisedAlarm): NewEvent => ({
  tenantId,
  aggregateType: 'sensor',
  aggregateId: a.sensorId,
  type: 'AnomalyDetected',
  data: {
    alarmId: a.id,
    sensorId: a.sensorId,
    rule: a.rule,
    severity: a.severity,
    value: a.value,
    message: a.message,
    at: new Date(Number(a.openedTs)).toISOString(),
  },
});
