import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type FakeAiServer, startFakeAnthropic, startFakeOpenAi } from '../../platform/ai/testing.ts';
import { createTestApp, type TestApp } from '../../platform/http/testing.ts';
import { eventually } from '../../platform/jobs/testing.ts';
import { createTestTenant, signIn, type TestSession, type TestTenant } from '../identity/testing.ts';

// The chat about an analysis over HTTP, as Server-Sent Events: the offline grounded answerer
// (default) answers with the analysis' numbers and says plainly what it does not cover; history
// is stored; the seed's POST /chat contract; and the LLM paths against local fake servers that
// speak OpenAI's and Anthropic's streaming protocols — grounded context sent, the answer streamed,
// an invented number replaced by the grounded answer, a failing provider falling back offline.

const EXAMPLES = join(import.meta.dirname, '../../../examples');
let t: TestApp;
let acme: TestTenant;
let dataDir: string;
let viewer: TestSession;
let analysisId: string;
let machine: string;

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'plantintel-chat-'));
  t = await createTestApp({ env: { DATA_DIR: dataDir } });
  acme = await createTestTenant(t.database.db, 'chat');
  viewer = await signIn(t.app, acme.users.viewer.email);
  const analyst = await signIn(t.app, acme.users.analyst.email);
  const name = 'workorders-generic.csv';
  const truth = JSON.parse(await readFile(join(EXAMPLES, `${name}.truth.json`), 'utf8'));
  machine = truth.patterns.find((p: { id: string }) => p.id === 'machine-downtime').entity.value;
  const body = new FormData();
  body.append('facilityId', acme.facilityId);
  body.append('autoMap', 'true');
  body.append('file', new Blob([await readFile(join(EXAMPLES, name))]), name);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/analytics/uploads',
    headers: analyst.headers,
    payload: body,
  });
  assert.equal(res.statusCode, 202, res.body);
  const importId = res.json().importId;
  const done = await eventually(
    async () => {
      const list = await t.app.inject({
        method: 'GET',
        url: `/api/v1/analytics/analyses?importId=${importId}`,
        headers: viewer.headers,
      });
      return list.json().items?.find((a: { status: string }) => a.status !== 'processing');
    },
    'the analysis to end',
    120_000,
  );
  assert.equal(done.status, 'completed', done.errorMessage);
  analysisId = done.id;
});
after(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

function parseSse(text: string): SseEvent[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7) ?? 'message';
      const data = lines
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n');
      return { event, data: JSON.parse(data) };
    });
}

async function ask(
  app: TestApp['app'],
  message: string,
  url = `/api/v1/analytics/analyses/${analysisId}/chat`,
  extra = {},
) {
  const res = await app.inject({
    method: 'POST',
    url,
    headers: viewer.headers,
    payload: { message, ...extra },
  });
  if (res.statusCode !== 200)
    return { status: res.statusCode, body: res.json(), text: '', events: [] as SseEvent[] };
  assert.match(String(res.headers['content-type']), /text\/event-stream/);
  const events = parseSse(res.body);
  const replaced = events.find((e) => e.event === 'replace');
  const text = replaced
    ? String(replaced.data.text)
    : events
        .filter((e) => e.event === 'delta')
        .map((e) => e.data.text)
        .join('');
  const done = events.find((e) => e.event === 'done');
  return { status: 200, events, text, done: done?.data as Record<string, unknown> | undefined, body: null };
}

describe('chat, offline', () => {
  test('which machine loses the most time? — the machine and its minutes, streamed, with sources', async () => {
    const { status, events, text, done } = await ask(t.app, 'Which machine loses the most time?');
    assert.equal(status, 200);
    assert.ok(events.filter((e) => e.event === 'delta').length > 1, 'streamed in pieces');
    assert.match(text, new RegExp(machine));
    assert.match(text, /\d[\d,.]* min/);
    assert.ok(done);
    assert.equal(done.provider, 'offline');
    assert.equal(done.covered, true);
    assert.equal(events.at(-1)?.event, 'done');
  });

  test('what is the weather tomorrow? — the analysis does not cover it, said plainly', async () => {
    const { text, done } = await ask(t.app, 'What is the weather tomorrow?');
    assert.equal(done?.covered, false);
    assert.match(text, /does not|doesn’t|not cover|no data|cannot/i);
  });

  test('history is stored in order; the seed’s POST /chat contract answers the same way', async () => {
    const seed = await ask(t.app, 'What should I fix first?', '/api/v1/analytics/chat', { analysisId });
    assert.equal(seed.status, 200);
    assert.ok(seed.text.length > 20);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/analytics/analyses/${analysisId}/messages`,
      headers: viewer.headers,
    });
    const messages = res.json();
    assert.deepEqual(
      messages.map((m: { role: string }) => m.role),
      ['user', 'assistant', 'user', 'assistant', 'user', 'assistant'],
    );
    assert.equal(messages[0].content, 'Which machine loses the most time?');
    assert.equal(messages[5].content, seed.text);
    const { insights, charts } = messages[1].sources;
    assert.ok(insights.length + charts.length > 0, 'the answer names what it drew on');
  });

  test('refusals are JSON: unknown analysis 404, empty message 400', async () => {
    const missing = await ask(
      t.app,
      'hi',
      '/api/v1/analytics/analyses/00000000-0000-4000-8000-000000000000/chat',
    );
    assert.equal(missing.status, 404);
    const empty = await ask(t.app, '');
    assert.equal(empty.status, 400);
  });
});

describe('chat through an LLM (fake servers speaking the real protocols)', () => {
  const withProvider = async (env: Record<string, string>, run: (app: TestApp) => Promise<void>) => {
    const app = await createTestApp({
      database: t.database,
      env: { DATA_DIR: dataDir, WORKERS: 'false', ...env },
    });
    try {
      await run(app);
    } finally {
      await app.close();
    }
  };

  let openai: FakeAiServer;
  let anthropic: FakeAiServer;
  before(async () => {
    openai = await startFakeOpenAi({ apiKey: 'sk-test-openai' });
    anthropic = await startFakeAnthropic({ apiKey: 'sk-ant-test' });
  });
  after(async () => {
    await openai?.close();
    await anthropic?.close();
  });

  test('OpenAI-compatible: grounded context sent, answer streamed and stored', async () => {
    openai.respond({ deltas: [`The machine that loses the most time is `, machine, '.'] });
    await withProvider(
      {
        LLM_PROVIDER: 'openai',
        LLM_BASE_URL: openai.url,
        LLM_API_KEY: 'sk-test-openai',
        LLM_MODEL: 'fake-gpt',
      },
      async (app) => {
        const { text, done } = await ask(app.app, 'Which machine loses the most time?');
        assert.equal(text, `The machine that loses the most time is ${machine}.`);
        assert.equal(done?.provider, 'openai');
        assert.equal(done?.model, 'fake-gpt');
        const sent = openai.requests.at(-1);
        assert.ok(sent);
        const body = sent.body as { messages: { role: string; content: string }[]; stream: boolean };
        assert.equal(body.stream, true);
        assert.match(body.messages[0]?.content ?? '', new RegExp(machine), 'the grounding names the machine');
        assert.equal(body.messages.at(-1)?.content, 'Which machine loses the most time?');
      },
    );
  });

  test('Anthropic: an answer with a number the analysis lacks is replaced by the grounded one', async () => {
    anthropic.respond({ deltas: ['Machine ', machine, ' lost 987,654 minutes.'] });
    await withProvider(
      { LLM_PROVIDER: 'anthropic', ANTHROPIC_BASE_URL: anthropic.url, ANTHROPIC_API_KEY: 'sk-ant-test' },
      async (app) => {
        const { events, text, done } = await ask(app.app, 'Which machine loses the most time?');
        const replaced = events.find((e) => e.event === 'replace');
        assert.ok(replaced, 'a replace event');
        assert.match(String(replaced.data.reason), /987,654|987654/);
        assert.doesNotMatch(text, /987/);
        assert.match(text, new RegExp(machine));
        assert.equal(done?.provider, 'offline');
        const sent = anthropic.requests.at(-1);
        assert.equal(sent?.headers['x-api-key'], 'sk-ant-test');
      },
    );
  });

  test('a provider that refuses (401) falls back to the grounded answer, with the reason', async () => {
    openai.respond({ status: 401, errorMessage: 'invalid key' });
    await withProvider(
      { LLM_PROVIDER: 'openai', LLM_BASE_URL: openai.url, LLM_API_KEY: 'sk-wrong' },
      async (app) => {
        const { text, done } = await ask(app.app, 'Which machine loses the most time?');
        assert.match(text, new RegExp(machine));
        assert.equal(done?.provider, 'offline');
        assert.match(JSON.stringify(done?.fallback), /401/);
        assert.doesNotMatch(JSON.stringify(done), /sk-wrong/);
      },
    );
  });
});
