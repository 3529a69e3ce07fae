// The forecast job: one run over its scope with the production model version it was started with.
// The forecasts and the run's `completed` status commit together, exactly once.
import type { Compute } from '../../../platform/compute/compute.ts';
import type { Db } from '../../../platform/db/database.ts';
import { inTenant } from '../../../platform/db/scope.ts';
import type { JobDefinition } from '../../../platform/jobs/jobs.ts';
import { innermostMessage } from '../../../platform/observability/safe-error.ts';
import { findRun, insertForecasts, updateRun } from './forecasts.repo.ts';
import { findModel } from './registry.repo.ts';
import { productionForecastModel } from './registry.service.ts';
import { forecastRun } from './run-forecast.ts';

export interface ForecastJobPayload {
  runId: string;
}

declare module '../../../platform/jobs/jobs.ts' {
  interface JobPayloads {
    'supply.forecast': ForecastJobPayload;
  }
}

const RETRY_LIMIT = 1;
/** Progress is written at most this often (each write is a transaction and a push). */
const PROGRESS_EVERY_MS = 1000;

/** Throttled progress: the first and every call after PROGRESS_EVERY_MS are written. */
export function throttledProgress(write: (percent: number, message: string) => Promise<void>) {
  let last = 0;
  return async (percent: number, message: string) => {
    const now = performance.now();
    if (now - last < PROGRESS_EVERY_MS) return;
    last = now;
    await write(percent, message);
  };
}

export function forecastJob(deps: {
  db: Db;
  compute: Pick<Compute, 'run'>;
}): JobDefinition<'supply.forecast'> {
  const { db } = deps;
  return {
    name: 'supply.forecast',
    retryLimit: RETRY_LIMIT,
    timeoutSeconds: 3600,
    async run({ runId }, ctx) {
      const { tenantId } = ctx;
      const prepared = await inTenant(db, tenantId, async (tx) => {
        const run = await findRun(tx, runId);
        if (!run) return undefined;
        const model =
          (run.modelId && (await findModel(tx, run.modelId))) ||
          (await productionForecastModel(tx, tenantId));
        const started = await updateRun(tx, runId, {
          status: 'running',
          modelId: model.id,
          errorMessage: null,
        });
        return started ? { run: started, model } : undefined;
      });
      if (!prepared) return { runId, deleted: true };
      const { run, model } = prepared;
      try {
        const progress = throttledProgress((p, m) => ctx.progress(p, m));
        const t0 = performance.now();
        const outcome = await forecastRun(
          deps,
          run,
          model,
          (done, total) =>
            progress(Math.round((95 * done) / Math.max(1, total)), `Forecast ${done} of ${total} series`),
          ctx.signal,
        );
        const seconds = (performance.now() - t0) / 1000;
        await ctx.complete(async (tx) => {
          await insertForecasts(tx, outcome.rows);
          await updateRun(tx, runId, {
            status: 'completed',
            seriesCount: outcome.rows.length,
            doneCount: outcome.rows.length,
            summary: { ...outcome.summary, seconds: Math.round(seconds * 10) / 10 },
            completedAt: new Date(),
          });
        });
        await ctx.progress(100, `Done: ${outcome.rows.length} series forecast`);
        return { runId, series: outcome.rows.length };
      } catch (err) {
        const lastAttempt = ctx.attempt > RETRY_LIMIT;
        const reason = innermostMessage(err).replaceAll('\u0000', '').slice(0, 500);
        await inTenant(db, tenantId, (tx) =>
          updateRun(tx, runId, {
            status: lastAttempt ? 'failed' : 'running',
            errorMessage: lastAttempt
              ? `The forecast failed: ${reason}`
              : `Attempt ${ctx.attempt} failed (${reason}); it will be retried`,
            completedAt: lastAttempt ? new Date() : null,
          }),
        ).catch(() => undefined);
        throw err;
      }
    },
  };
}
