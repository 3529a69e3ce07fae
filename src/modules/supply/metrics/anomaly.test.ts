import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_SCORE, median, minutesLate, robustScore } from './anomaly.ts';

test('median of odd and even counts', () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
});

test('robust z: 0.6745 (x − median) / MAD; an earlier outlier does not hide a new one', () => {
  const history = [10, 12, 9, 11, 10, 13, 8, 10, 10, 9, 11, 400]; // one old outlier
  // median 10, deviations 0 2 1 1 0 3 2 0 0 1 1 390 → MAD 1
  const usual = robustScore(12, history);
  assert.ok(usual);
  assert.equal(usual.median, 10);
  assert.equal(usual.mad, 1);
  assert.equal(usual.score, 0.6745 * 2);
  assert.equal(usual.flagged, false);
  const big = robustScore(60, history);
  assert.equal(big?.score, 0.6745 * 50);
  assert.equal(big?.flagged, true);
  assert.equal(robustScore(4, history)?.flagged, true, 'unusually small too');
});

test('a short history gives no judgement; a constant one flags a 50 % jump at the cap', () => {
  assert.equal(robustScore(100, [1, 2, 3]), null);
  const constant = Array(12).fill(20);
  assert.deepEqual(robustScore(20, constant), { score: 0, median: 20, mad: 0, flagged: false });
  assert.equal(robustScore(25, constant)?.flagged, false);
  assert.equal(robustScore(30, constant)?.score, MAX_SCORE);
  // MAD 0 but not constant: the mean absolute deviation stands in.
  const mostly = [20, 20, 20, 20, 20, 20, 20, 20, 20, 21, 22, 26];
  const judged = robustScore(40, mostly);
  const meanAd = (1 + 2 + 6) / 12;
  assert.equal(judged?.score, 20 / (1.2533 * meanAd));
});

test('minutes late against the window end (or the end of the requested day)', () => {
  assert.equal(minutesLate(new Date('2025-06-03T10:45:00Z'), '2025-06-03', '10:00'), 45);
  assert.equal(minutesLate(new Date('2025-06-03T09:00:00Z'), '2025-06-03', '10:00'), -60);
  assert.equal(minutesLate(new Date('2025-06-04T01:00:00Z'), '2025-06-03', null), 60);
});
