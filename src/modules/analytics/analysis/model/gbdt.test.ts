import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  featureImportance,
  type GbdtModel,
  marginGbdt,
  pathContributions,
  predictGbdt,
  sigmoid,
  trainGbdt,
} from './gbdt.ts';
import { predictLogistic, trainLogistic } from './logistic.ts';
import { type FeatureMatrix, matrixFromColumns, matrixFromRows } from './matrix.ts';
import { rocAuc } from './metrics.ts';
import { seededRandom } from './random.ts';

/** Two uniform features and a third of pure noise; the label is a function of the first two. */
function dataset(rows: number, seed: number, rule: (a: number, b: number) => boolean) {
  const random = seededRandom(seed);
  const a = Float64Array.from({ length: rows }, () => random());
  const b = Float64Array.from({ length: rows }, () => random());
  const noise = Float64Array.from({ length: rows }, () => random());
  const labels = Uint8Array.from({ length: rows }, (_, i) => (rule(a[i] as number, b[i] as number) ? 1 : 0));
  return { matrix: matrixFromColumns(['a', 'b', 'noise'], [a, b, noise]), labels };
}

const xor = (a: number, b: number) => a > 0.5 !== b > 0.5;

function accuracy(scores: Float64Array, labels: Uint8Array): number {
  let right = 0;
  scores.forEach((p, i) => {
    right += (p >= 0.5 ? 1 : 0) === labels[i] ? 1 : 0;
  });
  return right / labels.length;
}

test('learns XOR, which no linear model can', () => {
  const train = dataset(4000, 1, xor);
  const test = dataset(2000, 2, xor);
  const model = trainGbdt(train.matrix, train.labels, { seed: 1 });
  assert.ok(accuracy(predictGbdt(model, test.matrix), test.labels) > 0.97);
  assert.ok(rocAuc(predictGbdt(model, test.matrix), test.labels) > 0.99);

  const linear = trainLogistic(train.matrix, train.labels);
  const linearAuc = rocAuc(predictLogistic(linear, test.matrix), test.labels);
  assert.ok(Math.abs(linearAuc - 0.5) < 0.05, `logistic AUC ${linearAuc} should be chance`);
});

test('finds a sharp threshold in a rare class and puts its gain on that feature', () => {
  const rule = (a: number) => a > 0.97;
  const train = dataset(5000, 3, rule);
  const test = dataset(3000, 4, rule);
  const model = trainGbdt(train.matrix, train.labels);
  assert.ok(rocAuc(predictGbdt(model, test.matrix), test.labels) > 0.999);
  const importance = featureImportance(model);
  assert.equal(importance[0]?.name, 'a');
  assert.ok((importance[0]?.gain as number) > 0.9);
  assert.ok(Math.abs(importance.reduce((sum, f) => sum + f.gain, 0) - 1) < 1e-12);
});

test('the same seed gives the same model; another seed, with subsampling, another', () => {
  const { matrix, labels } = dataset(2000, 5, xor);
  const options = { rounds: 20, subsample: 0.5 };
  const a = trainGbdt(matrix, labels, { ...options, seed: 9 });
  assert.deepEqual(a, trainGbdt(matrix, labels, { ...options, seed: 9 }));
  assert.notDeepEqual(a, trainGbdt(matrix, labels, { ...options, seed: 10 }));
});

test('a per-tree row cap samples fewer rows but still learns from all', () => {
  const { matrix, labels } = dataset(4000, 6, xor);
  const test = dataset(2000, 7, xor);
  const capped = trainGbdt(matrix, labels, { maxSampleRows: 1000, seed: 2 });
  // At the first tree every row has the same hessian, so the root's cover counts the sample.
  const rootCover = (model: GbdtModel) => model.trees[0]?.cover[0] as number;
  assert.ok(rootCover(capped) < 0.5 * rootCover(trainGbdt(matrix, labels, { rounds: 1 })));
  assert.ok(accuracy(predictGbdt(capped, test.matrix), test.labels) > 0.95);
});

test('missing values: missingness itself can be the signal, found in one split', () => {
  const random = seededRandom(8);
  const rows = Array.from({ length: 3000 }, () => {
    const x = random();
    // A sensor that drops out exactly when the machine is about to fail.
    return random() < 0.1 ? [Number.NaN, 1] : [x, 0];
  });
  const matrix = matrixFromRows(
    ['x'],
    rows.map(([x]) => [x as number]),
  );
  const labels = Uint8Array.from(rows, ([, y]) => y as number);
  const model = trainGbdt(matrix, labels, { rounds: 30, maxDepth: 1 });
  const [missing, present] = predictGbdt(model, matrixFromRows(['x'], [[Number.NaN], [0.5]]));
  assert.ok((missing as number) > 0.9 && (present as number) < 0.01, `${missing} / ${present}`);
  assert.equal(model.trees[0]?.missingLeft[0], false);
  assert.equal(JSON.parse(JSON.stringify(model)).trees[0].threshold[0], Number.MAX_VALUE);
});

test('a model is plain JSON: a stored copy predicts the same', () => {
  const { matrix, labels } = dataset(1000, 9, xor);
  const model = trainGbdt(matrix, labels, { rounds: 10 });
  const stored = JSON.parse(JSON.stringify(model)) as GbdtModel;
  assert.deepEqual(predictGbdt(stored, matrix), predictGbdt(model, matrix));
});

test('path contributions add up to the margin and credit the features the rule uses', () => {
  const { matrix, labels } = dataset(3000, 10, (a) => a > 0.8);
  const model = trainGbdt(matrix, labels, { rounds: 30 });
  const margins = marginGbdt(model, matrix);
  for (const row of [0, 1, 2, 3, 4]) {
    const { bias, contributions } = pathContributions(model, matrix, row);
    const total = contributions.reduce((sum, c) => sum + c, bias);
    assert.ok(Math.abs(total - (margins[row] as number)) < 1e-9);
  }
  const high = matrixFromRows(matrix.names, [[0.95, 0.5, 0.5]]);
  const { contributions } = pathContributions(model, high, 0);
  assert.ok((contributions[0] as number) > 3 * Math.abs(contributions[2] as number));
  assert.ok((contributions[0] as number) > 0);
});

test('scalePosWeight raises the scores of a rare class', () => {
  const random = seededRandom(11);
  const x = Float64Array.from({ length: 4000 }, () => random());
  const labels = Uint8Array.from(x, (a) => (random() < 0.1 * a ? 1 : 0));
  const matrix = matrixFromColumns(['x'], [x]);
  const plain = predictGbdt(trainGbdt(matrix, labels, { rounds: 20 }), matrix);
  const weighted = predictGbdt(trainGbdt(matrix, labels, { rounds: 20, scalePosWeight: 10 }), matrix);
  const mean = (p: Float64Array) => p.reduce((s, v) => s + v, 0) / p.length;
  assert.ok(mean(plain) < 0.08 && mean(weighted) > 3 * mean(plain), `${mean(plain)} → ${mean(weighted)}`);
});

test('refuses columns in another order, infinities and bad options', () => {
  const { matrix, labels } = dataset(200, 12, xor);
  const model = trainGbdt(matrix, labels, { rounds: 2 });
  const swapped: FeatureMatrix = { ...matrix, names: ['b', 'a', 'noise'] };
  assert.throws(() => predictGbdt(model, swapped), /expects features \[a, b, noise\]/);
  const infinite = matrixFromRows(['x'], [[1], [Number.POSITIVE_INFINITY]]);
  assert.throws(() => trainGbdt(infinite, Uint8Array.of(0, 1)), /finite or NaN/);
  assert.throws(() => trainGbdt(matrix, labels, { maxDepth: 0 }), /maxDepth/);
  assert.throws(() => trainGbdt(matrix, labels, { subsample: 0 }), /subsample/);
  assert.throws(() => trainGbdt(matrix, labels, { bins: 300 }), /bins/);
  assert.equal(sigmoid(0), 0.5);
});

test('a single-class training set predicts that class', () => {
  const matrix = matrixFromRows(['x'], [[1], [2], [3]]);
  const p = predictGbdt(trainGbdt(matrix, Uint8Array.of(0, 0, 0), { rounds: 5 }), matrix);
  for (const value of p) assert.ok(value < 1e-3);
});
