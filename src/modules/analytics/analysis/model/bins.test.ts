import assert from 'node:assert/strict';
import { test } from 'node:test';
import { binEdges, binMatrix, MISSING_BIN } from './bins.ts';
import { matrixFromColumns } from './matrix.ts';
import { seededRandom } from './random.ts';

test('few distinct values get one bin each, cut halfway between neighbours', () => {
  assert.deepEqual([...binEdges(Float64Array.of(0, 0, 1, 1, 2, 5), 255)], [0.5, 1.5, 3.5]);
  assert.deepEqual([...binEdges(Float64Array.of(3, 3, 3), 255)], []);
});

test('many values are cut at quantiles: increasing edges, bins about equally full', () => {
  const random = seededRandom(2);
  const values = Float64Array.from({ length: 10_000 }, () => random()).sort();
  const edges = binEdges(values, 16);
  assert.equal(edges.length, 15);
  for (let i = 1; i < edges.length; i++) assert.ok((edges[i] as number) > (edges[i - 1] as number));
  const { codes, stride } = binMatrix(matrixFromColumns(['x'], [values]), 16);
  const counts = new Array(16).fill(0);
  for (let r = 0; r < values.length; r++) counts[codes[r * stride] as number]++;
  for (const count of counts) assert.ok(Math.abs(count - 625) <= 2, `bin of ${count}`);
});

test('a code is the first bin whose upper edge is ≥ the value; NaN is the missing bin', () => {
  const random = seededRandom(5);
  const x = Float64Array.from({ length: 2000 }, (_, i) =>
    i % 10 === 0 ? Number.NaN : Math.round(random() * 500),
  );
  const y = Float64Array.from({ length: 2000 }, () => random() * 1e6 - 5e5);
  const binned = binMatrix(matrixFromColumns(['x', 'y'], [x, y]), 32);
  assert.equal(binned.stride % 4, 0);
  [x, y].forEach((column, c) => {
    const edges = binned.edges[c] as Float64Array;
    column.forEach((value, r) => {
      const code = binned.codes[r * binned.stride + c] as number;
      const expected = edges.findIndex((edge) => value <= edge);
      assert.equal(code, Number.isNaN(value) ? MISSING_BIN : expected === -1 ? edges.length : expected);
    });
  });
});

test('bins outside 2–255 are refused', () => {
  const m = matrixFromColumns(['x'], [Float64Array.of(1, 2)]);
  assert.throws(() => binMatrix(m, 1), /bins/);
  assert.throws(() => binMatrix(m, 256), /bins/);
});
