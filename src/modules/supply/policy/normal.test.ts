import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  inverseNormalCdf,
  inverseStandardNormalLoss,
  normalCdf,
  normalPdf,
  normalSurvival,
  standardNormalLoss,
} from './normal.ts';

const close = (actual: number, expected: number, tol: number, what = '') =>
  assert.ok(Math.abs(actual - expected) <= tol, `${what} ${actual} vs ${expected} (tolerance ${tol})`);
const relClose = (actual: number, expected: number, rel: number, what = '') =>
  assert.ok(
    Math.abs(actual - expected) <= rel * Math.abs(expected),
    `${what} ${actual} vs ${expected} (relative ${rel})`,
  );

describe('standard normal distribution', () => {
  it('has the tabulated density and distribution values', () => {
    close(normalPdf(0), 0.3989422804014327, 1e-16);
    close(normalCdf(0), 0.5, 1e-16);
    close(normalCdf(1), 0.8413447460685429, 1e-14);
    close(normalCdf(-1.96), 0.024997895148220435, 1e-14);
    close(normalCdf(2), 0.9772498680518208, 1e-14);
    relClose(normalCdf(-3), 0.0013498980316300946, 1e-12);
    relClose(normalCdf(-5), 2.866515718791939e-7, 1e-12);
    relClose(normalCdf(-10), 7.619853024160527e-24, 1e-12);
    relClose(normalSurvival(6), 9.865876450376981e-10, 1e-12);
  });

  it('is symmetric and continuous where the series hands over to the continued fraction', () => {
    for (const x of [0.3, 1.7, 2.9999, 3, 3.0001, 4.5])
      close(normalCdf(x) + normalCdf(-x), 1, 1e-15, `x=${x}`);
    close(normalCdf(3 - 1e-12), normalCdf(3 + 1e-12), 1e-14);
  });

  it('inverts to 1e-9 at the known quantiles', () => {
    const known: [number, number][] = [
      [0.5, 0],
      [0.9, 1.2815515655446004],
      [0.95, 1.6448536269514722],
      [0.975, 1.959963984540054],
      [0.99, 2.3263478740408408],
      [0.999, 3.090232306167813],
      [0.3, -0.5244005127080407],
      [0.02425, -1.9729610513118845],
      [1e-10, -6.361340902404056],
      [0.9999999, 5.199337582290662],
    ];
    for (const [p, z] of known) close(inverseNormalCdf(p), z, 1e-9, `Φ⁻¹(${p})`);
  });

  it('round-trips Φ(Φ⁻¹(p)) = p across the whole range', () => {
    for (let e = -300; e < 0; e += 7) {
      const p = 10 ** e;
      relClose(normalCdf(inverseNormalCdf(p)), p, 1e-12, `p=${p}`);
    }
    for (let p = 0.001; p < 1; p += 0.0173) close(normalCdf(inverseNormalCdf(p)), p, 1e-15, `p=${p}`);
  });

  it('refuses probabilities outside (0, 1) and NaN', () => {
    for (const p of [0, 1, -0.1, 1.5, Number.NaN]) assert.throws(() => inverseNormalCdf(p), RangeError);
    assert.throws(() => normalCdf(Number.NaN), RangeError);
  });
});

describe('standard normal loss function G(k)', () => {
  it('matches the tabulated values', () => {
    close(standardNormalLoss(0), 0.3989422804014327, 1e-15);
    close(standardNormalLoss(0.5), 0.19779655740130608, 1e-14);
    close(standardNormalLoss(1), 0.08331547058768629, 1e-14);
    close(standardNormalLoss(1.5), 0.029306793762604616, 1e-14);
    close(standardNormalLoss(2), 0.008490702616829625, 1e-14);
    relClose(standardNormalLoss(3), 0.00038215431704772054, 1e-10);
  });

  it('satisfies G(−k) = G(k) + k and decreases', () => {
    for (const k of [0.2, 1, 2.5]) close(standardNormalLoss(-k), standardNormalLoss(k) + k, 1e-14);
    let previous = Number.POSITIVE_INFINITY;
    for (let k = -6; k <= 8; k += 0.25) {
      const g = standardNormalLoss(k);
      assert.ok(g < previous && g >= 0, `G(${k}) = ${g}`);
      previous = g;
    }
  });

  it('is inverted for the fill-rate k (G(k) = 0.1 at k ≈ 0.9023)', () => {
    close(inverseStandardNormalLoss(0.1), 0.9023463475100346, 1e-9);
    for (const k of [-4, -1, 0, 0.5, 1.3, 2.2, 3.5, 5]) {
      close(inverseStandardNormalLoss(standardNormalLoss(k)), k, 1e-8, `k=${k}`);
    }
    assert.throws(() => inverseStandardNormalLoss(0), RangeError);
    assert.throws(() => inverseStandardNormalLoss(Number.NaN), RangeError);
  });
});
