// The composition root: creates the platform services and registers every module, in order
// (external plugins → platform → modules → web). Nothing else wires dependencies together.
import { join } from 'node:path';
import cors from '@fastify/cors';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyServerOptions } from 'fastify';
import { type Config, localServerUrl } from './config.ts';
import { createAnalytics } from './modules/analytics/index.ts';
import { createIdentity } from './modules/identity/index.ts';
import { createInspection, type InspectionSimulator } from './modules/inspection/index.ts';
import { createNotifications } from './modules/notifications/index.ts';
import { createPipelines, createRetrievers } from './modules/pipelines/index.ts';
import { createPlant } from './modules/plant/index.ts';
import { createReports } from './modules/reports/index.ts';
import { createSchedules } from './modules/schedules/index.ts';
import { createSupply } from './modules/supply/index.ts';
import { createTelemetry, type Simulator, startDemoSimulator } from './modules/telemetry/index.ts';
import { createMqtt } from './modules/telemetry/mqtt/index.ts';
import { createAi } from './platform/ai/ai.ts';
import type { Database } from './platform/db/database.ts';
import { eventsRoutes } from './platform/events/events.routes.ts';
import { registerAccessControl } from './platform/http/access.ts';
import { answerClientError, answerFrameworkError } from './platform/http/client-errors.ts';
import { registerErrorHandling } from './platform/http/error-handler.ts';
import { healthRoutes } from './platform/http/health.routes.ts';
import { lazySerializerFactory } from './platform/http/lazy-serializers.ts';
import { registerOpenApi } from './platform/http/openapi.ts';
import { RATE_LIMIT_HEADERS, registerRateLimits } from './platform/http/rate-limit/rate-limit.ts';
import {
  RequestCompletion,
  registerRequestContext,
  requestIdFor,
  trustProxyOption,
} from './platform/http/request-context.ts';
import { schemaBucket } from './platform/http/schema-bucket.ts';
import { sharedValidatorFactory } from './platform/http/shared-validators.ts';
import type { App } from './platform/http/types.ts';
import { registerWeb } from './platform/http/web.ts';
import { jobsRoutes } from './platform/jobs/jobs.routes.ts';
import type { Logger } from './platform/observability/logger.ts';
import { createMetrics } from './platform/observability/metrics.ts';
import { readinessChecks } from './platform/observability/readiness.ts';
import { requestLoggerFactory } from './platform/observability/request-logger.ts';
import { registerSubsystemMetrics } from './platform/observability/subsystems.ts';
import { activeTracing } from './platform/observability/tracing.ts';
import { websocketRoutes } from './platform/realtime/ws.routes.ts';
import { createRuntime, type Runtime } from './platform/runtime.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  logger: Logger;
  /** Where the built web app lives; tests point it elsewhere. */
  webDist?: string;
  /** Run job workers in this process (default: the WORKERS setting). */
  workers?: boolean;
  /** Serve HTTP and live push (false: a `plantintel worker` process, which only runs jobs). */
  http?: boolean;
  /** The background machinery; built here unless given (tests add their own job types to it). */
  runtime?: Runtime;
  /** Run the demo tenant's sensor simulator once ready (`serve` with PLANTINTEL_SIMULATOR on). */
  simulator?: boolean;
  /** Where one-time secrets (the demo's AI gateway key) are shown: the terminal, never the log. */
  announce?: (message: string) => void;
}

export type { App };

/** Builds the HTTP application. The caller owns the database and closes it after `app.close()`. */
export async function buildApp({
  config,
  database,
  logger,
  webDist,
  workers = config.workers,
  http = true,
  runtime: givenRuntime,
  simulator = false,
  announce,
}: AppDeps): Promise<App> {
  const metrics = createMetrics();
  // With OTEL_EXPORTER_OTLP_ENDPOINT set, every statement of this database is a span.
  activeTracing()?.instrumentDatabase(database);
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    logController: new RequestCompletion(metrics.requestDurations),
    childLoggerFactory: requestLoggerFactory as unknown as FastifyServerOptions['childLoggerFactory'],
    genReqId: requestIdFor,
    bodyLimit: config.bodyLimitBytes,
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
    // X-Forwarded-For only from the proxies TRUST_PROXY names, or any client could pick its own address.
    trustProxy: trustProxyOption(config.trustProxy),
    // allowUnionTypes: a schema of several types (telemetry's timestamps, string or number) is checked
    // in one pass, where an anyOf builds an error for each branch that fails first.
    ajv: {
      customOptions: {
        removeAdditional: false,
        coerceTypes: 'array',
        useDefaults: true,
        allErrors: true,
        allowUnionTypes: true,
      },
    },
    schemaController: {
      // Fastify types add() as returning the instance; its own bucket, like ours, returns nothing.
      bucket: schemaBucket as unknown as NonNullable<FastifyServerOptions['schemaController']>['bucket'],
      compilersFactory: {
        buildSerializer: lazySerializerFactory(),
        buildValidator: sharedValidatorFactory(),
      },
    },
    // Plugins and the onReady hook below (job queues, workers, the demo's jobs and simulators) get a
    // minute: Fastify's default 10 s fails a start on a heavily loaded machine, which is slow, not broken.
    pluginTimeout: 60_000,
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerRequestContext(app);
  registerErrorHandling(app);
  if (config.corsOrigins.length > 0) {
    const anyOrigin = config.corsOrigins.includes('*');
    await app.register(cors, {
      origin: anyOrigin ? true : config.corsOrigins,
      // Credentials are never shared with a wildcard origin.
      credentials: !anyOrigin,
      exposedHeaders: ['x-request-id', 'retry-after', ...RATE_LIMIT_HEADERS],
    });
  }
  await registerOpenApi(app, config);

  const runtime = givenRuntime ?? createRuntime({ config, database, logger: app.log });
  // PDF reports (analysis, OEE, inspection, alarms): rendered on the compute pool; other modules
  // (notification mails) take `reports.analysisPdf(tenantId, analysisId)` and its siblings.
  const reports = createReports({ db: database.db, compute: runtime.compute });
  const identity = await createIdentity({
    db: database.db,
    database,
    config,
    logger: app.log,
    events: runtime.events,
  });
  for (const [name, task] of Object.entries(identity.maintenanceTasks))
    runtime.maintenance.register(name, task);
  const plant = createPlant({
    db: database.db,
    events: runtime.events,
    realtime: runtime.realtime,
    compute: runtime.compute,
    maxBackdateDays: config.plantBackdateDays,
  });
  const telemetry = createTelemetry({
    db: database.db,
    events: runtime.events,
    realtime: runtime.realtime,
    logger: app.log,
    retentionDays: config.readingsRetentionDays,
    lateDataWindowSeconds: config.lateDataWindowSeconds,
    bulkBodyLimit: config.bulkBodyLimitBytes,
    jobs: runtime.jobs,
    uploadsDir: join(config.dataDir, 'uploads'),
    importMaxBytes: config.importMaxBytes,
  });
  for (const [name, task] of Object.entries(telemetry.maintenanceTasks))
    runtime.maintenance.register(name, task);
  runtime.jobs.define(telemetry.importJob);
  const pipelines = createPipelines({
    db: database.db,
    jobs: runtime.jobs,
    realtime: runtime.realtime,
    compute: runtime.compute,
    logger: app.log,
    aiSettings: config,
    embeddingSettings: config,
    streamKeepAliveMs: config.gatewayKeepAliveMs,
    retrievers: createRetrievers({ db: database.db }),
    apiKeys: identity.apiKeys,
    simulator: http && simulator,
    ...(announce ? { announce } : {}),
    serverUrl: localServerUrl(config),
  });
  pipelines.defineJobs(runtime.jobs);
  for (const [name, task] of Object.entries(pipelines.maintenanceTasks))
    runtime.maintenance.register(name, task);
  const analytics = createAnalytics({
    db: database.db,
    jobs: runtime.jobs,
    realtime: runtime.realtime,
    compute: runtime.compute,
    ai: pipelines.ai(createAi(config)),
    filesDir: join(config.dataDir, 'files'),
    uploadMaxBytes: config.uploadMaxMb * 1_048_576,
    xlsxLimits: {
      maxUnpackedBytes: config.xlsxMaxUnpackedMb * 1_048_576,
      maxPartBytes: config.xlsxMaxPartMb * 1_048_576,
      maxRatio: config.xlsxMaxRatio,
    },
    events: runtime.events,
    plantReports: plant.reports,
    log: app.log,
  });
  runtime.jobs.define(analytics.importJob);
  runtime.jobs.define(analytics.analyzeJob);
  runtime.jobs.define(analytics.demoJob);
  const schedules = createSchedules({
    db: database.db,
    jobs: runtime.jobs,
    events: runtime.events,
    imports: analytics.imports,
    analyses: analytics.analyses,
    logger: app.log,
    dataDir: config.dataDir,
    stableSeconds: config.scheduleStableSeconds,
    fetchTimeoutSeconds: config.scheduleFetchTimeoutSeconds,
  });
  for (const [name, task] of Object.entries(schedules.maintenanceTasks))
    runtime.maintenance.register(name, task);
  for (const [name, task] of Object.entries(analytics.maintenanceTasks))
    runtime.maintenance.register(name, task);
  const inspection = createInspection({
    db: database.db,
    realtime: runtime.realtime,
    compute: runtime.compute,
    imagesDir: join(config.dataDir, 'images'),
    cacheDir: join(config.dataDir, 'image-cache'),
    cacheMaxBytes: config.inspectionCacheMb * 1_048_576,
    imageMaxBytes: config.inspectionImageMaxMb * 1_048_576,
    maxPixels: config.inspectionMaxPixels,
  });
  for (const [name, task] of Object.entries(inspection.maintenanceTasks))
    runtime.maintenance.register(name, task);
  const supply = createSupply({
    db: database.db,
    jobs: runtime.jobs,
    realtime: runtime.realtime,
    compute: runtime.compute,
    uploadsDir: join(config.dataDir, 'supply-uploads'),
    uploadMaxBytes: config.uploadMaxMb * 1_048_576,
    events: runtime.events,
  });
  supply.defineJobs(runtime.jobs);
  for (const [name, task] of Object.entries(supply.maintenanceTasks))
    runtime.maintenance.register(name, task);
  const notifications = createNotifications({
    db: database.db,
    jobs: runtime.jobs,
    events: runtime.events,
    realtime: runtime.realtime,
    logger: app.log,
    settings: config,
    analysisPdf: reports.analysisPdf,
  });
  notifications.defineJobs(runtime.jobs);
  for (const [name, task] of Object.entries(notifications.maintenanceTasks))
    runtime.maintenance.register(name, task);
  const mqtt = createMqtt({
    settings: config,
    db: database.db,
    ingest: telemetry.ingest,
    registry: metrics.registry,
    logger: app.log,
    authenticateToken: identity.authenticateToken,
    onCredentialsChanged: identity.onCredentialsChanged,
  });
  let demoSimulator: Simulator | undefined;
  let inspectionSimulator: InspectionSimulator | undefined;
  // Before any module: every /api route must declare its access, and gets it enforced.
  registerAccessControl(app, identity.authenticate);
  // Per address before authentication, per API key or user after it (platform/http/rate-limit/).
  registerRateLimits(app, { config, database });

  app.addHook('onReady', async () => {
    if (http) await identity.start();
    await runtime.start({ workers, listen: http });
    if (workers) telemetry.start();
    if (workers) notifications.start();
    if (workers)
      await supply.start().catch((err) => app.log.error({ err }, 'could not submit the supply demo history'));
    if (workers)
      await analytics
        .startDemo()
        .catch((err) => app.log.error({ err }, 'could not submit the second demo facility'));
    await inspection.ready();
    if (http && simulator) demoSimulator = await startDemoSimulator(database.db, telemetry.ingest, app.log);
    if (http && simulator) inspectionSimulator = await inspection.startSimulator(app.log);
    if (workers) await pipelines.start();
    if (http || workers) await mqtt.start(http ? 'serve' : 'worker');
  });
  app.addHook('onClose', async () => {
    await demoSimulator?.stop();
    await inspectionSimulator?.stop();
    await mqtt.stop();
    await pipelines.stop();
    await telemetry.stop();
    await notifications.stop();
    await runtime.stop();
    if (http) await identity.stop();
  });

  registerSubsystemMetrics(metrics.registry, {
    database,
    jobs: runtime.jobs,
    events: runtime.events,
    realtime: runtime.realtime,
    ingest: telemetry.ingest.counts,
    caches: {
      aiAnswers: pipelines.cacheLookups,
      inspectionImages: inspection.imageCache,
      credentials: identity.credentialLookups,
    },
  });
  const checks = readinessChecks({ config, database, ...runtime, registry: metrics.registry });
  await healthRoutes(app, { config, database, metrics, checks });
  await websocketRoutes(app, {
    realtime: runtime.realtime,
    authenticateToken: identity.authenticateToken,
    onCredentialsChanged: identity.onCredentialsChanged,
    heartbeatSeconds: config.wsHeartbeatSeconds,
    batchMs: config.wsBatchMs,
    limits: {
      maxSubscriptions: config.wsMaxSubscriptions,
      maxMessageBytes: config.wsMaxMessageBytes,
      maxBufferedBytes: config.wsMaxBufferedBytes,
    },
  });
  await app.register(
    async (api) => {
      identity.routes(api);
      plant.routes(api);
      telemetry.routes(api);
      analytics.routes(api, reports.analysisExports);
      schedules.routes(api);
      inspection.routes(api);
      reports.routes(api);
      supply.routes(api);
      notifications.routes(api);
      pipelines.routes(api);
      jobsRoutes(api, { jobs: runtime.jobs });
      eventsRoutes(api, { events: runtime.events });
    },
    { prefix: '/api/v1' },
  );
  // InfluxDB's write API, where InfluxDB clients send it (outside /api/v1; access control still applies).
  await telemetry.writeRoutes(app);

  await registerWeb(app, webDist);
  return app;
}
