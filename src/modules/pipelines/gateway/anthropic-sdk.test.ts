// The official `@anthropic-ai/sdk`, unchanged, against the gateway with a PlantIntel workspace key
// (sent as x-api-key): messages non-streaming and streamed (raw events and the MessageStream
// helper), a cache hit replayed as a stream with usage, tool_use passed through, the model list,
// and the SDK's own error classes for each refusal.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import { type GatewayWorld, gatewayWorld } from './sdk-world.ts';

let world: GatewayWorld;
let client: Anthropic;

before(async () => {
  world = await gatewayWorld('gw-anthropic');
  client = new Anthropic({ apiKey: world.key, baseURL: `${world.origin}/api/v1/ai`, maxRetries: 0 });
});
after(async () => {
  await world?.close();
});

const ask = (content: string) => [{ role: 'user' as const, content }];
const WEATHER = {
  name: 'get_weather',
  description: 'Weather at a place',
  input_schema: {
    type: 'object' as const,
    properties: { city: { type: 'string' } },
    required: ['city'],
  },
};
const textOf = (message: Anthropic.Message) =>
  message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');

describe('answers', () => {
  test('non-streaming: a message with text, stop reason and usage', async () => {
    const message = await client.messages.create({
      model: 'pipeline/claude',
      max_tokens: 200,
      system: 'Be brief.',
      messages: ask('Why did press 4 stop?'),
    });
    assert.equal(message.type, 'message');
    assert.equal(message.role, 'assistant');
    assert.equal(message.model, 'pipeline/claude');
    assert.match(textOf(message), /You asked: Why did press 4 stop\?/);
    assert.equal(message.stop_reason, 'end_turn');
    assert.ok(message.usage.input_tokens > 0 && message.usage.output_tokens > 0);
    assert.equal(world.fake.calls.at(-1)?.protocol, 'anthropic');
  });

  test('streaming: the raw named events in order', async () => {
    const stream = await client.messages.create({
      model: 'pipeline/claude',
      max_tokens: 200,
      messages: ask('Which sensor drifted on line 3?'),
      stream: true,
    });
    const types: string[] = [];
    let text = '';
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text += event.delta.text;
    }
    assert.equal(types[0], 'message_start');
    assert.equal(types[1], 'content_block_start');
    assert.deepEqual(types.slice(-3), ['content_block_stop', 'message_delta', 'message_stop']);
    assert.match(text, /You asked: Which sensor drifted on line 3\?/);
  });

  test('a cache hit is replayed as a valid stream with usage, without calling the upstream', async () => {
    const messages = ask('What is the OEE of line 1 today?');
    const entries = await world.cacheEntries('claude');
    const first = await client.messages.create({ model: 'pipeline/claude', max_tokens: 200, messages });
    await world.cached('claude', entries + 1);
    const calls = world.fake.calls.length;
    const stream = client.messages.stream({ model: 'pipeline/claude', max_tokens: 200, messages });
    const replayed = await stream.finalMessage();
    assert.equal(textOf(replayed), textOf(first));
    assert.equal(replayed.usage.input_tokens, first.usage.input_tokens);
    assert.equal(replayed.usage.output_tokens, first.usage.output_tokens);
    assert.equal(replayed.stop_reason, 'end_turn');
    assert.equal(world.fake.calls.length, calls);
  });

  test('tool_use passes through, streamed and not, and the tool_result goes back', async () => {
    const message = await client.messages.create({
      model: 'pipeline/tools',
      max_tokens: 200,
      messages: ask('Weather in Oslo?'),
      tools: [WEATHER],
    });
    assert.equal(message.stop_reason, 'tool_use');
    const use = message.content.find((block) => block.type === 'tool_use');
    assert.equal(use?.type === 'tool_use' ? use.name : '', 'get_weather');
    assert.equal(typeof (use?.type === 'tool_use' ? use.input : null), 'object');

    const streamed = await client.messages
      .stream({
        model: 'pipeline/tools',
        max_tokens: 200,
        messages: ask('Weather in Bergen?'),
        tools: [WEATHER],
      })
      .finalMessage();
    assert.ok(streamed.content.some((block) => block.type === 'tool_use' && block.name === 'get_weather'));

    const answer = await client.messages.create({
      model: 'pipeline/claude',
      max_tokens: 200,
      tools: [WEATHER],
      messages: [
        ...ask('Weather in Oslo?'),
        { role: 'assistant', content: message.content },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: use?.type === 'tool_use' ? use.id : '', content: '12 °C' },
          ],
        },
      ],
    });
    assert.equal(answer.stop_reason, 'end_turn');
  });

  test('models.list: the pipelines as models', async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) {
      assert.equal(model.type, 'model');
      ids.push(model.id);
    }
    assert.ok(ids.includes('pipeline/claude'), ids.join());
  });
});

describe('errors as the SDK’s classes', () => {
  test('unknown pipeline → NotFoundError', async () => {
    await assert.rejects(
      client.messages.create({ model: 'pipeline/nowhere', max_tokens: 10, messages: ask('hi') }),
      (err) => err instanceof Anthropic.NotFoundError && err.type === 'not_found_error',
    );
  });

  test('budget spent → RateLimitError naming the budget', async () => {
    await client.messages.create({ model: 'pipeline/budget', max_tokens: 50, messages: ask('spend it') });
    await assert.rejects(
      client.messages.create({ model: 'pipeline/budget', max_tokens: 50, messages: ask('once more') }),
      (err) => err instanceof Anthropic.RateLimitError && /budget/i.test(err.message),
    );
  });

  test('an invalid body → BadRequestError', async () => {
    await assert.rejects(
      client.messages.create({ model: 'pipeline/claude', max_tokens: 0, messages: ask('hi') }),
      (err) => err instanceof Anthropic.BadRequestError && err.type === 'invalid_request_error',
    );
  });

  test('a wrong key → AuthenticationError', async () => {
    const stranger = new Anthropic({
      apiKey: 'pi_not-a-key',
      baseURL: `${world.origin}/api/v1/ai`,
      maxRetries: 0,
    });
    await assert.rejects(
      stranger.messages.create({ model: 'pipeline/claude', max_tokens: 10, messages: ask('hi') }),
      (err) => err instanceof Anthropic.AuthenticationError,
    );
  });

  test('an upstream that breaks off mid-stream → an APIError from the stream, not a hang', async () => {
    const stream = client.messages.stream({
      model: 'pipeline/garbage',
      max_tokens: 200,
      messages: ask('A story'),
    });
    await assert.rejects(stream.finalMessage(), (err) => err instanceof Anthropic.APIError);
  });
});
