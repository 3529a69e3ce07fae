import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../../../platform/property-testing.ts';
import { seededRandom } from '../../../platform/random.ts';
import { COMBINATION_MEMBERS, forecast } from './methods.ts';
import { FORECAST_METHODS, ForecastInputError } from './types.ts';

const close = (actual: number, expected: number, tol = 1e-6) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${actual} ≠ ${expected}`);
const Z975 = 1.959963984540054;

test('naive by hand: last value, σ_h = σ·√h', () => {
  // Differences 2, −1, 2 → σ² = 9/3 = 3.
  const f = forecast('naive', [10, 12, 11, 13], { period: 1, horizon: 2 });
  assert.deepEqual(f.mean, [13, 13]);
  close(f.sigma, Math.sqrt(3));
  close(f.upper[1] as number, 13 + Z975 * Math.sqrt(3) * Math.SQRT2);
  close(f.lower[0] as number, 13 - Z975 * Math.sqrt(3));
});

test('seasonal naive by hand: last season repeated, σ_h = σ·√(⌊(h−1)/m⌋ + 1)', () => {
  // Lag-4 differences are all 1 → σ = 1.
  const f = forecast('seasonal_naive', [1, 2, 3, 4, 2, 3, 4, 5], { period: 4, horizon: 6, level: 0.8 });
  assert.deepEqual(f.mean, [2, 3, 4, 5, 2, 3]);
  const z90 = 1.2815515655446004;
  close(f.upper[0] as number, 2 + z90);
  close(f.upper[4] as number, 2 + z90 * Math.SQRT2);
  assert.equal(f.level, 0.8);
});

test('every method gives finite forecasts of the requested length on a seasonal series', () => {
  const random = seededRandom(11);
  const y = Array.from(
    { length: 60 },
    (_, t) => 50 + 0.5 * t + 15 * Math.sin((2 * Math.PI * t) / 12) + 3 * random(),
  );
  for (const method of FORECAST_METHODS) {
    const f = forecast(method, y, { period: 12, horizon: 18 });
    assert.equal(f.mean.length, 18, method);
    for (const v of [...f.mean, ...f.lower, ...f.upper]) assert.ok(Number.isFinite(v), method);
    for (const [k, v] of f.mean.entries())
      assert.ok((f.lower[k] as number) <= v + 1e-9 && v <= (f.upper[k] as number) + 1e-9, method);
    assert.equal(f.note, undefined, `${method}: ${f.note}`);
  }
  const ets = forecast('ets', y, { period: 12, horizon: 3 });
  assert.match(String(ets.params.model), /^ETS\([AM],(N|A|Ad),[NAM]\)$/);
  assert.ok(Number.isFinite(ets.aicc));
  const combination = forecast('combination', y, { period: 12, horizon: 3 });
  assert.equal(combination.params.members, 'ets,theta,damped');
});

test('the combination is the equal-weight mean of ETS, Theta and damped, bounds included', () => {
  const y = Array.from({ length: 40 }, (_, t) => 30 + t + 5 * Math.cos(t));
  const o = { period: 1, horizon: 4 };
  const members = COMBINATION_MEMBERS.map((m) => forecast(m, y, o));
  const c = forecast('combination', y, o);
  for (let k = 0; k < 4; k++) {
    close(c.mean[k] as number, members.reduce((s, f) => s + (f.mean[k] as number), 0) / 3, 1e-9);
    close(c.lower[k] as number, members.reduce((s, f) => s + (f.lower[k] as number), 0) / 3, 1e-9);
  }
});

test('bad input throws ForecastInputError with a clear message', () => {
  const o = { period: 1, horizon: 3 };
  assert.throws(() => forecast('ses', [], o), { name: 'ForecastInputError', message: /empty/ });
  assert.throws(() => forecast('ses', [1, Number.NaN, 3], o), { message: /value 2 .* NaN/ });
  assert.throws(() => forecast('ses', [1, Number.POSITIVE_INFINITY], o), ForecastInputError);
  assert.throws(() => forecast('ses', [1, 2], { period: 1, horizon: 0 }), /horizon/);
  assert.throws(() => forecast('ses', [1, 2], { period: 1.5, horizon: 2 }), /period/);
  assert.throws(() => forecast('ses', [1, 2], { period: 1, horizon: 2, level: 95 }), /level/);
  assert.throws(() => forecast('arima' as never, [1, 2], o), /unknown forecasting method/);
});

test('all zeros, one value and a constant series give flat forecasts with a note', () => {
  const zeros = forecast('ets', [0, 0, 0, 0], { period: 12, horizon: 3 });
  assert.deepEqual(
    [zeros.mean, zeros.lower, zeros.upper],
    [
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ],
  );
  assert.match(zeros.note ?? '', /all values are 0/);
  const one = forecast('theta', [7], { period: 1, horizon: 2 });
  assert.deepEqual(one.mean, [7, 7]);
  assert.match(one.note ?? '', /one value/);
  assert.match(forecast('holt', [3, 3, 3, 3, 3, 3], { period: 1, horizon: 1 }).note ?? '', /constant/);
});

test('too short for a season: seasonal methods fall back and say so', () => {
  const y = [5, 7, 6, 8, 7, 9, 8, 10, 9, 11];
  const hw = forecast('hw_multiplicative', y, { period: 12, horizon: 3 });
  assert.equal(hw.method, 'holt');
  assert.match(hw.note ?? '', /fewer than two seasons/);
  const snaive = forecast('seasonal_naive', y, { period: 12, horizon: 3 });
  assert.equal(snaive.method, 'naive');
  assert.match(snaive.note ?? '', /fewer than one season/);
  assert.match(forecast('ets', y, { period: 12, horizon: 3 }).note ?? '', /only non-seasonal ETS/);
  const tiny = forecast('damped', [4, 5], { period: 1, horizon: 2 });
  assert.equal(tiny.method, 'naive');
  assert.match(tiny.note ?? '', /damped not possible/);
});

test('negative values: multiplicative models are skipped, nonNegative clamps', () => {
  const y = Array.from({ length: 48 }, (_, t) => 10 * Math.sin((2 * Math.PI * t) / 12) + 0.05 * t);
  const hw = forecast('hw_multiplicative', y, { period: 12, horizon: 12 });
  assert.equal(hw.method, 'hw_additive');
  assert.match(hw.note ?? '', /multiplicative/);
  assert.match(
    forecast('ets', y, { period: 12, horizon: 2 }).note ?? '',
    /multiplicative ETS models skipped/,
  );
  const clamped = forecast('hw_additive', y, { period: 12, horizon: 12, nonNegative: true });
  assert.ok([...clamped.mean, ...clamped.lower, ...clamped.upper].every((v) => v >= 0));
  assert.ok(forecast('hw_additive', y, { period: 12, horizon: 12 }).mean.some((v) => v < 0));
});

test('seasonalAdjustment none runs the method on the raw series', () => {
  const y = Array.from({ length: 48 }, (_, t) => 100 + 30 * Math.sin((2 * Math.PI * t) / 12));
  assert.equal(forecast('ses', y, { period: 12, horizon: 1 }).params.seasonalAdjustment, 'multiplicative');
  assert.equal(
    forecast('ses', y, { period: 12, horizon: 1, seasonalAdjustment: 'none' }).params.seasonalAdjustment,
    'none',
  );
});

test('never NaN: any finite series, any method (property)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
      fc.constantFrom(...FORECAST_METHODS),
      fc.constantFrom(1, 4, 12),
      fc.integer({ min: 1, max: 8 }),
      fc.boolean(),
      (y, method, period, horizon, nonNegative) => {
        const f = forecast(method, y, { period, horizon, nonNegative });
        assert.equal(f.mean.length, horizon);
        for (const v of [...f.mean, ...f.lower, ...f.upper, f.sigma]) assert.ok(Number.isFinite(v));
        if (nonNegative) assert.ok([...f.mean, ...f.lower, ...f.upper].every((v) => v >= 0));
      },
    ),
    { numRuns: 300, seed: 16 },
  );
});
