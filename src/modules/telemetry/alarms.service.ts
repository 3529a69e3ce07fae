// The alarm lifecycle a person drives: acknowledge (who, when, note) and clear by hand. Opening,
// extending and clearing by itself happen in ingest.
import type { Principal } from '../../platform/auth/principal.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { inCallerTenant, readInCallerTenant } from '../../platform/db/scope.ts';
import type { Events } from '../../platform/events/events.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import {
  type AlarmFilter,
  type AlarmRow,
  activeAlarmCounts,
  findAlarm,
  listAlarms,
  updateAlarm,
} from './alarms.repo.ts';

export function createAlarmsService({ db, events }: { db: Db; events: Pick<Events, 'record'> }) {
  async function locked(tx: Tx, id: string): Promise<AlarmRow> {
    const alarm = await findAlarm(tx, id, true);
    if (!alarm) throw notFound('Alarm');
    return alarm;
  }

  const announce = (tx: Tx, alarm: AlarmRow, type: string, by: string) =>
    events.record(tx, {
      tenantId: alarm.tenantId,
      aggregateType: alarm.sensorId ? 'sensor' : 'sensor-group',
      aggregateId: (alarm.sensorId ?? alarm.groupId) as string,
      type,
      data: { alarmId: alarm.id, sensorId: alarm.sensorId, groupId: alarm.groupId, rule: alarm.rule, by },
    });

  const list = (principal: Principal, filter: AlarmFilter) =>
    readInCallerTenant(db, principal, (tx) => listAlarms(tx, filter));

  const get = (principal: Principal, id: string) =>
    readInCallerTenant(db, principal, async (tx) => {
      const alarm = await findAlarm(tx, id);
      if (!alarm) throw notFound('Alarm');
      return alarm;
    });

  const acknowledge = (principal: Principal, id: string, note: string | undefined) =>
    inCallerTenant(db, principal, async (tx) => {
      const alarm = await locked(tx, id);
      if (alarm.status !== 'open')
        throw conflict(`The alarm is ${alarm.status}; only an open alarm can be acknowledged`);
      const updated = await updateAlarm(tx, id, {
        status: 'acknowledged',
        acknowledgedBy: principal.userId,
        acknowledgedAt: new Date(),
        ackNote: note ?? null,
      });
      await announce(tx, updated, 'AlarmAcknowledged', principal.label);
      return updated;
    });

  const clear = (principal: Principal, id: string, note: string | undefined) =>
    inCallerTenant(db, principal, async (tx) => {
      const alarm = await locked(tx, id);
      if (alarm.status === 'cleared') throw conflict('The alarm is already cleared');
      const updated = await updateAlarm(tx, id, {
        status: 'cleared',
        clearedBy: principal.userId,
        clearedAt: new Date(),
        clearNote: note ?? null,
      });
      await announce(tx, updated, 'AlarmCleared', principal.label);
      return updated;
    });

  const counts = (principal: Principal, facilityId?: string) =>
    readInCallerTenant(db, principal, (tx) => activeAlarmCounts(tx, facilityId));

  return { list, get, acknowledge, clear, counts };
}

export type AlarmsService = ReturnType<typeof createAlarmsService>;
