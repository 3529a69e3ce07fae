// The metrics part: the recorder of request rows (set-based, off the request path), live push of
// per-pipeline figures, the hourly and daily rollups (job + maintenance), the retention purge of
// stored prompts, and the dashboard and analytics routes.
import { inTenant } from '../../../platform/db/scope.ts';
import type { App } from '../../../platform/http/types.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import type { RequestRecord } from '../contracts.ts';
import type { Part, PipelinesDeps } from '../deps.ts';
import { createDashboardService } from './dashboard.service.ts';
import { createLiveMetrics, registerMetricTopics } from './live.ts';
import { metricsRoutes } from './metrics.routes.ts';
import { type BufferedRecorder, createRecorder } from './recorder.ts';
import { insertRequests } from './requests.repo.ts';
import { metricsRollupJob, purgeStoredText, submitRollups } from './rollup.ts';

export type { Metrics24h } from './metrics24h.repo.ts';
export { pipelineMetrics24h } from './metrics24h.repo.ts';

export interface MetricsOptions {
  /** Recorder flush interval (default 250 ms) and live push interval (default 1 s). */
  flushIntervalMs?: number;
  liveIntervalMs?: number;
}

export function createMetrics(deps: PipelinesDeps, options: MetricsOptions = {}) {
  const { db, logger } = deps;
  registerMetricTopics(db, deps.realtime);
  const live = createLiveMetrics({
    db,
    realtime: deps.realtime,
    ...(options.liveIntervalMs !== undefined ? { intervalMs: options.liveIntervalMs } : {}),
    onError: (err) => logger.warn({ err }, 'live AI metrics not pushed'),
  });
  const recorder: BufferedRecorder = createRecorder({
    logger,
    ...(options.flushIntervalMs !== undefined ? { intervalMs: options.flushIntervalMs } : {}),
    write: (tenantId: string, rows: RequestRecord[]) =>
      inTenant(db, tenantId, (tx) => insertRequests(tx, rows)),
    onWritten(byTenant) {
      for (const [tenantId, rows] of byTenant)
        live.offer(
          tenantId,
          rows.map((r) => r.pipelineId),
        );
    },
  });
  const dashboard = createDashboardService({ db });

  return {
    recorder,
    live,
    dashboard,
    routes(app: App) {
      metricsRoutes(app, { dashboard });
    },
    defineJobs(jobs: Pick<Jobs, 'define'>) {
      jobs.define(metricsRollupJob(db));
    },
    maintenanceTasks: {
      /** Hourly: submits the metrics rollup of every tenant with requests not rolled up yet. */
      'pipelines.metrics-rollup': (database) => submitRollups(database, deps.jobs),
      /** Hourly: clears stored prompt and response text past each pipeline's retention. */
      'pipelines.prompt-retention': (database) => purgeStoredText(database),
    },
    async start() {},
    async stop() {
      await recorder.stop();
      await live.flush();
      await live.stop();
    },
  } satisfies Part & Record<string, unknown>;
}
