import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Classifier, crossValidate } from './cv.ts';
import { columnOf, type FeatureMatrix, matrixFromColumns } from './matrix.ts';
import { seededRandom } from './random.ts';

/** A score that is the label plus noise of the given size, and the labels (5 % positive). */
function noisyScores(rows: number, noise: number, seed: number) {
  const random = seededRandom(seed);
  const labels = Uint8Array.from({ length: rows }, () => (random() < 0.05 ? 1 : 0));
  const score = Float64Array.from(labels, (y) => y + (random() - 0.5) * noise);
  return { matrix: matrixFromColumns(['score'], [score]), labels };
}

/** "Trains" nothing: the feature is the score. Counts its fits and the rows it saw. */
function readsTheScore(seen: number[]) {
  return (matrix: FeatureMatrix): Classifier => {
    seen.push(matrix.rows);
    return { predict: (x) => columnOf(x, 0) };
  };
}

test('a perfect score is perfect on every figure, with a threshold that separates', () => {
  const { matrix, labels } = noisyScores(1000, 0.5, 1);
  const cv = crossValidate(matrix, labels, readsTheScore([]), { folds: 5, thresholdFolds: 3 });
  assert.equal(cv.rocAuc, 1);
  assert.equal(cv.prAuc, 1);
  assert.equal(cv.f1, 1);
  assert.equal(cv.accuracy, 1);
  assert.ok(cv.threshold > 0.25 && cv.threshold < 0.75);
});

test('every row gets one out-of-fold score; each fit sees only training rows', () => {
  const { matrix, labels } = noisyScores(1000, 3, 2);
  const seen: number[] = [];
  const cv = crossValidate(matrix, labels, readsTheScore(seen), { folds: 5, thresholdFolds: 3 });
  assert.deepEqual(cv.outOfFold, columnOf(matrix, 0));
  // 5 outer fits on 800 rows, each with 3 inner fits on about 533.
  assert.equal(seen.length, 20);
  assert.equal(seen.filter((rows) => rows === 800).length, 5);
  assert.ok(seen.every((rows) => rows <= 800));
});

test('a noisy score lands between chance and perfect; the same seed repeats the figures', () => {
  const { matrix, labels } = noisyScores(2000, 2.5, 3);
  const a = crossValidate(matrix, labels, readsTheScore([]), { seed: 4 });
  const b = crossValidate(matrix, labels, readsTheScore([]), { seed: 4 });
  assert.deepEqual(a, b);
  assert.ok(a.rocAuc > 0.6 && a.rocAuc < 0.95, `ROC-AUC ${a.rocAuc}`);
  assert.ok(a.f1 > 0 && a.f1 < 0.8, `F1 ${a.f1}`);
});

test('choosing the threshold on the held-out rows flatters F1; the ranking figures do not move', () => {
  const { matrix, labels } = noisyScores(3000, 2, 5);
  const honest = crossValidate(matrix, labels, readsTheScore([]), { thresholdFolds: 3 });
  const peeking = crossValidate(matrix, labels, readsTheScore([]), { thresholdFolds: 0 });
  assert.ok(honest.f1 <= peeking.f1, `${honest.f1} vs ${peeking.f1}`);
  assert.equal(honest.rocAuc, peeking.rocAuc);
});

test('a classifier with its own threshold keeps it: "always no" has F1 0', () => {
  const { matrix, labels } = noisyScores(500, 1, 6);
  const cv = crossValidate(matrix, labels, () => ({
    predict: (x) => new Float64Array(x.rows),
    threshold: Number.POSITIVE_INFINITY,
  }));
  assert.equal(cv.f1, 0);
  assert.equal(cv.recall, 0);
  assert.equal(cv.rocAuc, 0.5);
  assert.throws(
    () => crossValidate(matrix, labels, readsTheScore([]), { thresholdFolds: 1 }),
    /thresholdFolds/,
  );
});
