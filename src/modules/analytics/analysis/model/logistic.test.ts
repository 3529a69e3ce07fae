import assert from 'node:assert/strict';
import { test } from 'node:test';
import { predictLogistic, solveSymmetric, trainLogistic } from './logistic.ts';
import { matrixFromColumns, matrixFromRows } from './matrix.ts';
import { seededRandom } from './random.ts';

test('recovers the coefficients that generated the labels', () => {
  const random = seededRandom(1);
  const rows = 20_000;
  const x1 = Float64Array.from({ length: rows }, () => random() * 4 - 2);
  const x2 = Float64Array.from({ length: rows }, () => random() * 10);
  const labels = Uint8Array.from({ length: rows }, (_, i) => {
    const p = 1 / (1 + Math.exp(-(0.5 + 2 * (x1[i] as number) - 0.3 * (x2[i] as number))));
    return random() < p ? 1 : 0;
  });
  const model = trainLogistic(matrixFromColumns(['x1', 'x2'], [x1, x2]), labels);
  // Back from standardised units: a raw weight is the standardised one over the scale.
  const w1 = (model.weights[0] as number) / (model.scale[0] as number);
  const w2 = (model.weights[1] as number) / (model.scale[1] as number);
  const intercept = model.intercept - w1 * (model.mean[0] as number) - w2 * (model.mean[1] as number);
  assert.ok(Math.abs(w1 - 2) < 0.1, `w1 ${w1}`);
  assert.ok(Math.abs(w2 + 0.3) < 0.03, `w2 ${w2}`);
  assert.ok(Math.abs(intercept - 0.5) < 0.15, `intercept ${intercept}`);
});

test('a missing value is read as the column mean', () => {
  const random = seededRandom(2);
  const x = Float64Array.from({ length: 500 }, () => random());
  const labels = Uint8Array.from(x, (v) => (v + random() * 0.5 > 0.8 ? 1 : 0));
  const model = trainLogistic(matrixFromColumns(['x'], [x]), labels);
  const [missing, atMean] = predictLogistic(
    model,
    matrixFromRows(['x'], [[Number.NaN], [model.mean[0] as number]]),
  );
  assert.equal(missing, atMean);
});

test('separable classes, a constant column and a single class still give finite weights', () => {
  const separable = matrixFromRows(
    ['x', 'constant'],
    [
      [0, 1],
      [1, 1],
      [2, 1],
      [3, 1],
    ],
  );
  const model = trainLogistic(separable, Uint8Array.of(0, 0, 1, 1), { l2: 1e-3 });
  for (const w of [...model.weights, model.intercept]) assert.ok(Number.isFinite(w));
  const [low, , , high] = predictLogistic(model, separable);
  assert.ok((low as number) < 0.05 && (high as number) > 0.95);
  assert.equal(model.weights[1], 0);

  const oneClass = trainLogistic(matrixFromRows(['x'], [[1], [2]]), Uint8Array.of(0, 0));
  assert.ok(Number.isFinite(oneClass.intercept) && oneClass.intercept < -5);
});

test('a larger penalty shrinks the weights', () => {
  const random = seededRandom(3);
  const x = Float64Array.from({ length: 1000 }, () => random());
  const labels = Uint8Array.from(x, (v) => (random() < v ? 1 : 0));
  const matrix = matrixFromColumns(['x'], [x]);
  const loose = trainLogistic(matrix, labels, { l2: 1e-4 }).weights[0] as number;
  const tight = trainLogistic(matrix, labels, { l2: 1 }).weights[0] as number;
  assert.ok(tight > 0 && tight < loose / 2, `${tight} vs ${loose}`);
});

test('Cholesky solves a symmetric positive-definite system and refuses a singular one', () => {
  const x = solveSymmetric(Float64Array.of(4, 2, 2, 3), Float64Array.of(2, 1), 2);
  assert.ok(Math.abs((x[0] as number) - 0.5) < 1e-12 && Math.abs(x[1] as number) < 1e-12);
  assert.throws(
    () => solveSymmetric(Float64Array.of(1, 1, 1, 1), Float64Array.of(1, 1), 2),
    /positive definite/,
  );
});

test('refuses features in another order', () => {
  const model = trainLogistic(
    matrixFromRows(
      ['a', 'b'],
      [
        [0, 1],
        [1, 0],
      ],
    ),
    Uint8Array.of(0, 1),
  );
  assert.throws(
    () => predictLogistic(model, matrixFromRows(['b', 'a'], [[0, 1]])),
    /expects features \[a, b\]/,
  );
});
