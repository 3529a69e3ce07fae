import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  normalizedScore,
  PROFILES,
  type Profile,
  probationOf,
  scaledSigmoid,
  scoreFile,
} from '../../eval/nab-score.ts';

const close = (actual: number, expected: number) =>
  assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} is not ${expected}`);
const sigma = (y: number) => 2 / (1 + Math.exp(5 * y)) - 1;
const { standard } = PROFILES;

describe('NAB scoring', () => {
  test('the scaled sigmoid and the probationary period', () => {
    close(scaledSigmoid(0), 0);
    close(scaledSigmoid(-1), sigma(-1));
    assert.equal(scaledSigmoid(3.01), -1);
    assert.equal(probationOf(1000), 150);
    assert.equal(probationOf(22_695), 750);
  });

  // 1,000 rows, probation 150, one window of 100 rows: [500, 599].
  const file = (detections: number[], profile: Profile = standard) =>
    scoreFile(1000, [[500, 599]], detections, profile);

  test('a missed window costs fnWeight; the null detector normalises to 0 and the earliest detection to 100', () => {
    close(file([]).score, -1);
    close(normalizedScore(file([]).score, 1, standard), 0);
    close(file([500]).score, 1);
    close(normalizedScore(file([500]).score, 1, standard), 100);
    close(file([], PROFILES.reward_low_FN_rate).score, -2);
  });

  test('a later detection in a window is worth less; a window counts once, by its earliest detection', () => {
    close(file([599]).score, sigma(-1 / 100) / sigma(-1));
    close(file([550, 520]).score, sigma(-80 / 100) / sigma(-1));
    close(file([520, 550]).score, sigma(-80 / 100) / sigma(-1));
    assert.equal(file([550, 520, 599]).detectedWindows, 1);
  });

  test('false positives: flat before the first window, sigmoid-weighted after one, ignored in probation', () => {
    close(file([100]).score, -1);
    close(file([300]).score, -1 - 0.11);
    close(file([600]).score, -1 + 0.11 * sigma(1 / 99));
    close(file([999]).score, -1 - 0.11);
    close(scoreFile(1000, [[500, 599]], [300], PROFILES.reward_low_FP_rate).score, -1 - 0.22);
    assert.equal(file([300, 600, 999]).falsePositives, 3);
  });

  test('a window that overlaps the probationary period is not scored: detections in it are false positives', () => {
    const early = scoreFile(1000, [[100, 200]], [120, 180], standard);
    assert.equal(early.windows, 0);
    assert.equal(early.falsePositives, 1, 'row 120 is in the probationary period, row 180 is not');
    close(early.score, -0.11);
  });

  test('normalisation reproduces NAB’s check: standard profile over 116 windows is 100·(S + 116)/232', () => {
    for (const raw of [-116, -40.5, 0, 37.2, 116])
      close(normalizedScore(raw, 116, standard), (100 * (raw + 116)) / 232);
  });
});
