import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { deleteInBatches } from '../../../platform/db/maintenance.ts';
import { aiCacheEntries, aiRequests } from '../../../platform/db/schema/index.ts';
import { inTenant, readInTenant } from '../../../platform/db/scope.ts';
import { createTestApp, type TestApp } from '../../../platform/http/testing.ts';
import { eventually } from '../../../platform/jobs/testing.ts';
import {
  callApi,
  createTestTenant,
  signIn,
  type TestSession,
  type TestTenant,
} from '../../identity/testing.ts';
import type { CacheQuery } from '../contracts.ts';
import { expiredEntries } from './cache.repo.ts';
import { createCacheService } from './cache.service.ts';
import { STORE_BATCH } from './entry-writer.ts';
import { cachedAnswer, seedPipeline } from './testing.ts';

// The answer cache on a real database: exact and semantic hits, the guard, TTL, hit counts written
// in batches, invalidation (pipeline, age, entry, expiry task), tenant isolation, and the routes.

let t: TestApp;
let acme: TestTenant;
let other: TestTenant;
let acmePipeline: string;
let otherPipeline: string;
const s = {} as Record<'analyst' | 'viewer' | 'other', TestSession>;
let clock = Date.now();
const now = () => clock;

const answer = cachedAnswer;

const query = (
  tenantId: string,
  pipelineId: string,
  text: string,
  over: Partial<CacheQuery> = {},
): CacheQuery => ({
  tenantId,
  pipelineId,
  mode: 'semantic',
  ttlSeconds: 3600,
  threshold: 0.8,
  keyHash: `key:${text}`,
  queryText: text,
  ...over,
});

before(async () => {
  t = await createTestApp();
  acme = await createTestTenant(t.database.db, 'ai-cache');
  other = await createTestTenant(t.database.db, 'ai-cache-other');
  acmePipeline = await seedPipeline(t.database.db, acme.id, 'cache-acme');
  otherPipeline = await seedPipeline(t.database.db, other.id, 'cache-other');
  s.analyst = await signIn(t.app, acme.users.analyst.email);
  s.viewer = await signIn(t.app, acme.users.viewer.email);
  s.other = await signIn(t.app, other.users.analyst.email);
});

after(() => t.close());

test('exact and semantic hits, the guard, context and TTL', async () => {
  const service = createCacheService({ db: t.database.db, logger: console, now });
  const { cache } = service;
  const q = query(acme.id, acmePipeline, 'Which suppliers delivered late in March?');
  assert.equal(await cache.lookup(q), null);
  const id = await cache.store(q, answer('Acme and Bolt.'));
  const exact = await cache.lookup(q);
  assert.equal(exact?.kind, 'exact');
  assert.equal(exact?.entryId, id);
  assert.equal(exact?.answer.text, 'Acme and Bolt.');

  const paraphrase = await cache.lookup(
    query(acme.id, acmePipeline, 'which vendors delivered late in March'),
  );
  assert.equal(paraphrase?.kind, 'semantic');
  assert.ok((paraphrase?.similarity ?? 0) >= 0.8);
  // Same words, another month: the guard refuses.
  assert.equal(
    await cache.lookup(query(acme.id, acmePipeline, 'Which suppliers delivered late in April?')),
    null,
  );
  // Exact mode never answers a paraphrase.
  assert.equal(
    await cache.lookup(
      query(acme.id, acmePipeline, 'which vendors delivered late in March', { mode: 'exact' }),
    ),
    null,
  );
  // Another context (system prompt, earlier turns) never shares semantic hits.
  assert.equal(
    await cache.lookup(
      query(acme.id, acmePipeline, 'which vendors delivered late in March', { contextHash: 'other' }),
    ),
    null,
  );
  // A TTL lowered since the answer was stored applies at once; the entry's own expiry too.
  clock += 120_000;
  assert.equal(await cache.lookup({ ...q, ttlSeconds: 60 }), null);
  assert.equal((await cache.lookup(q))?.kind, 'exact');
  clock += 3600_000;
  assert.equal(await cache.lookup(q), null);
  await service.stop();
});

test('a started service writes stores and hit counts by itself, and sets no timer while nothing waits', async () => {
  const service = createCacheService({ db: t.database.db, logger: console });
  service.start();
  assert.equal(service.flushScheduled(), false, 'idle: no timer');
  const q = query(acme.id, acmePipeline, 'How many pumps failed the pressure test?');
  const id = await service.cache.store(q, answer('Three.'));
  assert.equal(service.flushScheduled(), true);
  const rowOf = async () =>
    (
      await readInTenant(t.database.db, acme.id, (tx) =>
        tx.select().from(aiCacheEntries).where(eq(aiCacheEntries.id, id)),
      )
    )[0];
  await eventually(async () => ((await rowOf())?.hits === 0 ? true : undefined), 'the stored entry', 30_000);
  assert.equal((await service.cache.lookup(q))?.entryId, id);
  assert.equal((await service.cache.lookup(q))?.entryId, id);
  await eventually(async () => ((await rowOf())?.hits === 2 ? true : undefined), 'the hit counts', 30_000);
  await eventually(
    async () => (service.flushScheduled() ? undefined : true),
    'no timer once written',
    30_000,
  );
  await service.stop();
});

test('hit counts are written in batches; other processes load the table lazily', async () => {
  clock = Date.now();
  const writer = createCacheService({ db: t.database.db, logger: console, now });
  const q = query(acme.id, acmePipeline, 'What was the OEE of line 2 yesterday?');
  const id = await writer.cache.store(q, answer('71 %'));
  await writer.cache.lookup(q);
  await writer.cache.lookup(q);
  const hitsOf = async () =>
    (
      await readInTenant(t.database.db, acme.id, (tx) =>
        tx.select().from(aiCacheEntries).where(eq(aiCacheEntries.id, id)),
      )
    )[0];
  // Stores are written in batches too: not in the table until the next flush.
  assert.equal(await hitsOf(), undefined);
  await writer.flushEntries();
  assert.equal((await hitsOf())?.hits, 0);
  await writer.flushHits();
  const row = await hitsOf();
  assert.equal(row?.hits, 2);
  assert.ok(row?.lastHitAt);

  const reader = createCacheService({ db: t.database.db, logger: console, now });
  assert.equal((await reader.cache.lookup(q))?.entryId, id);
  assert.equal(
    (await reader.cache.lookup(query(acme.id, acmePipeline, "yesterday's OEE of line 2?")))?.entryId,
    id,
  );
  // Tenant isolation: another tenant naming this pipeline sees nothing.
  assert.equal(await reader.cache.lookup({ ...q, tenantId: other.id }), null);
  await writer.stop();
  await reader.stop();
});

test('invalidation by age, by pipeline, by entry, and the expiry task', async () => {
  clock = Date.now();
  const service = createCacheService({ db: t.database.db, logger: console, now });
  const old = query(acme.id, acmePipeline, 'Why did pump P-101 stop?');
  clock -= 5 * 3600_000;
  await service.cache.store(old, answer('Cavitation.'));
  clock = Date.now();
  const fresh = query(acme.id, acmePipeline, 'Open valve V-12 on tank 3');
  const freshId = await service.cache.store(fresh, answer('Done.'));
  assert.equal(await service.invalidatePipeline(acme.id, acmePipeline, 2), 1);
  assert.equal(await service.cache.lookup(old), null);
  assert.equal((await service.cache.lookup(fresh))?.entryId, freshId);

  await service.deleteEntry(acme.id, freshId);
  assert.equal(await service.cache.lookup(fresh), null);
  await assert.rejects(service.deleteEntry(other.id, freshId), /not found/);
  await assert.rejects(service.invalidatePipeline(other.id, acmePipeline), /not found/);

  const expiring = await service.cache.store({ ...fresh, ttlSeconds: 1 }, answer('Done.'));
  await service.flushEntries();
  await inTenant(t.database.db, acme.id, (tx) =>
    tx
      .update(aiCacheEntries)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(aiCacheEntries.id, expiring)),
  );
  assert.ok((await deleteInBatches(t.database.db, 'ai_cache_entries', expiredEntries)) >= 1);
  const left = await readInTenant(t.database.db, acme.id, (tx) =>
    tx.select().from(aiCacheEntries).where(eq(aiCacheEntries.id, expiring)),
  );
  assert.equal(left.length, 0);
  await service.stop();
});

const rowsOf = (pipelineId: string) =>
  readInTenant(t.database.db, acme.id, (tx) =>
    tx.select().from(aiCacheEntries).where(eq(aiCacheEntries.pipelineId, pipelineId)),
  );

test('stores: in memory at once, written in batches; invalidation wins over the queue', async () => {
  const pipelineId = await seedPipeline(t.database.db, acme.id, 'cache-batches');
  const service = createCacheService({ db: t.database.db, logger: console });
  const q = (text: string) => query(acme.id, pipelineId, text);
  const ids = await Promise.all(
    ['Scrap on line 1?', 'Scrap on line 2?', 'Scrap on line 3?'].map((text) =>
      service.cache.store(q(text), answer(text)),
    ),
  );
  assert.equal((await service.cache.lookup(q('Scrap on line 2?')))?.entryId, ids[1]);
  assert.deepEqual(await rowsOf(pipelineId), []);
  await service.flushEntries();
  assert.deepEqual((await rowsOf(pipelineId)).map((r) => r.id).sort(), [...ids].sort());

  // Re-storing a request replaces its row, id included (the id the process handed out).
  const again = await service.cache.store(q('Scrap on line 1?'), answer('new'));
  await service.flushEntries();
  const rows = await rowsOf(pipelineId);
  assert.equal(rows.length, 3);
  const row = rows.find((r) => r.keyHash === 'key:Scrap on line 1?');
  assert.equal(row?.id, again);
  // Every column as stored: the answer whole (with its context), tokens, cost, times, no hits.
  assert.deepEqual(row?.answer, { ...answer('new'), contextHash: '' });
  assert.deepEqual(
    [row?.queryText, row?.tokensIn, row?.tokensOut, row?.costUsd, row?.hits],
    ['Scrap on line 1?', 12, 30, 0.001, 0],
  );
  assert.ok(Math.abs((row?.createdAt.getTime() ?? 0) - Date.now()) < 60_000);
  assert.equal((row?.expiresAt.getTime() ?? 0) - (row?.createdAt.getTime() ?? 0), 3_600_000);
  assert.equal(row?.tenantId, acme.id);

  // Deleted before its batch: never written, and gone from memory.
  const queued = await service.cache.store(q('Energy per unit?'), answer('3 kWh'));
  await service.deleteEntry(acme.id, queued);
  await service.flushEntries();
  assert.equal((await rowsOf(pipelineId)).length, 3);
  assert.equal(await service.cache.lookup(q('Energy per unit?')), null);

  // A pipeline invalidated while a batch is being written: nothing comes back.
  await service.cache.store(q('Energy per shift?'), answer('9 kWh'));
  const writing = service.flushEntries();
  const invalidated = service.invalidatePipeline(acme.id, pipelineId);
  await Promise.all([writing, invalidated]);
  await service.flushEntries();
  assert.deepEqual(await rowsOf(pipelineId), []);
  assert.equal(await service.cache.lookup(q('Energy per shift?')), null);
  await service.stop();
});

test('stores: a failed batch is retried once, then dropped with a warning', async () => {
  const warnings: string[] = [];
  const logger = {
    warn: (...args: unknown[]) => {
      warnings.push(String(args[1]));
    },
  } as unknown as Pick<FastifyBaseLogger, 'warn'>;
  const service = createCacheService({ db: t.database.db, logger });
  // A NUL in the text: PostgreSQL refuses the batch, every time (the gateway's schemas keep NULs
  // out; here it stands for any failing write).
  const ghost = await seedPipeline(t.database.db, acme.id, 'cache-failing-batch');
  const id = await service.cache.store(query(acme.id, ghost, 'Why?\u0000'), answer('Because.'));
  await service.flushEntries();
  assert.deepEqual(warnings, ['cache entries not written; retried with the next batch']);
  await service.flushEntries();
  assert.deepEqual(warnings.slice(1), ['cache entries not written; dropped']);
  await service.flushEntries();
  assert.equal(warnings.length, 2);
  // The entry is still served from this process's memory, and can still be deleted there.
  assert.equal((await service.cache.lookup(query(acme.id, ghost, 'Why?\u0000')))?.entryId, id);
  await service.deleteEntry(acme.id, id);
  assert.equal(await service.cache.lookup(query(acme.id, ghost, 'Why?\u0000')), null);
  await service.stop();
});

test('stores: the entries of a pipeline deleted before its batch are skipped, the rest written', async () => {
  const warnings: unknown[] = [];
  const logger = { warn: (...args: unknown[]) => warnings.push(args) } as unknown as Pick<
    FastifyBaseLogger,
    'warn'
  >;
  const kept = await seedPipeline(t.database.db, acme.id, 'cache-batch-kept');
  const service = createCacheService({ db: t.database.db, logger });
  const gone = crypto.randomUUID(); // never existed, or deleted since the store
  await service.cache.store(query(acme.id, gone, 'Why?'), answer('Because.'));
  await service.cache.store(query(acme.id, kept, 'How?'), answer('Like this.'));
  await service.flushEntries();
  assert.deepEqual(warnings, []);
  assert.deepEqual(
    (await rowsOf(kept)).map((r) => r.queryText),
    ['How?'],
  );
  assert.deepEqual(await rowsOf(gone), []);
  assert.equal(await service.invalidatePipeline(acme.id, kept), 1);
  await service.stop();
});

test('stores: a tenant with STORE_BATCH entries waiting is written without the timer', async () => {
  const pipelineId = await seedPipeline(t.database.db, acme.id, 'cache-full-batch');
  const service = createCacheService({ db: t.database.db, logger: console });
  for (let i = 0; i < STORE_BATCH; i++)
    await service.cache.store(query(acme.id, pipelineId, `Question ${i}`, { mode: 'exact' }), answer('x'));
  // No flush was asked for and the timer is not started: wait for the rows (bounded).
  for (let tries = 0; tries < 500 && (await rowsOf(pipelineId)).length < STORE_BATCH; tries++)
    await new Promise((resolve) => setImmediate(resolve));
  assert.equal((await rowsOf(pipelineId)).length, STORE_BATCH);
  assert.equal(await service.invalidatePipeline(acme.id, pipelineId), STORE_BATCH);
  await service.stop();
});

test('routes: stats, entries, invalidation; access and tenant isolation', async () => {
  const service = createCacheService({ db: t.database.db, logger: console });
  const entryId = await service.cache.store(
    query(acme.id, acmePipeline, 'Show scrap by shift'),
    answer('Shift A 2 %.'),
  );
  await service.flushEntries();
  await inTenant(t.database.db, acme.id, (tx) =>
    tx.insert(aiRequests).values(
      (['miss', 'exact', 'semantic', 'off'] as const).map((cache) => ({
        tenantId: acme.id,
        workspaceId: acme.id,
        pipelineId: acmePipeline,
        pipelineVersion: 1,
        at: new Date(),
        protocol: 'openai',
        purpose: 'gateway',
        cache,
        status: 'ok',
        latencyMs: 3,
        tokensSaved: cache === 'exact' || cache === 'semantic' ? 42 : 0,
      })),
    ),
  );
  const stats = await callApi(t.app, 'GET', `/ai/pipelines/${acmePipeline}/cache?limit=5`, s.viewer.headers);
  assert.equal(stats.statusCode, 200, stats.body);
  const body = stats.json();
  assert.equal(body.outcomes.requests, 4);
  assert.equal(body.outcomes.hitRate, 2 / 3);
  assert.equal(body.outcomes.tokensSaved, 84);
  assert.ok(body.entries.items.some((e: { id: string }) => e.id === entryId));
  assert.equal(body.entries.limit, 5);

  const tenant = await callApi(t.app, 'GET', '/ai/cache/stats', s.viewer.headers);
  assert.equal(tenant.statusCode, 200, tenant.body);
  assert.equal(tenant.json().outcomes.exact, 1);
  assert.equal(tenant.json().pipelines[0].pipelineId, acmePipeline);
  const foreign = await callApi(t.app, 'GET', '/ai/cache/stats', s.other.headers);
  assert.deepEqual(foreign.json().pipelines, []);

  assert.equal(
    (await callApi(t.app, 'GET', `/ai/pipelines/${acmePipeline}/cache`, s.other.headers)).statusCode,
    404,
  );
  assert.equal((await callApi(t.app, 'DELETE', `/ai/cache/${entryId}`, s.viewer.headers)).statusCode, 403);
  assert.equal((await callApi(t.app, 'DELETE', `/ai/cache/${entryId}`, s.other.headers)).statusCode, 404);
  assert.equal((await callApi(t.app, 'DELETE', `/ai/cache/${entryId}`, s.analyst.headers)).statusCode, 204);
  assert.equal((await callApi(t.app, 'DELETE', `/ai/cache/${entryId}`, s.analyst.headers)).statusCode, 404);
  await service.cache.store(query(acme.id, acmePipeline, 'Show scrap by line'), answer('Line 1 3 %.'));
  await service.flushEntries();
  const bad = await callApi(
    t.app,
    'DELETE',
    `/ai/pipelines/${acmePipeline}/cache?olderThanHours=-1`,
    s.analyst.headers,
  );
  assert.equal(bad.statusCode, 400);
  const cleared = await callApi(t.app, 'DELETE', `/ai/pipelines/${acmePipeline}/cache`, s.analyst.headers);
  assert.equal(cleared.statusCode, 200, cleared.body);
  assert.ok(cleared.json().removed >= 1);
  assert.equal(
    (await callApi(t.app, 'DELETE', `/ai/pipelines/${otherPipeline}/cache`, s.analyst.headers)).statusCode,
    404,
  );
  await service.stop();
});
