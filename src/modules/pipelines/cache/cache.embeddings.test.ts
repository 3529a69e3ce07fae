import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { aiCacheEntries } from '../../../platform/db/schema/index.ts';
import { readInTenant } from '../../../platform/db/scope.ts';
import { createTestDatabase, type TestDatabase } from '../../../platform/db/testing.ts';
import { eventually } from '../../../platform/jobs/testing.ts';
import { createTestTenant, type TestTenant } from '../../identity/testing.ts';
import type { CacheQuery } from '../contracts.ts';
import { FAKE_EMBEDDING_DIMS } from '../runtime/fake-upstream.openai.ts';
import { type FakeUpstream, startFakeUpstream } from '../runtime/fake-upstream.ts';
import { createCacheService } from './cache.service.ts';
import { type EmbeddingSettings, upstreamEmbedder } from './embedders.ts';
import { cachedAnswer, seedPipeline } from './testing.ts';

// The semantic cache with an upstream embedder (EMBEDDINGS_BASE_URL) on a real database and a local
// server speaking OpenAI's embeddings protocol: hits from its vectors, the guard still applied,
// vectors stored with the entries and reused by the next process, re-embedded when the model
// changes, and an embedder that fails turning lookups into misses, never into errors.

let database: TestDatabase;
let fake: FakeUpstream;
let acme: TestTenant;

const settings = (over: Partial<EmbeddingSettings> = {}) => ({
  embeddingsBaseUrl: fake.openAiBaseUrl,
  embeddingsApiKey: undefined,
  embeddingsModel: 'embed-small',
  embeddingsTimeoutMs: 30_000, // generous: a busy machine must not turn an expected hit into a miss
  embeddingsThreshold: 0.8,
  ...over,
});

const answer = cachedAnswer;

const query = (pipelineId: string, text: string): CacheQuery => ({
  tenantId: acme.id,
  pipelineId,
  mode: 'semantic',
  ttlSeconds: 3600,
  keyHash: `key:${text}`,
  queryText: text,
});

const rowsOf = (pipelineId: string) =>
  readInTenant(database.db, acme.id, (tx) =>
    tx.select().from(aiCacheEntries).where(eq(aiCacheEntries.pipelineId, pipelineId)),
  );

/** Inputs the fake was asked to embed, in order. */
const embedded = () =>
  fake.calls.filter((c) => c.path === '/v1/embeddings').flatMap((c) => c.body.input as string[]);

const QUESTION = 'What was the scrap rate on line 2 yesterday';
const PARAPHRASE = 'yesterday what was the scrap rate on line 2';

before(async () => {
  database = await createTestDatabase();
  fake = await startFakeUpstream();
  acme = await createTestTenant(database.db, 'ai-cache-embeddings');
});
after(async () => {
  await fake.close();
  await database.dispose();
});

test('hits from upstream vectors; the guard still refuses; vectors are stored and reused', async () => {
  const pipelineId = await seedPipeline(database.db, acme.id, 'embed-upstream');
  const embedder = upstreamEmbedder(settings());
  const first = createCacheService({ db: database.db, logger: console, embedder });
  fake.reset();

  const q = query(pipelineId, QUESTION);
  assert.equal(await first.cache.lookup(q), null);
  const id = await first.cache.store(q, answer('4.1 %'));
  assert.deepEqual(embedded(), [QUESTION], "embedded once: the store reuses the lookup's vector");

  const hit = await first.cache.lookup(query(pipelineId, PARAPHRASE));
  assert.equal(hit?.kind, 'semantic');
  assert.equal(hit?.entryId, id);
  assert.ok((hit?.similarity ?? 0) >= 0.8);
  // Close in the embedding (one word differs), refused by the guard: another line.
  assert.equal(
    await first.cache.lookup(query(pipelineId, 'What was the scrap rate on line 3 yesterday')),
    null,
  );

  await first.flushEntries();
  const [row] = await rowsOf(pipelineId);
  assert.equal(row?.embedding?.length, FAKE_EMBEDDING_DIMS);
  assert.equal((row?.answer as { embedder?: string } | undefined)?.embedder, embedder.id);
  await first.stop();

  // Another process: the stored vector is used, only the new question is embedded.
  const second = createCacheService({ db: database.db, logger: console, embedder });
  fake.reset();
  assert.equal((await second.cache.lookup(query(pipelineId, PARAPHRASE)))?.entryId, id);
  assert.deepEqual(embedded(), [PARAPHRASE]);
  await second.stop();

  // Another model: the entry's vector is not comparable, so the warm-up embeds the entry again.
  const other = createCacheService({
    db: database.db,
    logger: console,
    embedder: upstreamEmbedder(settings({ embeddingsModel: 'embed-large' })),
  });
  fake.reset();
  await other.ready(acme.id, pipelineId);
  assert.deepEqual(embedded(), [QUESTION]);
  assert.equal((await other.cache.lookup(query(pipelineId, PARAPHRASE)))?.entryId, id);
  await other.stop();
});

test('an embedder that fails: lookups miss (counted, warned once); vectors embedded later are written back', async () => {
  const pipelineId = await seedPipeline(database.db, acme.id, 'embed-failing');
  const warnings: unknown[][] = [];
  const logger = { warn: (...args: unknown[]) => warnings.push(args) };
  const embedder = upstreamEmbedder(settings());
  const service = createCacheService({ db: database.db, logger, embedder });
  fake.reset();

  fake.script({ kind: 'error', status: 503, message: 'overloaded' });
  const q = query(pipelineId, QUESTION);
  assert.equal(await service.cache.lookup(q), null);
  await service.cache.store(q, answer('4.1 %'));
  assert.equal((await service.cache.lookup(query(pipelineId, QUESTION)))?.kind, 'exact');
  // The entry came without a vector: it is embedded in the background (the upstream answers again)
  // and its vector written back to its row.
  await service.ready(acme.id, pipelineId);
  assert.equal((await service.cache.lookup(query(pipelineId, PARAPHRASE)))?.kind, 'semantic');
  await eventually(async () => {
    const [row] = await rowsOf(pipelineId);
    return row?.embedding?.length === FAKE_EMBEDDING_DIMS ? row : undefined;
  }, 'the vector written back');
  const [row] = await rowsOf(pipelineId);
  assert.equal((row?.answer as { embedder?: string } | undefined)?.embedder, embedder.id);

  fake.script({ kind: 'hang' });
  const slow = createCacheService({
    db: database.db,
    logger,
    embedder: upstreamEmbedder(settings({ embeddingsTimeoutMs: 100 })),
  });
  assert.equal(await slow.cache.lookup(query(pipelineId, PARAPHRASE)), null);
  await slow.stop();

  assert.equal(service.lookups.embedFailures, 1);
  assert.equal(slow.lookups.embedFailures, 1);
  assert.equal(warnings.length, 2, 'one warning per service (then at most one a minute)');
  assert.match(String(warnings[0]?.[1]), /embedder failed/);
  await service.stop();

  // The next process uses the written-back vector: only its own question is embedded.
  const later = createCacheService({ db: database.db, logger, embedder });
  fake.reset();
  assert.equal((await later.cache.lookup(query(pipelineId, PARAPHRASE)))?.kind, 'semantic');
  assert.deepEqual(embedded(), [PARAPHRASE]);
  await later.stop();
});

test('an invalidation during a lookup waiting for its vector: no hit on the deleted entries', async () => {
  const pipelineId = await seedPipeline(database.db, acme.id, 'embed-invalidated');
  const service = createCacheService({
    db: database.db,
    logger: console,
    embedder: upstreamEmbedder(settings()),
  });
  const q = query(pipelineId, QUESTION);
  await service.cache.lookup(q);
  await service.cache.store(q, answer('4.1 %'));
  await service.ready(acme.id, pipelineId);
  fake.reset();
  fake.script({ kind: 'ok', delayMs: 4000 }); // long enough for the invalidation on a busy machine
  const waiting = service.cache.lookup(query(pipelineId, PARAPHRASE));
  await fake.until((calls) => calls.length === 1, 'the lookup to ask for its vector');
  assert.equal(await service.invalidatePipeline(acme.id, pipelineId), 1);
  assert.equal(await waiting, null);
  await service.stop();
});
