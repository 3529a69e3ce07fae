// The demo tenant's sensors: a dozen on the two demo lines, each with a process the simulator
// imitates (a level, noise, a slow drift) and the limits a plant would set for it.
import type { Db } from '../../platform/db/database.ts';
import { inTenant, readInTenant } from '../../platform/db/scope.ts';
import { listLines } from '../plant/lines.repo.ts';
import { DEFAULT_DETECTION, type DetectionConfig } from './monitor.ts';
import { insertSensor, listSensors, type SensorRow } from './sensors.repo.ts';

export interface DemoProcess {
  key: string;
  line: 'L1' | 'L2';
  name: string;
  type: string;
  unit: string;
  equipment?: string;
  level: number;
  noise: number;
  lowerSpec: number;
  upperSpec: number;
  /** SPC run rules beyond the default (Western Electric 1). */
  rules?: DetectionConfig['rules'];
  ewma?: boolean;
}

export const DEMO_SAMPLING_SECONDS = 5;

export const DEMO_PROCESSES: readonly DemoProcess[] = [
  {
    key: 'L1-FILL-TEMP',
    line: 'L1',
    name: 'Filler product temperature',
    type: 'temperature',
    unit: '°C',
    level: 4,
    noise: 0.15,
    lowerSpec: 2,
    upperSpec: 6,
  },
  {
    key: 'L1-TANK-PRESS',
    line: 'L1',
    name: 'Buffer tank pressure',
    type: 'pressure',
    unit: 'bar',
    level: 2.5,
    noise: 0.05,
    lowerSpec: 2,
    upperSpec: 3,
  },
  {
    key: 'L1-PUMP-VIB',
    line: 'L1',
    name: 'Filler pump vibration',
    type: 'vibration',
    unit: 'mm/s',
    equipment: 'Pump P-101',
    level: 2.8,
    noise: 0.3,
    lowerSpec: 0,
    upperSpec: 7.1,
  },
  {
    key: 'L1-PUMP-TEMP',
    line: 'L1',
    name: 'Filler pump bearing temperature',
    type: 'temperature',
    unit: '°C',
    equipment: 'Pump P-101',
    level: 45,
    noise: 0.8,
    lowerSpec: 20,
    upperSpec: 70,
  },
  {
    key: 'L1-FILL-WEIGHT',
    line: 'L1',
    name: 'Fill weight',
    type: 'weight',
    unit: 'g',
    level: 1002,
    noise: 1.5,
    lowerSpec: 995,
    upperSpec: 1010,
    rules: ['we1', 'we2', 'we3', 'we4'],
  },
  {
    key: 'L1-FLOW',
    line: 'L1',
    name: 'Product flow',
    type: 'flow',
    unit: 'L/min',
    level: 120,
    noise: 2,
    lowerSpec: 90,
    upperSpec: 150,
  },
  {
    key: 'L2-SEAL-TEMP',
    line: 'L2',
    name: 'Sealing jaw temperature',
    type: 'temperature',
    unit: '°C',
    level: 180,
    noise: 1.2,
    lowerSpec: 170,
    upperSpec: 190,
    rules: ['we1', 'we2', 'we3', 'we4'],
    ewma: true,
  },
  {
    key: 'L2-CONV-SPEED',
    line: 'L2',
    name: 'Conveyor speed',
    type: 'speed',
    unit: 'm/min',
    level: 60,
    noise: 0.5,
    lowerSpec: 50,
    upperSpec: 70,
  },
  {
    key: 'L2-MOTOR-CURRENT',
    line: 'L2',
    name: 'Conveyor motor current',
    type: 'current',
    unit: 'A',
    equipment: 'Motor M-201',
    level: 12,
    noise: 0.4,
    lowerSpec: 0,
    upperSpec: 18,
  },
  {
    key: 'L2-MOTOR-VIB',
    line: 'L2',
    name: 'Conveyor motor vibration',
    type: 'vibration',
    unit: 'mm/s',
    equipment: 'Motor M-201',
    level: 3.2,
    noise: 0.35,
    lowerSpec: 0,
    upperSpec: 7.1,
  },
  {
    key: 'L2-AIR-PRESS',
    line: 'L2',
    name: 'Compressed air pressure',
    type: 'pressure',
    unit: 'bar',
    level: 6.2,
    noise: 0.08,
    lowerSpec: 5.5,
    upperSpec: 7,
  },
  {
    key: 'L2-HUMIDITY',
    line: 'L2',
    name: 'Packaging hall humidity',
    type: 'humidity',
    unit: '%',
    level: 45,
    noise: 1,
    lowerSpec: 30,
    upperSpec: 60,
  },
];

/** Creates the demo sensors on the demo lines (nothing when the facility has sensors already). */
export async function seedDemoSensors(
  db: Db,
  target: { tenantId: string; facilityId: string },
): Promise<number> {
  return inTenant(db, target.tenantId, async (tx) => {
    if ((await listSensors(tx, { facilityId: target.facilityId, limit: 1, offset: 0 })).total > 0) return 0;
    const lines = await listLines(tx, { facilityId: target.facilityId, limit: 10, offset: 0 });
    const lineId = new Map(lines.items.map((line) => [line.code, line.id]));
    for (const p of DEMO_PROCESSES) {
      await insertSensor(tx, {
        tenantId: target.tenantId,
        facilityId: target.facilityId,
        lineId: lineId.get(p.line) ?? null,
        equipment: p.equipment ?? null,
        key: p.key,
        name: p.name,
        type: p.type,
        unit: p.unit,
        lowerSpec: p.lowerSpec,
        upperSpec: p.upperSpec,
        target: p.level,
        samplingSeconds: DEMO_SAMPLING_SECONDS,
        detection: {
          ...DEFAULT_DETECTION,
          rules: p.rules ?? DEFAULT_DETECTION.rules,
          ewma: { ...DEFAULT_DETECTION.ewma, enabled: p.ewma ?? false },
        },
      });
    }
    return DEMO_PROCESSES.length;
  });
}

/** The demo sensors of a tenant, by key. */
export async function demoSensors(db: Db, tenantId: string): Promise<Map<string, SensorRow>> {
  return readInTenant(db, tenantId, async (tx) => {
    const page = await listSensors(tx, { limit: 200, offset: 0 });
    const keys = new Set(DEMO_PROCESSES.map((p) => p.key));
    return new Map(page.items.filter((i) => keys.has(i.sensor.key)).map((i) => [i.sensor.key, i.sensor]));
  });
}
