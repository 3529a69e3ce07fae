// Training the demand-forecast model (on demand, and nightly): on a sample of the tenant's weekly
// series, every candidate configuration — the production one among them — forecasts the last
// weeks from the rest; the best is registered as a new version with its hold-out metrics, and
// promoted to production only when it beats the production configuration on the same data.
import type { Compute } from '../../../platform/compute/compute.ts';
import type { Db } from '../../../platform/db/database.ts';
import { supplySettings } from '../../../platform/db/schema/index.ts';
import { inTenant, readInTenant } from '../../../platform/db/scope.ts';
import type { JobDefinition } from '../../../platform/jobs/jobs.ts';
import { loadDemandSeries } from '../entities/demand.repo.ts';
import type { ForecastMethod } from '../forecasting/index.ts';
import { HOLDOUT_CHUNK_TASK } from './forecast.task.ts';
import { insertDeployment, insertModel } from './registry.repo.ts';
import { DEFAULT_SCOPE, FORECAST_MODEL, productionForecastModel } from './registry.service.ts';
import {
  addBuckets,
  BUCKETS,
  configOf,
  type ForecastConfig,
  throughLastCompleteBucket,
} from './run-forecast.ts';

export interface TrainJobPayload {
  modelName: string;
  trigger: 'manual' | 'nightly';
  requestedBy?: string | null;
}

declare module '../../../platform/jobs/jobs.ts' {
  interface JobPayloads {
    'supply.train': TrainJobPayload;
  }
}

/** The alternatives a refit tries beside the production configuration. */
export const CANDIDATE_CONFIGS: ForecastConfig[] = [
  { origins: 3 },
  { candidates: ['ses', 'damped', 'theta', 'combination'] as ForecastMethod[], origins: 3 },
  { candidates: ['ets', 'hw_additive', 'damped'] as ForecastMethod[], origins: 2 },
  { candidates: ['croston', 'sba', 'tsb', 'ses'] as ForecastMethod[], origins: 3 },
];

const HOLDOUT = 13;
const SAMPLE = 400;
const CHUNK = 20;

const sameConfig = (a: ForecastConfig, b: ForecastConfig) => JSON.stringify(a) === JSON.stringify(b);

export function trainJob(deps: { db: Db; compute: Pick<Compute, 'run'> }): JobDefinition<'supply.train'> {
  const { db, compute } = deps;
  return {
    name: 'supply.train',
    retryLimit: 1,
    timeoutSeconds: 3600,
    async run({ trigger, requestedBy }, ctx) {
      const { tenantId } = ctx;
      const production = await inTenant(db, tenantId, (tx) => productionForecastModel(tx, tenantId));
      const { period, maxHistory } = BUCKETS.week;
      const all = await readInTenant(db, tenantId, (tx) => loadDemandSeries(tx, {}, 'week'));
      const now = new Date();
      const usable = all
        .map((s) => ({ ...s, values: throughLastCompleteBucket(s, 'week', now) }))
        .filter((s) => s.values.length >= 3 * HOLDOUT);
      if (usable.length === 0) {
        await ctx.progress(100, 'Nothing to train on: no series has 39 weeks of history');
        return { registered: false, reason: 'no series with enough history' };
      }
      // An even spread over the tenant's series, the same on every run with the same data.
      const stride = Math.max(1, Math.floor(usable.length / SAMPLE));
      const sample = usable.filter((_, i) => i % stride === 0).slice(0, SAMPLE);
      const productionConfig = configOf(production);
      const configs = [
        productionConfig,
        ...CANDIDATE_CONFIGS.filter((c) => !sameConfig(c, productionConfig)),
      ];
      const sums = configs.map((config) => ({ config, mase: 0, smape: 0, n: 0 }));
      let done = 0;
      await Promise.all(
        Array.from({ length: Math.ceil(sample.length / CHUNK) }, async (_, c) => {
          const chunk = sample.slice(c * CHUNK, (c + 1) * CHUNK);
          ctx.signal.throwIfAborted();
          const scores = await compute.run(HOLDOUT_CHUNK_TASK, {
            series: chunk.map((s, key) => ({ key, values: s.values.slice(-maxHistory) })),
            period,
            holdout: HOLDOUT,
            configs,
          });
          sums.forEach((sum, i) => {
            const score = scores[i];
            if (!score || score.n === 0) return;
            sum.mase += score.mase * score.n;
            sum.smape += score.smape * score.n;
            sum.n += score.n;
          });
          done += chunk.length;
          await ctx.progress(
            Math.round((90 * done) / sample.length),
            `Back-testing ${done} of ${sample.length} series`,
          );
        }),
      );
      const scored = sums.map((s) => {
        return {
          config: s.config,
          mase: s.n > 0 ? s.mase / s.n : Number.POSITIVE_INFINITY,
          smape: s.n > 0 ? s.smape / s.n : 0,
          n: s.n,
        };
      });
      const [incumbent, ...others] = scored;
      if (!incumbent) throw new Error('no configuration to score');
      const best = others.reduce((a, b) => (b.mase < a.mase - 1e-12 ? b : a), incumbent);
      const promote = best !== incumbent && best.mase < incumbent.mase;
      const firstDay = sample.reduce((min, s) => (s.start < min ? s.start : min), '9999-12-31');
      const lastDay = sample.reduce((max, s) => {
        const end = addBuckets(s.start, 'week', s.values.length - 1);
        return end > max ? end : max;
      }, firstDay);
      const verdict = promote
        ? `promoted: hold-out MASE ${best.mase.toFixed(3)} beats production v${production.version} (${incumbent.mase.toFixed(3)})`
        : `registered, not promoted: hold-out MASE ${best.mase.toFixed(3)} does not beat production v${production.version} (${incumbent.mase.toFixed(3)})`;
      const result = await ctx.complete(async (tx) => {
        const model = await insertModel(tx, {
          tenantId,
          name: FORECAST_MODEL,
          kind: 'forecast',
          parameters: best.config as Record<string, unknown>,
          trainingFrom: firstDay,
          trainingTo: lastDay,
          metrics: { mase: best.mase, smape: best.smape, series: best.n, holdoutWeeks: HOLDOUT },
          artifact: {
            trigger,
            scores: scored.map((s) => ({ ...s, mase: Number.isFinite(s.mase) ? s.mase : null })),
          },
          note: verdict,
          createdBy: requestedBy ?? null,
        });
        if (promote)
          await insertDeployment(tx, {
            tenantId,
            modelId: model.id,
            modelName: model.name,
            stage: 'production',
            scope: DEFAULT_SCOPE,
            reason: `${trigger} refit ${verdict}`,
          });
        await tx
          .insert(supplySettings)
          .values({ tenantId, lastRefitAt: new Date() })
          .onConflictDoUpdate({
            target: supplySettings.tenantId,
            set: { lastRefitAt: new Date(), updatedAt: new Date() },
          });
        return { modelId: model.id, version: model.version, promoted: promote, verdict };
      });
      await ctx.progress(100, verdict);
      return result ?? { registered: true };
    },
  };
}
