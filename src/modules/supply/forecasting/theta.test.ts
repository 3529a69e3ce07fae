import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forecast } from './methods.ts';
import { thetaPoints, trendSlope } from './theta.ts';

const close = (actual: number, expected: number, tol = 1e-6) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${actual} ≠ ${expected}`);

test('least-squares slope by hand', () => {
  // t = 0…3, y = 1, 3, 2, 6: Σ(t − 1.5)(y − 3) = 3 + 0 − 0.5 + 4.5 = 7, Σ(t − 1.5)² = 5 → 1.4.
  close(trendSlope([1, 3, 2, 6]), 1.4);
  assert.equal(trendSlope([5]), 0);
});

test('Theta = SES with drift b/2 (Hyndman & Billah 2003) by hand', () => {
  // ℓ_n = 100, α = 0.5, b = 2, n = 4: (1 − 0.5⁴)/0.5 = 1.875;
  // ŷ_{n+h} = 100 + (2/2)·(h − 1 + 1.875) → 101.875, 102.875, 103.875.
  const points = thetaPoints(100, 0.5, 2, 4, 3);
  [101.875, 102.875, 103.875].forEach((v, k) => {
    close(points[k] as number, v);
  });
});

test('on a straight line Theta continues with half the slope', () => {
  // SES on a line fits α at its upper bound, so ℓ_n ≈ the last value and ŷ_{n+h} ≈ y_n + (b/2)·h.
  const y = Array.from({ length: 30 }, (_, t) => 10 + 2 * t);
  const f = forecast('theta', y, { period: 1, horizon: 3 });
  [69, 70, 71].forEach((v, k) => {
    close(f.mean[k] as number, v, 1e-2);
  });
  assert.equal(f.method, 'theta');
});

test('Theta on a seasonal series adjusts it multiplicatively and restores the pattern', () => {
  const pattern = [1.3, 1.1, 0.9, 0.7, 0.8, 1.2];
  const y = Array.from({ length: 48 }, (_, t) => 100 * (pattern[t % 6] as number) * (1 + 0.001 * t));
  const f = forecast('theta', y, { period: 6, horizon: 6 });
  assert.equal(f.params.seasonalAdjustment, 'multiplicative');
  // The forecast keeps the seasonal shape: its peak is where the pattern peaks (position 48 mod 6 = 0).
  const peak = f.mean.indexOf(Math.max(...f.mean));
  assert.equal(peak, 0);
});
