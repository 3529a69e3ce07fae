import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { loadTestSettings } from '../../../config.ts';
import { EmbeddedClient } from './client.ts';
import { decodeStatement, encodeStatement } from './wire.ts';

const { databaseUrl } = loadTestSettings();

// One statement with a value of every kind the application reads, and parameters of every kind it
// sends (pg's conversions: Date, array, object as JSON, boolean, null, bigint).
const TYPES = `select 42::int4 as i4, 9007199254740993::int8 as i8, 1.50::numeric(6,2) as num, 2.5::float8 as f8,
  true as b, 'x'::text as t, '{"a":[1,2]}'::jsonb as j, array['p','q']::text[] as arr,
  '2026-01-02 03:04:05.678+00'::timestamptz as ts, null::text as nothing,
  $1::timestamptz as p_date, $2::text[] as p_arr, $3::jsonb as p_obj, $4::bool as p_bool, $5::text as p_null,
  $6::int8 as p_big`;
const PARAMS = [
  new Date('2026-03-04T05:06:07.089Z'),
  ['a', 'b,c'],
  { k: 'v', n: [1] },
  false,
  null,
  12345678901n,
];

describe('the embedded database speaks the wire protocol', () => {
  let client: EmbeddedClient;
  before(async () => {
    client = await EmbeddedClient.create();
  });
  after(() => client.close());

  test('values come back as node-postgres returns them from PostgreSQL', async (t) => {
    const { rows } = await client.query<Record<string, unknown>>(TYPES, PARAMS);
    const [row] = rows;
    assert.deepEqual(row, {
      i4: 42,
      i8: '9007199254740993',
      num: '1.50',
      f8: 2.5,
      b: true,
      t: 'x',
      j: { a: [1, 2] },
      arr: ['p', 'q'],
      ts: new Date('2026-01-02T03:04:05.678Z'),
      nothing: null,
      p_date: new Date('2026-03-04T05:06:07.089Z'),
      p_arr: ['a', 'b,c'],
      p_obj: { k: 'v', n: [1] },
      p_bool: false,
      p_null: null,
      p_big: '12345678901',
    });
    if (!databaseUrl) return t.diagnostic('PostgreSQL comparison skipped: no DATABASE_URL');
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    try {
      const fromPostgres = await pool.query(TYPES, PARAMS);
      assert.deepEqual(fromPostgres.rows[0], row, 'the same statement on PostgreSQL through pg');
    } finally {
      await pool.end();
    }
  });

  test('rows as arrays, types kept as text, fields and affected rows', async () => {
    await client.query('create table wire_t (id int primary key, at timestamptz)');
    const inserted = await client.query('insert into wire_t values (1, $1), (2, $1)', [
      '2026-01-01T00:00:00Z',
    ]);
    assert.equal(inserted.affectedRows, 2);
    const read = await client.query('select id, at from wire_t order by id', [], {
      rowMode: 'array',
      parsers: { 1184: (value: string) => value },
    });
    assert.deepEqual(read.rows, [
      [1, '2026-01-01 00:00:00+00'],
      [2, '2026-01-01 00:00:00+00'],
    ]);
    assert.deepEqual(read.fields, [
      { name: 'id', dataTypeID: 23 },
      { name: 'at', dataTypeID: 1184 },
    ]);
    assert.equal(read.affectedRows, 0, 'a SELECT affects no rows');
  });

  test("PostgreSQL's error arrives with its fields, and the connection goes on", async () => {
    await client.query('create table wire_u (id int primary key)');
    await client.query('insert into wire_u values (1)');
    await assert.rejects(client.query('insert into wire_u values ($1)', [1]), (err: Error) => {
      const fields = err as Error & { code?: string; constraint?: string; severity?: string };
      assert.equal(fields.code, '23505');
      assert.equal(fields.constraint, 'wire_u_pkey');
      assert.equal(fields.severity, 'ERROR');
      return true;
    });
    // PostgreSQL's own text may quote a value (the duplicate key above); the error object never
    // carries the statement's parameters: this statement fails without echoing its parameter.
    const parameter = 'parameter-that-must-stay-inside';
    await assert.rejects(client.query('select $1::text as p, 1 / 0 as boom', [parameter]), (err: Error) => {
      assert.equal((err as Error & { code?: string }).code, '22012');
      const everything = JSON.stringify({ ...err, message: err.message, stack: err.stack });
      assert.ok(!everything.includes(parameter), `the parameter leaked: ${everything}`);
      return true;
    });
    const { rows } = await client.query('select count(*)::int as n from wire_u');
    assert.deepEqual(rows, [{ n: 1 }]);
  });

  test('a transaction sees its own statements; a rollback undoes them', async () => {
    await client.query('create table wire_v (id int)');
    await assert.rejects(
      client.transaction(async (tx) => {
        await tx.query('insert into wire_v values ($1)', [7]);
        assert.deepEqual((await tx.query('select id from wire_v')).rows, [{ id: 7 }]);
        throw new Error('undo');
      }),
      /undo/,
    );
    assert.deepEqual((await client.query('select id from wire_v')).rows, []);
  });

  test('a read-only transaction scopes every statement and refuses to write', async () => {
    await client.query('create table wire_w (id int)');
    const preamble = `select set_config('app.wire', 'scoped', true)`;
    const seen = await client.transaction(
      async (tx) => {
        const first = await tx.query<{ v: string }>(`select current_setting('app.wire', true) as v`);
        const second = await tx.query<{ ro: string }>(
          `select current_setting('transaction_read_only') as ro`,
        );
        await assert.rejects(tx.query('insert into wire_w values (1)'), (err: Error & { code?: string }) => {
          assert.equal(err.code, '25006', 'read-only transaction');
          return true;
        });
        return [first.rows[0]?.v, second.rows[0]?.ro];
      },
      { preamble, readOnly: true },
    );
    assert.deepEqual(seen, ['scoped', 'on']);
    // The scope ended with each statement: nothing leaks into the next caller's session.
    const after = await client.query<{ v: string | null }>(`select current_setting('app.wire', true) as v`);
    assert.ok(!after.rows[0]?.v, `setting left behind: ${after.rows[0]?.v}`);
    assert.deepEqual((await client.query('select id from wire_w')).rows, []);
  });

  test('a notification sent by an autocommitted statement reaches the listener', async () => {
    const heard: string[] = [];
    const stop = await client.listen('wire_channel', (payload) => heard.push(payload));
    await client.query(`select pg_notify('wire_channel', $1)`, ['hello']);
    await client.transaction(async (tx) => {
      await tx.query(`select pg_notify('wire_channel', $1)`, ['from a transaction']);
    });
    // Both were delivered before the calls returned: with the statement's answer, or by the commit.
    assert.deepEqual(heard.sort(), ['from a transaction', 'hello']);
    await stop();
  });

  test('decoding an error answer reports it instead of throwing', () => {
    const statement = encodeStatement('select $1::int', [1]);
    assert.ok(statement.byteLength > 0);
    // ErrorResponse (S, C, M fields) then ReadyForQuery: what PostgreSQL sends for a failed statement.
    const fields = Buffer.from('SERROR\0C22P02\0Mbad\0\0');
    const error = Buffer.concat([Buffer.from('E'), int32(fields.length + 4), fields]);
    const ready = Buffer.concat([Buffer.from('Z'), int32(5), Buffer.from('I')]);
    const decoded = decodeStatement(new Uint8Array(Buffer.concat([error, ready])), undefined, []);
    assert.equal(decoded.outcome.ok, false);
    if (!decoded.outcome.ok) assert.equal((decoded.outcome.error as Error & { code: string }).code, '22P02');
  });
});

function int32(n: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeInt32BE(n);
  return out;
}
