import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import { type SafeError, safeError } from './safe-error.ts';

const SECRET = 'pi_0123456789abcdefghijKLMNOP';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.dispose());

/** The error a query fails with, as the driver and Drizzle throw it. */
async function failing(query: (tx: TestDatabase['db']) => Promise<unknown>): Promise<Error> {
  try {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`create temp table leak_probe (secret text unique) on commit drop`);
      await query(tx as unknown as TestDatabase['db']);
    });
  } catch (err) {
    return err as Error;
  }
  throw new Error('the query did not fail');
}

test('a unique violation keeps its SQLSTATE and constraint, never the parameters or the detail', async () => {
  const err = await failing(async (tx) => {
    await tx.execute(sql`insert into leak_probe values (${SECRET})`);
    await tx.execute(sql`insert into leak_probe values (${SECRET})`);
  });
  assert.match(String(err.message), new RegExp(SECRET), 'the raw error does carry the secret');
  const safe = safeError(err) as SafeError;
  assert.doesNotMatch(JSON.stringify(safe), new RegExp(`${SECRET}|params|Key \\(`));
  assert.equal(safe.type, 'DrizzleQueryError');
  assert.equal(safe.message, 'Failed query');
  assert.equal(safe.code, '23505');
  assert.equal(safe.constraint, 'leak_probe_secret_key');
  assert.equal(safe.table, 'leak_probe');
  assert.match(safe.stack ?? '', /^\s+at /, 'the stack starts with a frame, not the message');
  assert.equal(safe.cause?.type, 'DatabaseError');
  assert.equal(safe.cause?.message, 'duplicate key value violates unique constraint "leak_probe_secret_key"');
});

test("a message that quotes the bad input keeps PostgreSQL's words, not the input", async () => {
  const err = await failing((tx) => tx.execute(sql`select ${SECRET}::uuid`));
  const safe = safeError(err) as SafeError;
  assert.doesNotMatch(JSON.stringify(safe), new RegExp(SECRET));
  assert.equal(safe.code, '22P02');
  assert.equal(safe.cause?.message, 'invalid input syntax for type uuid: "…"');
});

test('other errors keep their message; message lines never reach the stack', () => {
  const err = new Error(`cannot parse\nparams: ${SECRET}\n    at fake (frame.ts:1:1)`, {
    cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
  });
  const safe = safeError(err) as SafeError;
  assert.equal(safe.type, 'Error');
  assert.equal(safe.message, err.message, 'our own messages are kept');
  assert.doesNotMatch(safe.stack ?? '', new RegExp(`${SECRET}|fake|cannot parse`));
  assert.match(safe.stack ?? '', /safe-error\.test\.ts/);
  assert.equal(safe.cause?.code, 'ECONNREFUSED');
  assert.equal(safeError('not an error'), 'not an error');
});

test('extra fields of an error are dropped', () => {
  const err = Object.assign(new TypeError('bad'), { rawPacket: Buffer.from(`Authorization: ${SECRET}`) });
  assert.deepEqual(Object.keys(safeError(err) as SafeError).sort(), ['message', 'stack', 'type']);
});
