// LISTEN/NOTIFY as every process uses it: one listening connection for all channels, commit order
// kept across channels, and a listener that comes back after its connection is killed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { loadTestSettings } from '../../config.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import { listen, notify } from './notifications.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(async () => {
  await database?.dispose();
});

async function until(condition: () => boolean | Promise<boolean>, what: string) {
  const started = Date.now();
  while (!(await condition())) {
    assert.ok(Date.now() - started < 30_000, `timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function listenerBackends(): Promise<number[]> {
  const rows = await database.db.execute(sql`
    select pid from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid() and query ilike 'listen %'`);
  return (rows as unknown as { rows: { pid: number }[] }).rows.map((row) => Number(row.pid));
}

describe('notifications', () => {
  test('notifications on two channels arrive in the order their transactions committed', async () => {
    const received: string[] = [];
    const stopA = await listen(database, 'test_a', (payload) => received.push(`a${payload}`));
    const stopB = await listen(database, 'test_b', (payload) => received.push(`b${payload}`));
    try {
      const sent: string[] = [];
      for (let i = 0; i < 40; i += 1) {
        const channel = i % 3 === 0 ? 'a' : 'b';
        await database.db.transaction(async (tx) => {
          await notify(tx, `test_${channel}`, String(i));
        });
        sent.push(`${channel}${i}`);
      }
      await until(() => received.length === sent.length, 'every notification');
      assert.deepEqual(received, sent);
    } finally {
      await stopA();
      await stopB();
    }
  });

  test('a rolled-back transaction notifies nobody; two listeners of one channel both hear', async () => {
    const first: string[] = [];
    const second: string[] = [];
    const stopFirst = await listen(database, 'test_c', (payload) => first.push(payload));
    const stopSecond = await listen(database, 'test_c', (payload) => second.push(payload));
    try {
      await database.db
        .transaction(async (tx) => {
          await notify(tx, 'test_c', 'rolled back');
          throw new Error('roll back');
        })
        .catch(() => {});
      await notify(database.db, 'test_c', 'committed');
      await until(() => first.length > 0 && second.length > 0, 'both listeners');
      assert.deepEqual(first, ['committed']);
      assert.deepEqual(second, ['committed']);
      await stopFirst();
      await notify(database.db, 'test_c', 'after one left');
      await until(() => second.length === 2, 'the remaining listener');
      assert.deepEqual(first, ['committed']);
    } finally {
      await stopFirst();
      await stopSecond();
    }
  });
});

const { databaseUrl } = loadTestSettings();

// The embedded database delivers in-process: there is no connection to share or lose.
describe('the shared listening connection (PostgreSQL)', {
  skip: !databaseUrl && 'needs DATABASE_URL',
}, () => {
  test('all channels share one connection, which comes back after it is killed', async () => {
    const heard: string[] = [];
    let reconnects = 0;
    const options = { onReconnect: () => (reconnects += 1), onError: () => {} };
    const stops = [
      await listen(database, 'test_d', (payload) => heard.push(`d${payload}`), options),
      await listen(database, 'test_e', (payload) => heard.push(`e${payload}`), options),
    ];
    try {
      const backends = await listenerBackends();
      assert.equal(backends.length, 1, 'one listening connection for both channels');
      await database.db.execute(sql`select pg_terminate_backend(${backends[0]})`);
      await until(() => reconnects === 2, 'both listeners told of the reconnect');
      await notify(database.db, 'test_d', '1');
      await notify(database.db, 'test_e', '2');
      await until(() => heard.length === 2, 'notifications after the reconnect');
      assert.deepEqual(heard, ['d1', 'e2']);
    } finally {
      for (const stop of stops) await stop();
    }
    await until(async () => (await listenerBackends()).length === 0, 'the connection to close');
  });
});
