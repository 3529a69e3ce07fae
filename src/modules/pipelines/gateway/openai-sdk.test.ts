// The official `openai` SDK, unchanged, against the gateway with a PlantIntel workspace key:
// non-streaming, streaming with usage, a cache hit replayed as a stream, tool calls passed through,
// the stream helper, the model list, and the SDK's own error classes for each refusal.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import OpenAI from 'openai';
import { EMBEDDINGS_KEY, type GatewayWorld, gatewayWorld } from './sdk-world.ts';

let world: GatewayWorld;
let client: OpenAI;

before(async () => {
  world = await gatewayWorld('gw-openai');
  client = new OpenAI({ apiKey: world.key, baseURL: `${world.origin}/api/v1/ai/v1`, maxRetries: 0 });
});
after(async () => {
  await world?.close();
});

const ask = (content: string) => [{ role: 'user' as const, content }];
const WEATHER = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Weather at a place',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

describe('answers', () => {
  test('non-streaming: a chat.completion with usage', async () => {
    const completion = await client.chat.completions.create({
      model: 'pipeline/assist',
      messages: [{ role: 'system', content: 'Be brief.' }, ...ask('Why did press 4 stop?')],
    });
    assert.equal(completion.object, 'chat.completion');
    assert.equal(completion.model, 'pipeline/assist');
    assert.match(completion.choices[0]?.message.content ?? '', /You asked: Why did press 4 stop\?/);
    assert.equal(completion.choices[0]?.finish_reason, 'stop');
    assert.ok((completion.usage?.prompt_tokens ?? 0) > 0);
    assert.equal(
      completion.usage?.total_tokens,
      (completion.usage?.prompt_tokens ?? 0) + (completion.usage?.completion_tokens ?? 0),
    );
  });

  test('streaming: deltas, then the usage chunk', async () => {
    const stream = await client.chat.completions.create({
      model: 'pipeline/assist',
      messages: ask('Which sensor drifted on line 3?'),
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: OpenAI.CompletionUsage | null | undefined;
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      if (chunk.usage) usage = chunk.usage;
    }
    assert.match(text, /You asked: Which sensor drifted on line 3\?/);
    assert.equal(finish, 'stop');
    assert.ok((usage?.completion_tokens ?? 0) > 0);
  });

  test('a cache hit is replayed as a valid stream with usage, without calling the upstream', async () => {
    const messages = ask('What is the OEE of line 1 today?');
    const entries = await world.cacheEntries('assist');
    const first = await client.chat.completions.create({ model: 'pipeline/assist', messages });
    await world.cached('assist', entries + 1);
    const calls = world.fake.calls.length;
    const { data: stream, response } = await client.chat.completions
      .create({ model: 'pipeline/assist', messages, stream: true, stream_options: { include_usage: true } })
      .withResponse();
    assert.equal(response.headers.get('x-plantintel-cache'), 'exact');
    let text = '';
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    assert.equal(text, first.choices[0]?.message.content);
    assert.deepEqual(usage, first.usage);
    assert.equal(world.fake.calls.length, calls);
  });

  test('a paraphrase is a semantic hit, the question embedded by the configured embeddings API', async () => {
    const entries = await world.cacheEntries('semantic');
    const first = await client.chat.completions.create({
      model: 'pipeline/semantic',
      messages: ask('What was the scrap rate of press 7 last week?'),
    });
    await world.cached('semantic', entries + 1);
    const chats = world.fake.calls.filter((c) => c.path === '/v1/chat/completions').length;
    const { data, response } = await client.chat.completions
      .create({ model: 'pipeline/semantic', messages: ask('last week, what was the scrap rate of press 7') })
      .withResponse();
    assert.equal(response.headers.get('x-plantintel-cache'), 'semantic');
    assert.equal(data.choices[0]?.message.content, first.choices[0]?.message.content);
    assert.equal(world.fake.calls.filter((c) => c.path === '/v1/chat/completions').length, chats);
    const embeddings = world.fake.calls.filter((c) => c.path === '/v1/embeddings');
    assert.ok(embeddings.length >= 2, 'both questions embedded upstream');
    for (const call of embeddings) {
      assert.equal(call.body.model, 'embed-test');
      assert.equal(call.headers.authorization, `Bearer ${EMBEDDINGS_KEY}`);
    }
    // Another press is not the same question, however close the embedding (the guard).
    const other = await client.chat.completions
      .create({ model: 'pipeline/semantic', messages: ask('What was the scrap rate of press 8 last week?') })
      .withResponse();
    assert.equal(other.response.headers.get('x-plantintel-cache'), 'miss');
  });

  test('the stream helper assembles the final completion', async () => {
    const runner = client.chat.completions.stream({
      model: 'pipeline/assist',
      messages: ask('Summarise shift B'),
    });
    const final = await runner.finalChatCompletion();
    assert.match(final.choices[0]?.message.content ?? '', /Summarise shift B/);
  });

  test('tool calls pass through, streamed and not', async () => {
    const completion = await client.chat.completions.create({
      model: 'pipeline/tools',
      messages: ask('Weather in Oslo?'),
      tools: [WEATHER],
    });
    const call = completion.choices[0]?.message.tool_calls?.[0];
    assert.equal(completion.choices[0]?.finish_reason, 'tool_calls');
    assert.equal(call?.type, 'function');
    assert.equal(call?.type === 'function' ? call.function.name : '', 'get_weather');
    const upstream = world.fake.calls.at(-1)?.body as { tools?: { function: { name: string } }[] };
    assert.equal(upstream.tools?.[0]?.function.name, 'get_weather');

    const streamed = await client.chat.completions
      .stream({ model: 'pipeline/tools', messages: ask('Weather in Bergen?'), tools: [WEATHER] })
      .finalChatCompletion();
    const streamedCall = streamed.choices[0]?.message.tool_calls?.[0];
    assert.equal(streamedCall?.type === 'function' ? streamedCall.function.name : '', 'get_weather');
    assert.ok(streamedCall?.id);

    // The tool's result goes back the same way.
    const answer = await client.chat.completions.create({
      model: 'pipeline/assist',
      messages: [
        ...ask('Weather in Oslo?'),
        { role: 'assistant', content: null, tool_calls: completion.choices[0]?.message.tool_calls ?? [] },
        { role: 'tool', tool_call_id: call?.id ?? '', content: '12 °C and dry' },
      ],
      tools: [WEATHER],
    });
    assert.equal(answer.choices[0]?.finish_reason, 'stop');
  });

  test('models.list: the pipelines as models', async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    assert.ok(ids.includes('pipeline/assist'), ids.join());
    assert.ok(ids.includes('pipeline/draft'), 'every status but archived');
  });
});

describe('errors as the SDK’s classes', () => {
  test('unknown pipeline → NotFoundError; a draft → BadRequestError', async () => {
    await assert.rejects(
      client.chat.completions.create({ model: 'pipeline/nowhere', messages: ask('hi') }),
      (err) => err instanceof OpenAI.NotFoundError && err.status === 404,
    );
    await assert.rejects(
      client.chat.completions.create({ model: 'pipeline/draft', messages: ask('hi') }),
      (err) => err instanceof OpenAI.BadRequestError,
    );
  });

  test('budget spent → RateLimitError naming the budget', async () => {
    await client.chat.completions.create({ model: 'pipeline/budget', messages: ask('spend it') });
    await assert.rejects(
      client.chat.completions.create({ model: 'pipeline/budget', messages: ask('once more'), stream: true }),
      (err) =>
        err instanceof OpenAI.RateLimitError && /budget/i.test(err.message) && /\b1\b/.test(err.message),
    );
  });

  test('an invalid body → BadRequestError naming the field', async () => {
    await assert.rejects(
      client.chat.completions.create({ model: 'pipeline/assist', messages: [] }),
      (err) =>
        err instanceof OpenAI.BadRequestError && (err.param === 'messages' || /messages/.test(err.message)),
    );
    await assert.rejects(
      client.chat.completions.create({ model: 'pipeline/assist', messages: ask('hi'), n: 3 }),
      (err) => err instanceof OpenAI.BadRequestError && err.param === 'n',
    );
  });

  test('another workspace’s key or another tenant’s → NotFoundError, and neither lists the pipelines', async () => {
    for (const apiKey of [world.otherWorkspaceKey, world.otherTenantKey]) {
      const outsider = new OpenAI({ apiKey, baseURL: `${world.origin}/api/v1/ai/v1`, maxRetries: 0 });
      await assert.rejects(
        outsider.chat.completions.create({ model: 'pipeline/assist', messages: ask('hi') }),
        (err) => err instanceof OpenAI.NotFoundError,
      );
      const ids: string[] = [];
      for await (const model of outsider.models.list()) ids.push(model.id);
      assert.ok(!ids.includes('pipeline/assist'), ids.join());
    }
  });

  test('a wrong key → AuthenticationError', async () => {
    const stranger = new OpenAI({
      apiKey: 'pi_not-a-key',
      baseURL: `${world.origin}/api/v1/ai/v1`,
      maxRetries: 0,
    });
    await assert.rejects(
      stranger.chat.completions.create({ model: 'pipeline/assist', messages: ask('hi') }),
      (err) => err instanceof OpenAI.AuthenticationError,
    );
  });

  test('an upstream that breaks off mid-stream → an APIError from the iterator, not a hang', async () => {
    const stream = await client.chat.completions.create({
      model: 'pipeline/garbage',
      messages: ask('Tell me a long story'),
      stream: true,
    });
    await assert.rejects(
      (async () => {
        for await (const _chunk of stream) {
          // read until the error
        }
      })(),
      (err) => err instanceof OpenAI.APIError,
    );
  });
});
