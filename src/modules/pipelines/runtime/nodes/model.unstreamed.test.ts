// A request that asked for no stream is sent upstream unstreamed (one JSON body) under the node's
// whole-answer timeout; the model node gives out the same text, tool calls and usage as when
// streamed. Against the fake upstream over real sockets, both protocols.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { ModelNodeConfig, ToolDefinition } from '../../contracts.ts';
import { type FakeUpstream, startFakeUpstream } from '../fake-upstream.ts';
import { settingsFor } from '../testing.ts';
import { anthropicAnswerEvents } from '../upstream/anthropic.ts';
import { openAiAnswerEvents } from '../upstream/openai.ts';
import { UpstreamFailure } from '../upstream/types.ts';
import { createModelRunner, type ModelEvent } from './model.ts';

const LOOKUP: ToolDefinition[] = [{ name: 'lookup', parameters: { type: 'object' } }];

interface Run {
  events: ModelEvent[];
  text: string;
  error: unknown;
}

describe('model node: unstreamed upstream calls', () => {
  let fake: FakeUpstream;
  before(async () => {
    fake = await startFakeUpstream();
  });
  after(() => fake.close());
  beforeEach(() => fake.reset());

  async function run(
    config: Partial<ModelNodeConfig>,
    stream: boolean,
    over: { content?: string; tools?: ToolDefinition[] } = {},
  ): Promise<Run> {
    const runner = createModelRunner({
      aiSettings: settingsFor(fake),
      backoffBaseMs: 1,
      maxBackoffMs: 5,
    });
    const events: ModelEvent[] = [];
    let error: unknown;
    try {
      const call = {
        messages: [{ role: 'user' as const, content: over.content ?? 'How many castings failed today?' }],
        stream,
        ...(over.tools && { tools: over.tools }),
      };
      for await (const e of runner.run({ provider: 'openai', model: 'gpt-4o-mini', ...config }, call))
        events.push(e);
    } catch (err) {
      error = err;
    }
    const text = events.map((e) => (e.type === 'delta' ? e.text : '')).join('');
    return { events, text, error };
  }

  for (const provider of ['openai', 'anthropic'] as const) {
    test(`${provider}: the same text and usage as streamed, from one unstreamed call`, async () => {
      const model = provider === 'openai' ? 'gpt-4o-mini' : 'claude-ok';
      const streamed = await run({ provider, model }, true);
      const whole = await run({ provider, model }, false);
      assert.equal(streamed.error, undefined);
      assert.equal(whole.error, undefined);
      assert.equal(whole.text, streamed.text);
      assert.match(whole.text, /How many castings failed today\?/);
      assert.ok(streamed.events.filter((e) => e.type === 'delta').length > 3);
      assert.deepEqual(
        whole.events.map((e) => e.type),
        ['target', 'delta', 'end'],
      );
      const end = (r: Run) => r.events.find((e) => e.type === 'end');
      assert.deepEqual(end(whole), end(streamed));
      assert.notEqual((end(whole) as { usage: unknown }).usage, null);
      assert.deepEqual(
        fake.calls.map((c) => [c.stream, c.body.stream]),
        [
          [true, true],
          [false, false],
        ],
      );
      if (provider === 'openai') assert.equal(fake.calls[1]?.body.stream_options, undefined);
    });

    test(`${provider}: tool calls come whole from an unstreamed answer`, async () => {
      const model = provider === 'openai' ? 'tools-gpt' : 'tools-claude';
      const whole = await run({ provider, model }, false, { content: 'look up oven 4', tools: LOOKUP });
      assert.equal(whole.error, undefined);
      const calls = whole.events.filter((e) => e.type === 'tool_call');
      assert.equal(calls.length, 1);
      const call = calls[0]?.type === 'tool_call' ? calls[0].call : undefined;
      assert.equal(call?.name, 'lookup');
      assert.deepEqual(JSON.parse(call?.arguments ?? ''), { query: 'look up oven 4' });
      const end = whole.events.at(-1);
      assert.equal(end?.type === 'end' && end.finishReason, 'tool_calls');
      const usage = end?.type === 'end' ? end.usage : null;
      assert.ok(usage && usage.inputTokens > 0 && usage.outputTokens > 0, 'the usage the upstream reported');
    });
  }

  test('the whole answer may take longer than the token timeout, not longer than the answer timeout', async () => {
    const streamed = await run({ model: 'slow-400', timeoutMs: 100, answerTimeoutMs: 5000 }, true);
    assert.ok(streamed.error instanceof Error);
    assert.match(streamed.error.message, /no first token within 100 ms/);
    const whole = await run({ model: 'slow-400', timeoutMs: 100, answerTimeoutMs: 5000 }, false);
    assert.equal(whole.error, undefined);
    assert.match(whole.text, /castings/);
    fake.reset();
    // Not retried on the same target (retries 2 would have asked three times), not even once.
    const hung = await run({ model: 'slow', timeoutMs: 5000, answerTimeoutMs: 150, retries: 2 }, false);
    assert.ok(hung.error instanceof Error);
    assert.equal((hung.error as { kind?: string }).kind, 'timeout');
    assert.match(hung.error.message, /^no model answered: openai\/slow: no answer within 150 ms$/);
    await fake.until((calls) => calls[0]?.abandoned === true, 'the hung call aborted');
    assert.equal(fake.calls.length, 1);
    // The next target takes over after the answer timeout.
    fake.reset();
    const rescued = await run(
      {
        model: 'slow',
        answerTimeoutMs: 150,
        retries: 2,
        fallbacks: [{ provider: 'anthropic', model: 'claude-ok' }],
      },
      false,
    );
    assert.equal(rescued.error, undefined);
    assert.deepEqual(
      fake.calls.map((c) => c.model),
      ['slow', 'claude-ok'],
    );
  });

  test('a broken or refused unstreamed answer hands over to the fallback', async () => {
    const fallbacks = [{ provider: 'anthropic' as const, model: 'claude-ok' }];
    for (const model of ['garbage', 'fail-503']) {
      fake.reset();
      const out = await run({ model, retries: 0, fallbacks }, false);
      assert.equal(out.error, undefined, model);
      assert.deepEqual(out.events[0], { type: 'target', provider: 'anthropic', model: 'claude-ok' });
      assert.deepEqual(
        fake.calls.map((c) => [c.model, c.stream]),
        [
          [model, false],
          ['claude-ok', false],
        ],
      );
    }
    const broken = await run({ model: 'garbage', retries: 0 }, false);
    assert.match(String((broken.error as Error).message), /garbage: answered with a body that is not JSON/);
  });
});

describe('unstreamed answers, parsed', () => {
  const failure = (f: () => unknown) => {
    try {
      f();
    } catch (err) {
      assert.ok(err instanceof UpstreamFailure);
      return [err.kind, err.message];
    }
    assert.fail('no failure');
  };

  test('OpenAI: no choice, an error body or not an object are protocol failures', () => {
    assert.deepEqual(
      failure(() => openAiAnswerEvents({ choices: [] })),
      ['protocol', 'openai: answered without a choice'],
    );
    assert.deepEqual(
      failure(() => openAiAnswerEvents({ error: { message: 'model overloaded' } })),
      ['protocol', 'openai: reported an error: model overloaded'],
    );
    assert.deepEqual(
      failure(() => openAiAnswerEvents([1])),
      ['protocol', 'openai: answered with a body that is not an object'],
    );
  });

  test('OpenAI: a null content and no usage give only the end, finish reasons mapped', () => {
    assert.deepEqual(
      openAiAnswerEvents({ choices: [{ message: { content: null }, finish_reason: 'length' }] }),
      [{ type: 'end', finishReason: 'length', usage: null }],
    );
  });

  test('Anthropic: text blocks joined, tool input as JSON text, error bodies by their type', () => {
    assert.deepEqual(
      anthropicAnswerEvents({
        type: 'message',
        content: [
          { type: 'text', text: 'Oven 4 ' },
          { type: 'text', text: 'is fine.' },
          { type: 'tool_use', id: 'toolu_1', name: 'lookup', input: { oven: 4 } },
        ],
        stop_reason: 'tool_use',
        usage: { input_tokens: 12, output_tokens: 7 },
      }),
      [
        { type: 'delta', text: 'Oven 4 is fine.' },
        { type: 'tool_call', call: { id: 'toolu_1', name: 'lookup', arguments: '{"oven":4}' } },
        { type: 'end', finishReason: 'tool_calls', usage: { inputTokens: 12, outputTokens: 7 } },
      ],
    );
    assert.deepEqual(
      failure(() =>
        anthropicAnswerEvents({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }),
      ),
      ['server_error', 'anthropic: reported overloaded_error: Overloaded'],
    );
    assert.deepEqual(
      failure(() => anthropicAnswerEvents({ type: 'message' })),
      ['protocol', 'anthropic: answered without content'],
    );
  });
});
