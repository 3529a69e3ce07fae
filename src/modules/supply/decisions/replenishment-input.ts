// From stored rows to the replenishment engine's input: an inventory row and the forecast of its
// series (any bucket) become one item with a daily demand forecast over the planning horizon.
import type { ForecastRow } from '../forecasts/forecasts.repo.ts';
import type { Bucket } from '../forecasts/run-forecast.ts';
import {
  inverseNormalCdf,
  type ReplenishmentItem,
  type ReplenishmentPolicyKind,
  type ServiceLevelKind,
} from '../policy/index.ts';
import type { InventoryRow } from './decisions.repo.ts';

const DAYS: Record<Bucket, number> = { day: 1, week: 7, month: 30.4375 };

/**
 * Daily mean and standard deviation for `days` days from `today`. A bucket's mean is spread evenly
 * over its days; its standard deviation (from the prediction interval at `level`) is split as for
 * independent days (σ_day = σ_bucket / √days). Days past the forecast repeat its last bucket.
 */
export function dailyForecast(
  forecast: Pick<ForecastRow, 'mean' | 'lower' | 'upper' | 'startDate'>,
  bucket: Bucket,
  level: number,
  today: string,
  days: number,
) {
  const perBucket = DAYS[bucket];
  const z = inverseNormalCdf(0.5 + level / 2);
  const offset = Math.max(
    0,
    Math.round(
      (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${forecast.startDate}T00:00:00Z`)) / 86_400_000,
    ),
  );
  const last = Math.max(0, forecast.mean.length - 1);
  const mean: number[] = [];
  const sd: number[] = [];
  for (let d = 0; d < days; d++) {
    const b = Math.min(last, Math.floor((d + offset) / perBucket));
    const m = Math.max(0, forecast.mean[b] ?? 0);
    const halfWidth = Math.max(0, ((forecast.upper[b] ?? m) - (forecast.lower[b] ?? m)) / 2);
    mean.push(m / perBucket);
    sd.push(z > 0 ? halfWidth / z / Math.sqrt(perBucket) : 0);
  }
  return { mean, sd };
}

export function replenishmentItem(
  row: InventoryRow,
  forecast: ForecastRow,
  options: { bucket: Bucket; level: number; today: string; days: number; modelVersion: string },
): ReplenishmentItem {
  const daily = dailyForecast(forecast, options.bucket, options.level, options.today, options.days);
  return {
    inventoryId: row.id,
    sku: row.sku,
    warehouseId: row.warehouseId,
    forecast: {
      mean: daily.mean,
      sd: daily.sd,
      backtest: {
        // Rounding can put a back-test error a hair outside its range (sMAPE 200.00000000000003).
        ...(forecast.mase !== null ? { mase: Math.max(0, forecast.mase) } : {}),
        ...(forecast.smape !== null ? { smape: Math.min(200, Math.max(0, forecast.smape)) } : {}),
      },
      modelVersion: options.modelVersion,
    },
    onHand: row.onHand,
    reserved: row.reserved,
    onOrder: row.onOrder,
    unitCost: row.unitCost,
    holdingCostRate: row.holdingCostRate,
    orderingCost: row.orderingCost,
    leadTimeDays: row.leadTimeDays,
    leadTimeSdDays: row.leadTimeSdDays,
    serviceLevel: row.serviceLevel,
    serviceLevelKind: row.serviceKind as ServiceLevelKind,
    moq: row.moq,
    lotSize: row.lotSize,
    policy: row.policy as ReplenishmentPolicyKind,
    // An (s, Q) item is watched continuously; the review period is (R, S)'s.
    reviewPeriodDays: row.policy === 'RS' ? row.reviewPeriodDays : 0,
  };
}

/** Days of forecast the engine needs: the longest lead time plus review period, with margin. */
export function planningDays(rows: InventoryRow[]): number {
  const longest = rows.reduce(
    (max, r) =>
      Math.max(max, r.leadTimeDays + 3 * r.leadTimeSdDays + (r.policy === 'RS' ? r.reviewPeriodDays : 0)),
    0,
  );
  return Math.min(730, Math.max(28, Math.ceil(longest) + 7));
}
