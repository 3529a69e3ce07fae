import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { newSigningSecret, sign, verify } from './signature.ts';

describe('webhook signatures', () => {
  test('a signature verifies with its secret, body and time, and with nothing else', () => {
    const secret = newSigningSecret();
    const at = new Date('2026-05-01T10:00:00Z');
    const header = sign(secret, '{"a":1}', at);
    assert.match(header, /^t=1777629600,v1=[0-9a-f]{64}$/);
    assert.equal(verify(secret, '{"a":1}', header, { now: at }), true);
    assert.equal(verify(secret, '{"a":2}', header, { now: at }), false, 'another body');
    assert.equal(verify(newSigningSecret(), '{"a":1}', header, { now: at }), false, 'another secret');
    const later = new Date(at.getTime() + 301_000);
    assert.equal(verify(secret, '{"a":1}', header, { now: later }), false, 'too old: a replay');
    assert.equal(verify(secret, '{"a":1}', 't=abc,v1=zz', { now: at }), false, 'malformed');
  });
});
