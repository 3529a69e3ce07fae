// The fake upstream speaks both protocols well enough for the official SDKs: if they parse it, the
// runtime's own parsers are tested against something real.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { behaviourOfModel, type FakeUpstream, startFakeUpstream } from './fake-upstream.ts';

describe('fake upstream', () => {
  let fake: FakeUpstream;
  let openai: OpenAI;
  let anthropic: Anthropic;
  before(async () => {
    fake = await startFakeUpstream({ apiKey: 'k' });
    openai = new OpenAI({ apiKey: 'k', baseURL: fake.openAiBaseUrl, maxRetries: 0 });
    anthropic = new Anthropic({ apiKey: 'k', baseURL: fake.url, maxRetries: 0 });
  });
  after(() => fake.close());

  test('model names script failures, and x<N> limits them to the first N calls', () => {
    assert.deepEqual(behaviourOfModel('fail-500', 0), { kind: 'error', status: 500 });
    assert.equal(behaviourOfModel('429x2', 1)?.kind, 'error');
    assert.equal(behaviourOfModel('429x2', 2), null);
    assert.deepEqual(behaviourOfModel('slow', 0), { kind: 'hang' });
    assert.deepEqual(behaviourOfModel('slow-30', 0), { kind: 'ok', delayMs: 30 });
    assert.equal(behaviourOfModel('gpt-4o-mini', 0), null);
  });

  test('OpenAI: non-streaming JSON with usage, echoing the prompt', async () => {
    const res = await openai.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'Why did line 2 stop?' }],
    });
    assert.equal(
      res.choices[0]?.message.content,
      'You asked: Why did line 2 stop?. This is the fake upstream answering.',
    );
    assert.ok((res.usage?.prompt_tokens ?? 0) > 0);
    assert.equal(res.choices[0]?.finish_reason, 'stop');
  });

  test('OpenAI: a stream with the usage chunk and [DONE]', async () => {
    const stream = await openai.chat.completions.create({
      model: 'm',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'hello there' }],
    });
    let text = '';
    let usage: unknown;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    assert.match(text, /^You asked: hello there\./);
    assert.ok(usage);
  });

  test('OpenAI: tool calls stream as deltas the SDK assembles', async () => {
    const stream = openai.chat.completions.stream({
      model: 'tools-model',
      messages: [{ role: 'user', content: 'weather at plant 3' }],
      tools: [{ type: 'function', function: { name: 'weather', parameters: { type: 'object' } } }],
    });
    const final = await stream.finalChatCompletion();
    const call = final.choices[0]?.message.tool_calls?.[0];
    assert.equal(call?.type === 'function' && call.function.name, 'weather');
    assert.equal(final.choices[0]?.finish_reason, 'tool_calls');
  });

  test('OpenAI: a 429 with retry-after, and a 401 for a wrong key', async () => {
    await assert.rejects(
      openai.chat.completions.create({ model: '429', messages: [{ role: 'user', content: 'x' }] }),
      (err: InstanceType<typeof OpenAI.APIError>) =>
        err.status === 429 && err.headers?.get('retry-after') === '1',
    );
    const wrong = new OpenAI({ apiKey: 'nope', baseURL: fake.openAiBaseUrl, maxRetries: 0 });
    await assert.rejects(
      wrong.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] }),
      (err: InstanceType<typeof OpenAI.APIError>) => err.status === 401,
    );
  });

  test('Anthropic: the named event sequence with usage, and tool_use with input_json_delta', async () => {
    const stream = anthropic.messages.stream({
      model: 'claude-fake',
      max_tokens: 100,
      messages: [{ role: 'user', content: 'how is oven 4' }],
    });
    const msg = await stream.finalMessage();
    assert.equal(
      msg.content[0]?.type === 'text' && msg.content[0].text.startsWith('You asked: how is oven 4'),
      true,
    );
    assert.ok(msg.usage.output_tokens > 1);
    const tool = await anthropic.messages.create({
      model: 'tools-claude',
      max_tokens: 100,
      messages: [{ role: 'user', content: 'look it up' }],
      tools: [{ name: 'lookup', input_schema: { type: 'object' } }],
    });
    assert.equal(tool.stop_reason, 'tool_use');
    assert.deepEqual(tool.content[0]?.type === 'tool_use' && tool.content[0].input, { query: 'look it up' });
  });

  test('Anthropic: errors in its shape', async () => {
    await assert.rejects(
      anthropic.messages.create({
        model: 'fail-529',
        max_tokens: 10,
        messages: [{ role: 'user', content: 'x' }],
      }),
      (err: InstanceType<typeof Anthropic.APIError>) =>
        err.status === 529 && (err.error as { error?: { type?: string } }).error?.type === 'overloaded_error',
    );
  });

  test('garbage and drop break a stream after its first delta; the calls are logged', async () => {
    for (const model of ['garbage', 'drop']) {
      const stream = await openai.chat.completions.create({
        model,
        stream: true,
        messages: [{ role: 'user', content: 'a b c' }],
      });
      let text = '';
      await assert.rejects(async () => {
        for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
      });
      assert.equal(text, 'You ');
    }
    assert.equal(fake.calls.at(-1)?.behaviour, 'drop');
  });

  test('slow never answers until the client gives up; script() overrides the model name', async () => {
    const controller = new AbortController();
    const pending = openai.chat.completions.create(
      { model: 'slow', messages: [{ role: 'user', content: 'x' }] },
      { signal: controller.signal },
    );
    await fake.until((calls) => calls.at(-1)?.model === 'slow', 'slow call');
    controller.abort();
    await assert.rejects(pending);
    await fake.until((calls) => calls.at(-1)?.abandoned === true, 'abandoned call');
    fake.script({ kind: 'error', status: 503 });
    await assert.rejects(
      openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] }),
      (err: InstanceType<typeof OpenAI.APIError>) => err.status === 503,
    );
  });
});
