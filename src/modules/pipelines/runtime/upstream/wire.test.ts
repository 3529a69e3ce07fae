// How requests are put on the wire for each upstream, and retry-after parsing (pure).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GatewayMessage } from '../../contracts.ts';
import { anthropicBody } from './anthropic.ts';
import { retryAfterMs } from './http.ts';
import { openAiBody } from './openai.ts';
import type { ModelCall } from './types.ts';

const conversation: GatewayMessage[] = [
  { role: 'user', content: 'weather at plant 3?' },
  { role: 'assistant', content: '', toolCalls: [{ id: 'c1', name: 'weather', arguments: '{"plant":3}' }] },
  { role: 'tool', content: 'sunny', toolCallId: 'c1' },
  { role: 'user', content: 'and tomorrow?' },
];
const call = (over: Partial<ModelCall> = {}): ModelCall => ({
  model: 'm',
  system: 'ctx',
  messages: conversation,
  tools: [{ name: 'weather', parameters: { type: 'object' } }],
  toolChoice: 'required',
  stop: ['END'],
  signal: new AbortController().signal,
  ...over,
});

test('OpenAI: system first, tool calls and results as the API names them, usage asked for', () => {
  assert.deepEqual(openAiBody(call()), {
    model: 'm',
    messages: [
      { role: 'system', content: 'ctx' },
      { role: 'user', content: 'weather at plant 3?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'c1', type: 'function', function: { name: 'weather', arguments: '{"plant":3}' } }],
      },
      { role: 'tool', tool_call_id: 'c1', content: 'sunny' },
      { role: 'user', content: 'and tomorrow?' },
    ],
    stream: true,
    stream_options: { include_usage: true },
    stop: ['END'],
    tools: [{ type: 'function', function: { name: 'weather', parameters: { type: 'object' } } }],
    tool_choice: 'required',
  });
  assert.deepEqual(openAiBody(call({ toolChoice: 'weather' })).tool_choice, {
    type: 'function',
    function: { name: 'weather' },
  });
});

test('Anthropic: system apart, tool_use and tool_result blocks, max_tokens always set', () => {
  const body = anthropicBody(call());
  assert.equal(body.system, 'ctx');
  assert.equal(body.max_tokens, 1024);
  assert.deepEqual(body.stop_sequences, ['END']);
  assert.deepEqual(body.tool_choice, { type: 'any' });
  assert.deepEqual(body.tools, [{ name: 'weather', input_schema: { type: 'object' } }]);
  assert.deepEqual(body.messages, [
    { role: 'user', content: [{ type: 'text', text: 'weather at plant 3?' }] },
    { role: 'assistant', content: [{ type: 'tool_use', id: 'c1', name: 'weather', input: { plant: 3 } }] },
    {
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: 'c1', content: 'sunny' },
        { type: 'text', text: 'and tomorrow?' },
      ],
    },
  ]);
});

test('retry-after in seconds, milliseconds or as a date', () => {
  assert.equal(retryAfterMs(new Headers({ 'retry-after': '2' })), 2000);
  assert.equal(retryAfterMs(new Headers({ 'retry-after-ms': '150', 'retry-after': '2' })), 150);
  const now = Date.parse('2025-01-01T00:00:00Z');
  assert.equal(retryAfterMs(new Headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:03 GMT' }), now), 3000);
  assert.equal(retryAfterMs(new Headers()), undefined);
});
