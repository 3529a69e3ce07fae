import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../../config.ts';
import { createAi } from './ai.ts';
import { type FakeAiServer, readChat, startFakeOpenAi } from './testing.ts';
import type { ChatRequest } from './types.ts';

const KEY = 'sk-test-0123456789abcdef';

const request = (over: Partial<ChatRequest> = {}): ChatRequest => ({
  purpose: 'analysis.chat',
  system: 'You answer about the plant.',
  messages: [
    { role: 'user', content: 'Why did line 2 stop?' },
    { role: 'assistant', content: 'A jam at the filler.' },
    { role: 'user', content: 'How long?' },
  ],
  offline: () => 'offline answer',
  ...over,
});

describe('OpenAI-compatible provider over a real socket', () => {
  let fake: FakeAiServer;
  before(async () => {
    fake = await startFakeOpenAi({ apiKey: KEY });
  });
  after(() => fake.close());

  const ai = (env: Record<string, string> = {}) =>
    createAi(loadConfig({ LLM_BASE_URL: fake.url, LLM_API_KEY: KEY, LLM_MODEL: 'test-model', ...env }));

  test('streams the deltas in order and names who answered', async () => {
    fake.respond({ deltas: ['Line 2 ', 'stopped ', 'for 14 min', '.'], delayMs: 20, gapMs: 10 });
    const chat = await readChat(ai().chat(request()));
    assert.deepEqual(chat.deltas, ['Line 2 ', 'stopped ', 'for 14 min', '.']);
    assert.deepEqual(chat.done, { type: 'done', provider: 'openai', model: 'test-model' });
    assert.equal(chat.error, undefined);
  });

  test('sends the bearer key, the model, the system prompt first and the options asked for', async () => {
    fake.respond({});
    const before = fake.requests.length;
    await readChat(ai().chat(request({ maxTokens: 300, temperature: 0.2 })));
    const sent = fake.requests[before];
    assert.ok(sent);
    assert.equal(sent.path, '/v1/chat/completions');
    assert.equal(sent.headers.authorization, `Bearer ${KEY}`);
    assert.match(String(sent.headers['content-type']), /^application\/json/);
    assert.deepEqual(sent.body, {
      model: 'test-model',
      messages: [
        { role: 'system', content: 'You answer about the plant.' },
        { role: 'user', content: 'Why did line 2 stop?' },
        { role: 'assistant', content: 'A jam at the filler.' },
        { role: 'user', content: 'How long?' },
      ],
      stream: true,
      max_tokens: 300,
      temperature: 0.2,
    });
  });

  test('without LLM_API_KEY no Authorization header is sent (a local Ollama)', async () => {
    const open = await startFakeOpenAi();
    try {
      const chat = await readChat(createAi(loadConfig({ LLM_BASE_URL: open.url })).chat(request()));
      assert.equal(chat.text, 'Hello from the fake');
      assert.equal(open.requests[0]?.headers.authorization, undefined);
      assert.equal(open.requests[0]?.body.model, 'gpt-4o-mini');
      assert.equal('max_tokens' in (open.requests[0]?.body ?? {}), false);
    } finally {
      await open.close();
    }
  });

  test('a stream written a byte at a time with CRLF line ends and multi-byte characters', async () => {
    const deltas = ['Temperatur ', '72 °C', ' – ', 'Ofen 🌡', '\n\nEnde'];
    fake.respond({ deltas, chunkBytes: 1, lineEnding: '\r\n' });
    const chat = await readChat(ai().chat(request()));
    assert.equal(chat.error, undefined);
    assert.equal(chat.text, deltas.join(''));
    assert.equal(chat.done?.provider, 'openai');
  });

  test('an error reported inside the stream after a delta ends the answer with an error', async () => {
    fake.respond({ deltas: ['Partial'], errorEvent: 'server_error', errorMessage: 'model crashed' });
    const chat = await readChat(ai().chat(request()));
    assert.deepEqual(chat.deltas, ['Partial']);
    assert.match(String(chat.error), /broke off: openai: reported an error: model crashed/);
  });
});
