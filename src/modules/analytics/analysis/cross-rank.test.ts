import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  MAX_CORRELATION_ROWS,
  rankCorrelation,
  rankedColumn,
  rankScratch,
  sampleRows,
} from './cross-rank.ts';
import { seededRandom } from './model/random.ts';
import { spearman } from './stats.ts';

test('rank correlation per pair equals stats.spearman on the rows where both have a value (ties, NaN)', () => {
  const random = seededRandom(11);
  const m = 500;
  const a = Float64Array.from({ length: m }, () => (random() < 0.1 ? Number.NaN : Math.floor(random() * 8)));
  const b = Float64Array.from(a, (x) => (random() < 0.1 ? Number.NaN : (x || 0) + Math.round(random() * 6)));
  const c = Float64Array.from({ length: m }, () => random());
  const scratch = rankScratch(m);
  for (const [x, y] of [
    [a, b],
    [a, c],
    [b, c],
  ] as const) {
    const both = Array.from(x.keys()).filter((k) => Number.isFinite(x[k]) && Number.isFinite(y[k]));
    const expected = spearman(
      both.map((k) => x[k] as number),
      both.map((k) => y[k] as number),
    );
    const got = rankCorrelation(rankedColumn(x), rankedColumn(y), scratch);
    assert.ok(got);
    assert.equal(got.n, both.length);
    assert.ok(Math.abs(got.rho - expected.rho) < 1e-12, `${got.rho} vs ${expected.rho}`);
    assert.ok(Math.abs(got.pValue - expected.pValue) < 1e-9);
  }
});

test('a constant column or fewer than three complete rows is not a correlation', () => {
  const scratch = rankScratch(5);
  const constant = rankedColumn(Float64Array.of(1, 1, 1, 1, 1));
  const rising = rankedColumn(Float64Array.of(1, 2, 3, 4, 5));
  assert.equal(rankCorrelation(constant, rising, scratch), null);
  const sparse = rankedColumn(Float64Array.of(1, Number.NaN, Number.NaN, Number.NaN, 5));
  assert.equal(rankCorrelation(sparse, rising, scratch), null);
  const perfect = rankCorrelation(rising, rankedColumn(Float64Array.of(2, 4, 6, 8, 10)), scratch);
  assert.deepEqual(perfect, { rho: 1, pValue: 0, n: 5 });
});

test('the sample is every row up to 20,000, else one row per stratum, sorted and the same every time', () => {
  assert.deepEqual([...sampleRows(4)], [0, 1, 2, 3]);
  const n = 1_000_003;
  const first = sampleRows(n);
  assert.equal(first.length, MAX_CORRELATION_ROWS);
  assert.deepEqual(first, sampleRows(n));
  for (let k = 1; k < first.length; k++) assert.ok((first[k] as number) > (first[k - 1] as number));
  assert.ok((first[first.length - 1] as number) < n);
  // Every stratum of about n / 20,000 rows gives one: the sample covers the whole file.
  first.forEach((row, k) => {
    assert.ok(row >= Math.floor((k * n) / MAX_CORRELATION_ROWS));
    assert.ok(row < Math.floor(((k + 1) * n) / MAX_CORRELATION_ROWS));
  });
});
