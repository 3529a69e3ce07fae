// How well a score ranks and classifies a rare event. With 3 % failures, accuracy flatters any
// model (always "no failure" is 97 % right), so the figures that matter are ROC-AUC (ranking over
// all thresholds), PR-AUC / average precision (ranking where the failures are) and F1 of the
// failure class at a chosen threshold. Plus the seeded stratified folds they are estimated on.
import type { Labels } from './matrix.ts';
import { type Random, seededRandom, shuffle } from './random.ts';

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/**
 * Area under the ROC curve: the chance that a random positive scores above a random negative,
 * ties counting half (the Mann–Whitney U over average ranks). NaN without both classes.
 */
export function rocAuc(scores: ArrayLike<number>, labels: Labels): number {
  const order = sortedOrder(scores, labels, 'ascending');
  let positives = 0;
  let rankSum = 0;
  forEachTieGroup(order, scores, (start, end) => {
    const averageRank = (start + 1 + end) / 2; // ranks start+1..end
    for (let k = start; k < end; k++) {
      if (labels[order[k] as number] === 1) {
        positives++;
        rankSum += averageRank;
      }
    }
  });
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Average precision, the usual estimate of the area under the precision–recall curve: precision
 * at each threshold weighted by the recall it adds. Tied scores are one threshold, so a model
 * cannot gain by the order of rows it did not separate. NaN without positives.
 */
export function averagePrecision(scores: ArrayLike<number>, labels: Labels): number {
  const order = sortedOrder(scores, labels, 'descending');
  let total = 0;
  for (const label of labels) total += label;
  if (total === 0) return Number.NaN;
  let tp = 0;
  let seen = 0;
  let ap = 0;
  forEachTieGroup(order, scores, (start, end) => {
    let groupPositives = 0;
    for (let k = start; k < end; k++) groupPositives += labels[order[k] as number] as number;
    tp += groupPositives;
    seen += end - start;
    ap += (tp / seen) * (groupPositives / total);
  });
  return ap;
}

/** Counts with "positive" meaning score ≥ threshold. */
export function confusionAt(scores: ArrayLike<number>, labels: Labels, threshold: number): Confusion {
  checkLengths(scores, labels);
  const c: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let i = 0; i < labels.length; i++) {
    const predicted = (scores[i] as number) >= threshold;
    if (labels[i] === 1) {
      if (predicted) c.tp++;
      else c.fn++;
    } else if (predicted) c.fp++;
    else c.tn++;
  }
  return c;
}

/** F1 of the positive class; 0 when nothing was predicted and nothing caught. */
export function f1Of(c: Confusion): number {
  return c.tp === 0 ? 0 : (2 * c.tp) / (2 * c.tp + c.fp + c.fn);
}

export function f1AtThreshold(scores: ArrayLike<number>, labels: Labels, threshold: number): number {
  return f1Of(confusionAt(scores, labels, threshold));
}

/**
 * The threshold with the highest F1 on these scores. It lies halfway between the lowest score
 * called positive and the next lower score, so new rows near the cut are not all decided by where
 * exactly one training score happened to fall. Without positives: F1 0 at +∞ (nothing flagged).
 */
export function bestF1Threshold(
  scores: ArrayLike<number>,
  labels: Labels,
): { threshold: number; f1: number } {
  const order = sortedOrder(scores, labels, 'descending');
  let total = 0;
  for (const label of labels) total += label;
  let best = { threshold: Number.POSITIVE_INFINITY, f1: 0 };
  if (total === 0) return best;
  let tp = 0;
  let flagged = 0;
  forEachTieGroup(order, scores, (start, end) => {
    for (let k = start; k < end; k++) tp += labels[order[k] as number] as number;
    flagged += end - start;
    const f1 = (2 * tp) / (flagged + total);
    if (f1 > best.f1) {
      const score = scores[order[start] as number] as number;
      const below = end < order.length ? (scores[order[end] as number] as number) : score;
      const mid = below + (score - below) / 2;
      best = { threshold: mid > below ? mid : score, f1 };
    }
  });
  return best;
}

/**
 * Assigns each row to one of k folds so that every fold holds (within one row) the same number of
 * each class: with few failures, plain random folds could leave a fold with none to score.
 */
export function stratifiedFolds(labels: Labels, k: number, seed: number): Uint8Array {
  if (!Number.isInteger(k) || k < 2 || k > 255) throw new Error('folds must be an integer from 2 to 255');
  if (labels.length < k) throw new Error(`${labels.length} rows cannot make ${k} folds`);
  const random: Random = seededRandom(seed);
  const folds = new Uint8Array(labels.length);
  let next = 0;
  for (const label of [1, 0]) {
    const rows: number[] = [];
    labels.forEach((value, i) => {
      if (value === label) rows.push(i);
    });
    // Each class continues where the last left off, so fold sizes balance overall too.
    for (const row of shuffle(Uint32Array.from(rows), random)) {
      folds[row] = next;
      next = (next + 1) % k;
    }
  }
  return folds;
}

/** The training and held-out rows of one fold, each in ascending order. */
export function foldRows(folds: Uint8Array, fold: number): { train: Uint32Array; test: Uint32Array } {
  let held = 0;
  for (const f of folds) if (f === fold) held++;
  const train = new Uint32Array(folds.length - held);
  const test = new Uint32Array(held);
  let a = 0;
  let b = 0;
  folds.forEach((f, i) => {
    if (f === fold) test[b++] = i;
    else train[a++] = i;
  });
  return { train, test };
}

function sortedOrder(scores: ArrayLike<number>, labels: Labels, direction: 'ascending' | 'descending') {
  checkLengths(scores, labels);
  for (let i = 0; i < scores.length; i++) {
    if (Number.isNaN(scores[i])) throw new Error(`score ${i} is NaN`);
  }
  const order = Uint32Array.from({ length: scores.length }, (_, i) => i);
  const sign = direction === 'ascending' ? 1 : -1;
  return order.sort((a, b) => sign * ((scores[a] as number) - (scores[b] as number)));
}

function forEachTieGroup(
  order: Uint32Array,
  scores: ArrayLike<number>,
  visit: (start: number, end: number) => void,
): void {
  let start = 0;
  while (start < order.length) {
    const score = scores[order[start] as number];
    let end = start + 1;
    while (end < order.length && scores[order[end] as number] === score) end++;
    visit(start, end);
    start = end;
  }
}

function checkLengths(scores: ArrayLike<number>, labels: Labels): void {
  if (scores.length !== labels.length) throw new Error(`${scores.length} scores for ${labels.length} labels`);
}
