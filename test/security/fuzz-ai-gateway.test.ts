// AI gateway protocol fuzzing: the OpenAI- and Anthropic-compatible endpoints under /api/v1/ai/v1
// get bodies derived from their own schemas mixed with junk (fuzz-inputs.ts), streaming requests
// with junk, raw non-JSON bodies, wrong content types and wrong keys. Models name pipelines that do
// not exist or are not deployed, so no upstream is ever called. Every answer is a 4xx (never a 5xx
// or a hang) in the error format of the protocol the caller spoke — OpenAI's
// `{ error: { message, type, code } }`, Anthropic's `{ type: "error", error: { type, message } }`
// — and JSON even when a stream was asked for.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { createTestTenant, signIn, type TestTenant } from '../../src/modules/identity/testing.ts';
import { routeTable } from '../../src/platform/http/access.ts';
import { createTestApp, type TestApp } from '../../src/platform/http/testing.ts';
import { bodyArbitrary, RAW_BODIES } from './fuzz-inputs.ts';
import { describe, FUZZ_SEED, fuzzRuns, untilDeadline, within } from './fuzz-support.ts';

const RUNS = fuzzRuns(25);
const PREFIX = '/api/v1/ai/v1';
let t: TestApp;
let tenant: TestTenant;
let keys: { name: string; headers: Record<string, string> }[] = [];

before(async () => {
  t = await createTestApp();
  tenant = await createTestTenant(t.database.db, 'fuzzai');
  const admin = await signIn(t.app, tenant.users.admin.email);
  const post = async (url: string, payload: object) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: admin.headers, payload });
    assert.ok(res.statusCode < 300, `${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const workspace = await post('/ai/workspaces', { name: 'Fuzz', sector: 'automotive' });
  // A pipeline that exists but was never deployed: resolved, then refused before any upstream.
  await post('/ai/pipelines', { workspaceId: workspace.id, name: 'Drafted', slug: 'drafted' }).catch(
    () => {},
  );
  const { key: workspaceKey } = await post(`/ai/workspaces/${workspace.id}/keys`, { name: 'fuzz' });
  const { key: apiKey } = await post('/api-keys', { name: 'fuzz-ai', scopes: ['read'] });
  keys = [
    { name: 'workspace key (bearer)', headers: { authorization: `Bearer ${workspaceKey}` } },
    { name: 'api key (x-api-key)', headers: { 'x-api-key': apiKey, 'anthropic-version': '2023-06-01' } },
    { name: 'junk bearer', headers: { authorization: 'Bearer pi_not_a_key' } },
    { name: 'junk x-api-key', headers: { 'x-api-key': 'sk-ant-junk' } },
    { name: 'empty bearer', headers: { authorization: 'Bearer ' } },
    { name: 'basic', headers: { authorization: 'Basic Zm9vOmJhcg==' } },
    { name: 'none', headers: {} },
  ];
});
after(async () => {
  await t?.close();
});

type Protocol = 'openai' | 'anthropic';

/** What is wrong with a gateway answer in `protocol`, or null. */
function problemOf(res: LightMyRequestResponse | 'hang', protocol: Protocol): string | null {
  if (res === 'hang') return 'no answer within the time limit';
  if (res.statusCode >= 500) return `${res.statusCode}: ${res.body.slice(0, 300)}`;
  if (res.statusCode < 400) return `${res.statusCode} for a model that cannot run: ${res.body.slice(0, 200)}`;
  if (!String(res.headers['content-type']).startsWith('application/json'))
    return `${res.statusCode} as ${res.headers['content-type']}: ${res.body.slice(0, 200)}`;
  let body: { type?: unknown; error?: { type?: unknown; message?: unknown; code?: unknown } };
  try {
    body = JSON.parse(res.body);
  } catch {
    return `${res.statusCode} not JSON: ${res.body.slice(0, 200)}`;
  }
  const error = body.error;
  if (typeof error?.message !== 'string' || typeof error.type !== 'string')
    return `${res.statusCode} without ${protocol}'s error type and message: ${res.body.slice(0, 300)}`;
  if (protocol === 'anthropic' && body.type !== 'error')
    return `${res.statusCode} not Anthropic's error envelope: ${res.body.slice(0, 300)}`;
  if (protocol === 'openai' && (body.type !== undefined || !('code' in error)))
    return `${res.statusCode} not OpenAI's error shape: ${res.body.slice(0, 300)}`;
  return null;
}

const model = fc.oneof(
  fc.constantFrom(
    'pipeline/drafted',
    'pipeline/nope',
    'pipeline/',
    'gpt-4o',
    'claude-3-5-sonnet',
    '',
    'pipeline/../x',
  ),
  fc.string({ maxLength: 40 }),
);

function send(url: string, headers: Record<string, string>, payload: unknown, raw?: string, type?: string) {
  return within(
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...headers, 'content-type': type ?? 'application/json' },
      payload: raw ?? JSON.stringify(payload),
    }),
  );
}

test('every malformed chat or message body, streamed or not, gets a clean 4xx in its protocol', async (ctx) => {
  const resolve = (ref: string) => t.app.getSchema(ref);
  const routes = routeTable(t.app).filter((r) => r.url.startsWith(PREFIX) && r.method === 'POST');
  assert.equal(routes.length, 2, 'the chat completions and messages endpoints');
  const failures: string[] = [];
  const rounds = await untilDeadline(async (seed) => {
    for (const route of routes) {
      const protocol: Protocol = route.url.endsWith('/messages') ? 'anthropic' : 'openai';
      const body = fc
        .tuple(
          bodyArbitrary(route.schema.body, resolve),
          model,
          fc.constantFrom(undefined, true, false, 'yes', 1),
        )
        .map(([b, m, stream]) =>
          typeof b === 'object' && b !== null && !Array.isArray(b)
            ? { ...b, model: m, ...(stream === undefined ? {} : { stream }) }
            : b,
        );
      const key = fc.constantFrom(...keys);
      const contentType = fc.constantFrom(
        'application/json',
        'application/json',
        'text/plain',
        'application/x-www-form-urlencoded',
      );
      let first: string | undefined;
      await fc.check(
        fc.asyncProperty(body, key, contentType, async (b, k, type) => {
          const res = await send(route.url, k.headers, b, undefined, type);
          const problem = problemOf(res, protocol);
          if (problem) first ??= `${k.name} ${type}: ${describe('POST', route.url, b)} → ${problem}`;
          return problem === null;
        }),
        { seed, numRuns: RUNS, endOnFailure: true },
      );
      if (first) failures.push(first);
      for (const raw of [
        ...RAW_BODIES,
        'data: {"junk":1}\n\n',
        '{"model":"pipeline/drafted","stream":true,"messages":',
      ]) {
        for (const k of keys.slice(0, 3)) {
          const problem = problemOf(await send(route.url, k.headers, undefined, raw), protocol);
          if (problem) failures.push(`${k.name}: ${describe('POST', route.url, raw)} → ${problem}`);
        }
      }
    }
    // The model list and unknown endpoints answer in the protocol the headers name.
    for (const k of keys) {
      const protocol: Protocol = 'anthropic-version' in k.headers ? 'anthropic' : 'openai';
      for (const url of [`${PREFIX}/models?limit=junk`, `${PREFIX}/completions`, `${PREFIX}/messages/x`]) {
        const res = await within(
          t.app.inject({ method: url.includes('models') ? 'GET' : 'POST', url, headers: k.headers }),
        );
        const problem = problemOf(res, protocol);
        if (problem) failures.push(`${k.name}: ${url} → ${problem}`);
      }
    }
    if (failures.length > 0) throw new Error(failures.join('\n'));
  });
  ctx.diagnostic(`seed ${FUZZ_SEED}, ${rounds} round(s) × 2 endpoints × ${RUNS} bodies`);
  assert.deepEqual(failures, []);
});
