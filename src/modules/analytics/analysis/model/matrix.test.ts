import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkLabels, columnOf, matrixFromColumns, matrixFromRows, takeLabels, takeRows } from './matrix.ts';

test('columns and rows build the same row-major matrix', () => {
  const byColumns = matrixFromColumns(
    ['a', 'b'],
    [Float64Array.of(1, 2, 3), Float64Array.of(4, Number.NaN, 6)],
  );
  const byRows = matrixFromRows(
    ['a', 'b'],
    [
      [1, 4],
      [2, Number.NaN],
      [3, 6],
    ],
  );
  assert.deepEqual(byColumns, byRows);
  assert.deepEqual([...byColumns.data], [1, 4, 2, Number.NaN, 3, 6]);
  assert.deepEqual([...columnOf(byColumns, 1)], [4, Number.NaN, 6]);
});

test('ragged input is refused', () => {
  assert.throws(
    () => matrixFromColumns(['a', 'b'], [Float64Array.of(1, 2), Float64Array.of(1)]),
    /has 1 rows/,
  );
  assert.throws(() => matrixFromRows(['a', 'b'], [[1, 2], [3]]), /row 1 has 1 values/);
  assert.throws(() => matrixFromColumns(['a'], []), /one name per column/);
});

test('takeRows and takeLabels pick rows in the order asked', () => {
  const m = matrixFromRows(
    ['a', 'b'],
    [
      [1, 2],
      [3, 4],
      [5, 6],
    ],
  );
  const picked = takeRows(m, [2, 0]);
  assert.equal(picked.rows, 2);
  assert.deepEqual([...picked.data], [5, 6, 1, 2]);
  assert.deepEqual([...takeLabels(Uint8Array.of(0, 1, 1), [2, 0])], [1, 0]);
});

test('labels must be one 0/1 per row', () => {
  const m = matrixFromRows(['a'], [[1], [2]]);
  assert.doesNotThrow(() => checkLabels(m, Uint8Array.of(0, 1)));
  assert.throws(() => checkLabels(m, Uint8Array.of(0)), /1 labels for 2 rows/);
  assert.throws(() => checkLabels(m, Uint8Array.of(0, 2)), /0 or 1/);
});
