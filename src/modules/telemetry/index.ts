// The telemetry module's public surface (seed 003, issue 12): sensors, readings ingest and chart
// queries, streaming anomaly detection and the alarm lifecycle, the demo simulator.
import type { Db } from '../../platform/db/database.ts';
import { deleteInBatches } from '../../platform/db/maintenance.ts';
import { acrossTenants, isUuid, readInTenant } from '../../platform/db/scope.ts';
import type { Events } from '../../platform/events/events.ts';
import type { App } from '../../platform/http/types.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { Realtime } from '../../platform/realtime/realtime.ts';
import { DEMO_TENANT, findTenantByName } from '../identity/index.ts';
import { alarmsRoutes } from './alarms.routes.ts';
import { createAlarmsService } from './alarms.service.ts';
import { findGroup, trainedGroups } from './groups.repo.ts';
import { GROUP_SCHEMAS, groupsRoutes } from './groups.routes.ts';
import { createGroupsService } from './groups.service.ts';
import { importCsvJob } from './import.job.ts';
import { importRoutes } from './import.routes.ts';
import { createImportService, uploadStore } from './import.service.ts';
import { createIngest, type Ingest } from './ingest.service.ts';
import { lineProtocolRoutes } from './line-protocol.routes.ts';
import { createLineProtocolWriter } from './line-protocol.service.ts';
import { createLivePush } from './live.ts';
import { dropReadingsBefore, ensurePartitions, pruneMinuteRollups } from './readings.repo.ts';
import { readingsRoutes } from './readings.routes.ts';
import { findSensor } from './sensors.repo.ts';
import { sensorsRoutes } from './sensors.routes.ts';
import { createSensorsService } from './sensors.service.ts';
import { createSeriesService } from './series.service.ts';
import { settingsRoutes, TelemetrySettings } from './settings.routes.ts';
import { type Simulator, startSimulator } from './simulator.ts';
import { TELEMETRY_SCHEMAS } from './telemetry.schemas.ts';

// For the AI gateway's retrieve node (pipelines/runtime/retrievers.ts).
export { type AlarmRow, listAlarms } from './alarms.repo.ts';
export { seedDemoSensors } from './demo.ts';
export type { Simulator } from './simulator.ts';
export { type SensorSummary, sensorSummaries } from './summary.repo.ts';

/** Starts the simulator on the demo tenant, if there is one (undefined otherwise). */
export async function startDemoSimulator(
  db: Db,
  ingest: Ingest,
  logger: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void },
): Promise<Simulator | undefined> {
  const tenant = await acrossTenants(db, (tx) => findTenantByName(tx, DEMO_TENANT));
  if (!tenant) return undefined;
  return startSimulator({ db, ingest, tenantId: tenant.id, logger });
}

const DAY_MS = 86_400_000;
/** Partitions made ahead of time by maintenance, in days. */
const PARTITIONS_AHEAD_DAYS = 3;
/** How often trained sensor groups are judged. */
const GROUP_SWEEP_MS = 10_000;
/** Newest accepted reading: devices' clocks drift. */
export const MAX_FUTURE_SECONDS = 300;

export interface TelemetryDeps {
  db: Db;
  events: Pick<Events, 'record' | 'recordMany'>;
  realtime: Pick<Realtime, 'registerTopic' | 'publish'>;
  logger: { warn(obj: object, msg: string): void };
  retentionDays: number;
  /** LATE_DATA_WINDOW_SECONDS: late readings this far behind the newest are replayed through the detectors. */
  lateDataWindowSeconds: number;
  bulkBodyLimit: number;
  /** The job queue CSV imports are submitted to (the composition root defines `importJob` on it). */
  jobs: Pick<Jobs, 'submit'>;
  /** Where CSV uploads wait for their import job. */
  uploadsDir: string;
  importMaxBytes: number;
}

export function createTelemetry({
  db,
  events,
  realtime,
  logger,
  retentionDays,
  lateDataWindowSeconds,
  bulkBodyLimit,
  jobs,
  uploadsDir,
  importMaxBytes,
}: TelemetryDeps) {
  const live = createLivePush({
    db,
    realtime,
    onError: (err) => logger.warn({ err }, 'live sensor push failed'),
  });
  const ingest = createIngest({
    db,
    events,
    live,
    maxAgeDays: retentionDays,
    maxFutureSeconds: MAX_FUTURE_SECONDS,
    replayWindowMs: lateDataWindowSeconds * 1000,
  });
  const sensors = createSensorsService({ db });
  const series = createSeriesService({ db });
  const alarms = createAlarmsService({ db, events });
  const lineProtocol = createLineProtocolWriter({ db, ingest });
  const uploads = uploadStore(uploadsDir);
  const imports = createImportService({ db, jobs, uploads, maxBytes: importMaxBytes });
  const groups = createGroupsService({ db, events });
  let sweepTimer: NodeJS.Timeout | undefined;
  let sweeping: Promise<void> = Promise.resolve();

  /** Judges every trained group's new complete buckets (each group in its own transaction). */
  async function sweepGroups() {
    for (const group of await acrossTenants(db, (tx) => trainedGroups(tx))) {
      await groups
        .evaluate(group.tenantId, group.id)
        .catch((err) => logger.warn({ err, groupId: group.id }, 'sensor group evaluation failed'));
    }
  }

  realtime.registerTopic(
    'sensor-group',
    async (principal, id) =>
      principal.tenantId !== null &&
      isUuid(id) &&
      (await readInTenant(db, principal.tenantId, async (tx) => (await findGroup(tx, id)) !== undefined)),
  );
  realtime.registerTopic(
    'sensor',
    async (principal, id) =>
      principal.tenantId !== null &&
      isUuid(id) &&
      (await readInTenant(db, principal.tenantId, async (tx) => (await findSensor(tx, id)) !== undefined)),
  );

  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

  return {
    ingest,
    alarms,
    groups,
    live,
    sweepGroups,
    /** Starts the group sweep (processes that run workers). */
    start() {
      const tick = () => {
        sweeping = sweepGroups()
          .catch((err) => logger.warn({ err }, 'sensor group sweep failed'))
          .finally(() => {
            if (sweepTimer) sweepTimer = setTimeout(tick, GROUP_SWEEP_MS);
          });
      };
      sweepTimer = setTimeout(tick, GROUP_SWEEP_MS);
    },
    /** The CSV import job, for the composition root to define on the queue. */
    importJob: importCsvJob({ ingest, uploads }),
    /** Housekeeping: partitions ahead, raw readings and minute rollups past the retention. */
    maintenanceTasks: {
      'telemetry.partitions': (tx: Db) =>
        acrossTenants(tx, (t) =>
          ensurePartitions(t, day(Date.now()), day(Date.now() + PARTITIONS_AHEAD_DAYS * DAY_MS)),
        ),
      'telemetry.retention': async (tx: Db) => {
        const before = Date.now() - retentionDays * DAY_MS;
        const dropped = await acrossTenants(tx, (t) => dropReadingsBefore(t, day(before)));
        return dropped + (await deleteInBatches(tx, 'readings_1m', pruneMinuteRollups(before)));
      },
      'telemetry.uploads': () => uploads.removeStale(),
    },
    /** InfluxDB's write endpoints (POST /write, /api/v2/write): on the root, in a context of their own. */
    writeRoutes: (app: App) =>
      app.register(async (influx) =>
        lineProtocolRoutes(influx, { writer: lineProtocol, bodyLimit: bulkBodyLimit }),
      ),
    routes(app: App) {
      for (const schema of [...TELEMETRY_SCHEMAS, ...GROUP_SCHEMAS, TelemetrySettings]) app.addSchema(schema);
      groupsRoutes(app, { groups });
      settingsRoutes(app, { db });
      sensorsRoutes(app, { sensors, series });
      readingsRoutes(app, { ingest, bulkBodyLimit });
      importRoutes(app, { imports });
      alarmsRoutes(app, { alarms });
    },
    async stop() {
      if (sweepTimer) clearTimeout(sweepTimer);
      sweepTimer = undefined;
      await sweeping;
      await live.stop();
    },
  };
}

export type Telemetry = ReturnType<typeof createTelemetry>;
