import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import {
  aggregateFloat8Run,
  readFloat4Array,
  readFloat8Array,
  readFloat8Run,
  readTextArrayCodes,
  sendAsBase64,
} from './binary-array-reader.ts';
import { ByteDictionary } from './byte-dictionary.ts';
import { queryRows } from './database.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

// Arrays read back from the database itself in its binary send format, on the driver under test.

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(() => database?.dispose());

test('float8[] with nulls, empty arrays and text[] with nulls, the empty text and non-ASCII text', async () => {
  const [row] = await queryRows<Record<string, unknown>>(
    database.db,
    sql`select array_send(array[1.5, null, -2, 1e300]::float8[]) as f,
               array_send('{}'::float8[]) as e,
               array_send(array['a', null, 'Weiß, "x"', '']::text[]) as t,
               array_send(array[0.1, null, -3.5e-40]::real[]) as r`,
  );
  assert.deepEqual([...readFloat4Array(row?.r)], [Math.fround(0.1), Number.NaN, Math.fround(-3.5e-40)]);
  assert.deepEqual([...readFloat4Array(row?.e)], []);
  const out = new Float64Array(6).fill(7);
  assert.equal(readFloat8Array(row?.f, out, 1), 4);
  assert.deepEqual([...out], [7, 1.5, Number.NaN, -2, 1e300, 7]);
  assert.equal(readFloat8Array(row?.e, out, 0), 0);
  const dictionary = new ByteDictionary();
  const codes = new Int32Array(4);
  assert.equal(readTextArrayCodes(row?.t, dictionary, codes, 0), 4);
  assert.deepEqual(
    [...codes].map((c) => (c === -1 ? null : dictionary.values[c])),
    ['a', null, 'Weiß, "x"', null],
  );
});

test('text[] as dictionary codes, sent as base64: NULL and the empty text are -1', async () => {
  const [row] = await queryRows<Record<string, unknown>>(
    database.db,
    sql`select ${sendAsBase64(sql`array_send(array['M-1', null, 'Weiß', '', 'M-1', 'Weiß']::text[])`)} as a,
               ${sendAsBase64(sql`array_send(array['Weiß', 'M-2']::text[])`)} as b`,
  );
  assert.equal(typeof row?.a, 'string', 'base64 text, not a bytea');
  const dictionary = new ByteDictionary();
  const codes = new Int32Array(9).fill(7);
  assert.equal(readTextArrayCodes(row?.a, dictionary, codes, 0), 6);
  assert.equal(readTextArrayCodes(row?.b, dictionary, codes, 6), 2);
  assert.deepEqual([...codes], [0, -1, 1, -1, 0, 1, 1, 2, 7]);
  assert.deepEqual(dictionary.values, ['M-1', 'Weiß', 'M-2']);
});

test('float8 runs: values back to back, NULL as NaN, an empty aggregate as no values', async () => {
  const [row] = await queryRows<Record<string, unknown>>(
    database.db,
    sql`select ${sendAsBase64(aggregateFloat8Run(sql`v`))} as run,
               ${aggregateFloat8Run(sql`v`)} as bytes,
               (select ${aggregateFloat8Run(sql`x`)} from (select 1.0::float8 as x where false) e) as empty
        from (values (1, 1.5::float8), (2, null), (3, -0.25), (4, 1e300), (5, 'Infinity')) t(n, v)`,
  );
  const out = new Float64Array(7).fill(7);
  assert.equal(readFloat8Run(row?.run, out, 1), 5);
  assert.deepEqual([...out], [7, 1.5, Number.NaN, -0.25, 1e300, Number.POSITIVE_INFINITY, 7]);
  const again = new Float64Array(5);
  assert.equal(readFloat8Run(row?.bytes, again, 0), 5, 'the same as a bytea');
  assert.deepEqual([...again], [...out.subarray(1, 6)]);
  assert.equal(readFloat8Run(row?.empty, out, 0), 0);
});
