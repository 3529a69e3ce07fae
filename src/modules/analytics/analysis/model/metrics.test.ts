import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  averagePrecision,
  bestF1Threshold,
  confusionAt,
  f1AtThreshold,
  foldRows,
  rocAuc,
  stratifiedFolds,
} from './metrics.ts';
import { seededRandom } from './random.ts';

const labels = (...values: number[]) => Uint8Array.from(values);

test('ROC-AUC: a perfect ranking is 1, a reversed one 0, all ties 0.5', () => {
  const y = labels(0, 0, 1, 1);
  assert.equal(rocAuc([0.1, 0.2, 0.8, 0.9], y), 1);
  assert.equal(rocAuc([0.9, 0.8, 0.2, 0.1], y), 0);
  assert.equal(rocAuc([0.5, 0.5, 0.5, 0.5], y), 0.5);
});

test('ROC-AUC counts a tie between a positive and a negative as half', () => {
  // The scikit-learn example: 3 of 4 pairs ordered right.
  assert.equal(rocAuc([0.1, 0.4, 0.35, 0.8], labels(0, 0, 1, 1)), 0.75);
  // Pairs (p, n): (0.5, 0.5) tie → ½, (0.5, 0.2) → 1, (0.9, ·) → 1 + 1: 3.5 of 4.
  assert.equal(rocAuc([0.5, 0.9, 0.5, 0.2], labels(1, 1, 0, 0)), 0.875);
  assert.ok(Number.isNaN(rocAuc([0.1, 0.2], labels(0, 0))));
});

test('ROC-AUC agrees with counting every pair on random scores with ties', () => {
  const random = seededRandom(4);
  const scores = Array.from({ length: 300 }, () => Math.round(random() * 20) / 20);
  const y = Uint8Array.from(scores, (s) => (random() < s ? 1 : 0));
  let wins = 0;
  let pairs = 0;
  scores.forEach((p, i) => {
    if (y[i] !== 1) return;
    scores.forEach((n, j) => {
      if (y[j] !== 0) return;
      pairs++;
      wins += p > n ? 1 : p === n ? 0.5 : 0;
    });
  });
  assert.ok(Math.abs(rocAuc(scores, y) - wins / pairs) < 1e-12);
});

test('average precision: 1 for a perfect ranking, the known value otherwise, ties as one threshold', () => {
  assert.equal(averagePrecision([0.1, 0.2, 0.8, 0.9], labels(0, 0, 1, 1)), 1);
  // scikit-learn's example: (1/2)·(1/2) + (1/2)·1 = 0.8333…
  assert.ok(Math.abs(averagePrecision([0.1, 0.4, 0.35, 0.8], labels(0, 0, 1, 1)) - 5 / 6) < 1e-12);
  // All tied: one threshold with precision = the positive rate, whatever the row order.
  assert.equal(averagePrecision([0.3, 0.3, 0.3, 0.3], labels(1, 0, 0, 0)), 0.25);
  assert.equal(averagePrecision([0.3, 0.3, 0.3, 0.3], labels(0, 0, 0, 1)), 0.25);
  assert.ok(Number.isNaN(averagePrecision([0.1], labels(0))));
});

test('F1 at a threshold counts scores at the threshold as positive', () => {
  const scores = [0.1, 0.4, 0.5, 0.9];
  const y = labels(0, 1, 0, 1);
  assert.deepEqual(confusionAt(scores, y, 0.5), { tp: 1, fp: 1, fn: 1, tn: 1 });
  assert.equal(f1AtThreshold(scores, y, 0.5), 0.5);
  assert.equal(f1AtThreshold(scores, y, 0.95), 0);
  assert.throws(() => f1AtThreshold([0.1], y, 0.5), /1 scores for 4 labels/);
});

test('the F1-best threshold sits halfway to the next lower score', () => {
  const scores = [0.1, 0.3, 0.35, 0.6, 0.7, 0.9];
  const y = labels(0, 0, 1, 0, 1, 1);
  const best = bestF1Threshold(scores, y);
  // Flagging the top four catches all three positives with one false alarm: F1 6/7, better than
  // the top two (4/5) or the top five (6/8); the cut falls between 0.35 and 0.3.
  assert.equal(best.f1, 6 / 7);
  assert.ok(Math.abs(best.threshold - 0.325) < 1e-12);
  assert.equal(f1AtThreshold(scores, y, best.threshold), best.f1);
  assert.deepEqual(bestF1Threshold([0.2, 0.4], labels(0, 0)), { threshold: Number.POSITIVE_INFINITY, f1: 0 });
});

test('stratified folds: every row in one fold, each fold with the class ratio, fixed by the seed', () => {
  const random = seededRandom(1);
  const y = Uint8Array.from({ length: 1003 }, () => (random() < 0.034 ? 1 : 0));
  const positives = y.reduce((s, v) => s + v, 0);
  const folds = stratifiedFolds(y, 5, 7);
  assert.deepEqual(folds, stratifiedFolds(y, 5, 7));
  assert.notDeepEqual(folds, stratifiedFolds(y, 5, 8));
  for (let fold = 0; fold < 5; fold++) {
    const { train, test } = foldRows(folds, fold);
    assert.equal(train.length + test.length, y.length);
    const held = test.reduce((s, row) => s + (y[row] as number), 0);
    assert.ok(Math.abs(held - positives / 5) <= 1, `fold ${fold}: ${held} positives of ${positives}`);
    assert.ok(Math.abs(test.length - y.length / 5) <= 1);
  }
  assert.throws(() => stratifiedFolds(labels(0, 1), 3, 1), /2 rows cannot make 3 folds/);
  assert.throws(() => stratifiedFolds(y, 1, 1), /folds/);
});
