// The replenishment decision job: forecast the scope (or take a completed forecast run), turn each
// inventory row and its forecast into an item, let the engine propose purchase-order lines with
// their factors, constraint checks, cost and confidence, and store the proposal. The forecasts of
// a new run, the actions and the `proposed` status commit together, exactly once.
import type { Compute } from '../../../platform/compute/compute.ts';
import type { Db } from '../../../platform/db/database.ts';
import { inTenant, readInTenant } from '../../../platform/db/scope.ts';
import type { JobDefinition } from '../../../platform/jobs/jobs.ts';
import { innermostMessage } from '../../../platform/observability/safe-error.ts';
import { throttledProgress } from '../forecasts/forecast.job.ts';
import {
  type ForecastInsert,
  type ForecastRow,
  type ForecastRunRow,
  findRun,
  forecastsOfRun,
  insertForecasts,
  updateRun,
} from '../forecasts/forecasts.repo.ts';
import { createRun } from '../forecasts/forecasts.service.ts';
import { findModel, type ModelRow } from '../forecasts/registry.repo.ts';
import { productionForecastModel } from '../forecasts/registry.service.ts';
import { type Bucket, forecastRun } from '../forecasts/run-forecast.ts';
import { PROPOSE_TASK } from './decide.task.ts';
import {
  type DecisionRow,
  findDecision,
  insertActions,
  inventoryInScope,
  updateDecision,
  warehouseFreeUnits,
  warehouseNames,
} from './decisions.repo.ts';
import { withWarehouseCodes } from './explain.ts';
import { planningDays, replenishmentItem } from './replenishment-input.ts';

export interface DecideJobPayload {
  decisionId: string;
}

declare module '../../../platform/jobs/jobs.ts' {
  interface JobPayloads {
    'supply.decide': DecideJobPayload;
  }
}

/** The engine's version, recorded beside the forecast model's on every decision. */
export const POLICY_ENGINE = { name: 'replenishment-policy', version: 1 };

export interface DecisionConstraints {
  budget?: number;
  requiredBy?: string;
  forecastRunId?: string;
  respectCapacity?: boolean;
}

const RETRY_LIMIT = 1;
const today = () => new Date().toISOString().slice(0, 10);

export function decideJob(deps: { db: Db; compute: Pick<Compute, 'run'> }): JobDefinition<'supply.decide'> {
  const { db, compute } = deps;

  async function forecasts(
    decision: DecisionRow,
    days: number,
    progress: (p: number, m: string) => Promise<void>,
    signal: AbortSignal,
    onCreated: (runId: string) => void,
  ) {
    const constraints = decision.constraints as DecisionConstraints;
    return inTenant(db, decision.tenantId, async (tx) => {
      if (constraints.forecastRunId) {
        const run = await findRun(tx, constraints.forecastRunId);
        if (run?.status !== 'completed')
          throw new Error(`forecast run ${constraints.forecastRunId} is not a completed run of this tenant`);
        const model = run.modelId ? await findModel(tx, run.modelId) : undefined;
        return {
          run,
          model: model ?? (await productionForecastModel(tx, decision.tenantId)),
          rows: await forecastsOfRun(tx, run.id),
          fresh: false,
        };
      }
      const run = await createRun(tx, decision.tenantId, decision.createdBy, {
        scope: decision.scope,
        bucket: 'week',
        horizon: Math.ceil(days / 7) + 1,
        level: 0.95,
      });
      onCreated(run.id);
      const model = (await findModel(tx, run.modelId ?? '')) as ModelRow;
      return { run, model, rows: [] as ForecastRow[], fresh: true };
    }).then(async (got) => {
      if (!got.fresh) return { ...got, inserts: [] as ForecastInsert[] };
      const outcome = await forecastRun(
        deps,
        got.run,
        got.model,
        (done, total) =>
          progress(Math.round((80 * done) / Math.max(1, total)), `Forecast ${done} of ${total} series`),
        signal,
      );
      return { ...got, inserts: outcome.rows, summary: outcome.summary };
    });
  }

  return {
    name: 'supply.decide',
    retryLimit: RETRY_LIMIT,
    timeoutSeconds: 3600,
    async run({ decisionId }, ctx) {
      const { tenantId } = ctx;
      const loaded = await inTenant(db, tenantId, async (tx) => {
        const decision = await findDecision(tx, decisionId);
        if (decision?.status !== 'pending') return undefined;
        const rows = await inventoryInScope(tx, decision.scope);
        const free = await warehouseFreeUnits(tx, [...new Set(rows.map((r) => r.warehouseId))]);
        return { decision, rows, free };
      });
      if (!loaded) return { decisionId, skipped: true };
      const { decision, rows, free } = loaded;
      const constraints = decision.constraints as DecisionConstraints;
      let createdRun: string | undefined;
      try {
        const progress = throttledProgress((p, m) => ctx.progress(p, m));
        const days = planningDays(rows);
        const f = await forecasts(decision, days, progress, ctx.signal, (id) => {
          createdRun = id;
        });
        const run = f.run as ForecastRunRow;
        const byKey = new Map<string, ForecastRow | ForecastInsert>();
        for (const r of [...f.rows, ...f.inserts]) byKey.set(`${r.warehouseId}|${r.sku}`, r);
        const modelVersion = `${f.model.name} v${f.model.version}`;
        const items = rows.flatMap((row) => {
          const forecast = byKey.get(`${row.warehouseId}|${row.sku}`);
          return forecast
            ? [
                replenishmentItem(row, forecast as ForecastRow, {
                  bucket: run.bucket as Bucket,
                  level: run.level,
                  today: today(),
                  days,
                  modelVersion,
                }),
              ]
            : [];
        });
        await ctx.progress(85, `Proposing orders for ${items.length} SKU × warehouse items`);
        const proposed = await compute.run(PROPOSE_TASK, {
          items,
          today: today(),
          horizonDays: days,
          constraints: {
            ...(constraints.budget !== undefined ? { budget: constraints.budget } : {}),
            ...(constraints.requiredBy ? { requiredBy: constraints.requiredBy } : {}),
            ...(constraints.respectCapacity === false ? {} : { warehouseFreeUnits: free }),
          },
        });
        const codes = await readInTenant(db, tenantId, (tx) =>
          warehouseNames(tx, [...new Set(rows.map((r) => r.warehouseId))]),
        );
        const proposal = withWarehouseCodes(proposed, new Map([...codes].map(([id, w]) => [id, w.code])));
        const ordered = proposal.items.filter((i) => i.quantity > 0);
        await ctx.complete(async (tx) => {
          if (f.fresh) {
            await insertForecasts(tx, f.inserts);
            await updateRun(tx, run.id, {
              status: 'completed',
              seriesCount: f.inserts.length,
              doneCount: f.inserts.length,
              summary: { ...('summary' in f ? f.summary : {}), decisionId },
              completedAt: new Date(),
            });
          }
          const amountOf = new Map(proposal.actions.map((a) => [a.inventoryId, a]));
          await insertActions(
            tx,
            ordered.map((item, position) => {
              const line = amountOf.get(item.inventoryId);
              return {
                tenantId,
                decisionId,
                position,
                kind: 'purchase',
                inventoryId: item.inventoryId,
                warehouseId: item.warehouseId,
                sku: item.sku,
                quantity: item.quantity,
                orderDate: item.orderDate,
                arrivalDate: item.expectedArrival,
                amount: line?.amount ?? 0,
                explanation: item as unknown as Record<string, unknown>,
              };
            }),
          );
          await updateDecision(tx, decisionId, {
            status: 'proposed',
            forecastRunId: run.id,
            constraintChecks: proposal.constraints as unknown as Record<string, unknown>[],
            softScores: {
              itemsConsidered: proposal.items.length,
              itemsOrdered: ordered.length,
              notOrdered: proposal.items
                .filter((i) => i.quantity === 0)
                .slice(0, 200)
                .map((i) => ({ sku: i.sku, warehouseId: i.warehouseId, reason: i.reason })),
              seriesWithoutForecast: rows.length - items.length,
            },
            predictedCost: proposal.predictedCost.total,
            costBreakdown: {
              purchase: proposal.predictedCost.purchase,
              ordering: proposal.predictedCost.ordering,
              holding: proposal.predictedCost.holding,
              expectedShortage: proposal.predictedCost.expectedShortage,
              total: proposal.predictedCost.total,
            },
            confidence: proposal.confidence.value,
            confidenceNote: proposal.confidence.sentence,
            summary: `${proposal.summary} ${proposal.predictedCost.sentence}`,
            modelVersions: [
              {
                role: 'forecast',
                id: f.model.id,
                name: f.model.name,
                version: f.model.version,
                forecastRunId: run.id,
              },
              { role: 'policy', ...POLICY_ENGINE },
            ],
            errorMessage: null,
          });
        });
        await ctx.progress(100, `Proposed ${ordered.length} order lines`);
        return { decisionId, actions: ordered.length };
      } catch (err) {
        const lastAttempt = ctx.attempt > RETRY_LIMIT;
        const reason = innermostMessage(err).replaceAll('\u0000', '').slice(0, 500);
        await inTenant(db, tenantId, async (tx) => {
          if (createdRun)
            await updateRun(tx, createdRun, {
              status: 'failed',
              errorMessage: `The decision's forecast failed: ${reason}`,
              completedAt: new Date(),
            });
          await updateDecision(tx, decisionId, {
            status: lastAttempt ? 'failed' : 'pending',
            errorMessage: lastAttempt
              ? `The decision failed: ${reason}`
              : `Attempt ${ctx.attempt} failed (${reason}); it will be retried`,
          });
        }).catch(() => undefined);
        throw err;
      }
    },
  };
}
