import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toAppError } from '../http/error-handler.ts';
import { isDatabaseUnavailable, isOutOfSpace } from './outage.ts';

const coded = (message: string, code: string) => Object.assign(new Error(message), { code });
const wrapped = (cause: unknown) => new Error('Failed query: select 1', { cause });

test('connection-level faults of the database are recognised, through wrappers', () => {
  for (const err of [
    coded('connect ECONNREFUSED 127.0.0.1:5', 'ECONNREFUSED'),
    coded('read ECONNRESET', 'ECONNRESET'),
    new Error('Connection terminated unexpectedly'),
    new Error('Connection terminated due to connection timeout'),
    new Error('timeout exceeded when trying to connect'),
    coded('terminating connection due to administrator command', '57P01'),
    coded('the database system is shutting down', '57P03'),
    coded('sorry, too many clients already', '53300'),
    coded('connection failure', '08006'),
  ]) {
    assert.equal(isDatabaseUnavailable(err), true, err.message);
    assert.equal(isDatabaseUnavailable(wrapped(err)), true, `wrapped ${err.message}`);
  }
});

test('query errors and programming errors are not outages', () => {
  for (const err of [
    coded('duplicate key value violates unique constraint', '23505'),
    coded('relation "x" does not exist', '42P01'),
    new TypeError('Cannot read properties of undefined'),
    coded('write EPIPE', 'EPIPE_X'),
  ]) {
    assert.equal(isDatabaseUnavailable(err), false, err.message);
    assert.equal(isOutOfSpace(err), false, err.message);
  }
});

test('a full disk is recognised: ENOSPC, PostgreSQL disk_full, PGlite messages', () => {
  assert.equal(isOutOfSpace(coded('ENOSPC: no space left on device, write', 'ENOSPC')), true);
  assert.equal(isOutOfSpace(wrapped(coded('could not extend file', '53100'))), true);
  assert.equal(
    isOutOfSpace(new Error('could not extend file "base/5/16384": No space left on device')),
    true,
  );
});

test('the error handler answers outages with 503 unavailable and Retry-After, never a bare 500', () => {
  const down = toAppError(wrapped(coded('connect ECONNREFUSED', 'ECONNREFUSED')));
  assert.equal(down.status, 503);
  assert.equal(down.code, 'unavailable');
  assert.equal(down.headers?.['retry-after'], '5');
  const full = toAppError(coded('ENOSPC: no space left on device', 'ENOSPC'));
  assert.equal(full.status, 503);
  assert.match(full.message, /storage space/);
  assert.ok(Number(full.headers?.['retry-after']) > 0);
  assert.equal(toAppError(new TypeError('boom')).status, 500);
});
