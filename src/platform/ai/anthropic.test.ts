import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../../config.ts';
import { createAi } from './ai.ts';
import { ANTHROPIC_DEFAULT_MAX_TOKENS, ANTHROPIC_VERSION } from './anthropic.ts';
import { type FakeAiServer, readChat, startFakeAnthropic } from './testing.ts';
import type { ChatRequest } from './types.ts';

const KEY = 'sk-ant-test-0123456789abcdef';

const request = (over: Partial<ChatRequest> = {}): ChatRequest => ({
  purpose: 'analysis.narrative',
  system: 'You write shift reports.',
  messages: [
    { role: 'system', content: 'Use metric units.' },
    { role: 'user', content: 'Summarise the night shift.' },
  ],
  offline: () => 'offline answer',
  ...over,
});

describe('Anthropic provider over a real socket', () => {
  let fake: FakeAiServer;
  before(async () => {
    fake = await startFakeAnthropic({ apiKey: KEY });
  });
  after(() => fake.close());

  const ai = (env: Record<string, string> = {}) =>
    createAi(loadConfig({ ANTHROPIC_BASE_URL: fake.url, ANTHROPIC_API_KEY: KEY, ...env }));

  test('streams the text deltas in order, past message_start, ping and the block events', async () => {
    fake.respond({ deltas: ['Night ', 'shift: ', 'OEE 81 %', '.'] });
    const chat = await readChat(ai().chat(request()));
    assert.equal(chat.error, undefined);
    assert.deepEqual(chat.deltas, ['Night ', 'shift: ', 'OEE 81 %', '.']);
    assert.deepEqual(chat.done, { type: 'done', provider: 'anthropic', model: 'claude-sonnet-4-5' });
  });

  test('sends x-api-key, anthropic-version, the model, system apart and only user/assistant turns', async () => {
    fake.respond({});
    const before = fake.requests.length;
    await readChat(ai({ ANTHROPIC_MODEL: 'claude-test' }).chat(request({ temperature: 0 })));
    const sent = fake.requests[before];
    assert.ok(sent);
    assert.equal(sent.path, '/v1/messages');
    assert.equal(sent.headers['x-api-key'], KEY);
    assert.equal(sent.headers['anthropic-version'], ANTHROPIC_VERSION);
    assert.match(String(sent.headers['content-type']), /^application\/json/);
    assert.equal(sent.headers.authorization, undefined);
    assert.deepEqual(sent.body, {
      model: 'claude-test',
      system: 'You write shift reports.\n\nUse metric units.',
      messages: [{ role: 'user', content: 'Summarise the night shift.' }],
      max_tokens: ANTHROPIC_DEFAULT_MAX_TOKENS,
      stream: true,
      temperature: 0,
    });
  });

  test('a stream written a byte at a time with CRLF line ends and multi-byte characters', async () => {
    const deltas = ['Ausschuss ', '2,4 %', ' – ', 'Presse ⚙️', '\nfertig'];
    fake.respond({ deltas, chunkBytes: 1, lineEnding: '\r\n' });
    const chat = await readChat(ai().chat(request({ maxTokens: 50 })));
    assert.equal(chat.error, undefined);
    assert.equal(chat.text, deltas.join(''));
    assert.equal(fake.requests.at(-1)?.body.max_tokens, 50);
  });

  test('an overloaded_error event before any text is retried', async () => {
    fake.respond({ deltas: [], errorEvent: 'overloaded_error' }, { deltas: ['Recovered'] });
    const before = fake.requests.length;
    const chat = await readChat(ai().chat(request()));
    assert.equal(chat.text, 'Recovered');
    assert.equal(chat.done?.provider, 'anthropic');
    assert.equal(fake.requests.length - before, 2);
  });

  test('an error event after text ends the answer with an error, not the offline answer', async () => {
    fake.respond({ deltas: ['Night '], errorEvent: 'overloaded_error', errorMessage: 'Overloaded' });
    const chat = await readChat(ai().chat(request()));
    assert.deepEqual(chat.deltas, ['Night ']);
    assert.equal(chat.done, undefined);
    assert.match(String(chat.error), /broke off: anthropic: reported overloaded_error: Overloaded/);
  });

  test('a wrong key is refused (401) and answered offline with the reason', async () => {
    fake.respond({});
    const before = fake.requests.length;
    const chat = await readChat(ai({ ANTHROPIC_API_KEY: 'sk-ant-wrong' }).chat(request()));
    assert.equal(chat.text, 'offline answer');
    assert.deepEqual(chat.done?.fallback, {
      from: 'anthropic',
      reason: 'anthropic: answered 401: invalid x-api-key',
    });
    assert.equal(fake.requests.length - before, 1);
  });
});
