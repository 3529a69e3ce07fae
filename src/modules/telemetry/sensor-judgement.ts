// From a sensor's row to what its detectors take: the pure step before the monitor that ingest runs
// per sensor (alarm-episodes.ts takes their findings on).
import type { DetectionConfig } from './monitor.ts';
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
