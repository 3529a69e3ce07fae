// The executor against the fake upstream over real sockets: streaming, fallbacks, retries,
// timeouts, mid-stream failures, budgets, guards, cache replay, retrieval and the records.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  type CallerContext,
  GatewayError,
  type GatewayRequest,
  type ModelNodeConfig,
  type PipelineNode,
  type Retrievers,
} from '../contracts.ts';
import { createBudgets } from './budgets.ts';
import { type FakeUpstream, startFakeUpstream } from './fake-upstream.ts';
import { CONTEXT_OPEN } from './nodes/retrieve.ts';
import { createRuntime, type RuntimeDeps } from './part.ts';
import {
  collect,
  memoryBudgetSource,
  memoryCache,
  memoryRecorder,
  pipelineOf,
  settingsFor,
  staticResolver,
  TENANT,
} from './testing.ts';

const ctx: CallerContext = { tenantId: TENANT, userId: 'u1', apiKeyId: null, workspaceId: null };
const ask = (content: string, over: Partial<GatewayRequest> = {}): GatewayRequest => ({
  protocol: 'openai',
  purpose: 'gateway',
  messages: [{ role: 'user', content }],
  stream: true,
  ...over,
});
const model = (config: Partial<ModelNodeConfig> = {}): Omit<PipelineNode, 'id'> => ({
  type: 'model',
  config: { provider: 'openai', model: 'gpt-4o-mini', ...config },
});

const noRetrievers: Retrievers = {
  analysis: async () => null,
  alarms: async () => null,
  sensors: async () => null,
};
const silent = {
  warn() {},
  info() {},
  error() {},
  debug() {},
  trace() {},
  fatal() {},
  child: () => silent,
  level: 'silent',
  silent() {},
};

describe('executor', () => {
  let fake: FakeUpstream;
  before(async () => {
    fake = await startFakeUpstream();
  });
  after(() => fake.close());
  beforeEach(() => fake.reset());

  function runtime(over: Partial<RuntimeDeps> = {}) {
    const cache = memoryCache();
    const recorder = memoryRecorder();
    const rt = createRuntime({
      aiSettings: settingsFor(fake),
      resolver: staticResolver(new Error('unused')),
      cache,
      recorder,
      retrievers: noRetrievers,
      logger: silent as never,
      backoff: { backoffBaseMs: 1, maxBackoffMs: 5 },
      budgets: createBudgets({ source: memoryBudgetSource() }),
      ...over,
    } as RuntimeDeps);
    return { ...rt, cache, recorder };
  }

  test('streams an OpenAI-compatible answer and records it with usage and cost', async () => {
    const rt = runtime();
    const p = pipelineOf([model()]);
    const out = await collect(rt.executor.run(ctx, p, ask('Why did line 2 stop?')));
    assert.equal(out.error, undefined);
    assert.deepEqual(out.events[0], { type: 'start', model: 'gpt-4o-mini', cache: 'off' });
    assert.equal(out.text, 'You asked: Why did line 2 stop?. This is the fake upstream answering.');
    assert.ok(out.events.filter((e) => e.type === 'delta').length > 3);
    assert.equal(out.done?.provider, 'openai');
    assert.equal(out.done?.finishReason, 'stop');
    await rt.recorder.until(1);
    const [row] = rt.recorder.rows;
    assert.equal(row?.status, 'ok');
    assert.equal(row?.cache, 'off');
    assert.equal(row?.tokensOut, out.done?.usage.outputTokens);
    assert.ok((row?.tokensIn ?? 0) > 0 && (row?.costUsd ?? 0) > 0);
    assert.equal(row?.prompt, null);
    assert.equal(fake.calls[0]?.body.stream, true);
  });

  test('Anthropic targets stream text and tool calls', async () => {
    const rt = runtime();
    const p = pipelineOf([model({ provider: 'anthropic', model: 'tools-claude' })]);
    const out = await collect(
      rt.executor.run(
        ctx,
        p,
        ask('look up oven 4', {
          tools: [{ name: 'lookup', parameters: { type: 'object' } }],
          system: 'Be brief.',
        }),
      ),
    );
    assert.equal(out.error, undefined);
    const call = out.events.find((e) => e.type === 'tool_call');
    assert.deepEqual(call?.type === 'tool_call' && JSON.parse(call.call.arguments), {
      query: 'look up oven 4',
    });
    assert.equal(out.done?.finishReason, 'tool_calls');
    assert.equal(fake.calls[0]?.body.system, 'Be brief.');
    assert.deepEqual(fake.calls[0]?.body.tools, [{ name: 'lookup', input_schema: { type: 'object' } }]);
  });

  test('the fallback chain takes over after a 500 before the first token', async () => {
    const rt = runtime();
    const p = pipelineOf([
      model({ model: 'fail-500', fallbacks: [{ provider: 'anthropic', model: 'claude-ok' }] }),
    ]);
    const out = await collect(rt.executor.run(ctx, p, ask('status?')));
    assert.equal(out.error, undefined);
    assert.equal(out.done?.provider, 'anthropic');
    assert.equal(out.done?.model, 'claude-ok');
    assert.deepEqual(
      fake.calls.map((c) => c.model),
      ['fail-500', 'claude-ok'],
    );
    await rt.recorder.until(1);
    assert.equal(rt.recorder.rows[0]?.model, 'claude-ok');
  });

  test('429s are retried on rate_limit, and not when retryOn leaves them out', async () => {
    const rt = runtime();
    const ok = await collect(
      rt.executor.run(
        ctx,
        pipelineOf([model({ model: '429x2', retries: 2, retryOn: ['rate_limit'] })]),
        ask('hi'),
      ),
    );
    assert.equal(ok.error, undefined);
    assert.equal(fake.calls.length, 3);
    fake.reset();
    const refused = await collect(
      rt.executor.run(
        ctx,
        pipelineOf([model({ model: '429', retries: 2, retryOn: ['server_error'] })]),
        ask('hi'),
      ),
    );
    assert.ok(refused.error instanceof GatewayError);
    assert.equal(refused.error.kind, 'rate_limit');
    assert.equal(refused.error.status, 429);
    assert.equal(fake.calls.length, 1);
    assert.equal(refused.events.length, 0);
  });

  test('a timeout moves to the fallback, and when every target fails the error names them', async () => {
    const rt = runtime();
    const p = pipelineOf([
      model({ model: 'slow', timeoutMs: 150, fallbacks: [{ provider: 'openai', model: 'fail-503' }] }),
    ]);
    const out = await collect(rt.executor.run(ctx, p, ask('hi')));
    assert.ok(out.error instanceof GatewayError);
    assert.equal(out.error.kind, 'upstream');
    assert.match(
      out.error.message,
      /^no model answered: openai\/slow: no first token within 150 ms; openai\/fail-503: answered 503: scripted failure$/,
    );
    await fake.until((calls) => calls[0]?.abandoned === true, 'the slow call aborted');
    const slowOnly = await collect(
      rt.executor.run(ctx, pipelineOf([model({ model: 'slow', timeoutMs: 100 })]), ask('hi')),
    );
    assert.ok(slowOnly.error instanceof GatewayError);
    assert.equal(slowOnly.error.kind, 'timeout');
    assert.equal(slowOnly.error.status, 504);
    await rt.recorder.until(2);
    assert.deepEqual(
      rt.recorder.rows.map((r) => [r.status, r.errorCode]),
      [
        ['error', 'upstream'],
        ['error', 'timeout'],
      ],
    );
  });

  for (const broken of ['garbage', 'drop', 'stall']) {
    test(`${broken} after the first token ends the stream with an upstream error, no fallback`, async () => {
      const rt = runtime();
      const p = pipelineOf([
        model({ model: broken, timeoutMs: 200, fallbacks: [{ provider: 'offline', model: 'x' }] }),
      ]);
      const out = await collect(rt.executor.run(ctx, p, ask('a b c')));
      assert.equal(out.text, 'You ');
      assert.equal(out.events[0]?.type, 'start');
      assert.ok(out.error instanceof GatewayError);
      assert.equal(out.error.kind, 'upstream');
      assert.match(out.error.message, new RegExp(`^the answer of openai/${broken} broke off: `));
      assert.equal(fake.calls.length, 1);
      await rt.recorder.until(1);
      assert.equal(rt.recorder.rows[0]?.status, 'error');
      assert.ok((rt.recorder.rows[0]?.tokensOut ?? 0) > 0);
    });
  }

  test('a daily token budget answers 429 budget once reached, naming it', async () => {
    const rt = runtime();
    const p = pipelineOf([model({ dailyTokenBudget: 20 })]);
    assert.equal((await collect(rt.executor.run(ctx, p, ask('first question of the day')))).error, undefined);
    const second = await collect(rt.executor.run(ctx, p, ask('second')));
    assert.ok(second.error instanceof GatewayError);
    assert.equal(second.error.kind, 'budget');
    assert.equal(second.error.status, 429);
    assert.match(second.error.message, /^daily token budget of 20 reached \(used \d+\)$/);
    await rt.recorder.until(2);
    assert.equal(rt.recorder.rows[1]?.status, 'budget');
    assert.equal(fake.calls.length, 1);
  });

  test('a workspace cost budget is checked too', async () => {
    const rt = runtime({
      budgets: createBudgets({
        source: memoryBudgetSource({ tokens: 10, usd: 5 }, { limitTokens: null, limitUsd: 5 }),
      }),
    } as never);
    const out = await collect(rt.executor.run(ctx, pipelineOf([model()]), ask('x')));
    assert.ok(out.error instanceof GatewayError);
    assert.match(out.error.message, /monthly cost budget of \$5\.00 is reached \(used \$5\.00\)/);
  });

  test('guards: refused topics, oversized prompts, and redaction before the upstream and storage', async () => {
    const rt = runtime();
    const guard = (config: object): Omit<PipelineNode, 'id'> => ({
      type: 'guard',
      config: { redactPii: true, ...config },
    });
    const p = pipelineOf([guard({ refuseTopics: ['salary'], maxInputTokens: 50 }), model()], {
      storePrompts: true,
    });
    const refused = await collect(rt.executor.run(ctx, p, ask('What is the SALARY of anna@x.io?')));
    assert.ok(refused.error instanceof GatewayError);
    assert.equal(refused.error.kind, 'refused');
    const big = await collect(rt.executor.run(ctx, p, ask('word '.repeat(100))));
    assert.ok(big.error instanceof GatewayError);
    assert.equal(big.error.message, "prompt of ~125 tokens exceeds this pipeline's limit of 50");
    const ok = await collect(rt.executor.run(ctx, p, ask('mail anna@x.io about line 2')));
    assert.equal(ok.error, undefined);
    assert.equal(fake.calls.length, 1);
    const sent = (fake.calls[0]?.body.messages as { content: string }[] | undefined)?.at(-1)?.content;
    assert.equal(sent, 'mail [REDACTED:email] about line 2');
    await rt.recorder.until(3);
    assert.deepEqual(
      rt.recorder.rows.map((r) => r.status),
      ['refused', 'error', 'ok'],
    );
    assert.equal(rt.recorder.rows[0]?.prompt, 'user: What is the SALARY of [REDACTED:email]?');
    assert.equal(rt.recorder.rows[2]?.prompt, 'user: mail [REDACTED:email] about line 2');
    assert.match(rt.recorder.rows[2]?.response ?? '', /REDACTED:email/);
  });

  test('a cache hit replays the answer with no upstream call and records the savings', async () => {
    const rt = runtime();
    const p = pipelineOf([{ type: 'cache', config: { mode: 'exact', ttlSeconds: 60 } }, model()]);
    const first = await collect(rt.executor.run(ctx, p, ask('How is oven 4?')));
    assert.equal(first.done?.cache, 'miss');
    await rt.recorder.until(1);
    const second = await collect(rt.executor.run(ctx, p, ask('How is oven 4?', { stream: false })));
    assert.equal(fake.calls.length, 1);
    assert.equal(second.text, first.text);
    assert.deepEqual(second.events[0], { type: 'start', model: 'gpt-4o-mini', cache: 'exact' });
    assert.equal(second.done?.cache, 'exact');
    assert.deepEqual(second.done?.usage, first.done?.usage);
    await rt.recorder.until(2);
    const [miss, hit] = rt.recorder.rows;
    assert.equal(miss?.cache, 'miss');
    assert.ok(miss?.cacheEntryId);
    assert.equal(hit?.cache, 'exact');
    assert.equal(hit?.cacheEntryId, miss?.cacheEntryId);
    assert.equal(hit?.tokensIn, 0);
    assert.equal(hit?.costUsd, 0);
    assert.equal(hit?.tokensSaved, (miss?.tokensIn ?? 0) + (miss?.tokensOut ?? 0));
    assert.equal(hit?.costSavedUsd, miss?.costUsd);
  });

  test('failures and partial answers are never cached', async () => {
    const rt = runtime();
    const p = pipelineOf([
      { type: 'cache', config: { mode: 'exact', ttlSeconds: 60 } },
      model({ model: 'drop' }),
    ]);
    await collect(rt.executor.run(ctx, p, ask('x')));
    await rt.recorder.until(1);
    assert.equal(rt.cache.entries.size, 0);
  });

  test('retrieved context goes before the system prompt; a failing source becomes a warning', async () => {
    const rt = runtime({
      retrievers: {
        analysis: async () => 'OEE 71.3 % on line 2; scrap 1,200 units.',
        alarms: async () => {
          throw new Error('db down');
        },
        sensors: async () => null,
      },
    } as never);
    const p = pipelineOf([
      { type: 'retrieve', config: { source: 'analysis' } },
      { type: 'retrieve', config: { source: 'alarms', hours: 4 } },
      model(),
      { type: 'postprocess', config: { groundNumbers: true } },
    ]);
    const out = await collect(rt.executor.run(ctx, p, ask('OEE?', { system: 'Be brief.' })));
    const system = (fake.calls[0]?.body.messages as { role: string; content: string }[] | undefined)?.[0];
    assert.equal(system?.role, 'system');
    assert.ok(system?.content.startsWith(CONTEXT_OPEN));
    assert.match(system?.content ?? '', /\[latest analysis\]\nOEE 71\.3 %/);
    assert.ok(system?.content.endsWith('\n\nBe brief.'));
    assert.deepEqual(out.done?.warnings, ['the alarms context could not be read']);
  });

  test('the offline model answers with the caller’s own answer, or one composed from the context', async () => {
    const rt = runtime({
      retrievers: { ...noRetrievers, sensors: async () => 'Oven 4: 72.5 °C (limit 80).' },
    } as never);
    const own = await collect(
      rt.executor.run(
        ctx,
        pipelineOf([model({ provider: 'offline', model: 'grounded' })]),
        ask('x', { offline: () => 'Line 2 ran 7.5 h.' }),
      ),
    );
    assert.equal(own.text, 'Line 2 ran 7.5 h.');
    assert.equal(own.done?.provider, 'offline');
    const composed = await collect(
      rt.executor.run(
        ctx,
        pipelineOf([
          { type: 'retrieve', config: { source: 'sensors' } },
          model({ provider: 'offline', model: 'grounded' }),
        ]),
        ask('How hot is oven 4?'),
      ),
    );
    assert.match(composed.text, /^On "How hot is oven 4\?", PlantIntel's data says: .*Oven 4: 72\.5 °C/);
    await rt.recorder.until(2);
    assert.ok((rt.recorder.rows[1]?.costUsd ?? 0) > 0, 'offline has a nominal price');
    assert.equal(fake.calls.length, 0);
  });

  test('a client abort mid-stream and a reader that stops early are recorded as cancelled', async () => {
    const rt = runtime();
    const controller = new AbortController();
    const p = pipelineOf([model({ model: 'stall', timeoutMs: 5000 })]);
    const events = rt.executor.run(ctx, p, ask('x', { signal: controller.signal }));
    const seen: string[] = [];
    await assert.rejects(async () => {
      for await (const e of events) {
        seen.push(e.type);
        if (e.type === 'delta') controller.abort(new Error('client went away'));
      }
    }, /client went away/);
    await rt.recorder.until(1);
    assert.equal(rt.recorder.rows[0]?.status, 'cancelled');
    for await (const e of rt.executor.run(ctx, pipelineOf([model()]), ask('y')))
      if (e.type === 'delta') break;
    await rt.recorder.until(2);
    assert.equal(rt.recorder.rows[1]?.status, 'cancelled');
    await fake.until((calls) => calls[0]?.abandoned === true, 'the stalled call closed');
  });

  test('post-processing reports schema mismatches as warnings in done', async () => {
    const rt = runtime();
    const p = pipelineOf([model(), { type: 'postprocess', config: { jsonSchema: { type: 'object' } } }]);
    const out = await collect(rt.executor.run(ctx, p, ask('x')));
    assert.deepEqual(out.done?.warnings, ['answer did not match the schema: it is not JSON']);
  });

  test('a retrieval-only pipeline answers with its context', async () => {
    const rt = runtime({
      retrievers: { ...noRetrievers, alarms: async () => '2 alarms: oven 4 high.' },
    } as never);
    const out = await collect(
      rt.executor.run(ctx, pipelineOf([{ type: 'retrieve', config: { source: 'alarms' } }]), ask('alarms?')),
    );
    assert.equal(out.text, '[alarms of the last 24 h]\n2 alarms: oven 4 high.');
    assert.equal(out.done?.provider, 'retrieve');
  });
});
