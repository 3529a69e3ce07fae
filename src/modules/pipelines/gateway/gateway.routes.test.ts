// The gateway's routes over a scripted executor and resolver (testing.ts), mounted beside the real
// ones on the full app: real authentication with PlantIntel API keys, every refusal in the caller's
// protocol, streams that always end, and a client that goes away aborting the run.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../platform/db/testing.ts';
import { createTestApp, type TestApp } from '../../../platform/http/testing.ts';
import { callApi, createTestTenant, signIn, type TestTenant } from '../../identity/testing.ts';
import { gatewayRoutes } from './gateway.routes.ts';
import { scriptedGateway } from './testing.ts';

const BASE = '/api/v1/test-gateway/v1';
const gw = scriptedGateway();
let database: TestDatabase;
let t: TestApp;
let tenant: TestTenant;
let readKey: string;
let operateKey: string;

before(async () => {
  database = await createTestDatabase();
  t = await createTestApp({
    database,
    extraRoutes: (app) => gatewayRoutes(app, { db: database.db, ...gw }, BASE),
  });
  tenant = await createTestTenant(database.db, 'gwroutes');
  const admin = await signIn(t.app, tenant.users.admin.email);
  const key = async (scopes: string[]) => {
    const res = await callApi(t.app, 'POST', '/api-keys', admin.headers, { name: scopes.join('+'), scopes });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().key as string;
  };
  readKey = await key(['read']);
  operateKey = await key(['operate']);
});
after(async () => {
  await t?.close();
  await database?.dispose();
});

const bearer = () => ({ authorization: `Bearer ${readKey}` });
const xApiKey = () => ({ 'x-api-key': readKey, 'anthropic-version': '2023-06-01' });
const chat = (payload: unknown, headers: Record<string, string> = bearer()) =>
  t.app.inject({ method: 'POST', url: `${BASE}/chat/completions`, headers, payload: payload as object });
const messages = (payload: unknown, headers: Record<string, string> = xApiKey()) =>
  t.app.inject({ method: 'POST', url: `${BASE}/messages`, headers, payload: payload as object });
const openAiBody = (slug: string, extra: object = {}) => ({
  model: `pipeline/${slug}`,
  messages: [{ role: 'user', content: 'Why did line 2 stop?' }],
  ...extra,
});
const anthropicBody = (slug: string, extra: object = {}) => ({
  ...openAiBody(slug),
  max_tokens: 100,
  ...extra,
});

function openAiErrorOf(res: { statusCode: number; json(): unknown }, status: number) {
  assert.equal(res.statusCode, status);
  const { error } = res.json() as { error: Record<string, unknown> };
  assert.deepEqual(Object.keys(error).sort(), ['code', 'message', 'param', 'requestId', 'type']);
  return error;
}

function anthropicErrorOf(res: { statusCode: number; json(): unknown }, status: number) {
  assert.equal(res.statusCode, status);
  const body = res.json() as { type: string; error: Record<string, unknown>; request_id: string };
  assert.equal(body.type, 'error');
  assert.equal(typeof body.request_id, 'string');
  return body.error;
}

describe('answers', () => {
  test('OpenAI: a chat.completion with the request’s model, usage and how it was served', async () => {
    const res = await chat(
      openAiBody('echo', {
        messages: [{ role: 'user', content: [{ type: 'text', text: 'Why did line 2 stop?' }] }],
      }),
    );
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['x-plantintel-cache'], 'miss');
    assert.equal(res.headers['x-plantintel-pipeline'], 'echo@3');
    assert.equal(typeof res.headers['request-id'], 'string');
    const body = res.json();
    assert.match(body.id, /^chatcmpl-/);
    assert.equal(body.model, 'pipeline/echo');
    assert.equal(body.choices[0].message.content, 'You said: Why did line 2 stop?');
    assert.deepEqual(body.usage, { prompt_tokens: 10, completion_tokens: 8, total_tokens: 18 });
    assert.equal(body.plantintel.provider, 'scripted');
    assert.equal(gw.runs.at(-1)?.ctx.tenantId, tenant.id);
    assert.equal(gw.runs.at(-1)?.request.protocol, 'openai');
  });

  test('Anthropic: a message object (one-element block lists stay lists: no union coercion)', async () => {
    const res = await messages(
      anthropicBody('echo', {
        system: [{ type: 'text', text: 'Be brief.' }],
        messages: [{ role: 'user', content: [{ type: 'text', text: 'Why did line 2 stop?' }] }],
        stop_sequences: ['END'],
      }),
    );
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.match(body.id, /^msg_/);
    assert.deepEqual(body.content, [{ type: 'text', text: 'You said: Why did line 2 stop?' }]);
    assert.equal(body.stop_reason, 'end_turn');
    assert.equal(body.usage.input_tokens, 10);
    assert.equal(gw.runs.at(-1)?.request.system, 'Be brief.');
    assert.deepEqual(gw.runs.at(-1)?.request.stop, ['END']);
  });

  test('models: both list shapes at once, from the resolver', async () => {
    const res = await t.app.inject({ url: `${BASE}/models`, headers: bearer() });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.object, 'list');
    assert.deepEqual(
      body.data.map((m: { id: string }) => m.id),
      ['pipeline/echo', 'pipeline/tools'],
    );
    assert.equal(body.data[0].object, 'model');
    assert.equal(body.data[0].type, 'model');
    assert.equal(body.has_more, false);
    assert.equal(body.first_id, 'pipeline/echo');
    const page = await t.app.inject({
      url: `${BASE}/models?limit=1&after_id=pipeline/echo`,
      headers: xApiKey(),
    });
    assert.deepEqual(
      page.json().data.map((m: { id: string }) => m.id),
      ['pipeline/tools'],
    );
  });
});

describe('refusals in the caller’s protocol', () => {
  test('401 without a key, 403 for a key without read: both shapes, PlantIntel’s code kept', async () => {
    const openAi = openAiErrorOf(await chat(openAiBody('echo'), {}), 401);
    assert.equal(openAi.type, 'authentication_error');
    assert.equal(openAi.code, 'unauthorized');
    const anthropic = anthropicErrorOf(
      await messages(anthropicBody('echo'), { 'anthropic-version': '2023-06-01' }),
      401,
    );
    assert.equal(anthropic.type, 'authentication_error');
    const forbidden = openAiErrorOf(
      await chat(openAiBody('echo'), { authorization: `Bearer ${operateKey}` }),
      403,
    );
    assert.equal(forbidden.type, 'permission_error');
    assert.equal(forbidden.code, 'forbidden');
    const models = await t.app.inject({
      url: `${BASE}/models`,
      headers: { 'anthropic-version': '2023-06-01' },
    });
    assert.equal(anthropicErrorOf(models, 401).type, 'authentication_error');
  });

  test('a body the schema refuses: 400 naming the field', async () => {
    const missing = openAiErrorOf(await chat({ model: 'pipeline/echo' }), 400);
    assert.equal(missing.type, 'invalid_request_error');
    assert.equal(missing.param, 'messages');
    const role = openAiErrorOf(
      await chat(openAiBody('echo', { messages: [{ role: 'robot', content: 'x' }] })),
      400,
    );
    assert.equal(role.param, 'messages[0].role');
    const extra = openAiErrorOf(await chat(openAiBody('echo', { frobnicate: true })), 400);
    assert.match(String(extra.message), /frobnicate/);
    const noMax = anthropicErrorOf(await messages(openAiBody('echo')), 400);
    assert.equal(noMax.type, 'invalid_request_error');
    assert.match(String(noMax.message), /max_tokens/);
  });

  test('malformed JSON and a body over the limit', async () => {
    const raw = (url: string, payload: string, headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { ...headers, 'content-type': 'application/json' },
        payload,
      });
    openAiErrorOf(await raw(`${BASE}/chat/completions`, '{"model":', bearer()), 400);
    anthropicErrorOf(await raw(`${BASE}/messages`, 'null', xApiKey()), 400);
    const huge = JSON.stringify(
      openAiBody('echo', { messages: [{ role: 'user', content: 'x'.repeat(1_100_000) }] }),
    );
    const tooLarge = openAiErrorOf(await raw(`${BASE}/chat/completions`, huge, bearer()), 413);
    assert.equal(tooLarge.type, 'invalid_request_error');
    assert.equal(
      anthropicErrorOf(await raw(`${BASE}/messages`, huge, xApiKey()), 413).type,
      'request_too_large',
    );
  });

  test('unknown model 404, paused pipeline 400, budget 429 with the budget and no retry', async () => {
    const unknown = openAiErrorOf(await chat(openAiBody('nope')), 404);
    assert.equal(unknown.code, 'model_not_found');
    assert.equal(anthropicErrorOf(await messages(anthropicBody('nope')), 404).type, 'not_found_error');
    assert.equal(openAiErrorOf(await chat({ ...openAiBody('echo'), model: 'gpt-4o' }), 404).param, 'model');
    openAiErrorOf(await chat(openAiBody('paused')), 400);
    const budget = await chat(openAiBody('budget', { stream: true }));
    const error = openAiErrorOf(budget, 429);
    assert.equal(error.type, 'insufficient_quota');
    assert.match(String(error.message), /daily token budget of 1000/);
    assert.equal(budget.headers['x-should-retry'], 'false');
    assert.equal(anthropicErrorOf(await messages(anthropicBody('budget')), 429).type, 'rate_limit_error');
  });

  test('a run that ends before its first event: 502 in the protocol', async () => {
    assert.equal(openAiErrorOf(await chat(openAiBody('empty')), 502).type, 'server_error');
    assert.equal(
      anthropicErrorOf(await messages(anthropicBody('empty', { stream: true })), 502).type,
      'api_error',
    );
  });

  test('an unknown endpoint under the gateway: 404 in the protocol', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `${BASE}/embeddings`,
      headers: bearer(),
      payload: {},
    });
    assert.equal(openAiErrorOf(res, 404).type, 'invalid_request_error');
  });
});

/** The data of each SSE frame of an OpenAI stream ('[DONE]' as the string). */
const openAiFrames = (body: string) =>
  body
    .split('\n\n')
    .filter((f) => f !== '')
    .map((f) => (f === 'data: [DONE]' ? '[DONE]' : JSON.parse(f.replace(/^data: /, ''))));
const anthropicFrames = (body: string) =>
  body
    .split('\n\n')
    .filter((f) => f !== '')
    .map((f) => f.split('\n')[0]?.replace('event: ', ''));

describe('streams always end', () => {
  test('OpenAI: chunks, usage, [DONE]; a failure mid-stream is an error chunk and the end', async () => {
    const ok = await chat(openAiBody('echo', { stream: true, stream_options: { include_usage: true } }));
    assert.equal(ok.statusCode, 200);
    assert.match(String(ok.headers['content-type']), /^text\/event-stream/);
    const frames = openAiFrames(ok.body);
    assert.equal(frames.at(-1), '[DONE]');
    assert.deepEqual(frames.at(-2).usage, { prompt_tokens: 10, completion_tokens: 8, total_tokens: 18 });
    const broken = openAiFrames((await chat(openAiBody('broken', { stream: true }))).body);
    assert.equal(broken.at(-1).error.type, 'server_error');
    assert.match(broken.at(-1).error.message, /broke off/);
    assert.ok(!broken.includes('[DONE]'));
  });

  test('Anthropic: the named events; a failure or an unencodable tool call is `event: error`', async () => {
    const ok = await messages(anthropicBody('echo', { stream: true }));
    assert.equal(anthropicFrames(ok.body).at(-1), 'message_stop');
    assert.equal(
      anthropicFrames((await messages(anthropicBody('broken', { stream: true }))).body).at(-1),
      'error',
    );
    const tools = [{ name: 'weather', input_schema: { type: 'object' } }];
    const badArgs = await messages(anthropicBody('bad-args', { stream: true, tools }));
    assert.equal(anthropicFrames(badArgs.body).at(-1), 'error');
    await gw.until((runs) => runs.filter((r) => r.slug === 'bad-args').every((r) => r.closed));
  });

  test('a client that goes away aborts the run, streamed or not', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const waiting = new AbortController();
    const whole = fetch(`http://127.0.0.1:${port}${BASE}/messages`, {
      method: 'POST',
      headers: { ...xApiKey(), 'content-type': 'application/json' },
      body: JSON.stringify(anthropicBody('hang')),
      signal: waiting.signal,
    }).catch((err: unknown) => err);
    await gw.until((runs) => runs.some((r) => r.slug === 'hang' && r.request.protocol === 'anthropic'));
    waiting.abort();
    await whole;
    await gw.until((runs) =>
      runs.some((r) => r.slug === 'hang' && r.request.protocol === 'anthropic' && r.closed),
    );
    assert.ok(gw.runs.some((r) => r.slug === 'hang' && r.request.protocol === 'anthropic' && r.aborted));

    const abort = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}${BASE}/chat/completions`, {
      method: 'POST',
      headers: { ...bearer(), 'content-type': 'application/json' },
      body: JSON.stringify(openAiBody('hang', { stream: true })),
      signal: abort.signal,
    });
    assert.equal(res.status, 200);
    const reader = res.body?.getReader();
    let seen = '';
    while (!seen.includes('Thinking')) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      seen += new TextDecoder().decode(chunk.value);
    }
    assert.match(seen, /Thinking/);
    abort.abort();
    await gw.until((runs) =>
      runs.some((r) => r.slug === 'hang' && r.request.protocol === 'openai' && r.aborted && r.closed),
    );
  });
});
