import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type EwmaState, ewmaStep, type ZScoreState, zScoreStep } from './detectors.ts';
import type { ControlLimits } from './spc.ts';

const UNIT: ControlLimits = { center: 0, sigma: 1 };

function runEwma(values: number[], limits = UNIT) {
  let state: EwmaState | undefined;
  return values.map((value) => {
    const step = ewmaStep(state, value, limits);
    state = step.state;
    return step;
  });
}

describe('EWMA chart', () => {
  test('the first step starts at the center with the exact narrow limits', () => {
    const [first] = runEwma([0]);
    // 3 · √(0.2 / 1.8 · (1 − 0.8²)) = 3 · √(0.04) = 0.6
    assert.ok(first && Math.abs(first.upper - 0.6) < 1e-12 && Math.abs(first.lower + 0.6) < 1e-12);
    assert.equal(first?.signal, false);
  });

  test('a sustained 1.5σ shift is flagged at the 5th reading, though no reading is beyond 3σ', () => {
    const steps = runEwma(Array.from({ length: 12 }, () => 1.5));
    assert.equal(
      steps.findIndex((step) => step.signal),
      4,
    );
    assert.ok(steps.slice(4).every((step) => step.signal));
  });

  test('an in-control series is never flagged; scaled limits follow the center and sigma', () => {
    assert.ok(runEwma(Array.from({ length: 200 }, (_, i) => (i % 2 ? 0.5 : -0.5))).every((s) => !s.signal));
    const scaled = runEwma(
      Array.from({ length: 12 }, () => 107.5),
      { center: 100, sigma: 5 },
    );
    assert.equal(
      scaled.findIndex((step) => step.signal),
      4,
    );
  });

  test('invalid options are refused', () => {
    assert.throws(() => ewmaStep(undefined, 1, UNIT, { lambda: 0, width: 3 }), /invalid EWMA/);
    assert.throws(() => ewmaStep(undefined, 1, UNIT, { lambda: 0.2, width: 0 }), /invalid EWMA/);
  });
});

function runZ(values: number[], options = { window: 5, threshold: 3, minPoints: 3 }) {
  let state: ZScoreState | undefined;
  return values.map((value) => {
    const step = zScoreStep(state, value, options);
    state = step.state;
    return step;
  });
}

describe('rolling z-score', () => {
  test('judged against the readings before it: mean 2 and deviation 1 put 5 at z = 3', () => {
    const steps = runZ([1, 2, 3, 5, 30]);
    assert.deepEqual(
      steps.slice(0, 4).map((step) => step.z),
      [null, null, null, 3],
    );
    // Before 30: [1, 2, 3, 5], mean 2.75, sample deviation √(8.75 / 3).
    assert.ok(Math.abs((steps[4]?.z ?? 0) - 27.25 / Math.sqrt(8.75 / 3)) < 1e-12);
    assert.equal(steps[3]?.signal, false, 'z = 3 is not beyond a threshold of 3');
    assert.equal(steps[4]?.signal, true);
  });

  test('the window slides and a flat window judges nothing', () => {
    const steps = runZ([7, 7, 7, 7, 7, 7, 50]);
    assert.equal(steps[6]?.z, null);
    assert.equal(steps[6]?.signal, false);
    assert.deepEqual(steps[6]?.state.recent, [7, 7, 7, 7, 50]);
    assert.deepEqual(
      steps.map((step) => step.state.recent.length),
      [1, 2, 3, 4, 5, 5, 5],
    );
  });

  test('invalid options are refused', () => {
    assert.throws(
      () => zScoreStep(undefined, 1, { window: 5, threshold: 3, minPoints: 6 }),
      /invalid z-score/,
    );
    assert.throws(
      () => zScoreStep(undefined, 1, { window: 1, threshold: 3, minPoints: 1 }),
      /invalid z-score/,
    );
  });
});
