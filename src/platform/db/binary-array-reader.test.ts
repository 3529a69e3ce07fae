import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { readFloat8Array, readTextArray } from './binary-array-reader.ts';
import { queryRows } from './database.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

// Arrays read back from the database itself in its binary send format, on the driver under test.

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(() => database?.dispose());

test('float8[] with nulls, empty arrays and text[] with nulls and non-ASCII text', async () => {
  const [row] = await queryRows<Record<string, unknown>>(
    database.db,
    sql`select array_send(array[1.5, null, -2, 1e300]::float8[]) as f,
               array_send('{}'::float8[]) as e,
               array_send(array['a', null, 'Weiß, "x"', '']::text[]) as t`,
  );
  const out = new Float64Array(6).fill(7);
  assert.equal(readFloat8Array(row?.f, out, 1), 4);
  assert.deepEqual([...out], [7, 1.5, Number.NaN, -2, 1e300, 7]);
  assert.equal(readFloat8Array(row?.e, out, 0), 0);
  const texts: (string | null)[] = [];
  assert.equal(
    readTextArray(row?.t, (s) => texts.push(s)),
    4,
  );
  assert.deepEqual(texts, ['a', null, 'Weiß, "x"', '']);
});
