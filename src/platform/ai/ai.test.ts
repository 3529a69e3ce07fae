import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../../config.ts';
import { AppError } from '../http/errors.ts';
import { createAi } from './ai.ts';
import { type FakeAiServer, readChat, startFakeOpenAi } from './testing.ts';
import type { ChatRequest } from './types.ts';

const KEY = 'sk-test-secret-0123456789';
const OFFLINE = 'Line 2 stopped 3 times; the longest stop was 14 min.';

const request = (over: Partial<ChatRequest> = {}): ChatRequest => ({
  purpose: 'analysis.chat',
  system: 'You answer about the plant.',
  messages: [{ role: 'user', content: 'Why did line 2 stop?' }],
  offline: () => OFFLINE,
  ...over,
});

describe('createAi: provider selection', () => {
  const pick = (env: Record<string, string>) => {
    const ai = createAi(loadConfig(env));
    return `${ai.provider}/${ai.model}`;
  };

  test('auto: Anthropic when its key is set, else OpenAI-compatible when LLM_BASE_URL is set, else offline', () => {
    assert.equal(pick({}), 'offline/grounded');
    assert.equal(pick({ LLM_API_KEY: KEY }), 'offline/grounded');
    assert.equal(pick({ LLM_BASE_URL: 'http://localhost:11434/v1' }), 'openai/gpt-4o-mini');
    assert.equal(pick({ ANTHROPIC_API_KEY: KEY }), 'anthropic/claude-sonnet-4-5');
    assert.equal(
      pick({ ANTHROPIC_API_KEY: KEY, LLM_BASE_URL: 'http://localhost:11434/v1', LLM_MODEL: 'llama3' }),
      'anthropic/claude-sonnet-4-5',
    );
  });

  test('an explicit choice wins, and one missing what it needs is a configuration error', () => {
    assert.equal(pick({ LLM_PROVIDER: 'offline', ANTHROPIC_API_KEY: KEY }), 'offline/grounded');
    assert.equal(
      pick({ LLM_PROVIDER: 'openai', ANTHROPIC_API_KEY: KEY, LLM_BASE_URL: 'http://h/v1', LLM_MODEL: 'm' }),
      'openai/m',
    );
    assert.equal(pick({ LLM_PROVIDER: 'openai', LLM_API_KEY: KEY }), 'openai/gpt-4o-mini');
    assert.equal(
      pick({ LLM_PROVIDER: 'Anthropic', ANTHROPIC_API_KEY: KEY, ANTHROPIC_MODEL: 'c' }),
      'anthropic/c',
    );
    assert.throws(() => pick({ LLM_PROVIDER: 'anthropic' }), ConfigError);
    assert.throws(() => pick({ LLM_PROVIDER: 'openai' }), ConfigError);
  });

  test('bad values name the variable', () => {
    assert.throws(
      () => loadConfig({ LLM_PROVIDER: 'gemini' }),
      /^ConfigError: LLM_PROVIDER must be one of auto/,
    );
    assert.throws(
      () => loadConfig({ LLM_BASE_URL: 'localhost:11434' }),
      /^ConfigError: LLM_BASE_URL must be/,
    );
    assert.throws(() => loadConfig({ LLM_MODEL: ' ' }), /^ConfigError: LLM_MODEL must not be empty/);
    assert.throws(
      () => loadConfig({ LLM_TIMEOUT_MS: '5' }),
      /^ConfigError: LLM_TIMEOUT_MS must be an integer/,
    );
  });
});

describe('the offline provider', () => {
  const ai = createAi(loadConfig({}));

  test('streams a text answer word by word; the pieces add up to it', async () => {
    const chat = await readChat(ai.chat(request()));
    assert.equal(chat.text, OFFLINE);
    assert.deepEqual(chat.deltas.slice(0, 3), ['Line ', '2 ', 'stopped ']);
    assert.equal(chat.deltas.length, OFFLINE.split(' ').length);
    assert.deepEqual(chat.done, { type: 'done', provider: 'offline', model: 'grounded' });
  });

  test('takes a promised text or streams the pieces of an async iterable as they come', async () => {
    const promised = await ai.complete(request({ offline: async () => '  Two  words ' }));
    assert.equal(promised.text, '  Two  words ');
    async function* pieces() {
      yield 'OEE ';
      yield '';
      yield '81 %';
    }
    const streamed = await readChat(ai.chat(request({ offline: pieces })));
    assert.deepEqual(streamed.deltas, ['OEE ', '81 %']);
  });
});

describe('createAi: retries, timeouts and the offline fallback', () => {
  let fake: FakeAiServer;
  before(async () => {
    fake = await startFakeOpenAi({ apiKey: KEY });
  });
  after(() => fake.close());

  const ai = (env: Record<string, string> = {}) =>
    createAi(loadConfig({ LLM_BASE_URL: fake.url, LLM_API_KEY: KEY, ...env }));
  // Timeouts short enough to wait for, only in the tests about them: the default keeps the others from
  // timing out on a loaded machine. Where a token must arrive before it, the timeout is longer.
  const timed = (ms: number, env: Record<string, string> = {}) => ai({ LLM_TIMEOUT_MS: String(ms), ...env });
  const sent = async (run: () => Promise<unknown>) => {
    const before = fake.requests.length;
    await run();
    return fake.requests.length - before;
  };

  test('500s are retried (LLM_RETRIES times) until an attempt answers', async () => {
    fake.respond({ status: 500, times: 2 }, { deltas: ['Answer'] });
    let chat: Awaited<ReturnType<typeof readChat>> | undefined;
    assert.equal(
      await sent(async () => (chat = await readChat(ai({ LLM_RETRIES: '2' }).chat(request())))),
      3,
    );
    assert.equal(chat?.text, 'Answer');
    assert.deepEqual(chat?.done, { type: 'done', provider: 'openai', model: 'gpt-4o-mini' });
  });

  test('429 on every attempt: LLM_RETRIES retries, then the offline answer with the reason', async () => {
    fake.respond({ status: 429, errorMessage: 'Rate limit reached' });
    let chat: Awaited<ReturnType<typeof readChat>> | undefined;
    assert.equal(
      await sent(async () => (chat = await readChat(ai({ LLM_RETRIES: '2' }).chat(request())))),
      3,
    );
    assert.equal(chat?.text, OFFLINE);
    assert.deepEqual(chat?.done, {
      type: 'done',
      provider: 'offline',
      model: 'grounded',
      fallback: { from: 'openai', reason: 'openai: answered 429: Rate limit reached' },
    });
  });

  test('LLM_RETRIES=0: a 503 falls back at once', async () => {
    fake.respond({ status: 503 });
    assert.equal(await sent(() => readChat(ai({ LLM_RETRIES: '0' }).chat(request()))), 1);
  });

  test('401 is not retried; the fallback reason does not carry the key the server quoted', async () => {
    fake.respond({});
    const wrongKey = 'sk-wrong-key-9876543210';
    let chat: Awaited<ReturnType<typeof readChat>> | undefined;
    assert.equal(
      await sent(async () => (chat = await readChat(ai({ LLM_API_KEY: wrongKey }).chat(request())))),
      1,
    );
    assert.equal(chat?.text, OFFLINE);
    assert.deepEqual(chat?.done?.fallback, {
      from: 'openai',
      reason: 'openai: answered 401: Incorrect API key provided: [redacted]',
    });
    assert.doesNotMatch(JSON.stringify(chat), new RegExp(wrongKey));
  });

  test('an answer without text is replaced by the offline answer', async () => {
    fake.respond({ deltas: [] });
    const chat = await readChat(ai().chat(request()));
    assert.equal(chat.text, OFFLINE);
    assert.deepEqual(chat.done?.fallback, { from: 'openai', reason: 'openai: answered no text' });
  });

  test('a server that never answers is abandoned after LLM_TIMEOUT_MS and the offline answer given', async () => {
    fake.respond({ stallAfter: 'headers' });
    const before = fake.requests.length;
    const chat = await readChat(timed(300, { LLM_RETRIES: '2' }).chat(request()));
    assert.equal(chat.text, OFFLINE);
    assert.deepEqual(chat.done?.fallback, { from: 'openai', reason: 'openai: no first token within 300 ms' });
    assert.equal(fake.requests.length - before, 1, 'a timeout is not retried');
    await fake.until((r) => r[before]?.abandoned === true, 'abandoned stalled request');
  });

  test('headers without a first token count against the same timeout', async () => {
    fake.respond({ stallAfter: 0 });
    const chat = await readChat(timed(300).chat(request()));
    assert.equal(chat.done?.fallback?.reason, 'openai: no first token within 300 ms');
  });

  test('a dropped connection before the first delta is retried', async () => {
    fake.respond({ disconnectAfter: 0 }, { deltas: ['Second try'] });
    let chat: Awaited<ReturnType<typeof readChat>> | undefined;
    assert.equal(await sent(async () => (chat = await readChat(ai().chat(request())))), 2);
    assert.equal(chat?.text, 'Second try');
    assert.equal(chat?.done?.fallback, undefined);
  });

  test('a dropped connection after the first delta is an error, not the offline answer, and not retried', async () => {
    fake.respond({ deltas: ['Line 2 ', 'stopped'], disconnectAfter: 1 });
    let chat: Awaited<ReturnType<typeof readChat>> | undefined;
    assert.equal(await sent(async () => (chat = await readChat(ai().chat(request())))), 1);
    assert.deepEqual(chat?.deltas, ['Line 2 ']);
    assert.equal(chat?.done, undefined);
    assert.ok(chat?.error instanceof AppError);
    assert.equal(chat.error.code, 'unavailable');
    assert.match(chat.error.message, /^The AI answer broke off: openai: the stream broke off/);
  });

  test('a stall between two deltas times out as an error', async () => {
    fake.respond({ deltas: ['Line 2 ', 'stopped'], stallAfter: 1 });
    const chat = await readChat(timed(1000).chat(request()));
    assert.deepEqual(chat.deltas, ['Line 2 ']);
    assert.ok(chat.error instanceof AppError);
    assert.match(chat.error.message, /openai: no further token within 1000 ms/);
  });

  test('time the caller spends on a delta is not counted as the provider idling', async () => {
    fake.respond({ deltas: ['a', 'b'] }, { stallAfter: 'headers' });
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let firstSeen = () => {};
    const seen = new Promise<void>((resolve) => {
      firstSeen = resolve;
    });
    const chat = timed(1000).chat(request());
    const slowReader = async function* () {
      for await (const chunk of chat) {
        yield chunk;
        if (chunk.type === 'delta' && chunk.text === 'a') {
          firstSeen();
          await held;
        }
      }
    };
    const reading = readChat(slowReader());
    await seen;
    // Hold the first delta until a call with the same timeout, started after it, has timed out.
    const other = await readChat(timed(1000).chat(request()));
    assert.equal(other.done?.fallback?.reason, 'openai: no first token within 1000 ms');
    release();
    const slow = await reading;
    assert.equal(slow.error, undefined);
    assert.deepEqual(slow.deltas, ['a', 'b']);
    assert.equal(slow.done?.provider, 'openai');
  });

  test('a connection refused is retried, then answered offline', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await new Promise((resolve) => closed.once('listening', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const chat = await readChat(
      ai({ LLM_BASE_URL: `http://127.0.0.1:${port}/v1`, LLM_RETRIES: '1' }).chat(request()),
    );
    assert.equal(chat.text, OFFLINE);
    assert.equal(chat.done?.fallback?.reason, 'openai: connection failed (ECONNREFUSED)');
  });

  test('the caller aborting ends the call with its reason: no fallback, the upstream request closed', async () => {
    fake.respond({ stallAfter: 'headers' });
    const before = fake.requests.length;
    const controller = new AbortController();
    const reading = readChat(ai().chat(request({ signal: controller.signal })));
    await fake.until((r) => r.length > before, 'the request');
    const reason = new Error('client went away');
    controller.abort(reason);
    const chat = await reading;
    assert.equal(chat.error, reason);
    assert.deepEqual(chat.deltas, []);
    await fake.until((r) => r[before]?.abandoned === true, 'abandoned request');
  });

  test('a caller that stops reading closes the upstream request', async () => {
    fake.respond({ deltas: ['one', 'two', 'three'], stallAfter: 2 });
    const before = fake.requests.length;
    for await (const chunk of ai().chat(request())) {
      if (chunk.type === 'delta') break;
    }
    await fake.until((r) => r[before]?.abandoned === true, 'abandoned request');
  });

  test('complete collects the answer with who gave it', async () => {
    fake.respond({ deltas: ['Two ', 'parts'] });
    assert.deepEqual(await ai().complete(request()), {
      text: 'Two parts',
      provider: 'openai',
      model: 'gpt-4o-mini',
    });
    fake.respond({ status: 401 });
    const fallback = await ai().complete(request());
    assert.equal(fallback.text, OFFLINE);
    assert.equal(fallback.fallback?.from, 'openai');
  });
});
