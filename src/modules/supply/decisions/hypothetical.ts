// POST /explain: what would the engine propose for one SKU at one warehouse if its figures were
// different? The latest stored forecast of the series is used (or a fresh one, in a worker
// thread, when it has none); nothing is stored.
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Compute } from '../../../platform/compute/compute.ts';
import type { Db } from '../../../platform/db/database.ts';
import { readInCallerTenant } from '../../../platform/db/scope.ts';
import { notFound } from '../../../platform/http/errors.ts';
import { loadDemandSeries } from '../entities/demand.repo.ts';
import { FORECAST_CHUNK_TASK } from '../forecasts/forecast.task.ts';
import { type ForecastRow, latestForecast } from '../forecasts/forecasts.repo.ts';
import { BUCKETS, currentBucketStart, throughLastCompleteBucket } from '../forecasts/run-forecast.ts';
import { PROPOSE_TASK } from './decide.task.ts';
import { findInventoryRow, type InventoryRow, warehouseNames } from './decisions.repo.ts';
import { explainItem, withWarehouseCodes } from './explain.ts';
import { planningDays, replenishmentItem } from './replenishment-input.ts';

export interface HypotheticalRequest {
  inventoryId: string;
  overrides?: Partial<
    Pick<
      InventoryRow,
      | 'onHand'
      | 'reserved'
      | 'onOrder'
      | 'unitCost'
      | 'leadTimeDays'
      | 'leadTimeSdDays'
      | 'serviceLevel'
      | 'serviceKind'
      | 'moq'
      | 'lotSize'
      | 'policy'
      | 'reviewPeriodDays'
    >
  >;
  constraints?: { budget?: number | undefined; requiredBy?: string | undefined };
}

const HORIZON_WEEKS = 13;
const today = () => new Date().toISOString().slice(0, 10);

export async function explainHypothetical(
  deps: { db: Db; compute: Pick<Compute, 'run'> },
  principal: Principal,
  request: HypotheticalRequest,
) {
  const loaded = await readInCallerTenant(deps.db, principal, async (tx) => {
    const row = await findInventoryRow(tx, request.inventoryId);
    if (!row) throw notFound('Inventory item');
    const stored = await latestForecast(tx, { warehouseId: row.warehouseId, sku: row.sku });
    const series = stored
      ? undefined
      : (await loadDemandSeries(tx, { skus: [row.sku], warehouseIds: [row.warehouseId] }, 'week'))[0];
    const warehouseCode =
      (await warehouseNames(tx, [row.warehouseId])).get(row.warehouseId)?.code ?? row.warehouseId;
    return { row, stored, series, warehouseCode };
  });
  const row = { ...loaded.row, ...request.overrides } as InventoryRow;
  let forecast: Pick<
    ForecastRow,
    'mean' | 'lower' | 'upper' | 'startDate' | 'mase' | 'smape' | 'method' | 'note'
  >;
  let bucket: 'day' | 'week' | 'month' = 'week';
  let level = 0.95;
  let source: string;
  if (loaded.stored) {
    forecast = loaded.stored;
    bucket = loaded.stored.bucket as typeof bucket;
    level = loaded.stored.level;
    source = `stored forecast of run ${loaded.stored.runId}`;
  } else {
    const values = loaded.series
      ? throughLastCompleteBucket(loaded.series, 'week', new Date()).slice(-BUCKETS.week.maxHistory)
      : [];
    const [result] =
      values.length > 0
        ? await deps.compute.run(FORECAST_CHUNK_TASK, {
            series: [{ key: 0, values }],
            period: BUCKETS.week.period,
            horizon: HORIZON_WEEKS,
            level,
          })
        : [];
    if (result?.ok) {
      forecast = {
        ...result,
        startDate: currentBucketStart(new Date(), 'week'),
      };
      source = 'forecast now (no stored forecast)';
    } else {
      const zeros = new Array<number>(HORIZON_WEEKS).fill(0);
      forecast = {
        mean: zeros,
        lower: zeros,
        upper: zeros,
        startDate: currentBucketStart(new Date(), 'week'),
        mase: null,
        smape: null,
        method: 'none',
        note: 'no demand history: zero demand assumed',
      };
      source = 'no history';
    }
  }
  const days = planningDays([row]);
  const item = replenishmentItem(row, forecast as ForecastRow, {
    bucket,
    level,
    today: today(),
    days,
    modelVersion: source,
  });
  const proposed = await deps.compute.run(PROPOSE_TASK, {
    items: [item],
    today: today(),
    horizonDays: days,
    constraints: {
      ...(request.constraints?.budget !== undefined ? { budget: request.constraints.budget } : {}),
      ...(request.constraints?.requiredBy ? { requiredBy: request.constraints.requiredBy } : {}),
    },
  });
  const proposal = withWarehouseCodes(proposed, new Map([[row.warehouseId, loaded.warehouseCode]]));
  const decided = proposal.items[0];
  if (!decided) throw new Error('the engine returned no item');
  return {
    item: explainItem(decided, { id: null, amount: proposal.actions[0]?.amount ?? 0 }),
    constraints: proposal.constraints,
    predictedCost: proposal.predictedCost,
    forecast: { method: forecast.method, source, note: forecast.note ?? null },
  };
}
