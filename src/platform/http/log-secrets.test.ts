// The log scan of createTestApp: it catches a leaked secret, and a failed query whose parameters
// are secrets leaves only its SQLSTATE and names in the log.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from './testing.ts';

const API_KEY = 'pi_0123456789abcdefghijKLMNOP';
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';

function captured() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, sink };
}

test('a secret in a log line makes close() fail, naming the line', async () => {
  const t = await createTestApp({
    extraRoutes: (app) =>
      app.get('/test/chatty', async (request) => {
        request.log.info({ note: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJl' }, 'debugging a token');
        return {};
      }),
  });
  await t.app.inject({ url: '/test/chatty' });
  await assert.rejects(
    t.close(),
    /1 log line\(s\) look as if they hold a secret:\na JWT in: .*debugging a token/,
  );
});

test('a failed query with secret parameters logs its SQLSTATE and constraint, not the values', async () => {
  const { lines, sink } = captured();
  let t: TestApp | undefined;
  t = await createTestApp({
    logDestination: sink,
    extraRoutes: (app) =>
      app.post('/test/duplicate-key', async () => {
        await t?.database.db.transaction(async (tx) => {
          await tx.execute(sql`create temp table key_probe (key text unique, hash text) on commit drop`);
          await tx.execute(sql`insert into key_probe values (${API_KEY}, ${HASH})`);
          await tx.execute(sql`insert into key_probe values (${API_KEY}, ${HASH})`);
        });
        return {};
      }),
  });
  try {
    const res = await t.app.inject({ method: 'POST', url: '/test/duplicate-key' });
    assert.equal(res.statusCode, 500);
    const failed = lines.find((l) => l.msg === 'request failed');
    const err = failed?.err as Record<string, unknown> | undefined;
    assert.equal(err?.type, 'DrizzleQueryError');
    assert.equal(err?.message, 'Failed query');
    assert.equal(err?.code, '23505');
    assert.equal(err?.constraint, 'key_probe_key_key');
    assert.equal(err?.table, 'key_probe');
    assert.doesNotMatch(JSON.stringify(lines), /pi_0123|argon2|Key \(|params/);
  } finally {
    await t.close();
  }
});
