// Keep-alives on silent gateway streams (GATEWAY_KEEPALIVE_MS), over the scripted executor
// (testing.ts) whose `late` pipelines wait for their first event until the test says so: the stream
// starts with keep-alive frames once the wait passes the interval, the answer follows in the same
// stream, a failure after that is in-stream, and the official SDKs read such streams unchanged.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { createTestDatabase, type TestDatabase } from '../../../platform/db/testing.ts';
import { createTestApp, type TestApp } from '../../../platform/http/testing.ts';
import { eventually } from '../../../platform/jobs/testing.ts';
import { callApi, createTestTenant, signIn } from '../../identity/testing.ts';
import { gatewayRoutes } from './gateway.routes.ts';
import { scriptedGateway } from './testing.ts';

const BASE = '/api/v1/test-gateway/v1';
// Short, so that a test waits little; what the tests check does not depend on its length.
const KEEPALIVE_MS = 25;
const gw = scriptedGateway();
let database: TestDatabase;
let t: TestApp;
let key: string;
let origin: string;

before(async () => {
  database = await createTestDatabase();
  t = await createTestApp({
    database,
    extraRoutes: (app) => gatewayRoutes(app, { db: database.db, ...gw, keepAliveMs: KEEPALIVE_MS }, BASE),
  });
  const tenant = await createTestTenant(database.db, 'gwkeepalive');
  const admin = await signIn(t.app, tenant.users.admin.email);
  const res = await callApi(t.app, 'POST', '/api-keys', admin.headers, { name: 'sdk', scopes: ['read'] });
  assert.equal(res.statusCode, 201, res.body);
  key = res.json().key;
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
after(async () => {
  await t?.close();
  await database?.dispose();
});

type OpenAiErrorBody = { error: { message: string } };
const ask = [{ role: 'user' as const, content: 'Why did line 2 stop?' }];
const waitingRuns = () => gw.runs.filter((r) => r.waiting).length;

/** A raw streamed call: the response, and a reader that collects its text until a condition holds. */
async function open(path: string, headers: Record<string, string>, body: object) {
  const res = await fetch(`${origin}${BASE}${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  let text = '';
  /** Reads until `done(text)` holds or the body ends; returns all read so far. */
  const readUntil = async (done: (text: string) => boolean) => {
    while (!done(text)) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
    return text;
  };
  return { res, readUntil };
}

const bearer = () => ({ authorization: `Bearer ${key}` });
const xApiKey = () => ({ 'x-api-key': key, 'anthropic-version': '2023-06-01' });
const dataOf = (text: string) =>
  text
    .split('\n\n')
    .filter((f) => f.startsWith('data: '))
    .map((f) => f.slice(6));

// A missing keep-alive would leave these waiting for their first bytes: they fail after a minute.
const LIMIT = { timeout: 60_000 };

describe('a stream silent before its first event', LIMIT, () => {
  test('OpenAI: starts with keep-alive comments, then the answer, [DONE]', async () => {
    const call = await open('/chat/completions', bearer(), {
      model: 'pipeline/late',
      messages: ask,
      stream: true,
    });
    assert.equal(call.res.status, 200);
    assert.match(String(call.res.headers.get('content-type')), /^text\/event-stream/);
    assert.equal(call.res.headers.get('x-plantintel-pipeline'), 'late@3');
    assert.equal(call.res.headers.get('x-plantintel-cache'), null, 'not known before the first event');
    const before = await call.readUntil((text) => text.includes(': keep-alive\n\n'));
    assert.match(before, /^(: keep-alive\n\n)+$/);
    gw.release();
    const data = dataOf(await call.readUntil(() => false));
    assert.equal(data.at(-1), '[DONE]');
    const chunks = data.slice(0, -1).map((d) => JSON.parse(d));
    assert.equal(chunks[0].choices[0].delta.role, 'assistant');
    assert.equal(
      chunks.map((c) => c.choices[0]?.delta.content ?? '').join(''),
      'You said: Why did line 2 stop?',
    );
  });

  test('Anthropic: ping events, then message_start … message_stop', async () => {
    const call = await open('/messages', xApiKey(), {
      model: 'pipeline/late',
      messages: ask,
      max_tokens: 100,
      stream: true,
    });
    assert.equal(call.res.status, 200);
    await call.readUntil((text) => text.includes('event: ping'));
    gw.release();
    const events = (await call.readUntil(() => false))
      .split('\n\n')
      .filter((f) => f !== '')
      .map((f) => f.split('\n')[0]?.replace('event: ', ''));
    const start = events.indexOf('message_start');
    assert.ok(start > 0 && events.slice(0, start).every((e) => e === 'ping'), events.join(' '));
    assert.equal(events.at(-1), 'message_stop');
  });

  test('a failure after the stream started is in-stream: status 200, the error, no [DONE]', async () => {
    const call = await open('/chat/completions', bearer(), {
      model: 'pipeline/late-broken',
      messages: ask,
      stream: true,
    });
    assert.equal(call.res.status, 200);
    await call.readUntil((text) => text.includes(': keep-alive'));
    gw.release();
    const data = dataOf(await call.readUntil(() => false));
    assert.equal(data.length, 1);
    const { error } = JSON.parse(data[0] ?? '{}');
    assert.equal(error.type, 'server_error');
    assert.match(error.message, /every target failed/);
  });

  test('a stream silent between two words gets keep-alives there, then the rest', async () => {
    const call = await open('/chat/completions', bearer(), {
      model: 'pipeline/pause',
      messages: ask,
      stream: true,
    });
    assert.equal(call.res.headers.get('x-plantintel-cache'), 'miss', 'the first event came at once');
    const before = await call.readUntil((text) => text.includes(': keep-alive'));
    assert.ok(before.startsWith('data: '), 'the first words came before the keep-alive');
    gw.release();
    const data = dataOf(await call.readUntil(() => false));
    assert.equal(data.at(-1), '[DONE]');
    const text = data
      .slice(0, -1)
      .map((d) => JSON.parse(d).choices[0]?.delta.content ?? '')
      .join('');
    assert.equal(text, 'You said: Why did line 2 stop?');
  });

  test('a client that leaves during the silent wait ends the run', async () => {
    const leave = new AbortController();
    const res = await fetch(`${origin}${BASE}/chat/completions`, {
      method: 'POST',
      headers: { ...bearer(), 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'pipeline/late', messages: ask, stream: true }),
      signal: leave.signal,
    });
    const reader = res.body?.getReader();
    const first = await reader?.read();
    assert.match(new TextDecoder().decode(first?.value), /^(: keep-alive\n\n)+$/);
    const run = gw.runs.findLast((r) => r.slug === 'late');
    leave.abort();
    await gw.until(() => run?.aborted === true && run.closed);
  });

  test('what fails before the interval is still an HTTP error; an unstreamed answer is waited for', async () => {
    const budget = await fetch(`${origin}${BASE}/chat/completions`, {
      method: 'POST',
      headers: { ...bearer(), 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'pipeline/budget', messages: ask, stream: true }),
    });
    assert.equal(budget.status, 429);
    assert.match(((await budget.json()) as OpenAiErrorBody).error.message, /budget/);

    const whole = fetch(`${origin}${BASE}/chat/completions`, {
      method: 'POST',
      headers: { ...bearer(), 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'pipeline/late-broken', messages: ask }),
    });
    await gw.until(() => waitingRuns() === 1);
    gw.release();
    const res = await whole;
    assert.equal(res.status, 502);
    assert.match(((await res.json()) as OpenAiErrorBody).error.message, /every target failed/);
  });
});

describe('the official SDKs read streams with keep-alives', LIMIT, () => {
  /** A fetch for the SDKs that also keeps the raw text of every answer they read. */
  function recordingFetch(raw: string[]): typeof fetch {
    return async (input, init) => {
      const res = await fetch(input, init);
      if (!res.body) return res;
      const [mine, theirs] = res.body.tee();
      const i = raw.push('') - 1;
      void (async () => {
        const decoder = new TextDecoder();
        for await (const chunk of mine) raw[i] += decoder.decode(chunk, { stream: true });
      })().catch(() => {}); // the SDK ended the answer early (after an error): the rest is not read
      return new Response(theirs, { status: res.status, statusText: res.statusText, headers: res.headers });
    };
  }
  /** Lets the held `late-broken` run fail, then expects the SDK's stream to raise it as its APIError. */
  async function failsInStream(
    stream: AsyncIterable<unknown>,
    ApiError: abstract new (...args: never[]) => Error,
  ) {
    await gw.until(() => waitingRuns() === 1);
    gw.release();
    await assert.rejects(
      async () => {
        for await (const _ of stream) {
          // keep-alives only (which the SDKs skip), then the error
        }
      },
      (err: unknown) => err instanceof ApiError && /every target failed/.test(err.message),
    );
  }
  const seen = (raw: string[], frame: string) =>
    eventually(async () => (raw.some((r) => r.includes(frame)) ? true : undefined), `a ${frame} frame`);

  test('openai: the answer, after keep-alive comments; a later failure is an APIError', async () => {
    const raw: string[] = [];
    const client = new OpenAI({
      apiKey: key,
      baseURL: `${origin}${BASE}`,
      maxRetries: 0,
      fetch: recordingFetch(raw),
    });
    const stream = await client.chat.completions.create({
      model: 'pipeline/late',
      messages: ask,
      stream: true,
    });
    await seen(raw, ': keep-alive');
    gw.release();
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    assert.equal(text, 'You said: Why did line 2 stop?');

    const broken = await client.chat.completions.create({
      model: 'pipeline/late-broken',
      messages: ask,
      stream: true,
    });
    await failsInStream(broken, OpenAI.APIError);
  });

  test('@anthropic-ai/sdk: the message stream, after ping events; a later failure is an APIError', async () => {
    const raw: string[] = [];
    const client = new Anthropic({
      apiKey: key,
      baseURL: `${origin}${BASE.replace(/\/v1$/, '')}`,
      maxRetries: 0,
      fetch: recordingFetch(raw),
    });
    const stream = client.messages.stream({ model: 'pipeline/late', max_tokens: 100, messages: ask });
    await seen(raw, 'event: ping');
    gw.release();
    const message = await stream.finalMessage();
    const first = message.content[0];
    assert.equal(first?.type === 'text' ? first.text : '', 'You said: Why did line 2 stop?');
    assert.equal(message.stop_reason, 'end_turn');

    const broken = await client.messages.create({
      model: 'pipeline/late-broken',
      max_tokens: 100,
      messages: ask,
      stream: true,
    });
    await failsInStream(broken, Anthropic.APIError);
  });
});
