import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { FAKE_EMBEDDING_DIMS } from '../runtime/fake-upstream.openai.ts';
import { type FakeUpstream, startFakeUpstream } from '../runtime/fake-upstream.ts';
import { UpstreamFailure } from '../runtime/upstream/types.ts';
import { EMBEDDING_DIMS, RECOMMENDED_THRESHOLD } from './embedder.ts';
import {
  builtinEmbedder,
  type EmbeddingSettings,
  embedderFrom,
  readEmbeddings,
  upstreamEmbedder,
} from './embedders.ts';

// The upstream embedder against a local server speaking OpenAI's embeddings protocol (the fake
// upstream's bag-of-words model), its failures, and the choice between it and the built-in one.

const KEY = 'sk-embed-test-key';
let fake: FakeUpstream;

const settings = (over: Partial<EmbeddingSettings> = {}) => ({
  embeddingsBaseUrl: fake.openAiBaseUrl,
  embeddingsApiKey: KEY,
  embeddingsModel: 'embed-small',
  embeddingsTimeoutMs: 2000,
  embeddingsThreshold: 0.9,
  ...over,
});

const norm = (v: Float32Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * (b[i] as number), 0);

async function failure(promise: Promise<unknown>): Promise<UpstreamFailure> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof UpstreamFailure, String(error));
    return error;
  }
  assert.fail('expected a failure');
}

before(async () => {
  fake = await startFakeUpstream({ apiKey: KEY });
});
after(() => fake.close());

test('upstream: unit vectors in input order, the model and key sent, batches of 128', async () => {
  fake.reset();
  const embedder = upstreamEmbedder(settings());
  const texts = ['scrap rate on line 2', 'oven temperature', 'scrap rate line 2'];
  const vectors = await embedder.embed(texts);
  assert.equal(vectors.length, 3);
  for (const v of vectors) {
    assert.equal(v.length, FAKE_EMBEDDING_DIMS);
    assert.ok(Math.abs(norm(v) - 1) < 1e-6);
  }
  // Order: each vector is the one the text gets alone.
  for (const [i, text] of texts.entries()) assert.deepEqual(vectors[i], (await embedder.embed([text]))[0]);
  assert.ok(dot(vectors[0] as Float32Array, vectors[2] as Float32Array) > 0.9, 'shared words are close');
  assert.ok(dot(vectors[0] as Float32Array, vectors[1] as Float32Array) < 0.5);
  const first = fake.calls[0];
  assert.equal(first?.path, '/v1/embeddings');
  assert.deepEqual(first?.body, { model: 'embed-small', input: texts, encoding_format: 'float' });
  assert.equal(first?.headers.authorization, `Bearer ${KEY}`);

  fake.reset();
  const many = Array.from({ length: 300 }, (_, i) => `question ${i}`);
  assert.equal((await embedder.embed(many)).length, 300);
  assert.deepEqual(
    fake.calls.map((c) => (c.body.input as string[]).length),
    [128, 128, 44],
  );
  assert.equal(embedder.embedNow('anything'), null, 'an upstream vector always costs a call');
  assert.equal(embedder.persist, true);
  assert.equal(embedder.defaultThreshold, 0.9);
});

test('upstream: errors, timeouts, broken answers and a wrong key fail cleanly, the key never quoted', async () => {
  const embedder = upstreamEmbedder(settings());
  fake.script({ kind: 'error', status: 500, message: `upstream broke while reading ${KEY}` });
  const broke = await failure(embedder.embed(['x']));
  assert.equal(broke.kind, 'server_error');
  assert.equal(broke.status, 500);
  assert.ok(!broke.message.includes(KEY), broke.message);
  assert.match(broke.message, /\[redacted\]/);

  fake.script({ kind: 'error', status: 429, message: 'slow down', retryAfterSeconds: 1 });
  const limited = await failure(embedder.embed(['x']));
  assert.equal(limited.kind, 'rate_limit');
  assert.equal(limited.retryAfterMs, 1000, "the 429's retry-after, for the batch retries");
  fake.script({ kind: 'garbage' });
  assert.equal((await failure(embedder.embed(['x']))).kind, 'protocol');
  // Twice: a connection reset on a reused keep-alive socket is sent once more on a fresh one.
  fake.script({ kind: 'drop' }, { kind: 'drop' });
  assert.equal((await failure(embedder.embed(['x']))).kind, 'network');

  const quick = upstreamEmbedder(settings({ embeddingsTimeoutMs: 150 }));
  fake.script({ kind: 'hang' });
  const late = await failure(quick.embed(['x']));
  assert.equal(late.kind, 'timeout');
  assert.match(late.message, /150 ms/);

  const wrongKey = upstreamEmbedder(settings({ embeddingsApiKey: 'sk-wrong' }));
  assert.equal((await failure(wrongKey.embed(['x']))).kind, 'client');
  const nowhere = upstreamEmbedder(settings({ embeddingsBaseUrl: 'http://127.0.0.1:9/v1' }));
  assert.equal((await failure(nowhere.embed(['x']))).kind, 'network');
  // After all that the embedder still works.
  assert.equal((await embedder.embed(['x'])).length, 1);
});

test('a background batch is retried on 5xx and 429 (after a wait), not on a refused request', async () => {
  const embedder = upstreamEmbedder(settings());
  fake.reset();
  fake.script({ kind: 'error', status: 503, message: 'overloaded' });
  assert.equal((await embedder.embed(['a', 'b'], { batch: true })).length, 2);
  assert.equal(fake.calls.length, 2, 'one failure, one retry');
  fake.reset();
  fake.script({ kind: 'error', status: 400, message: 'input too long' });
  assert.equal((await failure(embedder.embed(['a'], { batch: true }))).kind, 'client');
  assert.equal(fake.calls.length, 1, 'a refused request is not sent again');
  // A lookup's call is never retried: the request is waiting.
  fake.script({ kind: 'error', status: 503, message: 'overloaded' });
  assert.equal((await failure(embedder.embed(['a']))).kind, 'server_error');
  assert.equal(fake.calls.length, 2);
});

test('readEmbeddings: refuses answers that do not match the request', () => {
  const item = (index: number, embedding: unknown) => ({ object: 'embedding', index, embedding });
  const kind = (answer: unknown, count: number) => {
    try {
      readEmbeddings(answer, count, 'test');
    } catch (error) {
      return (error as UpstreamFailure).kind;
    }
    return 'ok';
  };
  assert.equal(kind({ data: [item(1, [0, 2]), item(0, [3, 4])] }, 2), 'ok');
  const [a, b] = readEmbeddings({ data: [item(1, [0, 2]), item(0, [3, 4])] }, 2, 'test');
  assert.deepEqual([...(a as Float32Array)], [0.6000000238418579, 0.800000011920929]);
  assert.deepEqual([...(b as Float32Array)], [0, 1]);
  assert.equal(kind({ data: [item(0, [1])] }, 2), 'protocol'); // one vector for two inputs
  assert.equal(kind({ data: [item(0, [1]), item(0, [1])] }, 2), 'protocol'); // repeated index
  assert.equal(kind({ data: [item(0, [1]), item(1, [1, 2])] }, 2), 'protocol'); // lengths differ
  assert.equal(kind({ data: [item(0, [1, 'x'])] }, 1), 'protocol');
  assert.equal(kind({ data: [item(0, [])] }, 1), 'protocol');
  assert.equal(kind({ data: [item(5, [1])] }, 1), 'protocol');
  assert.equal(kind({ error: 'nope' }, 1), 'protocol');
  assert.equal(kind(null, 1), 'protocol');
});

test('embedderFrom: the built-in embedder unless EMBEDDINGS_BASE_URL is set; ids never hold the URL', async () => {
  assert.equal(embedderFrom(undefined), builtinEmbedder);
  assert.equal(embedderFrom(settings({ embeddingsBaseUrl: undefined })), builtinEmbedder);
  assert.equal(builtinEmbedder.defaultThreshold, RECOMMENDED_THRESHOLD);
  assert.equal(builtinEmbedder.persist, false);
  assert.equal(builtinEmbedder.embedNow('oven 4')?.length, EMBEDDING_DIMS);
  assert.deepEqual((await builtinEmbedder.embed(['oven 4']))[0], builtinEmbedder.embedNow('oven 4'));

  const secretUrl = 'https://user:hunter2@embeddings.example/v1';
  const upstream = embedderFrom(settings({ embeddingsBaseUrl: secretUrl }));
  assert.notEqual(upstream, builtinEmbedder);
  assert.ok(upstream.id.startsWith('openai:embed-small:'), upstream.id);
  assert.ok(!upstream.id.includes('hunter2') && !upstream.id.includes('example'), upstream.id);
  assert.notEqual(upstream.id, embedderFrom(settings({ embeddingsModel: 'embed-large' })).id);
  // The same service without its credentials or with a trailing slash: the same embedder.
  assert.equal(
    upstream.id,
    embedderFrom(settings({ embeddingsBaseUrl: 'https://embeddings.example/v1/' })).id,
  );
});
