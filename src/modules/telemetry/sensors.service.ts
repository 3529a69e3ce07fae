import type { Principal } from '../../platform/auth/principal.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { inCallerTenant, readInCallerTenant } from '../../platform/db/scope.ts';
import { badRequest, conflict, conflictOnUnique, forbidden, notFound } from '../../platform/http/errors.ts';
import { facilityInScope } from '../identity/index.ts';
import { findLine } from '../plant/index.ts';
import { activeAlarmsOf, activeAlarmsPerSensor } from './alarms.repo.ts';
import { DEFAULT_DETECTION, type DetectionConfig } from './monitor.ts';
import { hasReadings } from './readings.repo.ts';
import {
  deleteSensor,
  findSensor,
  findSensorState,
  insertSensor,
  listSensors,
  resetLimitState,
  type SensorFilter,
  type SensorInsert,
  type SensorRow,
  updateSensor,
} from './sensors.repo.ts';
import { recentMeans } from './series.repo.ts';

export interface SensorInput {
  facilityId: string;
  key: string;
  lineId?: string | null | undefined;
  equipment?: string | null | undefined;
  name: string;
  type: string;
  unit?: string | null | undefined;
  lowerSpec?: number | null | undefined;
  upperSpec?: number | null | undefined;
  target?: number | null | undefined;
  samplingSeconds?: number | null | undefined;
  detection?: DetectionPatch | undefined;
  controlLimits?: { center: number; sigma: number } | null | undefined;
  clearAfterSeconds?: number | undefined;
}

/** A change to detection: any part, nested parts merged over what is there. */
export interface DetectionPatch {
  spec?: boolean | undefined;
  ewma?: Partial<DetectionConfig['ewma']> | undefined;
  zscore?: Partial<DetectionConfig['zscore']> | undefined;
  anomaly?: Partial<NonNullable<DetectionConfig['anomaly']>> | undefined;
  rules?: DetectionConfig['rules'] | undefined;
  baselineCount?: number | undefined;
}

export type SensorPatchInput = Partial<Omit<SensorInput, 'facilityId'>>;

const SPARKLINE_MS = 2 * 3600_000;

/** The columns a create or patch sets, with detection merged over `base`. */
function columnsOf(input: SensorPatchInput, base: DetectionConfig): Partial<SensorInsert> {
  const { detection, controlLimits, ...rest } = input;
  const columns: Partial<SensorInsert> = { ...rest };
  if (detection) {
    columns.detection = {
      ...base,
      ...detection,
      ewma: { ...base.ewma, ...detection.ewma },
      zscore: { ...base.zscore, ...detection.zscore },
      anomaly: { ...(base.anomaly ?? { enabled: false, threshold: 2 }), ...detection.anomaly },
    } as DetectionConfig;
  }
  if (controlLimits !== undefined) {
    columns.controlCenter = controlLimits?.center ?? null;
    columns.controlSigma = controlLimits?.sigma ?? null;
    columns.limitsSource = controlLimits ? 'manual' : null;
  }
  return columns;
}

function checkSpec(lower: number | null | undefined, upper: number | null | undefined) {
  if (lower != null && upper != null && lower >= upper) throw badRequest('lowerSpec must be below upperSpec');
}

export function createSensorsService({ db }: { db: Db }) {
  async function existing(tx: Tx, id: string): Promise<SensorRow> {
    const sensor = await findSensor(tx, id);
    if (!sensor) throw notFound('Sensor');
    return sensor;
  }

  async function checkLine(tx: Tx, lineId: string | null | undefined, facilityId: string) {
    if (!lineId) return;
    const line = await findLine(tx, lineId);
    if (!line || line.facilityId !== facilityId) throw badRequest('Unknown lineId in this facility');
  }

  const keyTaken = (key: string | undefined) => (err: unknown) =>
    conflictOnUnique(`A sensor with key ${key} already exists in this facility`)(err);

  const create = (principal: Principal, input: SensorInput) =>
    inCallerTenant(db, principal, async (tx, tenantId) => {
      if (!(await facilityInScope(tx, input.facilityId))) throw badRequest('Unknown facilityId');
      await checkLine(tx, input.lineId, input.facilityId);
      checkSpec(input.lowerSpec, input.upperSpec);
      const columns = columnsOf(input, DEFAULT_DETECTION);
      return insertSensor(tx, {
        ...(columns as SensorInsert),
        detection: columns.detection ?? DEFAULT_DETECTION,
        tenantId,
        facilityId: input.facilityId,
      }).catch(keyTaken(input.key));
    });

  const list = (principal: Principal, filter: SensorFilter & { sparkline?: boolean | undefined }) =>
    readInCallerTenant(db, principal, async (tx) => {
      const page = await listSensors(tx, filter);
      const ids = page.items.map((item) => item.sensor.id);
      const means = filter.sparkline ? await recentMeans(tx, ids, Date.now() - SPARKLINE_MS, 120) : new Map();
      const counts = await activeAlarmsPerSensor(tx, ids);
      return {
        total: page.total,
        items: page.items.map((item) => ({
          ...item,
          sparkline: means.get(item.sensor.id) ?? [],
          activeAlarms: counts.get(item.sensor.id) ?? 0,
        })),
      };
    });

  const get = (principal: Principal, id: string) =>
    readInCallerTenant(db, principal, async (tx) => {
      const sensor = await existing(tx, id);
      const state = await findSensorState(tx, id);
      return {
        sensor,
        lastTs: state?.lastTs ?? null,
        lastValue: state?.lastValue ?? null,
        activeAlarms: await activeAlarmsOf(tx, id),
      };
    });

  const update = (principal: Principal, id: string, patch: SensorPatchInput) =>
    inCallerTenant(db, principal, async (tx) => {
      const sensor = await existing(tx, id);
      if (patch.lineId !== undefined) await checkLine(tx, patch.lineId, sensor.facilityId);
      checkSpec(
        patch.lowerSpec !== undefined ? patch.lowerSpec : sensor.lowerSpec,
        patch.upperSpec !== undefined ? patch.upperSpec : sensor.upperSpec,
      );
      const columns = columnsOf(patch, sensor.detection as DetectionConfig);
      const updated = (await updateSensor(tx, id, columns).catch(keyTaken(patch.key))) as SensorRow;
      // New limits (or none, to learn them again): the charts' state starts over against them.
      if (patch.controlLimits !== undefined || patch.detection?.baselineCount !== undefined)
        await resetLimitState(tx, id);
      const state = await findSensorState(tx, id);
      return { sensor: updated, lastTs: state?.lastTs ?? null, lastValue: state?.lastValue ?? null };
    });

  /** Refused while the sensor has readings, unless an admin purges them with it. */
  const remove = (principal: Principal, id: string, purge: boolean) =>
    inCallerTenant(db, principal, async (tx) => {
      await existing(tx, id);
      if (purge && !principal.scopes.has('admin')) throw forbidden('Only an admin may purge readings');
      if (!purge && (await hasReadings(tx, id))) {
        throw conflict('The sensor has readings; delete it with ?purge=true to delete them too');
      }
      await deleteSensor(tx, id);
    });

  return { create, list, get, update, remove };
}

export type SensorsService = ReturnType<typeof createSensorsService>;
