import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GatewayRequest, PipelineNode } from '../contracts.ts';
import { canonicalJson, contextKey, exactKey, queryTextOf } from './normalise.ts';

const request = (over: Partial<GatewayRequest> = {}): GatewayRequest => ({
  protocol: 'openai',
  purpose: 'gateway',
  messages: [{ role: 'user', content: 'What is the OEE of line 2?' }],
  stream: false,
  ...over,
});
const pipeline = { id: 'p1', version: 1 };
const model = (m: string): PipelineNode => ({
  id: 'm',
  type: 'model',
  config: { provider: 'offline', model: m },
});

test('canonical JSON sorts keys and drops undefined members', () => {
  assert.equal(canonicalJson({ b: 1, a: [{ d: undefined, c: 'x' }] }), '{"a":[{"c":"x"}],"b":1}');
});

test('whitespace, stream, protocol and purpose do not change the key; case and content do', () => {
  const key = exactKey(request(), pipeline);
  assert.match(key, /^[0-9a-f]{64}$/);
  assert.equal(
    exactKey(
      request({ messages: [{ role: 'user', content: '  What is the OEE\n of   line 2? ' }] }),
      pipeline,
    ),
    key,
  );
  assert.equal(
    exactKey(request({ stream: true, protocol: 'anthropic', purpose: 'analysis.chat' }), pipeline),
    key,
  );
  assert.notEqual(
    exactKey(request({ messages: [{ role: 'user', content: 'what is the oee of line 2?' }] }), pipeline),
    key,
  );
  assert.notEqual(
    exactKey(request({ messages: [{ role: 'user', content: 'What is the OEE of line 3?' }] }), pipeline),
    key,
  );
});

test('parameters, system, tools and tool choice change the key', () => {
  const key = exactKey(request(), pipeline);
  assert.notEqual(exactKey(request({ temperature: 0.2 }), pipeline), key);
  assert.notEqual(exactKey(request({ system: 'Be brief.' }), pipeline), key);
  const tools = [{ name: 'oee', parameters: { type: 'object' } }];
  assert.notEqual(exactKey(request({ tools }), pipeline), key);
  assert.notEqual(
    exactKey(request({ tools, toolChoice: 'required' }), pipeline),
    exactKey(request({ tools }), pipeline),
  );
});

test('scoped to the pipeline and its model node, not to versions that leave the model alone', () => {
  const key = exactKey(request(), pipeline);
  assert.notEqual(exactKey(request(), { id: 'p2', version: 1 }), key);
  assert.notEqual(exactKey(request(), { id: 'p1', version: 2 }), key);
  const v1 = exactKey(request(), { id: 'p1', version: 1, nodes: [model('a')] });
  assert.equal(exactKey(request(), { id: 'p1', version: 2, nodes: [model('a')] }), v1);
  assert.notEqual(exactKey(request(), { id: 'p1', version: 3, nodes: [model('b')] }), v1);
});

test('queryTextOf is the last user message, normalised; contextKey ignores it', () => {
  const req = request({
    messages: [
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'answer' },
      { role: 'user', content: '  And  Line 3? ' },
    ],
  });
  assert.equal(queryTextOf(req), 'And Line 3?');
  const other = {
    ...req,
    messages: [...req.messages.slice(0, 2), { role: 'user' as const, content: 'and line 4' }],
  };
  assert.equal(contextKey(req, pipeline), contextKey(other, pipeline));
  assert.notEqual(contextKey(req, pipeline), contextKey(request(), pipeline));
  assert.equal(queryTextOf(request({ messages: [] })), '');
});
