import { BlockList, isIP } from 'node:net';
import { type App, buildApp } from './app.ts';
import type { Config } from './config.ts';
import { addSecondFacility } from './modules/analytics/index.ts';
import { type Announce, ensureSuperadmin, seedDemoTenant } from './modules/identity/index.ts';
import { seedDemoInspection } from './modules/inspection/index.ts';
import { seedDemoNotifications } from './modules/notifications/index.ts';
import { seedDemoPlant } from './modules/plant/index.ts';
import { seedDemoSupply } from './modules/supply/index.ts';
import { seedDemoSensors } from './modules/telemetry/index.ts';
import { type ControlChannel, startControlChannel } from './platform/backup/control-channel.ts';
import { type Database, type Db, openDatabase, targetFromConfig } from './platform/db/database.ts';
import { recordStart } from './platform/db/instance.repo.ts';
import { refreshStatistics } from './platform/db/maintenance.ts';
import { migrateDatabase } from './platform/db/migrate.ts';
import { closeLogger, createLogger, type Logger } from './platform/observability/logger.ts';
import { startTracing, stopTracing } from './platform/observability/tracing.ts';

export interface RunningServer {
  app: App;
  database: Database;
  logger: Logger;
  /** Where HTTP is served; empty for a worker process. */
  url: string;
  /** Resolves once a shutdown (signal or `stop()`) has completed. */
  stopped: Promise<void>;
  stop(reason?: string): Promise<void>;
}

/** One-time secrets (generated passwords) go to the terminal, never into the log stream. */
function announceOnTerminal(message: string) {
  process.stderr.write(`\n*** ${message}\n\n`);
}

/**
 * The superadmin on an empty database; the demo tenant on the first start of a fresh embedded
 * database (PLANTINTEL_DEMO=0 turns it off; `plantintel seed --demo` adds it anywhere).
 */
async function bootstrapData(config: Config, database: Database, firstStart: boolean, announce: Announce) {
  await ensureSuperadmin(database.db, { email: config.adminEmail, password: config.adminPassword }, announce);
  if (firstStart && config.demo && database.driver === 'pglite') {
    await seedDemoData(database.db, config.demoPassword, announce);
  }
}

/**
 * The demo tenant with its users (identity) and three weeks of plant history (plant).
 * Returns false when the demo tenant already existed (nothing is changed then).
 */
export async function seedDemoData(
  db: Db,
  password: string | undefined,
  announce: Announce,
): Promise<boolean> {
  const { tenant, facilityId, created } = await seedDemoTenant(db, { password }, announce);
  if (!created) return false;
  const plant = await seedDemoPlant(db, { tenantId: tenant.id, facilityId });
  const sensors = await seedDemoSensors(db, { tenantId: tenant.id, facilityId });
  const inspection = await seedDemoInspection(db, { tenantId: tenant.id, facilityId });
  const supply = await seedDemoSupply(db, { tenantId: tenant.id });
  // Only its row: its lines, history and imports are the analytics.demo-second-facility job's.
  await addSecondFacility(db, tenant.id);
  await seedDemoNotifications(db, tenant.id);
  await refreshStatistics(db);
  announce(
    `Demo plant history: ${plant.lines} lines, ${plant.batches} batches over the last 3 weeks; ${sensors} sensors (the simulator fills their last 24 hours and feeds them live); an inspection station with ${inspection.cameras} cameras (the simulator sends a part every few seconds); supply: ${supply.warehouses} warehouses, ${supply.skus} SKUs at ${supply.inventory} stock points, ${supply.vehicles} vehicles, ${supply.clients} clients, ${supply.orders} open orders and ${supply.deliveries} deliveries for tomorrow to route (two years of daily demand and 60 days of deliveries are written in the background: jobs supply.demo-history and supply.demo-deliveries); a second facility, DEMO-2 "Second plant" (its lines, 3 weeks of history and a work-order import per facility are written in the background: job analytics.demo-second-facility); notifications: completed analyses and scheduled runs ring the bell and mail admin@demo.local (set SMTP_URL, e.g. smtp://127.0.0.1:2525 with npm run smtp-sink)`,
  );
  return true;
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  const family = isIP(host);
  return family !== 0 && LOOPBACK.check(host, family === 4 ? 'ipv4' : 'ipv6');
}

/** The start-up warning for /metrics answering anyone on the network, or undefined. */
export function metricsExposureWarning(config: Pick<Config, 'host' | 'metricsToken'>): string | undefined {
  if (config.metricsToken !== undefined || isLoopback(config.host)) return undefined;
  return `GET /metrics is reachable without a token on ${config.host}: set METRICS_TOKEN to protect it`;
}

// Long enough for slow in-flight requests, short enough for an orchestrator's kill timeout.
const SHUTDOWN_GRACE_MS = 10_000;
/** A repeat of the stop signal within this long is the same signal delivered twice, not "now". */
const SIGNAL_REPEAT_MS = 1000;

/**
 * Opens and migrates the database, then serves HTTP (and runs job workers unless WORKERS=0) until
 * SIGINT/SIGTERM or `stop()`. With `worker: true` it only runs job workers and event delivery:
 * `plantintel worker`, for scaling background work out over more processes.
 */
export async function startServer(
  config: Config,
  options: { handleSignals?: boolean; announce?: Announce; worker?: boolean } = {},
): Promise<RunningServer> {
  const logger = createLogger(config);
  // Where start-up time goes, logged with "listening": loading the code, then each step below.
  const startup: Record<string, number> = { loadMs: Math.round(performance.now()) };
  let mark = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    startup[`${name}Ms`] = Math.round(now - mark);
    mark = now;
  };
  // OTEL_EXPORTER_OTLP_ENDPOINT unset: nothing of OpenTelemetry is loaded.
  await startTracing(config);
  const database = await openDatabase(targetFromConfig(config), {
    onConnectionError: (err) => logger.warn({ err }, 'a database connection failed; the pool replaces it'),
  });
  step('open');
  let app: App | undefined;
  let control: ControlChannel | undefined;
  try {
    await migrateDatabase(database);
    step('migrate');
    // The embedded database's owner answers `plantintel backup` (platform/backup/control-channel.ts).
    if (database.raw.kind === 'pglite')
      control = await startControlChannel(config.dataDir, database.raw.client, logger);
    const instance = await recordStart(database.db, config.version);
    logger.info(
      {
        driver: database.driver,
        database: database.location,
        instanceId: instance.instanceId,
        starts: instance.startCount,
      },
      'database ready',
    );
    step('ready');
    await bootstrapData(config, database, instance.startCount === 1, options.announce ?? announceOnTerminal);
    step('seed');
    if (options.worker) {
      app = await buildApp({
        config,
        database,
        logger,
        http: false,
        workers: true,
        announce: options.announce ?? announceOnTerminal,
      });
      await app.ready();
    } else {
      app = await buildApp({
        config,
        database,
        logger,
        simulator: config.simulator,
        announce: options.announce ?? announceOnTerminal,
      });
      await app.listen({ port: config.port, host: config.host });
    }
    step('app');
  } catch (err) {
    // Background services may already be running (they start when the app is ready).
    await app?.close().catch(() => {});
    await control?.close();
    await database.close();
    await stopTracing();
    throw err;
  }
  let url = '';
  if (options.worker) {
    logger.info(
      { version: config.version, concurrency: config.workerConcurrency, startup },
      'PlantIntel worker running',
    );
  } else {
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    logger.info({ url, version: config.version, startup }, `PlantIntel listening on ${url}`);
    const exposure = metricsExposureWarning(config);
    if (exposure) logger.warn(exposure);
  }

  let resolveStopped: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    resolveStopped = resolve;
  });
  let stopping: Promise<void> | undefined;
  const stop = (reason = 'stop requested') => {
    stopping ??= (async () => {
      logger.info({ reason }, 'shutting down: finishing in-flight requests');
      const force = setTimeout(() => {
        logger.error('shutdown grace period exceeded; closing connections');
        app.server.closeAllConnections();
      }, SHUTDOWN_GRACE_MS);
      try {
        await app.close();
      } finally {
        clearTimeout(force);
        await control?.close();
        await database.close();
        logger.info('shutdown complete: database closed');
        await stopTracing();
        await closeLogger(logger);
        resolveStopped();
      }
    })();
    return stopping;
  };

  if (options.handleSignals !== false) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      let first = 0;
      process.on(signal, () => {
        if (first === 0) {
          first = Date.now();
          void stop(signal);
          // A second signal means "now": exit without waiting any longer. Not one within the same
          // second, which is the first delivered twice (Ctrl-C reaches the launcher's whole process
          // group, and bin/plantintel.mjs passes it on too; systemd signals the whole cgroup).
        } else if (Date.now() - first > SIGNAL_REPEAT_MS) process.exit(130);
      });
    }
  }
  return { app, database, logger, url, stopped, stop };
}
