// The fuzz sweep: every /api route of the live route table gets inputs derived from its own request
// schemas (fuzz-inputs.ts) — valid values mixed with wrong types, huge and NUL-bearing strings,
// huge, negative and non-finite numbers, deep nesting, `__proto__` keys, malformed JSON, ids of
// nothing — as a signed-in admin (a superadmin on platform routes). Every answer must be a 2xx, or a
// 4xx in the error format; never a 5xx, never a hang. New routes are covered the moment they exist.
// A fixed seed and a bounded count here; `npm run fuzz -- --minutes N` runs longer on a random seed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import {
  createTestSuperadmin,
  createTestTenant,
  signIn,
  type TestTenant,
} from '../../src/modules/identity/testing.ts';
import { type RouteAccess, routeTable } from '../../src/platform/http/access.ts';
import { createTestApp, type TestApp } from '../../src/platform/http/testing.ts';
import { bodyArbitrary, paramArbitrary, queryArbitrary, RAW_BODIES } from './fuzz-inputs.ts';

const FUZZER_ADDRESS = '10.66.0.1';
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
/** With FUZZ_MINUTES the sweep goes round the route table until the time is up. */
const DEADLINE = Date.now() + Number(process.env.FUZZ_MINUTES ?? 0) * 60_000;
const ANSWER_WITHIN_MS = 20_000;

let t: TestApp;
let tenant: TestTenant;

before(async () => {
  t = await createTestApp();
  tenant = await createTestTenant(t.database.db, 'fuzz');
  await createTestSuperadmin(t.database.db);
});
after(async () => {
  await t?.close();
});

interface Sent {
  method: string;
  url: string;
  payload?: unknown;
  raw?: string;
}

/** What is wrong with the answer to `sent`, or null when it is a clean 2xx or 4xx. */
async function problemWith(sent: Sent, headers: Record<string, string>): Promise<string | null> {
  const reply = t.app.inject({
    method: sent.method as 'GET',
    url: sent.url,
    // The fuzzer's own address: its failed sign-ins rate-limit it, not the sweep's own sign-ins.
    remoteAddress: FUZZER_ADDRESS,
    headers: sent.raw === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    ...(sent.raw !== undefined
      ? { payload: sent.raw }
      : sent.payload !== undefined
        ? { payload: sent.payload as object }
        : {}),
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'hang'>((resolve) => {
    timer = setTimeout(() => resolve('hang'), ANSWER_WITHIN_MS);
  });
  const res = await Promise.race([reply, timeout]);
  clearTimeout(timer);
  if (res === 'hang') return `no answer within ${ANSWER_WITHIN_MS} ms`;
  if (res.statusCode >= 500) return `${res.statusCode}: ${res.body.slice(0, 300)}`;
  if (res.statusCode >= 400) {
    const error = (res.json() as { error?: { code?: unknown; message?: unknown; requestId?: unknown } })
      .error;
    if (
      typeof error?.code !== 'string' ||
      typeof error.message !== 'string' ||
      typeof error.requestId !== 'string'
    ) {
      return `${res.statusCode} outside the error format: ${res.body.slice(0, 300)}`;
    }
  }
  return null;
}

const describeSent = (sent: Sent) =>
  `${sent.method} ${sent.url.slice(0, 200)} ${JSON.stringify(sent.raw ?? sent.payload ?? null)?.slice(0, 200)}`;

async function headersFor(route: RouteAccess): Promise<Record<string, string>> {
  // A fresh sign-in per route: a route may end the session it was called with (sign-out).
  const email = route.access === 'platform' ? 'root@platform.test' : tenant.users.admin.email;
  return (await signIn(t.app, email)).headers;
}

function urlOf(
  route: RouteAccess,
  params: Record<string, string>,
  query: Record<string, string | undefined>,
) {
  const path = route.url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? 'x'));
  const present = Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined);
  const search = new URLSearchParams(present).toString();
  return search ? `${path}?${search}` : path;
}

async function sweep(route: RouteAccess, seed: number, failures: string[]) {
  const headers = await headersFor(route);
  const resolve = (ref: string) => t.app.getSchema(ref);
  const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
  const params = fc.record(Object.fromEntries(names.map((name) => [name, paramArbitrary])));
  const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
  const body = hasBody ? bodyArbitrary(route.schema.body, resolve) : fc.constant(undefined);
  const query = queryArbitrary(route.schema.querystring, resolve);
  let first: string | undefined;
  await fc.check(
    fc.asyncProperty(params, query, body, async (p, q, b) => {
      const sent = { method: route.method, url: urlOf(route, p as Record<string, string>, q), payload: b };
      const problem = await problemWith(sent, headers);
      if (problem) first ??= `${describeSent(sent)} → ${problem}`;
      return problem === null;
    }),
    { seed, numRuns: RUNS, endOnFailure: true },
  );
  if (first) failures.push(first);
  if (!hasBody) return;
  for (const raw of RAW_BODIES) {
    const sent = { method: route.method, url: urlOf(route, {}, {}), raw };
    const problem = await problemWith(sent, headers);
    if (problem) failures.push(`${describeSent(sent)} → ${problem}`);
  }
}

test('no route answers any input with a 5xx, a hang or an error outside the error format', async (ctx) => {
  const routes = routeTable(t.app);
  assert.ok(routes.length > 40, 'the route table is populated');
  const failures: string[] = [];
  let round = 0;
  do {
    const seed = SEED + round;
    for (const route of routes) await sweep(route, seed, failures);
    round += 1;
  } while (Date.now() < DEADLINE && failures.length === 0);
  ctx.diagnostic(`seed ${SEED}, ${round} round(s) of ${routes.length} routes × ${RUNS} inputs`);
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype was polluted');
  assert.deepEqual(failures, []);
});

test('after the sweep, every list still answers: the data left behind is valid', async () => {
  const headers = (await signIn(t.app, tenant.users.admin.email)).headers;
  for (const route of routeTable(t.app)) {
    if (route.method !== 'GET' || route.url.includes(':') || route.access === 'platform') continue;
    const query = route.schema.querystring as { required?: string[] } | undefined;
    if ((query?.required?.length ?? 0) > 0) continue;
    const res = await t.app.inject({ url: route.url, headers });
    assert.equal(res.statusCode, 200, `${route.url}: ${res.body.slice(0, 300)}`);
  }
});
