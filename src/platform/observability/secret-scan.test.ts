import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanLogsForSecrets } from './secret-scan.ts';

const scanned = (line: string) => {
  const scan = scanLogsForSecrets(['test-pass-1']);
  scan.destination.write(`${line}\n`);
  try {
    scan.assertClean();
    return 'clean';
  } catch (err) {
    return (err as Error).message.split('\n')[1]?.split(' in: ')[0];
  }
};

test('each kind of secret is named', () => {
  assert.equal(scanned('{"t":"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2ln"}'), 'a JWT');
  assert.equal(scanned('{"k":"pi_AbCdEfGhIjKlMnOpQrStUvWx"}'), 'an API key');
  assert.equal(scanned('{"h":"$argon2id$v=19$m=19456"}'), 'an argon2 hash');
  assert.equal(scanned(`{"h":"${'ab12'.repeat(16)}"}`), 'a SHA-256 hash (token hashes)');
  assert.equal(scanned('{"body":"password=test-pass-1"}'), '"test-pass-1"');
});

test('ids, index names and short hex do not count', () => {
  assert.equal(scanned('{"index":"api_keys_tenant_id_created_at_idx_long_name"}'), 'clean');
  assert.equal(scanned('{"id":"0b6f7a52-5bb5-4bb0-9c5e-8f1d2a3b4c5d","reqId":"a1b2c3d4e5f6-1z"}'), 'clean');
  assert.equal(scanned(`{"short":"${'a'.repeat(40)}","long":"${'b'.repeat(65)}"}`), 'clean');
});

test('lines go on to the tee unchanged, and only three are shown', () => {
  const teed: string[] = [];
  const scan = scanLogsForSecrets([], { write: (line: string) => teed.push(line) });
  for (let i = 0; i < 5; i++) scan.destination.write(`{"n":${i},"h":"$argon2id$${'x'.repeat(400)}"}\n`);
  assert.equal(teed.length, 5);
  assert.throws(
    () => scan.assertClean(),
    (err: Error) => err.message.startsWith('5 log line(s)') && err.message.split('\n').length === 4,
  );
  assert.throws(() => scan.assertClean(), /x…$/m, 'long lines are cut');
});
