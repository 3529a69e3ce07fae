import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
// Drizzle's own mapper and field ordering, which its types leave out: the reference to compare with.
// @ts-expect-error untyped internal export
import { mapResultRow, orderSelectedFields } from 'drizzle-orm/utils';
import fc from '../property-testing.ts';
import { mapRows, type SelectedField } from './row-mapper.ts';

const lines = pgTable('lines', {
  id: text('id').notNull(),
  name: text('name'),
  target: doublePrecision('target'),
});
const batches = pgTable('batches', {
  id: text('id').notNull(),
  count: integer('count'),
  done: boolean('done'),
  at: timestamp('at', { withTimezone: true }),
});
const oee = pgTable('oee', { total: integer('total'), ratio: doublePrecision('ratio') });

type Reference = (
  fields: SelectedField[],
  row: unknown[],
  joins: Record<string, boolean> | undefined,
) => unknown;
const reference = mapResultRow as Reference;
const order = orderSelectedFields as (fields: object) => SelectedField[];

// The selections the repositories make: flat columns, SQL fragments with and without a decoder,
// objects of one table (a left join), an object mixing tables, a column two levels down.
const selections: Record<string, object> = {
  flat: { id: batches.id, count: batches.count, at: batches.at },
  joined: {
    batch: { id: batches.id, count: batches.count, at: batches.at, done: batches.done },
    oee: { total: oee.total, ratio: oee.ratio },
    lineName: lines.name,
    total: sql<number>`count(*) over ()`.mapWith(Number),
  },
  mixed: { view: { total: oee.total, name: lines.name, target: lines.target }, raw: sql`1` },
  deep: { a: { b: { id: batches.id, name: lines.name } }, count: batches.count },
};

/** A driver value for the field at `index` of `fields`: what node-postgres would hand back, or null. */
function cell(field: SelectedField): fc.Arbitrary<unknown> {
  const name = (field.field as { columnType?: string }).columnType;
  const value: fc.Arbitrary<unknown> =
    name === 'PgTimestamp'
      ? fc.date({ noInvalidDate: true }).map((d) => d.toISOString().replace('T', ' ').replace('Z', '+00'))
      : name === 'PgInteger' || name === 'PgDoublePrecision'
        ? fc.double({ noNaN: true })
        : name === 'PgBoolean'
          ? fc.boolean()
          : fc.oneof(fc.string(), fc.integer().map(String));
  return fc.option(value, { nil: null, freq: 3 });
}

test('mapRows builds exactly what Drizzle builds, for every selection shape, row and join map', () => {
  for (const [shape, selection] of Object.entries(selections)) {
    const fields = order(selection);
    const rows = fc.array(fc.tuple(...fields.map(cell)), { maxLength: 8 });
    const joins = fc.option(fc.record({ lines: fc.boolean(), batches: fc.boolean(), oee: fc.boolean() }), {
      nil: undefined,
    });
    fc.assert(
      fc.property(rows, joins, (rows, joins) => {
        const expected = rows.map((row) => reference(fields, row, joins));
        assert.deepStrictEqual(mapRows(fields, rows, joins), expected, shape);
      }),
      { numRuns: 300 },
    );
  }
});

test('a left-joined object is null when its table is absent, and present when only a later column is null', () => {
  const fields = order(selections.joined as object);
  const joins = { batches: true, oee: false, lines: false };
  const absent = ['b1', 3, '2026-01-02 03:04:05+00', true, null, null, 'Line 1', '4'];
  const partial = ['b2', 3, '2026-01-02 03:04:05+00', false, 7, null, null, '4'];
  const [first, second] = mapRows(fields, [absent, partial], joins);
  assert.equal(first?.oee, null);
  assert.deepEqual(first?.batch, { id: 'b1', count: 3, at: new Date('2026-01-02T03:04:05Z'), done: true });
  assert.equal(first?.total, 4);
  assert.deepEqual(second?.oee, { total: 7, ratio: null });
  assert.equal(second?.lineName, null);
});
