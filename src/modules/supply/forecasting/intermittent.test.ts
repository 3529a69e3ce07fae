import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyDemand } from './classify.ts';
import { crostonRun, tsbRun } from './intermittent.ts';
import { forecast } from './methods.ts';
import { ForecastInputError } from './types.ts';

const close = (actual: number, expected: number, tol = 1e-6) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${actual} ≠ ${expected}`);

test('Croston and SBA by hand', () => {
  // α = 0.1, y = 0, 3, 0, 0, 5, 0, 4.
  // First demand (t1): z = 3, p = 2 (two periods up to and including it).
  // t4: z = 3 + 0.1·(5 − 3) = 3.2, p = 2 + 0.1·(3 − 2) = 2.1.
  // t6: z = 3.2 + 0.1·(4 − 3.2) = 3.28, p = 2.1 + 0.1·(2 − 2.1) = 2.09.
  // Croston: 3.28/2.09 = 1.569378; SBA: (1 − 0.1/2)·3.28/2.09 = 1.490909.
  const y = [0, 3, 0, 0, 5, 0, 4];
  const croston = crostonRun(y, { alpha: 0.1 }, false);
  close(croston.forecast, 3.28 / 2.09);
  close(croston.forecast, 1.569378, 1e-6);
  assert.deepEqual(croston.oneStep.slice(0, 5), [undefined, undefined, 1.5, 1.5, 1.5]);
  close(croston.oneStep[5] as number, 3.2 / 2.1);
  close(crostonRun(y, { alpha: 0.1 }, true).forecast, 1.490909, 1e-6);
});

test('TSB by hand', () => {
  // α = 0.1, β = 0.2, π0 = 0.5, z0 = 3 (the first demand), y = 0, 3, 0, 0, 5:
  // π: 0.4, 0.52, 0.416, 0.3328, 0.46624; z: 3 (t1), 3.2 (t4); forecast = 0.46624·3.2 = 1.491968.
  const run = tsbRun([0, 3, 0, 0, 5], { alpha: 0.1, beta: 0.2 }, 0.5);
  close(run.forecast, 1.491968);
  close(run.oneStep[0] as number, 1.5);
  close(run.oneStep[1] as number, 1.2);
  close(run.oneStep[2] as number, 1.56);
});

test('TSB decays when demand stops, Croston does not', () => {
  const y = [4, 0, 5, 0, 0, 6, 0, 4, ...new Array(20).fill(0)];
  const tsb = forecast('tsb', y, { period: 1, horizon: 1 });
  const croston = forecast('croston', y, { period: 1, horizon: 1 });
  assert.ok((tsb.mean[0] as number) < 0.5 * (croston.mean[0] as number));
});

test('intermittent methods: flat forecasts, stated intervals, clamped at 0 on request', () => {
  const y = [0, 0, 3, 0, 0, 0, 5, 0, 0, 2, 0, 0, 0, 0, 4, 0, 0, 3];
  for (const method of ['croston', 'sba', 'tsb'] as const) {
    const f = forecast(method, y, { period: 1, horizon: 4, nonNegative: true });
    assert.equal(new Set(f.mean).size, 1);
    assert.match(String(f.params.intervals), /approximate/);
    assert.ok(f.lower.every((v) => v >= 0));
    assert.ok((f.upper[3] as number) >= (f.upper[0] as number));
  }
});

test('classification: smooth, erratic, intermittent, lumpy (ADI 1.32, CV² 0.49)', () => {
  assert.equal(classifyDemand([10, 11, 9, 10, 12, 10, 9, 11]).demandClass, 'smooth');
  const erratic = classifyDemand([1, 20, 2, 30, 1, 25, 2, 40]);
  assert.equal(erratic.demandClass, 'erratic');
  close(erratic.adi, 1);
  // Sizes 5, 6, 5, 6: mean 5.5, variance 0.25 → CV² = 0.25/30.25; ADI = 10/4.
  const intermittent = classifyDemand([0, 5, 0, 0, 6, 0, 5, 0, 0, 6]);
  assert.equal(intermittent.demandClass, 'intermittent');
  close(intermittent.adi, 2.5);
  close(intermittent.cv2, 0.25 / 30.25);
  close(intermittent.zeroShare, 0.6);
  assert.equal(classifyDemand([0, 1, 0, 0, 30, 0, 2, 0, 0, 40]).demandClass, 'lumpy');
  // ADI exactly 1.32 (33 periods, 25 with demand) is on the intermittent side.
  const edge = [...new Array(25).fill(7), ...new Array(8).fill(0)];
  assert.equal(classifyDemand(edge).demandClass, 'intermittent');
  assert.deepEqual(classifyDemand([0, 0, 0]), { demandClass: 'intermittent', adi: 3, cv2: 0, zeroShare: 1 });
  assert.throws(() => classifyDemand([]), ForecastInputError);
});
