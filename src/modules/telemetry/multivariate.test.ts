import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { scorePca, trainPca } from './multivariate.ts';

/** A deterministic stream of standard normal numbers (LCG + Box–Muller), so the test is repeatable. */
function normals(seed: number) {
  let state = seed >>> 0;
  const uniform = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return (state + 0.5) / 2 ** 32;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** A pump: flow drives pressure up and temperature down; each sensor adds a little noise. */
function pumpRows(count: number, seed: number) {
  const next = normals(seed);
  return Array.from({ length: count }, () => {
    const flow = next();
    return [10 + flow + 0.1 * next(), 50 + 2 * flow + 0.2 * next(), 80 - flow + 0.1 * next()];
  });
}

describe('T² and SPE over a sensor group', () => {
  const model = trainPca(pumpRows(400, 1));

  test('one component explains the group; normal readings stay within both limits', () => {
    assert.equal(model.components.length, 1);
    const typical = scorePca(model, [10.5, 51, 79.5]);
    assert.equal(typical.t2Signal, false);
    assert.equal(typical.qSignal, false);
  });

  test('T² is scaled by each component’s variance: over the training rows it averages k·(n − 1)/n', () => {
    // Two latent factors over four sensors, so two components with different variances are kept.
    const next = normals(3);
    const rows = Array.from({ length: 300 }, () => {
      const a = 3 * next();
      const b = next();
      return [a + 0.05 * next(), a + b + 0.05 * next(), b + 0.05 * next(), a - b + 0.05 * next()];
    });
    const two = trainPca(rows, { explained: 0.95, quantile: 0.99 });
    assert.equal(two.components.length, 2);
    const mean = rows.reduce((sum, row) => sum + scorePca(two, row).t2, 0) / rows.length;
    assert.ok(Math.abs(mean - (2 * 299) / 300) < 1e-9, `mean T² ${mean}`);
  });

  test('at least one component is always left out, or SPE would be zero', () => {
    assert.equal(trainPca(pumpRows(100, 5), { explained: 1, quantile: 0.99 }).components.length, 2);
  });

  test('a large move along the normal correlation raises T² but not SPE', () => {
    const surge = scorePca(model, [15, 60, 75]);
    assert.equal(surge.t2Signal, true);
    assert.equal(surge.qSignal, false);
  });

  test('readings that break the correlation raise SPE, though each is within its usual range', () => {
    // Flow up, pressure down: each value within about 1σ of its own mean.
    const broken = scorePca(model, [11, 48, 79]);
    assert.equal(broken.qSignal, true);
    assert.ok(Math.abs(11 - (model.means[0] as number)) < 2 * (model.scales[0] as number));
  });

  test('on fresh normal data the false-alarm rate is near the 1 % the limits were set at', () => {
    const fresh = pumpRows(2000, 7).map((row) => scorePca(model, row));
    const t2Rate = fresh.filter((s) => s.t2Signal).length / fresh.length;
    const qRate = fresh.filter((s) => s.qSignal).length / fresh.length;
    assert.ok(t2Rate < 0.03 && qRate < 0.03, `T² ${t2Rate}, SPE ${qRate}`);
  });

  test('bad training data and bad vectors are refused', () => {
    assert.throws(() => trainPca(pumpRows(5, 1)), /too few training rows/);
    assert.throws(() => trainPca([[1], [2]]), /at least two variables/);
    const withNaN = pumpRows(50, 1);
    withNaN[3] = [1, Number.NaN, 2];
    assert.throws(() => trainPca(withNaN), /complete and finite/);
    assert.throws(() => scorePca(model, [1, 2]), /one finite value per variable/);
    assert.throws(() => trainPca(pumpRows(50, 1), { explained: 0, quantile: 0.99 }), /invalid PCA options/);
  });
});
