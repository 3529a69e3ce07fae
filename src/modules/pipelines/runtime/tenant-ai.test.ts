// PlantIntel's own calls through the tenant's default pipeline: recorded as 'internal' traffic with
// their purpose, answered by the pipeline's model, falling back to the caller's grounded answer
// like createAi when the pipeline fails before its first token.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readChat } from '../../../platform/ai/testing.ts';
import type { Ai, ChatRequest } from '../../../platform/ai/types.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { PipelineNode } from '../contracts.ts';
import { createBudgets } from './budgets.ts';
import { type FakeUpstream, startFakeUpstream } from './fake-upstream.ts';
import { createRuntime, type RuntimeDeps } from './part.ts';
import {
  memoryBudgetSource,
  memoryCache,
  memoryRecorder,
  pipelineOf,
  settingsFor,
  staticResolver,
  TENANT,
} from './testing.ts';

let fake: FakeUpstream;
before(async () => {
  fake = await startFakeUpstream();
});
after(() => fake.close());

const base: Ai = {
  provider: 'offline',
  model: 'grounded',
  async *chat() {
    yield { type: 'delta', text: 'from base' };
    yield { type: 'done', provider: 'offline', model: 'grounded' };
  },
  complete: async () => ({ text: 'from base', provider: 'offline', model: 'grounded' }),
};

const request = (over: Partial<ChatRequest> = {}): ChatRequest => ({
  purpose: 'analysis.chat',
  tenantId: TENANT,
  system: 'You answer about one analysis.',
  messages: [{ role: 'user', content: 'Which machine loses the most time?' }],
  offline: () => 'Press 3 lost 412 min.',
  ...over,
});

function wrapped(model: Omit<PipelineNode, 'id'>, resolverFails = false) {
  const recorder = memoryRecorder();
  const pipeline = pipelineOf([model]);
  const rt = createRuntime({
    aiSettings: settingsFor(fake),
    resolver: staticResolver(resolverFails ? new Error('db down') : pipeline),
    cache: memoryCache(),
    recorder,
    retrievers: { analysis: async () => null, alarms: async () => null, sensors: async () => null },
    logger: { warn() {} },
    budgets: createBudgets({ source: memoryBudgetSource() }),
    backoff: { backoffBaseMs: 1, maxBackoffMs: 2 },
  } as unknown as RuntimeDeps);
  return { ai: rt.tenantAi(base), recorder, pipeline };
}

test('with a tenant, the default pipeline answers and the call is recorded as internal traffic', async () => {
  const { ai, recorder } = wrapped({ type: 'model', config: { provider: 'default', model: 'default' } });
  const chat = await readChat(ai.chat(request()));
  assert.equal(chat.error, undefined);
  // auto with an Anthropic key set: Anthropic, at its configured model.
  assert.deepEqual(chat.done, { type: 'done', provider: 'anthropic', model: 'claude-3-5-haiku' });
  assert.match(chat.text, /^You asked: Which machine loses the most time\?/);
  assert.equal(fake.calls.at(-1)?.body.system, 'You answer about one analysis.');
  await recorder.until(1);
  assert.equal(recorder.rows[0]?.protocol, 'internal');
  assert.equal(recorder.rows[0]?.purpose, 'analysis.chat');
  assert.equal(recorder.rows[0]?.status, 'ok');
});

test('an offline pipeline answers with the caller’s grounded answer', async () => {
  const { ai } = wrapped({ type: 'model', config: { provider: 'offline', model: 'grounded' } });
  const result = await ai.complete(request());
  assert.deepEqual(result, { text: 'Press 3 lost 412 min.', provider: 'offline', model: 'grounded' });
});

test('a pipeline failing before its first token falls back to the grounded answer with a note', async () => {
  const { ai, recorder, pipeline } = wrapped({
    type: 'model',
    config: { provider: 'openai', model: 'fail-500' },
  });
  const chat = await readChat(ai.chat(request()));
  assert.equal(chat.text, 'Press 3 lost 412 min.');
  assert.equal(chat.done?.provider, 'offline');
  assert.equal(chat.done?.fallback?.from, `pipeline/${pipeline.slug}`);
  assert.match(chat.done?.fallback?.reason ?? '', /answered 500/);
  await recorder.until(1);
  assert.equal(recorder.rows[0]?.status, 'error');
});

test('a failure after the first delta throws unavailable; without a tenant the base Ai answers', async () => {
  const { ai } = wrapped({ type: 'model', config: { provider: 'openai', model: 'drop' } });
  const chat = await readChat(ai.chat(request()));
  assert.ok(chat.error instanceof AppError);
  assert.equal(chat.text, 'You ');
  const { tenantId: _omit, ...noTenant } = request();
  assert.equal((await ai.complete(noTenant)).text, 'from base');
  const broken = wrapped({ type: 'model', config: { provider: 'offline', model: 'grounded' } }, true);
  assert.equal((await broken.ai.complete(request())).text, 'from base');
});
