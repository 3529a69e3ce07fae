import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { callApi, createTestTenant, signIn } from '../../modules/identity/testing.ts';
import { nonFinitePath } from './access.ts';
import { createTestApp, type TestApp } from './testing.ts';

test('nonFinitePath: the JSON pointer of the first non-finite number, anywhere in a body', () => {
  assert.equal(nonFinitePath({ a: 1, b: [1, 2, { c: 'x' }], d: null }), undefined);
  assert.equal(nonFinitePath(undefined), undefined);
  assert.equal(nonFinitePath({ a: 1, b: [1, { c: Number.POSITIVE_INFINITY }] }), '/b/1/c');
  assert.equal(nonFinitePath([0, Number.NaN]), '/1');
  assert.equal(nonFinitePath(Number.NEGATIVE_INFINITY), '');
  assert.equal(nonFinitePath({ 'a/b~c': Number.POSITIVE_INFINITY }), '/a~1b~0c');
  assert.equal(nonFinitePath({ first: Number.NaN, second: Number.NaN }), '/first');
  // Deep nesting is walked without recursion: no stack overflow, no 500.
  let deep: unknown = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 100_000; i++) deep = [deep];
  assert.equal(nonFinitePath(deep)?.length, 200_000);
});

describe('numbers Ajv coerces from text are checked finite', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  before(async () => {
    t = await createTestApp({ workers: false });
    const tenant = await createTestTenant(t.database.db, 'finite');
    headers = (await signIn(t.app, tenant.users.admin.email)).headers;
  });
  after(() => t.close());

  test('in a JSON body: 400 naming the field, nothing stored (found by `npm run fuzz`: it was a 500)', async () => {
    for (const text of ['Infinity', '-Infinity', '1e400']) {
      const res = await callApi(t.app, 'PATCH', '/analytics/settings', headers, { fileRetentionDays: text });
      assert.equal(res.statusCode, 400, `${text}: ${res.body}`);
      assert.deepEqual(res.json().error.details, [
        { path: '/body/fileRetentionDays', message: 'must be a finite number' },
      ]);
    }
    const settings = await callApi(t.app, 'GET', '/analytics/settings', headers);
    assert.equal(settings.json().fileRetentionDays, 365);
    // Text that is a finite number is still coerced, as before.
    const ok = await callApi(t.app, 'PATCH', '/analytics/settings', headers, { fileRetentionDays: '30' });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().fileRetentionDays, 30);
  });

  test('in the query string', async () => {
    const res = await callApi(t.app, 'GET', '/plant-ops/batches?limit=1e400', headers);
    assert.equal(res.statusCode, 400, res.body);
    assert.deepEqual(res.json().error.details, [
      { path: '/querystring/limit', message: 'must be a finite number' },
    ]);
  });
});
