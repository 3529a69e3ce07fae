import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GatewayError, type GatewayEvent } from '../contracts.ts';
import type { MessagesRequest } from './anthropic.schemas.ts';
import {
  AnthropicEvents,
  anthropicError,
  anthropicMessage,
  fromAnthropic,
  inputOf,
} from './anthropic-protocol.ts';
import { failureOf } from './failure.ts';

const body = (extra: Partial<MessagesRequest> = {}): MessagesRequest => ({
  model: 'pipeline/maintenance-qa',
  max_tokens: 256,
  messages: [{ role: 'user', content: 'Why did line 2 stop?' }],
  ...extra,
});

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return failureOf(err);
  }
  assert.fail('expected a refusal');
};

const done = (finishReason: 'stop' | 'length' | 'tool_calls' = 'stop'): GatewayEvent => ({
  type: 'done',
  finishReason,
  usage: { inputTokens: 12, outputTokens: 5 },
  cache: 'exact',
  provider: 'offline',
  model: 'offline-1',
  warnings: [],
});

/** [event name, data] of each frame. */
const parse = (frames: string) =>
  frames
    .split('\n\n')
    .filter((f) => f !== '')
    .map((f) => {
      const [eventLine = '', dataLine = ''] = f.split('\n');
      assert.ok(eventLine.startsWith('event: ') && dataLine.startsWith('data: '), f);
      const data = JSON.parse(dataLine.slice(6));
      assert.equal(data.type, eventLine.slice(7));
      return data;
    });

describe('Anthropic request → GatewayRequest', () => {
  test('a plain message: slug, max_tokens, system blocks joined', () => {
    const call = fromAnthropic(
      body({
        system: [
          { type: 'text', text: 'Be brief.' },
          { type: 'text', text: 'Cite sensors.' },
        ],
      }),
    );
    assert.equal(call.slug, 'maintenance-qa');
    assert.deepEqual(call.request, {
      protocol: 'anthropic',
      purpose: 'gateway',
      system: 'Be brief.\nCite sensors.',
      messages: [{ role: 'user', content: 'Why did line 2 stop?' }],
      maxTokens: 256,
      stream: false,
    });
  });

  test('tool_use and tool_result blocks become tool calls and tool messages; thinking is dropped', () => {
    const call = fromAnthropic(
      body({
        messages: [
          {
            role: 'user',
            content: [{ type: 'text', text: 'Weather?', cache_control: { type: 'ephemeral' } }],
          },
          {
            role: 'assistant',
            content: [
              { type: 'thinking', thinking: 'hm', signature: 's' },
              { type: 'text', text: 'Let me look.' },
              { type: 'tool_use', id: 'toolu_1', name: 'weather', input: { city: 'Oslo' } },
            ],
          },
          {
            role: 'user',
            content: [
              { type: 'tool_result', tool_use_id: 'toolu_1', content: [{ type: 'text', text: '12 °C' }] },
              { type: 'tool_result', tool_use_id: 'toolu_2', content: 'timeout', is_error: true },
              { type: 'text', text: 'And tomorrow?' },
            ],
          },
        ],
        tools: [{ name: 'weather', description: 'Weather now', input_schema: { type: 'object' } }],
        tool_choice: { type: 'any' },
        stop_sequences: ['END'],
        temperature: 0.3,
        top_k: 5,
        stream: true,
      }),
    );
    assert.deepEqual(call.request.messages, [
      { role: 'user', content: 'Weather?' },
      {
        role: 'assistant',
        content: 'Let me look.',
        toolCalls: [{ id: 'toolu_1', name: 'weather', arguments: '{"city":"Oslo"}' }],
      },
      { role: 'tool', toolCallId: 'toolu_1', content: '12 °C' },
      { role: 'tool', toolCallId: 'toolu_2', content: 'Error: timeout' },
      { role: 'user', content: 'And tomorrow?' },
    ]);
    assert.deepEqual(call.request.tools, [
      { name: 'weather', description: 'Weather now', parameters: { type: 'object' } },
    ]);
    assert.equal(call.request.toolChoice, 'required');
    assert.deepEqual(call.request.stop, ['END']);
    assert.equal(call.request.temperature, 0.3);
    assert.equal(call.request.stream, true);
  });

  test('refusals name the field', () => {
    const unknown = refusal(() => fromAnthropic(body({ model: 'claude-sonnet-4' })));
    assert.equal(unknown.status, 404);
    assert.equal(anthropicError(unknown, 'r').error.type, 'not_found_error');
    const image = refusal(() =>
      fromAnthropic(body({ messages: [{ role: 'user', content: [{ type: 'image', source: {} }] }] })),
    );
    assert.equal(image.status, 400);
    assert.equal(image.param, 'messages[0].content[0].type');
    assert.equal(
      refusal(() => fromAnthropic(body({ messages: [{ role: 'user', content: [{ type: 'tool_result' }] }] })))
        .param,
      'messages[0].content[0].tool_use_id',
    );
    assert.equal(
      refusal(() => fromAnthropic(body({ tool_choice: { type: 'tool', name: 'nope' } }))).param,
      'tool_choice',
    );
    assert.equal(
      refusal(() => fromAnthropic(body({ messages: [{ role: 'user', content: [] }] }))).param,
      'messages',
    );
  });
});

describe('Anthropic answers', () => {
  const ids = { id: 'msg_1', model: 'pipeline/maintenance-qa' };

  test('the message object: text and tool_use blocks, stop reason, usage', () => {
    const message = anthropicMessage(
      {
        text: 'Checking.',
        toolCalls: [{ id: 'call_1', name: 'weather', arguments: '{"city":"Oslo"}' }],
        finishReason: 'tool_calls',
        usage: { inputTokens: 3, outputTokens: 4 },
        cache: 'off',
        provider: 'openai',
        model: 'gpt-x',
        warnings: [],
      },
      ids,
    );
    assert.deepEqual(message.content, [
      { type: 'text', text: 'Checking.' },
      { type: 'tool_use', id: 'call_1', name: 'weather', input: { city: 'Oslo' } },
    ]);
    assert.equal(message.stop_reason, 'tool_use');
    assert.equal(message.model, 'pipeline/maintenance-qa');
    assert.equal(message.usage.input_tokens, 3);
    assert.equal(message.usage.output_tokens, 4);
  });

  test('an empty answer is one empty text block; length is max_tokens', () => {
    const message = anthropicMessage(
      {
        text: '',
        toolCalls: [],
        finishReason: 'length',
        usage: { inputTokens: 1, outputTokens: 0 },
        cache: 'off',
        provider: 'p',
        model: 'm',
        warnings: [],
      },
      ids,
    );
    assert.deepEqual(message.content, [{ type: 'text', text: '' }]);
    assert.equal(message.stop_reason, 'max_tokens');
  });

  test('tool arguments that are not a JSON object are an upstream error', () => {
    assert.deepEqual(inputOf({ id: 'a', name: 'f', arguments: '' }), {});
    const err = refusal(() => inputOf({ id: 'a', name: 'f', arguments: '[1]' }));
    assert.equal(err.status, 502);
  });

  test('the named event sequence of a text and a tool call', () => {
    const events = new AnthropicEvents(ids);
    const frames = [
      events.event({ type: 'start', model: 'm', cache: 'miss' }),
      events.event({ type: 'delta', text: 'Hel' }),
      events.event({ type: 'delta', text: 'lo' }),
      events.event({ type: 'tool_call', call: { id: 'toolu_1', name: 'f', arguments: '{"a":1}' } }),
      events.event(done('tool_calls')),
    ].join('');
    const parsed = parse(frames);
    assert.deepEqual(
      parsed.map((e) => e.type),
      [
        'message_start',
        'content_block_start',
        'ping',
        'content_block_delta',
        'content_block_delta',
        'content_block_stop',
        'content_block_start',
        'content_block_delta',
        'content_block_stop',
        'message_delta',
        'message_stop',
      ],
    );
    assert.equal(parsed[0].message.id, 'msg_1');
    assert.deepEqual(parsed[0].message.content, []);
    assert.deepEqual(parsed[1], {
      type: 'content_block_start',
      index: 0,
      content_block: { type: 'text', text: '' },
    });
    assert.deepEqual(parsed[4].delta, { type: 'text_delta', text: 'lo' });
    assert.equal(parsed[5].index, 0);
    assert.deepEqual(parsed[6].content_block, { type: 'tool_use', id: 'toolu_1', name: 'f', input: {} });
    assert.deepEqual(parsed[7], {
      type: 'content_block_delta',
      index: 1,
      delta: { type: 'input_json_delta', partial_json: '{"a":1}' },
    });
    assert.equal(parsed[8].index, 1);
    assert.deepEqual(parsed[9].delta, { stop_reason: 'tool_use', stop_sequence: null });
    assert.deepEqual(parsed[9].usage, { input_tokens: 12, output_tokens: 5 });
    assert.ok(events.done);
  });

  test('an answer without any text still has one (empty) text block', () => {
    const events = new AnthropicEvents(ids);
    const parsed = parse(events.event({ type: 'start', model: 'm', cache: 'exact' }) + events.event(done()));
    assert.deepEqual(
      parsed.map((e) => e.type),
      ['message_start', 'content_block_start', 'ping', 'content_block_stop', 'message_delta', 'message_stop'],
    );
  });

  test('an error after the start is `event: error`, and nothing after it', () => {
    const events = new AnthropicEvents(ids);
    events.event({ type: 'start', model: 'm', cache: 'miss' });
    events.event({ type: 'delta', text: 'Hel' });
    const failure = failureOf(new GatewayError('overloaded', 529, 'every upstream failed'));
    const parsed = parse(events.failure(failure, 'req-1'));
    assert.deepEqual(parsed, [
      {
        type: 'error',
        error: {
          type: 'overloaded_error',
          message: 'every upstream failed',
          code: 'overloaded',
          requestId: 'req-1',
        },
        request_id: 'req-1',
      },
    ]);
    assert.equal(events.event(done()), '');
  });

  test('error types follow Anthropic', () => {
    const type = (e: GatewayError) => anthropicError(failureOf(e), 'r').error.type;
    assert.equal(type(new GatewayError('budget', 429, 'b')), 'rate_limit_error');
    assert.equal(type(new GatewayError('timeout', 504, 't')), 'timeout_error');
    assert.equal(type(new GatewayError('upstream', 502, 'u')), 'api_error');
    assert.equal(type(new GatewayError('invalid_request', 413, 'big')), 'request_too_large');
    assert.equal(type(new GatewayError('permission', 403, 'p')), 'permission_error');
  });
});
