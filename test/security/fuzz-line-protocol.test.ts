// Line-protocol fuzzing: POST /write and /api/v2/write get generated bodies — valid points mixed
// with junk lines, escapes, huge and non-finite numbers, odd timestamps and precisions — plain,
// gzip-compressed, or with a corrupt or false gzip encoding. Every answer is a 204 or a 4xx in
// InfluxDB's shape (with the platform's error object beside it), never a 5xx or a hang; the counts
// in the x-plantintel-* headers add up and match the readings that really were stored.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { createTestTenant, signIn, type TestTenant } from '../../src/modules/identity/testing.ts';
import { queryRows } from '../../src/platform/db/database.ts';
import { createTestApp, type TestApp } from '../../src/platform/http/testing.ts';
import { describe, FUZZ_SEED, fuzzRuns, problemOf, untilDeadline, within } from './fuzz-support.ts';

const RUNS = fuzzRuns(30);
let t: TestApp;
let tenant: TestTenant;
let key: string;

before(async () => {
  t = await createTestApp();
  tenant = await createTestTenant(t.database.db, 'fuzzlp');
  const admin = await signIn(t.app, tenant.users.admin.email);
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/api-keys',
    headers: admin.headers,
    payload: { name: 'fuzz-lp', scopes: ['operate'] },
  });
  assert.equal(created.statusCode, 201, created.body);
  key = created.json().key;
  // Unknown sensors are created: the fuzzer's keys reach the ingest, not just the mapping rule.
  const settings = await t.app.inject({
    method: 'PATCH',
    url: '/api/v1/plant-ops/telemetry/settings',
    headers: admin.headers,
    payload: { autoCreateSensors: true, defaultFacilityId: tenant.facilityId },
  });
  assert.equal(settings.statusCode, 200, settings.body);
});
after(async () => {
  await t?.close();
});

const NOW_NS = BigInt(Date.now()) * 1_000_000n;
const ident = fc.oneof(
  fc.constantFrom('boiler', 'pump', 'fz', 'a\\ b', 'a\\,b', 'a\\=b', '__proto__', 'é', 'x'.repeat(300)),
  fc.stringMatching(/^[a-z][a-z0-9_.-]{0,12}$/),
);
const tag = fc.oneof(
  fc.tuple(fc.constantFrom('sensor', 'key', 'unit', 'facility'), ident).map(([k, v]) => `${k}=${v}`),
  fc.tuple(ident, ident).map(([k, v]) => `${k}=${v}`),
  fc.constantFrom('facility=NOPE', 'sensor=', '=x', 'k=v\\', 'k\\ 1=v\\,2'),
);
const fieldValue = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map(String),
  fc.integer().map((i) => `${i}i`),
  fc.nat().map((i) => `${i}u`),
  fc.constantFrom(
    't',
    'FALSE',
    'True',
    '"a string"',
    '"esc \\" quote"',
    '"unterminated',
    '1e400',
    '-1e400',
    '9223372036854775808i',
    '-9223372036854775809i',
    '18446744073709551616u',
    'NaN',
    'Infinity',
    '-0',
    '1.2.3',
    '0x10',
    '',
  ),
);
const field = fc.tuple(fc.oneof(fc.constant('value'), ident), fieldValue).map(([k, v]) => `${k}=${v}`);
const timestamp = fc.oneof(
  { weight: 2, arbitrary: fc.constant('') },
  {
    weight: 4,
    arbitrary: fc.integer({ min: -3600, max: 3600 }).map((s) => ` ${NOW_NS + BigInt(s) * 1_000_000_000n}`),
  },
  { weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((n) => ` ${n}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      ' 9223372036854775807',
      ' -9223372036854775807',
      ' 0',
      ' 1.5',
      ' abc',
      ' 1e9',
      '  ',
    ),
  },
);
const point = fc
  .record({
    measurement: ident,
    tags: fc.array(tag, { maxLength: 3 }),
    fields: fc.array(field, { minLength: 1, maxLength: 3 }),
    ts: timestamp,
  })
  .map(({ measurement, tags, fields, ts }) => `${[measurement, ...tags].join(',')} ${fields.join(',')}${ts}`);
const junkLine = fc.oneof(
  fc.constantFrom(
    '',
    '# a comment',
    'just-a-measurement',
    ' value=1',
    'm value=1 1 extra',
    'm,=1 v=1',
    '\u0000',
  ),
  fc.string({ maxLength: 60 }),
);
const body = fc
  .tuple(
    fc.array(fc.oneof({ weight: 3, arbitrary: point }, { weight: 1, arbitrary: junkLine }), {
      maxLength: 25,
    }),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([lines, eol]) => lines.join(eol));
const encoding = fc.constantFrom('plain', 'plain', 'gzip', 'gzip-corrupt', 'gzip-truncated', 'gzip-false');
const endpoint = fc.oneof(
  fc.constantFrom('/api/v2/write?org=o&bucket=b', '/write?db=x'),
  fc
    .tuple(
      fc.constantFrom('/api/v2/write?precision=', '/write?precision='),
      fc.constantFrom('ns', 's', 'ms', 'h', 'xx'),
    )
    .map(([path, p]) => `${path}${p}`),
);

function encode(text: string, how: string): { payload: Buffer; headers: Record<string, string> } {
  const gz = { 'content-encoding': 'gzip' };
  if (how === 'plain') return { payload: Buffer.from(text), headers: {} };
  if (how === 'gzip-false') return { payload: Buffer.from(text), headers: gz };
  const zipped = gzipSync(text);
  if (how === 'gzip') return { payload: zipped, headers: gz };
  if (how === 'gzip-truncated')
    return { payload: zipped.subarray(0, Math.ceil(zipped.length / 2)), headers: gz };
  const corrupt = Buffer.from(zipped);
  for (let i = 10; i < corrupt.length; i += 7) corrupt[i] = (corrupt[i] ?? 0) ^ 0x5a;
  return { payload: corrupt, headers: gz };
}

async function storedReadings(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from readings r join sensors s on s.id = r.sensor_id where s.tenant_id = ${tenant.id}`,
  );
  return row?.n ?? 0;
}

/** What is wrong with the answer to one write, or null. */
async function problemWithWrite(url: string, text: string, how: string): Promise<string | null> {
  const { payload, headers } = encode(text, how);
  const before = await storedReadings();
  const res = await within(
    t.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Token ${key}`, 'content-type': 'text/plain; charset=utf-8', ...headers },
      payload,
    }),
  );
  const problem = problemOf(res);
  if (problem || res === 'hang') return problem;
  if (res.statusCode >= 400) {
    const influx = res.json() as { code?: unknown; message?: unknown };
    if (typeof influx.code !== 'string' || typeof influx.message !== 'string')
      return `${res.statusCode} without InfluxDB's code and message: ${res.body.slice(0, 300)}`;
  } else if (res.statusCode !== 204) return `${res.statusCode} is not a write's answer`;
  const written = res.headers['x-plantintel-written'];
  const stored = (await storedReadings()) - before;
  if (written === undefined) return stored === 0 ? null : `${stored} readings stored by a refused write`;
  const counts = ['written', 'rejected', 'ignored'].map((k) => Number(res.headers[`x-plantintel-${k}`]));
  if (!counts.every((n) => Number.isInteger(n) && n >= 0)) return `counts ${counts.join('/')} are not counts`;
  if (counts[0] !== stored) return `x-plantintel-written ${counts[0]} but ${stored} readings stored`;
  if (res.statusCode === 204 && counts[1] !== 0) return `204 with ${counts[1]} rejected`;
  return null;
}

test('no line-protocol body, plain or gzip, gets a 5xx, a hang, a wrong shape or counts that do not add up', async (ctx) => {
  const failures: string[] = [];
  let written = 0;
  const rounds = await untilDeadline(async (seed) => {
    let first: string | undefined;
    await fc.check(
      fc.asyncProperty(endpoint, body, encoding, async (url, text, how) => {
        const problem = await problemWithWrite(url, text, how);
        if (problem) first ??= `${describe('POST', url, `${how}: ${text}`)} → ${problem}`;
        return problem === null;
      }),
      { seed, numRuns: RUNS, endOnFailure: true },
    );
    if (first) failures.push(first);
    if (failures.length > 0) throw new Error(failures.join('\n'));
  });
  written = await storedReadings();
  ctx.diagnostic(`seed ${FUZZ_SEED}, ${rounds} round(s) × ${RUNS} bodies, ${written} readings stored`);
  assert.deepEqual(failures, []);
});

test('after the junk, a valid write is stored and answered 204', async () => {
  const before = await storedReadings();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v2/write?precision=s',
    headers: { authorization: `Token ${key}` },
    payload: `fuzz_after,sensor=FZ-AFTER value=1.5 ${Math.floor(Date.now() / 1000) - 60}`,
  });
  assert.equal(res.statusCode, 204, res.body);
  assert.equal((await storedReadings()) - before, 1);
});
