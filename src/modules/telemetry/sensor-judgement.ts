// From a sensor's row to what its detectors take (configOf), and from their findings to one alarm
// signal per rule (collapse): the pure steps around the monitor that ingest runs per sensor.
import type { AlarmSignal } from './alarms.repo.ts';
import type { DetectionConfig, monitor } from './monitor.ts';
import type { SensorRow } from './sensors.repo.ts';

export function configOf(sensor: SensorRow) {
  const manual =
    sensor.limitsSource === 'manual' && sensor.controlCenter !== null && sensor.controlSigma !== null
      ? { center: sensor.controlCenter, sigma: sensor.controlSigma }
      : null;
  return {
    lowerSpec: sensor.lowerSpec,
    upperSpec: sensor.upperSpec,
    detection: sensor.detection as DetectionConfig,
    manualLimits: manual,
  };
}

/** One signal per rule: the first finding opens the alarm, the count and the last extend it. */
export function collapse(sensor: SensorRow, findings: ReturnType<typeof monitor>['findings']): AlarmSignal[] {
  const byRule = new Map<string, AlarmSignal>();
  for (const f of findings) {
    const existing = byRule.get(f.rule);
    if (existing) {
      existing.count++;
      if (f.ts < existing.firstTs) {
        existing.firstTs = f.ts;
        existing.value = f.value;
        existing.message = f.message;
      }
      existing.lastTs = Math.max(existing.lastTs, f.ts);
    } else {
      byRule.set(f.rule, {
        sensorId: sensor.id,
        facilityId: sensor.facilityId,
        rule: f.rule,
        severity: f.severity,
        message: `${sensor.name}: ${f.message}`,
        value: f.value,
        firstTs: f.ts,
        lastTs: f.ts,
        count: 1,
      });
    }
  }
  return [...byRule.values()];
}
