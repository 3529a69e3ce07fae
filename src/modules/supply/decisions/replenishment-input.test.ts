import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ForecastRow } from '../forecasts/forecasts.repo.ts';
import type { InventoryRow } from './decisions.repo.ts';
import { dailyForecast, planningDays, replenishmentItem } from './replenishment-input.ts';

// Stored forecasts (any bucket) to the engine's daily demand.

const weekly = { startDate: '2026-11-30', mean: [70, 140], lower: [70 - 19.6, 140], upper: [70 + 19.6, 140] };

test('a week is spread evenly over its days; its deviation splits as for independent days', () => {
  const { mean, sd } = dailyForecast(weekly, 'week', 0.95, '2026-11-30', 14);
  assert.deepEqual(mean.slice(0, 7), new Array(7).fill(10));
  assert.deepEqual(mean.slice(7), new Array(7).fill(20));
  // Half-width 19.6 at 95 % is σ_week = 10 (z = 1.95996); σ_day = 10 / √7.
  assert.ok(Math.abs((sd[0] as number) - 19.6 / 1.959963984540054 / Math.sqrt(7)) < 1e-9);
  assert.equal(sd[7], 0);
});

test('days already past in the first week are skipped; days beyond the forecast repeat its last bucket', () => {
  const { mean } = dailyForecast(weekly, 'week', 0.95, '2026-12-04', 14);
  assert.deepEqual(mean.slice(0, 3), [10, 10, 10]);
  assert.deepEqual(mean.slice(3), new Array(11).fill(20));
});

test('back-test errors a hair outside their range are clamped, not refused', () => {
  const row = {
    id: 'i',
    sku: 'S',
    warehouseId: 'w',
    onHand: 1,
    reserved: 0,
    onOrder: 0,
    unitCost: 1,
    holdingCostRate: 0.2,
    orderingCost: 1,
    leadTimeDays: 7,
    leadTimeSdDays: 1,
    serviceLevel: 0.95,
    serviceKind: 'cycle',
    moq: 0,
    lotSize: 1,
    policy: 'sQ',
    reviewPeriodDays: 7,
  } as InventoryRow;
  const forecast = { ...weekly, mase: -0, smape: 200.00000000000003 } as ForecastRow;
  const item = replenishmentItem(row, forecast, {
    bucket: 'week',
    level: 0.95,
    today: '2026-11-30',
    days: 14,
    modelVersion: 'm v1',
  });
  assert.equal(item.forecast.backtest?.smape, 200);
  assert.equal(item.reviewPeriodDays, 0, 'an (s, Q) item is watched continuously');
  assert.equal(planningDays([row]), 28);
});
