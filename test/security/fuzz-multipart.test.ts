// Multipart fuzzing: every /api route that takes multipart/form-data — found by probing the live
// route table, so a new upload route is covered the moment it exists — gets malformed bodies
// (fuzz-multipart-inputs.ts). Every answer is a 2xx or a 4xx in the error format, never a 5xx or a
// hang; afterwards a valid upload still works and every list still answers.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { createTestTenant, signIn, type TestTenant } from '../../src/modules/identity/testing.ts';
import { type RouteAccess, routeTable } from '../../src/platform/http/access.ts';
import { createTestApp, type TestApp } from '../../src/platform/http/testing.ts';
import { queryArbitrary } from './fuzz-inputs.ts';
import { type MultipartCase, multipartCase, validCsvUpload } from './fuzz-multipart-inputs.ts';
import { describe, FUZZ_SEED, fuzzRuns, problemOf, untilDeadline, within } from './fuzz-support.ts';

const RUNS = fuzzRuns(10);
/** Routes known to take uploads: the probe must find at least these (else it is broken). */
const KNOWN = [
  '/api/v1/plant-ops/sensors/import',
  '/api/v1/inspection/triggers',
  '/api/v1/analytics/uploads',
  '/api/v1/analytics/mapping/suggest',
  '/api/v1/supply/imports/demand',
];

let t: TestApp;
let tenant: TestTenant;
let headers: Record<string, string>;
const uploads: RouteAccess[] = [];

before(async () => {
  t = await createTestApp();
  tenant = await createTestTenant(t.database.db, 'fuzzmp');
  headers = (await signIn(t.app, tenant.users.admin.email)).headers;
  const sensor = await t.app.inject({
    method: 'POST',
    url: '/api/v1/plant-ops/sensors',
    headers,
    payload: { facilityId: tenant.facilityId, key: 'FZ-1', name: 'Fuzz sensor', type: 'pressure' },
  });
  assert.equal(sensor.statusCode, 201, sensor.body);
});
after(async () => {
  await t?.close();
});

/** A query the route accepts when its required parameters are enums (the first value of each). */
function plainQuery(route: RouteAccess): string {
  const schema = route.schema.querystring as
    | { required?: string[]; properties?: Record<string, { anyOf?: { const?: string }[] }> }
    | undefined;
  const values = (schema?.required ?? []).map((name) => {
    const first = schema?.properties?.[name]?.anyOf?.[0]?.const;
    return [name, first ?? 'x'] as [string, string];
  });
  const search = new URLSearchParams(values).toString();
  return search ? `?${search}` : '';
}

function send(method: string, url: string, mp: MultipartCase) {
  return within(
    t.app.inject({
      method: method as 'POST',
      url,
      headers: { ...headers, 'content-type': mp.contentType },
      payload: mp.body,
    }),
  );
}

test('the probe finds every route that takes multipart uploads', async (ctx) => {
  const probe = validCsvUpload();
  const candidates = routeTable(t.app).filter(
    (route) =>
      ['POST', 'PUT', 'PATCH'].includes(route.method) &&
      route.url.startsWith('/api/v1/') &&
      !route.url.startsWith('/api/v1/ai/v1/') &&
      route.access !== 'platform' &&
      !route.url.includes(':'),
  );
  // A few at a time: the probe is one request per route, and most answer 415 at once.
  for (let i = 0; i < candidates.length; i += 8) {
    await Promise.all(
      candidates.slice(i, i + 8).map(async (route) => {
        const res = await send(route.method, `${route.url}${plainQuery(route)}`, probe);
        assert.notEqual(res, 'hang', `${route.method} ${route.url} did not answer the probe`);
        if (res !== 'hang' && res.statusCode !== 415) uploads.push(route);
      }),
    );
  }
  uploads.sort((a, b) => a.url.localeCompare(b.url));
  const found = uploads.map((r) => r.url);
  ctx.diagnostic(`multipart routes: ${found.join(' ')}`);
  for (const url of KNOWN) assert.ok(found.includes(url), `${url} takes uploads but the probe missed it`);
});

test('no upload route answers malformed multipart with a 5xx, a hang or an error outside the format', async (ctx) => {
  const resolve = (ref: string) => t.app.getSchema(ref);
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  const fields = [
    { name: 'facilityId', content: Buffer.from(tenant.facilityId) },
    { name: 'stationId', content: Buffer.from(crypto.randomUUID()) },
    { name: 'autoMap', content: Buffer.from('true') },
    { name: 'profileIds', content: Buffer.from('["not-a-uuid"]') },
    { name: 'defects', content: Buffer.from('{"SN-0001":[{"cx":"x"}]}') },
  ];
  const rounds = await untilDeadline(async (seed) => {
    for (const route of uploads) {
      const query = fc.oneof(
        { weight: 3, arbitrary: fc.constant(plainQuery(route)) },
        {
          weight: 1,
          arbitrary: queryArbitrary(route.schema.querystring, resolve).map((q) => {
            const present = Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined);
            return present.length ? `?${new URLSearchParams(present)}` : '';
          }),
        },
      );
      let first: string | undefined;
      await fc.check(
        fc.asyncProperty(multipartCase(fields), query, async (mp, q) => {
          const url = `${route.url}${q}`;
          const res = await send(route.method, url, mp);
          if (res !== 'hang') statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          const problem = problemOf(res);
          if (problem) first ??= `${describe(route.method, url, mp.label)} → ${problem}`;
          return problem === null;
        }),
        { seed, numRuns: RUNS, endOnFailure: true },
      );
      if (first) failures.push(first);
    }
    if (failures.length > 0) throw new Error(failures.join('\n'));
  });
  ctx.diagnostic(`seed ${FUZZ_SEED}, ${rounds} round(s) of ${uploads.length} routes × ${RUNS} bodies`);
  ctx.diagnostic(`answers: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
  assert.deepEqual(failures, []);
});

test('after the junk, a valid CSV upload is still accepted and the sensor list answers', async () => {
  const ok = await send('POST', '/api/v1/plant-ops/sensors/import?format=long', validCsvUpload());
  assert.ok(ok !== 'hang');
  assert.equal(ok.statusCode, 202, ok.body);
  const list = await t.app.inject({ url: '/api/v1/plant-ops/sensors', headers });
  assert.equal(list.statusCode, 200, list.body);
});
