import assert from 'node:assert/strict';
import { test } from 'node:test';
import type pg from 'pg';
import { MAX_NAMED, StatementNames, withNamedStatements } from './statement-names.ts';

/** A stand-in connection that records what it was asked to run. */
function recorder(names = new StatementNames()) {
  const sent: unknown[] = [];
  const client = { query: (config: unknown) => sent.push(config) } as unknown as pg.PoolClient;
  return { sent, client: withNamedStatements(client, names) };
}

test('a statement text gets one name, the same on every connection; plain SQL strings stay unnamed', () => {
  const names = new StatementNames();
  const a = recorder(names);
  const b = recorder(names);
  const text = 'select $1::int as statement_names_test';
  a.client.query({ text, values: [1] } as never);
  a.client.query({ text, values: [2] } as never);
  b.client.query({ text, values: [3] } as never);
  a.client.query({ text: `${text} -- other`, values: [4] } as never);
  a.client.query('commit' as never);
  const [first, second, third, other, commit] = [...a.sent.slice(0, 2), b.sent[0], ...a.sent.slice(2)] as {
    name?: string;
    values?: unknown[];
  }[];
  assert.ok(first?.name, 'named');
  assert.equal(second?.name, first?.name);
  assert.equal(third?.name, first?.name, 'another connection uses the same name for the same text');
  assert.notEqual(other?.name, first?.name);
  assert.deepEqual(second?.values, [2], 'the values travel unchanged');
  assert.equal(commit, 'commit' as never);
});

test('a name chosen by the caller is kept', () => {
  const { sent, client } = recorder();
  client.query({ name: 'mine', text: 'select 1 as statement_names_own' } as never);
  assert.equal((sent[0] as { name: string }).name, 'mine');
});

test('past 2,000 distinct texts, new ones go unnamed; known ones keep their names', () => {
  const { sent, client } = recorder();
  for (let i = 0; i < MAX_NAMED + 100; i++)
    client.query({ text: `select ${i} as statement_names_bound` } as never);
  const names = sent.map((s) => (s as { name?: string }).name);
  assert.ok(names.slice(0, 1000).every(Boolean), 'the first ones are named');
  assert.equal(names.at(-1), undefined, 'the last is beyond the bound');
  client.query({ text: 'select 0 as statement_names_bound' } as never);
  assert.equal((sent.at(-1) as { name?: string }).name, names[0]);
});
