import type { AlarmRow } from './alarms.repo.ts';
import type { SensorRow } from './sensors.repo.ts';
import type { Bucket, RawReading } from './series.repo.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const isoMs = (ms: number) => new Date(ms).toISOString();

export function presentSensor({
  sensor,
  lastTs,
  lastValue,
}: {
  sensor: SensorRow;
  lastTs: Date | null;
  lastValue: number | null;
}) {
  return {
    id: sensor.id,
    facilityId: sensor.facilityId,
    lineId: sensor.lineId,
    equipment: sensor.equipment,
    key: sensor.key,
    name: sensor.name,
    type: sensor.type,
    unit: sensor.unit,
    lowerSpec: sensor.lowerSpec,
    upperSpec: sensor.upperSpec,
    target: sensor.target,
    samplingSeconds: sensor.samplingSeconds,
    detection: sensor.detection,
    controlLimits:
      sensor.controlCenter !== null && sensor.controlSigma !== null && sensor.limitsSource
        ? { center: sensor.controlCenter, sigma: sensor.controlSigma, source: sensor.limitsSource }
        : null,
    clearAfterSeconds: sensor.clearAfterSeconds,
    lastTs: iso(lastTs),
    lastValue,
    createdAt: sensor.createdAt.toISOString(),
  };
}

export function presentAlarm(alarm: AlarmRow) {
  return {
    id: alarm.id,
    sensorId: alarm.sensorId,
    groupId: alarm.groupId,
    facilityId: alarm.facilityId,
    rule: alarm.rule,
    severity: alarm.severity,
    status: alarm.status,
    message: alarm.message,
    value: alarm.value,
    openedAt: alarm.openedAt.toISOString(),
    lastSignalAt: alarm.lastSignalAt.toISOString(),
    signalCount: alarm.signalCount,
    acknowledgedBy: alarm.acknowledgedBy,
    acknowledgedAt: iso(alarm.acknowledgedAt),
    ackNote: alarm.ackNote,
    clearedAt: iso(alarm.clearedAt),
    clearedBy: alarm.clearedBy,
    clearNote: alarm.clearNote,
  };
}

export function presentSeries(series: {
  sensorId: string;
  from: number;
  to: number;
  bucket: string;
  widthSeconds: number | null;
  source: 'raw' | '1m' | '1h';
  buckets: Bucket[];
  readings: RawReading[];
  next: number | null;
}) {
  return {
    ...series,
    from: isoMs(series.from),
    to: isoMs(series.to),
    buckets: series.buckets.map((b) => ({ ...b, t: isoMs(b.t) })),
    readings: series.readings.map((r) => ({ t: isoMs(r.t), value: r.value })),
  };
}
