import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../../../platform/random.ts';
import { autoForecast, defaultCandidates, SWITCH_MARGIN, selectFromBacktest } from './auto.ts';
import { type BacktestRow, planOrigins } from './backtest.ts';
import { forecastBatch } from './batch.ts';
import { ForecastInputError } from './types.ts';

const random = seededRandom(42);
const seasonal = Array.from(
  { length: 72 },
  (_, t) => 200 + t + 40 * Math.sin((2 * Math.PI * t) / 12) + 8 * (random() - 0.5),
);
const intermittent = Array.from({ length: 60 }, () => (random() < 0.7 ? 0 : Math.round(1 + 9 * random())));

test('rolling origins by hand', () => {
  // n = 60, h = 18 (≤ n/3), step ⌊18/3⌋ = 6: training lengths 42, 36, 30.
  assert.deepEqual(planOrigins(60, 18, 3, 24), { trainLengths: [42, 36, 30], horizon: 18 });
  // n = 48: h = 16, step 5: 32, 27 — 22 would be shorter than two seasons.
  assert.deepEqual(planOrigins(48, 18, 3, 24), { trainLengths: [32, 27], horizon: 16 });
  assert.deepEqual(planOrigins(10, 18, 3, 8).trainLengths, []);
});

test('the default survives unless another candidate is at least 10 % better', () => {
  const row = (method: BacktestRow['method'], mase: number): BacktestRow => ({
    method,
    mase,
    smape: 0,
    mae: 0,
    rmsse: mase,
    origins: 3,
    maseByOrigin: [],
    rmsseByOrigin: [],
  });
  assert.equal(SWITCH_MARGIN, 0.1);
  assert.equal(selectFromBacktest([row('combination', 1), row('theta', 0.95)], false).method, 'combination');
  assert.equal(
    selectFromBacktest([row('combination', 1), row('theta', 0.9), row('ets', 0.85)], false).method,
    'ets',
  );
});

test('a smooth seasonal series: back-test of the smooth candidates, a finite forecast with an interval', () => {
  const r = autoForecast(seasonal, { period: 12, horizon: 12 });
  assert.equal(r.demandClass, 'smooth');
  assert.deepEqual(
    r.backtest.map((b) => b.method),
    defaultCandidates('smooth'),
  );
  for (const b of r.backtest) {
    assert.equal(b.origins, 3);
    assert.ok(Number.isFinite(b.mase) && Number.isFinite(b.smape) && Number.isFinite(b.mae));
  }
  assert.ok(defaultCandidates('smooth').includes(r.chosen.method));
  assert.equal(r.chosen.mean.length, 12);
  assert.ok(r.chosen.upper.every((u, k) => u > (r.chosen.lower[k] as number)));
  assert.equal(r.fallback, undefined);
  // Deterministic: the same input gives the same result.
  assert.deepEqual(autoForecast(seasonal, { period: 12, horizon: 12 }), r);
});

test('a clearly better candidate replaces the default', () => {
  // A pure repeating pattern: seasonal naive is exact, SES on the raw series is far off.
  const pattern = [5, 9, 14, 20, 14, 9, 5, 3, 2, 1, 2, 3];
  const y = Array.from({ length: 60 }, (_, t) => (pattern[t % 12] as number) + 0.01 * ((t * 7) % 3));
  const r = autoForecast(y, {
    period: 12,
    horizon: 6,
    candidates: ['ses', 'seasonal_naive'],
    seasonalAdjustment: 'none',
  });
  assert.equal(r.chosen.method, 'seasonal_naive');
});

test('an intermittent series: Croston family, chosen by RMSSE, clamped at 0 on request', () => {
  const r = autoForecast(intermittent, { period: 12, horizon: 6, nonNegative: true });
  assert.match(r.demandClass, /intermittent|lumpy/);
  assert.deepEqual(
    r.backtest.map((b) => b.method),
    defaultCandidates('intermittent'),
  );
  assert.ok(['sba', 'croston', 'tsb', 'ses'].includes(r.chosen.method));
  assert.ok(r.chosen.lower.every((v) => v >= 0));
});

test('short and degenerate series fall back with a stated reason', () => {
  const short = autoForecast([5, 6, 5, 7, 6, 8, 7, 9, 8, 10], { period: 12, horizon: 4 });
  assert.equal(short.chosen.method, 'ses');
  assert.match(short.fallback ?? '', /too short for a back-test/);
  const few = autoForecast(seasonal.slice(0, 20), {
    period: 12,
    horizon: 4,
    candidates: ['combination', 'hw_additive', 'ses'],
  });
  assert.match(few.fallback ?? '', /seasonal methods left out/);
  assert.ok(!few.backtest.some((b) => b.method === 'hw_additive'));
  const zeros = autoForecast([0, 0, 0, 0, 0], { period: 1, horizon: 2 });
  assert.deepEqual(zeros.chosen.mean, [0, 0]);
  assert.match(zeros.chosen.note ?? '', /all values are 0/);
  assert.match(zeros.fallback ?? '', /does not vary/);
  assert.deepEqual(autoForecast([4], { period: 1, horizon: 2 }).chosen.mean, [4, 4]);
});

test('bad options', () => {
  assert.throws(() => autoForecast(seasonal, { period: 12, horizon: 3, origins: 0 }), ForecastInputError);
  assert.throws(
    () => autoForecast(seasonal, { period: 12, horizon: 3, candidates: ['prophet' as never] }),
    /unknown/,
  );
  assert.throws(() => autoForecast([1, Number.NaN], { period: 1, horizon: 3 }), ForecastInputError);
});

test('a batch runs several methods over several series and reports failures per forecast', () => {
  const out = forecastBatch({
    series: [seasonal, intermittent, []],
    horizon: 3,
    period: 12,
    methods: ['auto', 'theta'],
    pointOnly: true,
  });
  assert.equal(out.results.length, 3);
  assert.equal(out.results[0]?.[1]?.method, 'theta');
  assert.equal(out.results[0]?.[0]?.mean.length, 3);
  assert.match(out.results[2]?.[0]?.error ?? '', /empty/);
  assert.ok((out.cpuMs.auto ?? 0) >= 0);
});
