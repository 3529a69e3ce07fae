import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { minimumTrainingRows, scorePca, scorePcaSeries, trainPca } from './multivariate.ts';

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
    const rate = (scores: { t2Signal: boolean; qSignal: boolean }[]): [number, number] => [
      scores.filter((s) => s.t2Signal).length / scores.length,
      scores.filter((s) => s.qSignal).length / scores.length,
    ];
    const fresh = pumpRows(2000, 7);
    const [t2Rate, qRate] = rate(scorePcaSeries(model, fresh));
    assert.ok(t2Rate < 0.03 && qRate < 0.03, `T² ${t2Rate}, SPE ${qRate}`);
    // Judged alone, each vector against limits set for vectors judged alone.
    const single = trainPca(pumpRows(400, 1), { smoothing: 1 });
    const [t2Single, qSingle] = rate(fresh.map((row) => scorePca(single, row)));
    assert.ok(t2Single < 0.03 && qSingle < 0.03, `T² ${t2Single}, SPE ${qSingle}`);
  });

  test('limits come from rows the model was not fitted on, so they exceed the in-sample quantile', () => {
    // The pressure transmitter creeps 1 bar over the window: fitted on every row the model absorbs
    // the creep, while each block scored by a model of the others sits off their mean.
    const creeping = pumpRows(400, 11).map(([flow, pressure, temperature], i) => [
      flow as number,
      (pressure as number) + i / 400,
      temperature as number,
    ]);
    const trained = trainPca(creeping, { smoothing: 1 });
    const inSample = creeping.map((row) => scorePca(trained, row).q).sort((a, b) => a - b);
    const quantile99 = inSample[395] as number;
    assert.ok(trained.qLimit > 1.15 * quantile99, `${trained.qLimit} vs ${quantile99}`);
  });

  test('a vector is judged by the median of its statistic and the two before it', () => {
    const normal = pumpRows(6, 21);
    const broken = [11, 48, 79];
    // One stray vector raises nothing; two in a row do, and the signal holds one vector longer.
    const stray = scorePcaSeries(model, [...normal.slice(0, 3), broken, ...normal.slice(3)]);
    assert.deepEqual(
      stray.map((s) => s.qSignal),
      [false, false, false, false, false, false, false],
    );
    const shift = scorePcaSeries(model, [...normal.slice(0, 3), broken, broken, ...normal.slice(3)]);
    assert.deepEqual(
      shift.map((s) => s.qSignal),
      [false, false, false, false, true, true, false, false],
    );
    // A stream judged in pieces, each with the vectors before it, is judged as if whole.
    const stream = [...normal.slice(0, 3), broken, broken, ...normal.slice(3)];
    const pieces = [
      ...scorePcaSeries(model, stream.slice(0, 4)),
      ...scorePcaSeries(model, stream.slice(4), stream.slice(0, 4)),
    ];
    assert.deepEqual(pieces, shift);
    // Judged alone, the broken vector is a signal by itself.
    assert.equal(scorePca(model, broken).qSignal, true);
  });

  test('bad training data and bad vectors are refused', () => {
    assert.throws(() => trainPca(pumpRows(5, 1)), /too few training rows/);
    // Every fold's model needs more rows than variables: 4/5 of the window for 12 variables.
    assert.equal(minimumTrainingRows(12), 17);
    assert.throws(() => trainPca(pumpRows(50, 1), { smoothing: 0 }), /invalid PCA options/);
    assert.throws(() => trainPca([[1], [2]]), /at least two variables/);
    const withNaN = pumpRows(50, 1);
    withNaN[3] = [1, Number.NaN, 2];
    assert.throws(() => trainPca(withNaN), /complete and finite/);
    assert.throws(() => scorePca(model, [1, 2]), /one finite value per variable/);
    assert.throws(() => trainPca(pumpRows(50, 1), { explained: 0, quantile: 0.99 }), /invalid PCA options/);
  });
});
