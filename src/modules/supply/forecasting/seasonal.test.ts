import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../../../platform/random.ts';
import {
  autocorrelations,
  centredMovingAverage,
  classicalSeasonalIndices,
  isSeasonal,
  seasonalAdjustment,
} from './seasonal.ts';

const close = (actual: number, expected: number, tol = 1e-9) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${actual} ≠ ${expected}`);

test('autocorrelations by hand', () => {
  // y = 1, 2, 3, 4: deviations −1.5, −0.5, 0.5, 1.5, Σd² = 5;
  // r1 = (0.75 − 0.25 + 0.75)/5 = 0.25, r2 = (−0.75 − 0.75)/5 = −0.3.
  const [r1, r2] = autocorrelations([1, 2, 3, 4], 2);
  close(r1 as number, 0.25);
  close(r2 as number, -0.3);
  assert.deepEqual(autocorrelations([5, 5, 5], 1), [0]);
});

test('centred moving averages: 2×4 and 3', () => {
  // t = 2: (0.5·4 + 8 + 2 + 6 + 0.5·5)/4 = 5.125; t = 3: (0.5·8 + 2 + 6 + 5 + 0.5·9)/4 = 5.375.
  const ma = centredMovingAverage([4, 8, 2, 6, 5, 9, 3, 7], 4);
  assert.equal(ma[0], undefined);
  assert.equal(ma[1], undefined);
  close(ma[2] as number, 5.125);
  close(ma[3] as number, 5.375);
  assert.equal(ma[6], undefined);
  const odd = centredMovingAverage([1, 4, 2], 3);
  close(odd[1] as number, 7 / 3);
});

test('classical seasonal indices recover a known pattern', () => {
  const pattern = [1.2, 0.8, 1.1, 0.9];
  const y = Array.from({ length: 12 }, (_, t) => 100 * (pattern[t % 4] as number));
  classicalSeasonalIndices(y, 4, 'multiplicative').forEach((s, j) => {
    close(s, pattern[j] as number);
  });
  const offsets = [20, -20, 10, -10];
  const z = Array.from({ length: 12 }, (_, t) => 50 + t + (offsets[t % 4] as number));
  classicalSeasonalIndices(z, 4, 'additive').forEach((s, j) => {
    close(s, offsets[j] as number);
  });
});

test('the 90 % seasonality test', () => {
  const random = seededRandom(3);
  const seasonal = Array.from(
    { length: 60 },
    (_, t) => 100 + 20 * Math.sin((2 * Math.PI * t) / 12) + random(),
  );
  const noise = Array.from({ length: 60 }, () => 100 + 10 * random());
  assert.equal(isSeasonal(seasonal, 12), true);
  assert.equal(isSeasonal(noise, 12), false);
  assert.equal(isSeasonal(seasonal, 1), false);
  assert.equal(isSeasonal(seasonal.slice(0, 24), 12), false); // n ≤ 2m: not tested
});

test('seasonal adjustment: multiplicative for positive data, additive with zeros, restore inverts remove', () => {
  const y = Array.from({ length: 48 }, (_, t) => 100 + t + 30 * Math.sin((2 * Math.PI * t) / 12));
  const a = seasonalAdjustment(y, 12);
  assert.equal(a.kind, 'multiplicative');
  const adjusted = a.remove(y);
  // Restoring the adjusted series' continuation puts the indices back at positions n, n+1, …
  const restored = a.restore(adjusted.slice(0, 12), 0);
  restored.forEach((v, k) => {
    close(v, y[k] as number, 1e-9);
  });
  // 20 + 20·sin(2πt/12) touches 0 at t ≡ 9 (mod 12): ratios are meaningless there, differences are not.
  const withZeros = Array.from({ length: 48 }, (_, t) =>
    Math.max(0, 20 + 20 * Math.sin((2 * Math.PI * t) / 12)),
  );
  assert.equal(seasonalAdjustment(withZeros, 12).kind, 'additive');
  assert.equal(seasonalAdjustment(y.slice(0, 20), 12).kind, 'none');
});
