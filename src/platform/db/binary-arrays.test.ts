import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from '../property-testing.ts';
import { type NumberColumnType, nullableBinaryArray, numberColumnArray } from './binary-arrays.ts';

// numberColumnArray is the fast path of nullableBinaryArray for columns of numbers: the same bytes,
// with NaN where the slow path is given null.
const asNullable = (type: NumberColumnType, values: Float64Array) =>
  nullableBinaryArray(
    type,
    Array.from(values, (v) => (Number.isNaN(v) ? null : type === 'bool' ? v === 1 : v)),
  );

const cases: Record<NumberColumnType, fc.Arbitrary<number>> = {
  float8: fc.double({ noNaN: true }),
  int8: fc.oneof(
    fc.integer({ min: -(2 ** 31), max: 2 ** 31 }),
    fc.maxSafeInteger(),
    fc.constantFrom(-(2 ** 63), 2 ** 63 - 2 ** 10, -(2 ** 53) - 2, 2 ** 60, 0, -1),
  ),
  bool: fc.constantFrom(0, 1),
  // Whole microseconds from 1000 BC to AD 9999, as the import's dates are.
  timestamptz: fc
    .integer({ min: -93_000_000, max: 253_402_300_799 })
    .chain((s) => fc.integer({ min: 0, max: 999_999 }).map((us) => s * 1000 + us / 1000)),
};

for (const [type, value] of Object.entries(cases) as [NumberColumnType, fc.Arbitrary<number>][]) {
  test(`numberColumnArray(${type}) sends the bytes nullableBinaryArray sends, NaN as null`, () => {
    fc.assert(
      fc.property(fc.array(fc.option(value, { nil: Number.NaN, freq: 4 }), { maxLength: 60 }), (values) => {
        const column = Float64Array.from(values);
        assert.deepEqual(numberColumnArray(type, column), asNullable(type, column));
      }),
      { numRuns: 300 },
    );
  });
}

test('numberColumnArray marks an array without nulls as such, and an empty one as empty', () => {
  const none = numberColumnArray('float8', Float64Array.of(1.5, -2));
  assert.equal(none.readInt32BE(4), 0);
  assert.equal(none.length, 20 + 2 * 12);
  const some = numberColumnArray('float8', Float64Array.of(1.5, Number.NaN));
  assert.equal(some.readInt32BE(4), 1);
  assert.equal(some.length, 20 + 12 + 4);
  assert.deepEqual(numberColumnArray('int8', new Float64Array(0)), nullableBinaryArray('int8', []));
  // int8 beyond its range is refused, as BigInt's write refuses it.
  assert.throws(() => numberColumnArray('int8', Float64Array.of(2 ** 63)), RangeError);
  assert.throws(() => nullableBinaryArray('int8', [2 ** 63]), RangeError);
});

// PostgreSQL's array send format written out the slow way: a header, then each element's length
// (-1 for null) and its UTF-8 bytes.
function referenceTextArray(values: (string | null)[]): Buffer {
  const header = Buffer.alloc(values.length === 0 ? 12 : 20);
  header.writeInt32BE(values.length === 0 ? 0 : 1, 0);
  header.writeInt32BE(values.includes(null) ? 1 : 0, 4);
  header.writeUInt32BE(25, 8);
  if (values.length > 0) {
    header.writeInt32BE(values.length, 12);
    header.writeInt32BE(1, 16);
  }
  const parts = values.map((v) => {
    const bytes = v === null ? Buffer.alloc(0) : Buffer.from(v, 'utf8');
    const length = Buffer.alloc(4);
    length.writeInt32BE(v === null ? -1 : bytes.length);
    return Buffer.concat([length, bytes]);
  });
  return Buffer.concat([header, ...parts]);
}

test('text[]: ASCII texts (copied from one encoding) and any others give the same bytes as element by element', () => {
  const ascii = fc.string({ unit: 'binary-ascii', maxLength: 30 });
  const any = fc.string({ unit: 'grapheme', maxLength: 12 });
  fc.assert(
    fc.property(
      fc.array(fc.option(fc.oneof(ascii, ascii, any), { freq: 5 }), { maxLength: 40 }),
      (values) => {
        assert.deepEqual(nullableBinaryArray('text', values), referenceTextArray(values));
      },
    ),
    { numRuns: 400 },
  );
  assert.deepEqual(
    nullableBinaryArray('text', ['', null, 'ß', 'a\u0000b']),
    referenceTextArray(['', null, 'ß', 'a\u0000b']),
  );
  assert.deepEqual(nullableBinaryArray('text', [undefined, 'x']), referenceTextArray([null, 'x']));
});
