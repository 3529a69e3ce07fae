// Stratified k-fold cross-validation of any binary classifier, the protocol behind every figure
// the failure-risk model reports. A decision threshold chosen on the rows it is then scored on
// would flatter F1, so each fold's threshold comes from an inner cross-validation of that fold's
// training rows only; the held-out rows are touched once, to be scored.
import { type FeatureMatrix, type Labels, takeLabels, takeRows } from './matrix.ts';
import {
  averagePrecision,
  bestF1Threshold,
  type Confusion,
  confusionAt,
  f1Of,
  foldRows,
  rocAuc,
  stratifiedFolds,
} from './metrics.ts';

export interface Classifier {
  /** Probability (or any score ordered like it) of the positive class per row. */
  predict(matrix: FeatureMatrix): Float64Array;
  /** A fixed decision threshold; without one, cross-validation chooses it. */
  threshold?: number;
}

export type FitClassifier = (matrix: FeatureMatrix, labels: Labels) => Classifier;

export interface CrossValidationOptions {
  folds: number;
  /**
   * Inner folds that choose each outer fold's threshold. 0 instead takes the F1-best threshold of
   * all out-of-fold scores for every fold: k + 1 fits instead of k · (inner + 1) + 1, and F1 is
   * then optimistic by that one number chosen on the scored rows.
   */
  thresholdFolds: number;
  seed: number;
}

export const CROSS_VALIDATION_DEFAULTS: Readonly<CrossValidationOptions> = {
  folds: 5,
  thresholdFolds: 3,
  seed: 1,
};

export interface CrossValidation {
  /** Mean over the folds. */
  rocAuc: number;
  /** Mean over the folds (average precision). */
  prAuc: number;
  /** F1, precision, recall and accuracy of all held-out rows pooled, each at its fold's threshold. */
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
  /** The F1-best threshold over all out-of-fold scores: the one to use with a model fitted on all rows. */
  threshold: number;
  /** Each row's score from the model that did not see it. */
  outOfFold: Float64Array;
}

export function crossValidate(
  matrix: FeatureMatrix,
  labels: Labels,
  fit: FitClassifier,
  options: Partial<CrossValidationOptions> = {},
): CrossValidation {
  const { folds: k, thresholdFolds, seed } = { ...CROSS_VALIDATION_DEFAULTS, ...options };
  if (thresholdFolds !== 0 && !(Number.isInteger(thresholdFolds) && thresholdFolds >= 2)) {
    throw new Error('thresholdFolds must be 0 or an integer ≥ 2');
  }
  const folds = stratifiedFolds(labels, k, seed);
  const outOfFold = new Float64Array(matrix.rows);
  const foldThreshold = new Float64Array(k);
  let rocSum = 0;
  let prSum = 0;
  for (let fold = 0; fold < k; fold++) {
    const { train, test } = foldRows(folds, fold);
    const trainMatrix = takeRows(matrix, train);
    const trainLabels = takeLabels(labels, train);
    const classifier = fit(trainMatrix, trainLabels);
    const scores = classifier.predict(takeRows(matrix, test));
    const testLabels = takeLabels(labels, test);
    test.forEach((row, i) => {
      outOfFold[row] = scores[i] as number;
    });
    rocSum += rocAuc(scores, testLabels);
    prSum += averagePrecision(scores, testLabels);
    foldThreshold[fold] =
      classifier.threshold ??
      (thresholdFolds === 0
        ? Number.NaN
        : innerThreshold(trainMatrix, trainLabels, fit, thresholdFolds, seed + fold + 1));
  }
  const threshold = bestF1Threshold(outOfFold, labels).threshold;
  const pooled: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let fold = 0; fold < k; fold++) {
    const { test } = foldRows(folds, fold);
    const at = foldThreshold[fold] as number;
    const c = confusionAt(
      Float64Array.from(test, (row) => outOfFold[row] as number),
      takeLabels(labels, test),
      Number.isNaN(at) ? threshold : at,
    );
    pooled.tp += c.tp;
    pooled.fp += c.fp;
    pooled.fn += c.fn;
    pooled.tn += c.tn;
  }
  return {
    rocAuc: rocSum / k,
    prAuc: prSum / k,
    f1: f1Of(pooled),
    precision: pooled.tp + pooled.fp === 0 ? 0 : pooled.tp / (pooled.tp + pooled.fp),
    recall: pooled.tp + pooled.fn === 0 ? 0 : pooled.tp / (pooled.tp + pooled.fn),
    accuracy: (pooled.tp + pooled.tn) / labels.length,
    threshold,
    outOfFold,
  };
}

/** The F1-best threshold over out-of-fold scores of an inner k-fold split of these rows. */
function innerThreshold(matrix: FeatureMatrix, labels: Labels, fit: FitClassifier, k: number, seed: number) {
  const folds = stratifiedFolds(labels, k, seed);
  const scores = new Float64Array(matrix.rows);
  for (let fold = 0; fold < k; fold++) {
    const { train, test } = foldRows(folds, fold);
    const predicted = fit(takeRows(matrix, train), takeLabels(labels, train)).predict(takeRows(matrix, test));
    test.forEach((row, i) => {
      scores[row] = predicted[i] as number;
    });
  }
  return bestF1Threshold(scores, labels).threshold;
}
