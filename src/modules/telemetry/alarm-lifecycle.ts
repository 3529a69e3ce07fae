// Stores what alarm-episodes.ts planned for a batch's sensors (or a sweep's groups), inside its
// transaction, in the order that keeps at most one alarm per subject and rule not cleared: open
// alarms that went quiet clear first, then each rule's first episode opens an alarm or extends the
// open one, the episodes that cleared within the batch clear, and a rule's later episodes are
// stored as they are. Each opened alarm records an AnomalyDetected event and each automatic clear
// an AlarmCleared, in reading time.
import type { Tx } from '../../platform/db/database.ts';
import type { Events, NewEvent } from '../../platform/events/events.ts';
import type { AlarmPlan } from './alarm-episodes.ts';
import {
  type AlarmSignal,
  type AlarmSubject,
  clearAlarms,
  insertAlarms,
  type RaisedAlarm,
  raiseAlarms,
} from './alarms.repo.ts';

export interface SubjectAlarmPlan {
  /** The sensor's or group's id. */
  subjectId: string;
  facilityId: string;
  /** The sensor's or group's name, put before each message. */
  name: string;
  plan: AlarmPlan;
}

/** Returns how many alarms opened. */
export async function storeAlarmPlans(
  tx: Tx,
  events: Pick<Events, 'recordMany'>,
  tenantId: string,
  subject: AlarmSubject,
  plans: readonly SubjectAlarmPlan[],
): Promise<number> {
  const quiet: { subjectId: string; rule: string; ts: number }[] = [];
  const first: AlarmSignal[] = [];
  const later: AlarmSignal[] = [];
  for (const { subjectId, facilityId, name, plan } of plans) {
    for (const c of plan.cleared) quiet.push({ subjectId, rule: c.rule, ts: c.clearedTs });
    const seen = new Set<string>();
    for (const e of plan.episodes) {
      const signal: AlarmSignal = {
        subjectId,
        facilityId,
        rule: e.rule,
        severity: e.severity,
        message: `${name}: ${e.message}`,
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
  const before = await clearAlarms(tx, subject, quiet);
  const raised = await raiseAlarms(tx, subject, first);
  const after = await clearAlarms(
    tx,
    subject,
    first.flatMap((s) =>
      s.clearedTs === null ? [] : [{ subjectId: s.subjectId, rule: s.rule, ts: s.clearedTs }],
    ),
  );
  const stored = await insertAlarms(tx, subject, later);
  const opened = [...raised.filter((a) => a.opened), ...stored];

  // An alarm storm opens hundreds at once: their events are written together, in reading time (an
  // alarm's AlarmCleared before the next one's AnomalyDetected).
  const event = eventsOf(tenantId, subject);
  const timed: { ts: number; event: NewEvent }[] = [
    ...[...before, ...after].map((a) => ({ ts: Number(a.clearedTs), event: event.cleared(a) })),
    ...opened.map((a) => ({ ts: Number(a.openedTs), event: event.detected(a) })),
    ...stored.flatMap((a) =>
      a.clearedTs === null ? [] : [{ ts: Number(a.clearedTs), event: event.cleared(a) }],
    ),
  ];
  timed.sort((x, y) => x.ts - y.ts);
  await events.recordMany(
    tx,
    timed.map((t) => t.event),
  );
  return opened.length;
}

/** The events of a sensor's alarms (on `sensor:<id>`) or a group's (`sensor-group:<id>`). */
function eventsOf(tenantId: string, subject: AlarmSubject) {
  const aggregateType = subject === 'sensor' ? 'sensor' : 'sensor-group';
  const idKey = subject === 'sensor' ? 'sensorId' : 'groupId';
  return {
    cleared: (a: { id: string; subjectId: string; rule: string }): NewEvent => ({
      tenantId,
      aggregateType,
      aggregateId: a.subjectId,
      type: 'AlarmCleared',
      data: { alarmId: a.id, [idKey]: a.subjectId, rule: a.rule, automatic: true },
    }),
    detected: (a: RaisedAlarm): NewEvent => ({
      tenantId,
      aggregateType,
      aggregateId: a.subjectId,
      type: 'AnomalyDetected',
      data: {
        alarmId: a.id,
        [idKey]: a.subjectId,
        rule: a.rule,
        severity: a.severity,
        value: a.value,
        message: a.message,
        at: new Date(Number(a.openedTs)).toISOString(),
      },
    }),
  };
}
