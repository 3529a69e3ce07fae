import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  benjaminiHochberg,
  mannKendall,
  moments,
  normalCdf,
  quantile,
  ranks,
  robustZ,
  spearman,
  tTwoSidedP,
  twoProportionZ,
  welchT,
} from './stats.ts';

const close = (a: number, b: number, eps = 1e-4) => assert.ok(Math.abs(a - b) < eps, `${a} ≈ ${b}`);

test('normal and t tails match tables', () => {
  close(normalCdf(0), 0.5);
  close(normalCdf(1.959964), 0.975);
  close(normalCdf(-2.326348), 0.01);
  close(tTwoSidedP(2.228139, 10), 0.05);
  close(tTwoSidedP(0, 5), 1);
  close(tTwoSidedP(12.7062, 1), 0.05);
});

test('two-proportion z: equal shares give p = 1, a large difference a tiny p', () => {
  close(twoProportionZ(10, 100, 20, 200).pValue, 1);
  const r = twoProportionZ(30, 100, 10, 100);
  close(r.statistic, 3.5355, 1e-3);
  assert.ok(r.pValue < 0.001);
});

test('Welch t on known samples', () => {
  const a = moments([27.5, 21, 19, 23.6, 17, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19, 21.7, 21.4]);
  const b = moments([27.1, 22, 20.8, 23.4, 23.4, 23.5, 25.8, 22, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4]);
  const r = welchT(a, b);
  close(r.statistic, -2.46, 0.01);
  close(r.pValue, 0.021, 0.002);
});

test('Benjamini–Hochberg keeps order and is monotone', () => {
  const adj = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
  close(adj[3] as number, 0.02);
  close(adj[0] as number, 0.02);
  close(adj[2] as number, 0.04);
  close(adj[1] as number, 0.04);
});

test('Mann–Kendall finds a rising series and Sen’s slope is its slope', () => {
  const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const y = x.map((v) => 2 * v + (v % 2 ? 0.3 : -0.3));
  const r = mannKendall(x, y);
  assert.ok(r.pValue < 0.001);
  close(r.slope, 2, 0.7);
  const flat = mannKendall(x, [5, 3, 5, 3, 5, 3, 5, 3, 5, 3]);
  assert.ok(flat.pValue > 0.5);
});

test('ranks share ties, Spearman of a monotone map is 1', () => {
  assert.deepEqual(ranks([10, 20, 20, 30]), [1, 2.5, 2.5, 4]);
  const r = spearman([1, 2, 3, 4, 5, 6], [1, 4, 9, 16, 25, 36]);
  close(r.rho, 1);
  const neg = spearman([1, 2, 3, 4, 5, 6, 7, 8], [8, 7, 6, 5, 4, 3, 2, 1.5]);
  close(neg.rho, -1);
});

test('quantile and robust z', () => {
  close(quantile([1, 2, 3, 4], 0.5), 2.5);
  assert.ok(Number.isNaN(quantile([], 0.5)));
  const z = robustZ([10, 10, 11, 9, 10, 50]);
  assert.ok((z[5] as number) > 10);
  assert.ok(Math.abs(z[0] as number) < 1);
});
