import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorScale, mae, mase, maseScale, rmsse, smape, smapeM3Term, smapeTerm } from './metrics.ts';

const close = (actual: number, expected: number, tol = 1e-9) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${actual} ≠ ${expected}`);

test('sMAPE by hand', () => {
  // 200·10/210 = 9.523810, 200·20/380 = 10.526316 → mean 10.025063.
  close(smape([100, 200], [110, 180]), (2000 / 210 + 4000 / 380) / 2);
  assert.equal(smapeTerm(0, 0), 0);
  // The M3 definition has no absolute values: a negative forecast changes the figure.
  close(smapeM3Term(100, 50), 200 * (50 / 150));
  close(smapeM3Term(100, -50), 600);
  close(smapeTerm(100, -50), 200);
});

test('MASE and RMSSE by hand', () => {
  // Lag-1 in-sample MAE of 1, 3, 2, 5, 4: (2 + 1 + 3 + 1)/4 = 1.75; forecast MAE 1.5 → 0.857143.
  close(maseScale([1, 3, 2, 5, 4], 1), 1.75);
  close(mase([1, 3, 2, 5, 4], [6, 7], [5, 5], 1), 1.5 / 1.75);
  // Lag 2: |2 − 1|, |5 − 3|, |4 − 2| → 5/3.
  close(maseScale([1, 3, 2, 5, 4], 2), 5 / 3);
  // RMSE of errors 1 and 2 = √2.5.
  close(rmsse([1, 3, 2, 5, 4], [6, 7], [5, 5], 1), Math.sqrt(2.5) / 1.75);
  close(mae([1, 2], [2, 4]), 1.5);
});

test('a flat training part is scaled by its mean magnitude (or 1)', () => {
  assert.equal(errorScale([4, 4, 4], 1), 4);
  assert.equal(errorScale([0, 0, 0], 1), 1);
  assert.ok(Number.isFinite(mase([0, 0, 0], [1], [0], 12)));
});
