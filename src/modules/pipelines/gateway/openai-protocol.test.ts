import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GatewayError, type GatewayEvent } from '../contracts.ts';
import { failureOf } from './failure.ts';
import type { ChatCompletionsRequest } from './openai.schemas.ts';
import { fromOpenAi, OpenAiChunks, openAiCompletion, openAiError } from './openai-protocol.ts';

const body = (extra: Partial<ChatCompletionsRequest> = {}): ChatCompletionsRequest => ({
  model: 'pipeline/maintenance-qa',
  messages: [{ role: 'user', content: 'Why did line 2 stop?' }],
  ...extra,
});

const param = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    const failure = failureOf(err);
    return { status: failure.status, param: failure.param, message: failure.message };
  }
  assert.fail('expected a refusal');
};

const done: GatewayEvent = {
  type: 'done',
  finishReason: 'stop',
  usage: { inputTokens: 12, outputTokens: 5 },
  cache: 'miss',
  provider: 'offline',
  model: 'offline-1',
  warnings: [],
};

/** The JSON of each `data:` frame (and `[DONE]` as the string). */
const parse = (frames: string) =>
  frames
    .split('\n\n')
    .filter((f) => f !== '')
    .map((f) => {
      assert.ok(f.startsWith('data: '), f);
      const data = f.slice(6);
      return data === '[DONE]' ? data : JSON.parse(data);
    });

describe('OpenAI request → GatewayRequest', () => {
  test('a plain chat: the slug, the user message, defaults', () => {
    const call = fromOpenAi(body());
    assert.equal(call.slug, 'maintenance-qa');
    assert.deepEqual(call.request, {
      protocol: 'openai',
      purpose: 'gateway',
      messages: [{ role: 'user', content: 'Why did line 2 stop?' }],
      stream: false,
    });
    assert.equal(call.includeUsage, false);
  });

  test('leading system and developer messages are the system prompt; later ones stay in place', () => {
    const call = fromOpenAi(
      body({
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'developer', content: [{ type: 'text', text: 'Cite sensors.' }] },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'a' },
              { type: 'text', text: 'b' },
            ],
          },
          { role: 'system', content: 'Now in French.' },
        ],
      }),
    );
    assert.equal(call.request.system, 'Be brief.\n\nCite sensors.');
    assert.deepEqual(call.request.messages, [
      { role: 'user', content: 'a\nb' },
      { role: 'system', content: 'Now in French.' },
    ]);
  });

  test('tool calls and tool results pass through; tools and tool_choice map', () => {
    const call = fromOpenAi(
      body({
        messages: [
          { role: 'user', content: 'Weather?' },
          {
            role: 'assistant',
            content: null,
            tool_calls: [
              { id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } },
            ],
          },
          { role: 'tool', tool_call_id: 'call_1', content: '12 °C' },
        ],
        tools: [
          {
            type: 'function',
            function: { name: 'weather', description: 'Weather now', parameters: { type: 'object' } },
          },
        ],
        tool_choice: { type: 'function', function: { name: 'weather' } },
      }),
    );
    assert.deepEqual(call.request.messages, [
      { role: 'user', content: 'Weather?' },
      {
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 'call_1', name: 'weather', arguments: '{"city":"Oslo"}' }],
      },
      { role: 'tool', content: '12 °C', toolCallId: 'call_1' },
    ]);
    assert.deepEqual(call.request.tools, [
      { name: 'weather', description: 'Weather now', parameters: { type: 'object' } },
    ]);
    assert.equal(call.request.toolChoice, 'weather');
  });

  test('sampling and limits: max_completion_tokens wins, stop becomes a list, include_usage', () => {
    const call = fromOpenAi(
      body({
        max_tokens: 10,
        max_completion_tokens: 20,
        temperature: 0.2,
        top_p: 0.9,
        stop: 'END',
        stream: true,
        stream_options: { include_usage: true },
        seed: 7,
        user: 'u-1',
      }),
    );
    assert.equal(call.request.maxTokens, 20);
    assert.equal(call.request.temperature, 0.2);
    assert.equal(call.request.topP, 0.9);
    assert.deepEqual(call.request.stop, ['END']);
    assert.equal(call.request.stream, true);
    assert.equal(call.includeUsage, true);
  });

  test('refusals name the field', () => {
    assert.deepEqual(
      param(() => fromOpenAi(body({ model: 'gpt-4o' }))),
      {
        status: 404,
        param: 'model',
        message:
          'The model `gpt-4o` does not exist: models here are pipelines, named pipeline/<slug> (GET /v1/models lists yours)',
      },
    );
    assert.equal(param(() => fromOpenAi(body({ n: 2 }))).param, 'n');
    assert.equal(param(() => fromOpenAi(body({ logprobs: true }))).param, 'logprobs');
    assert.equal(
      param(() => fromOpenAi(body({ response_format: { type: 'json_object' } }))).param,
      'response_format',
    );
    assert.equal(
      param(() =>
        fromOpenAi(body({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: {} }] }] })),
      ).param,
      'messages[0].content[0].type',
    );
    assert.equal(
      param(() => fromOpenAi(body({ messages: [{ role: 'tool', content: 'x' }] }))).param,
      'messages[0].tool_call_id',
    );
    assert.equal(
      param(() => fromOpenAi(body({ messages: [{ role: 'user' }] }))).param,
      'messages[0].content',
    );
    assert.equal(
      param(() => fromOpenAi(body({ messages: [{ role: 'system', content: 'x' }] }))).param,
      'messages',
    );
    assert.equal(param(() => fromOpenAi(body({ tool_choice: 'required' }))).param, 'tool_choice');
    assert.equal(
      param(() => fromOpenAi(body({ messages: [{ role: 'function', content: 'x' }] }))).status,
      400,
    );
  });
});

describe('OpenAI answers', () => {
  const ids = { id: 'chatcmpl-1', created: 1_700_000_000, model: 'pipeline/maintenance-qa' };

  test('the chat.completion object of an answer with a tool call', () => {
    const completion = openAiCompletion(
      {
        text: '',
        toolCalls: [{ id: 'call_1', name: 'weather', arguments: '{}' }],
        finishReason: 'tool_calls',
        usage: { inputTokens: 3, outputTokens: 4 },
        cache: 'off',
        provider: 'openai',
        model: 'gpt-x',
        warnings: [],
      },
      ids,
    );
    assert.equal(completion.object, 'chat.completion');
    assert.equal(completion.model, 'pipeline/maintenance-qa');
    assert.deepEqual(completion.choices[0]?.message, {
      role: 'assistant',
      content: null,
      refusal: null,
      tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{}' } }],
    });
    assert.equal(completion.choices[0]?.finish_reason, 'tool_calls');
    assert.deepEqual(completion.usage, { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 });
  });

  test('a stream: role first, deltas, tool call, finish, usage chunk with empty choices, [DONE]', () => {
    const chunks = new OpenAiChunks(ids, true);
    const frames = [
      chunks.event({ type: 'start', model: 'm', cache: 'miss' }),
      chunks.event({ type: 'delta', text: 'Hel' }),
      chunks.event({ type: 'delta', text: '' }),
      chunks.event({ type: 'delta', text: 'lo' }),
      chunks.event({ type: 'tool_call', call: { id: 'call_9', name: 'f', arguments: '{"a":1}' } }),
      chunks.event(done),
      chunks.event({ type: 'delta', text: 'after the end' }),
    ].join('');
    const parsed = parse(frames);
    assert.equal(parsed.length, 7);
    assert.deepEqual(parsed[0].choices[0].delta, { role: 'assistant', content: '', refusal: null });
    assert.equal(parsed[0].object, 'chat.completion.chunk');
    assert.equal(parsed[0].usage, null);
    assert.deepEqual(
      parsed.slice(1, 3).map((c) => c.choices[0].delta.content),
      ['Hel', 'lo'],
    );
    assert.deepEqual(parsed[3].choices[0].delta.tool_calls, [
      { index: 0, id: 'call_9', type: 'function', function: { name: 'f', arguments: '{"a":1}' } },
    ]);
    assert.equal(parsed[4].choices[0].finish_reason, 'stop');
    assert.deepEqual(parsed[5].choices, []);
    assert.deepEqual(parsed[5].usage, { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 });
    assert.equal(parsed[6], '[DONE]');
    assert.ok(chunks.done);
  });

  test('without include_usage there is no usage chunk and no usage field', () => {
    const chunks = new OpenAiChunks(ids, false);
    const parsed = parse(chunks.event({ type: 'start', model: 'm', cache: 'exact' }) + chunks.event(done));
    assert.equal(parsed.length, 3);
    assert.equal('usage' in parsed[0], false);
    assert.equal(parsed[2], '[DONE]');
  });

  test('an error after the start is one data chunk with the error object, and nothing after it', () => {
    const chunks = new OpenAiChunks(ids, false);
    chunks.event({ type: 'start', model: 'm', cache: 'miss' });
    const failure = failureOf(new GatewayError('upstream', 502, 'upstream broke'));
    const parsed = parse(chunks.failure(failure, 'req-1'));
    assert.deepEqual(parsed, [
      {
        error: {
          message: 'upstream broke',
          type: 'server_error',
          param: null,
          code: 'upstream_error',
          requestId: 'req-1',
        },
      },
    ]);
    assert.equal(chunks.event(done), '');
    assert.equal(chunks.failure(failure, 'req-1'), '');
  });

  test('error types follow OpenAI: budget is insufficient_quota with a no-retry hint', () => {
    const budget = failureOf(new GatewayError('budget', 429, 'Daily token budget of 1000 reached'));
    assert.equal(openAiError(budget, 'r').error.type, 'insufficient_quota');
    assert.deepEqual(budget.headers, { 'x-should-retry': 'false' });
    assert.equal(
      openAiError(failureOf(new GatewayError('not_found', 404, 'x')), 'r').error.code,
      'model_not_found',
    );
  });
});
