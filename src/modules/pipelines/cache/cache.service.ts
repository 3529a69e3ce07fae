// The answer cache (AnswerCache for the runtime) and its administration (stats, invalidation).
//
// Lookups never touch the database once a pipeline is loaded: the first lookup of a pipeline in
// this process loads its live entries (in the tenant's scope) into a PipelineMemory, and stores
// and invalidations made through this process keep it in step. Other processes: an entry another
// process stores is a miss here until this process stores the same request itself (never a wrong
// answer); an invalidation made in another process is seen here after RELOAD_MS at the latest,
// when the pipeline's memory is brought in step with the table. Hits are counted in memory
// and written to ai_cache_entries (hits, last_hit_at) in one statement per tenant every
// FLUSH_MS, off the request path.
//
// Stores are off the request path too: a stored answer is in memory at once (the next identical
// request hits) under an id made here, and queued (entry-writer.ts); the queue is written STORE_FLUSH_MS after
// the first entry of a batch (or as soon as a tenant has STORE_BATCH entries waiting) with one upsert
// per tenant. The timer runs only while entries or hits wait: an idle server is not woken. A batch that
// fails is queued again once, then dropped with a warning: the cache is a cache, and a lost entry
// only means a later miss (this process keeps serving it from memory until the next reload).
// Invalidation wins over the queue: it drops the queued entries it covers and waits for a batch
// being written before it deletes, so an invalidated entry cannot come back from a late write.
//
// Memory holds contextHash beside the answer in the entry's `answer` jsonb (there is no column
// for it): a semantic hit needs the same context (cache/normalise.ts contextKey).
//
// Semantic lookups embed the question with the service's embedder (embedders.ts). The vector of a
// lookup is kept for the store that follows a miss (the question is not embedded twice). An
// upstream embedder's vectors are written with the entry (`embedding`, and the embedder's id in
// `answer`) and reused when the pipeline is loaded again; when the upstream fails, the lookup is a
// miss (counted, warned about at most once a minute) and the request goes on to the model.

import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../../platform/db/database.ts';
import { inTenant, readInTenant } from '../../../platform/db/scope.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { AnswerCache, CachedAnswer, CacheHit, CacheQuery } from '../contracts.ts';
import * as repo from './cache.repo.ts';
import { builtinEmbedder, type Embedder } from './embedders.ts';
import { createEntryVectors, type StoredAnswer } from './entry-vectors.ts';
import { createEntryWriter, type EntryRow } from './entry-writer.ts';
import { PipelineMemory } from './memory.ts';

const FLUSH_MS = 5_000;
export const STORE_FLUSH_MS = 250;
export const RELOAD_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;

interface Loaded {
  memory: PipelineMemory;
  loadedAt: number;
  reloading?: boolean;
}

export function createCacheService({
  db,
  logger,
  now = () => Date.now(),
  embedder = builtinEmbedder,
}: {
  db: Db;
  logger: Pick<FastifyBaseLogger, 'warn'>;
  now?: () => number;
  /** What semantic lookups embed questions with (default: the built-in offline embedder). */
  embedder?: Embedder;
}) {
  /** `${tenantId}:${pipelineId}` → its memory (loading or loaded). */
  const pipelines = new Map<string, Promise<Loaded>>();
  /** tenantId → entryId → [count, last hit ms]. */
  let pendingHits = new Map<string, Map<string, [number, number]>>();
  let timer: NodeJS.Timeout | null = null;
  let started = false;
  /** When the hits counted since the last write are due (the first one's time + FLUSH_MS). */
  let hitsDueAt = Number.POSITIVE_INFINITY;
  const entries = createEntryWriter({ db, logger });
  const { unqueue } = entries;
  const flushEntries = () => entries.flush();
  const queue: typeof entries.queue = (tenantId, entry) => {
    entries.queue(tenantId, entry);
    schedule();
  };

  /** Sets the flush timer when something waits and none is set (the service started). */
  function schedule(): void {
    if (!started || timer) return;
    const wait = entries.pending()
      ? STORE_FLUSH_MS
      : pendingHits.size > 0
        ? Math.max(0, hitsDueAt - Date.now())
        : null;
    if (wait === null) return;
    timer = setTimeout(() => {
      const hitsDue = pendingHits.size > 0 && Date.now() >= hitsDueAt;
      void (hitsDue ? flushHits() : flushEntries()).finally(() => {
        timer = null;
        schedule();
      });
    }, wait).unref();
  }

  const keyOf = (tenantId: string, pipelineId: string) => `${tenantId}:${pipelineId}`;
  /** Lookups of this process since the start, by result, and the embedder's failures (for /metrics). */
  const lookups = { exact: 0, semantic: 0, miss: 0, embedFailures: 0 };
  const embedding = createEntryVectors({
    db,
    logger,
    embedder,
    now,
    flushEntries,
    countFailures: (n) => {
      lookups.embedFailures += n;
    },
  });
  /** The vector of a lookup's question, for the store that follows its miss. */
  const vectors = new WeakMap<CacheQuery, Float32Array>();

  function load(tenantId: string, pipelineId: string): Promise<Loaded> {
    return embedding.entries(tenantId, pipelineId).then((rows) => {
      const memory = new PipelineMemory(embedding.memoryOptions(tenantId));
      for (const row of rows) memory.put(row);
      return { memory, loadedAt: now() };
    });
  }

  function drop(tenantId: string, pipelineId: string): void {
    const key = keyOf(tenantId, pipelineId);
    const state = pipelines.get(key);
    pipelines.delete(key);
    state?.then((s) => s.memory.dispose()).catch(() => {});
  }

  function memoryOf(tenantId: string, pipelineId: string): Promise<Loaded> {
    const key = keyOf(tenantId, pipelineId);
    const existing = pipelines.get(key);
    if (existing) return existing;
    const loading = load(tenantId, pipelineId);
    pipelines.set(key, loading);
    // A failed load is retried by the next lookup.
    loading.catch(() => pipelines.delete(key));
    return loading;
  }

  async function loaded(tenantId: string, pipelineId: string): Promise<PipelineMemory> {
    const key = keyOf(tenantId, pipelineId);
    const state = await memoryOf(tenantId, pipelineId);
    if (now() - state.loadedAt > RELOAD_MS && !state.reloading) {
      // Brought in step in the background (keeping the embeddings of unchanged entries); the
      // memory answers meanwhile.
      state.reloading = true;
      embedding
        .entries(tenantId, pipelineId, (id) => state.memory.has(id))
        .then(
          async (rows) => {
            state.reloading = false;
            const current = await pipelines.get(key)?.catch(() => undefined);
            if (current !== state) return;
            state.memory.syncWith(rows, (id) => entries.unwritten(tenantId, id));
            state.memory.retryEmbedding();
            state.loadedAt = now();
          },
          (error: unknown) => {
            state.reloading = false;
            logger.warn({ err: error, pipelineId }, 'cache reload failed');
          },
        );
    }
    return state.memory;
  }

  function countHit(tenantId: string, entryId: string): void {
    if (pendingHits.size === 0) hitsDueAt = Date.now() + FLUSH_MS;
    let tenant = pendingHits.get(tenantId);
    if (!tenant) {
      tenant = new Map();
      pendingHits.set(tenantId, tenant);
    }
    const previous = tenant.get(entryId);
    tenant.set(entryId, [(previous?.[0] ?? 0) + 1, now()]);
    schedule();
  }

  async function flushHits(): Promise<void> {
    // Entries first, so the hits of entries stored meanwhile find their rows.
    await flushEntries();
    const batch = pendingHits;
    pendingHits = new Map();
    for (const [tenantId, hits] of batch) {
      const ids = [...hits.keys()];
      const counts = ids.map((id) => hits.get(id)?.[0] ?? 0);
      const at = ids.map((id) => new Date(hits.get(id)?.[1] ?? now()).toISOString());
      try {
        await inTenant(db, tenantId, (tx) => repo.addHits(tx, ids, counts, at));
      } catch (error) {
        logger.warn({ err: error, tenantId }, 'cache hit counts not written');
      }
    }
  }

  const cache: AnswerCache = {
    async lookup(q: CacheQuery): Promise<CacheHit | null> {
      const memory = await loaded(q.tenantId, q.pipelineId);
      let hit = memory.exact(q.keyHash, now(), q.ttlSeconds);
      if (!hit && q.mode === 'semantic' && q.queryText !== '' && memory.semanticReady()) {
        const vector = await embedding.of(q);
        if (vector) {
          vectors.set(q, vector);
          const threshold = q.threshold ?? embedder.defaultThreshold;
          hit = memory.semantic(vector, q.queryText, q.contextHash ?? '', threshold, now(), q.ttlSeconds);
        }
      }
      if (hit) countHit(q.tenantId, hit.entryId);
      lookups[hit ? hit.kind : 'miss'] += 1;
      return hit;
    },

    async store(q: CacheQuery, answer: CachedAnswer): Promise<string> {
      const memory = await loaded(q.tenantId, q.pipelineId);
      const createdAt = now();
      const expiresAt = createdAt + q.ttlSeconds * 1000;
      const contextHash = q.contextHash ?? '';
      const vector = q.mode === 'semantic' ? (vectors.get(q) ?? null) : null;
      const persisted = embedder.persist && vector !== null;
      const stored: StoredAnswer = { ...answer, contextHash, ...(persisted && { embedder: embedder.id }) };
      const id = randomUUID();
      queue(q.tenantId, {
        attempt: 0,
        row: {
          id,
          tenantId: q.tenantId,
          pipelineId: q.pipelineId,
          keyHash: q.keyHash,
          queryText: q.queryText,
          answer: stored as unknown as Record<string, unknown>,
          tokensIn: answer.usage.inputTokens,
          tokensOut: answer.usage.outputTokens,
          costUsd: answer.costUsd,
          embedding: persisted ? Array.from(vector) : null,
          createdAt: new Date(createdAt),
          expiresAt: new Date(expiresAt),
        },
      });
      memory.put({
        id,
        keyHash: q.keyHash,
        contextHash,
        queryText: q.queryText,
        answer,
        createdAt,
        expiresAt,
        vector,
      });
      return id;
    },
  };

  /** Which embedder semantic lookups use, and how often it failed in this process. */
  const embedderInfo = () => ({
    kind: embedder.model === null ? ('builtin' as const) : ('upstream' as const),
    model: embedder.model,
    defaultThreshold: embedder.defaultThreshold,
    failures: lookups.embedFailures,
  });

  async function requirePipeline(tenantId: string, pipelineId: string): Promise<void> {
    const exists = await readInTenant(db, tenantId, (tx) => repo.pipelineExists(tx, pipelineId));
    if (!exists) throw notFound('Pipeline');
  }

  return {
    cache,
    lookups: lookups as Readonly<typeof lookups>,

    /** Deletes a pipeline's entries, or those older than `olderThanHours`; returns how many. */
    async invalidatePipeline(tenantId: string, pipelineId: string, olderThanHours?: number): Promise<number> {
      await requirePipeline(tenantId, pipelineId);
      const before = olderThanHours === undefined ? undefined : new Date(now() - olderThanHours * HOUR_MS);
      const covered = (row: EntryRow) =>
        row.pipelineId === pipelineId && (before === undefined || (row.createdAt as Date) < before);
      // Queued entries are dropped, a batch being written is waited for, then the rows go.
      const unwritten = unqueue(tenantId, covered).length;
      await entries.settled();
      const removed = await inTenant(db, tenantId, (tx) =>
        repo.deletePipelineEntries(tx, pipelineId, before),
      );
      const key = keyOf(tenantId, pipelineId);
      if (before === undefined) {
        drop(tenantId, pipelineId);
        unqueue(tenantId, covered);
      } else {
        const state = pipelines.get(key);
        if (state) (await state).memory.removeOlderThan(before.getTime());
        unqueue(tenantId, covered);
      }
      return removed + unwritten;
    },

    async deleteEntry(tenantId: string, entryId: string): Promise<void> {
      const [queued] = unqueue(tenantId, (row) => row.id === entryId);
      await entries.settled();
      const row = await inTenant(db, tenantId, (tx) => repo.deleteEntry(tx, entryId));
      const pipelineId = row?.pipelineId ?? queued?.row.pipelineId;
      if (pipelineId !== undefined) {
        const state = pipelines.get(keyOf(tenantId, pipelineId));
        if (state) (await state).memory.remove(entryId);
        return;
      }
      // Neither written nor queued: an entry whose batch was dropped lives only in memory.
      let found = false;
      for (const [key, state] of pipelines)
        if (key.startsWith(`${tenantId}:`)) found = (await state).memory.remove(entryId) || found;
      if (!found) throw notFound('Cache entry');
    },

    async pipelineStats(
      tenantId: string,
      pipelineId: string,
      query: { hours: number; limit: number; offset: number },
    ) {
      await requirePipeline(tenantId, pipelineId);
      const since = new Date(now() - query.hours * HOUR_MS);
      return readInTenant(db, tenantId, async (tx) => {
        const [totals] = await repo.entryTotals(tx, pipelineId);
        const [outcomes] = await repo.outcomeCounts(tx, pipelineId, since);
        const entries = await repo.listEntries(tx, pipelineId, query);
        return { pipelineId, hours: query.hours, totals, outcomes, entries, embedder: embedderInfo() };
      });
    },

    async tenantStats(tenantId: string, hours: number) {
      const since = new Date(now() - hours * HOUR_MS);
      return readInTenant(db, tenantId, async (tx) => ({
        hours,
        totals: await repo.entryTotals(tx, null),
        outcomes: await repo.outcomeCounts(tx, null, since),
      }));
    },

    /** Writes the counted hits now, and the queued entries before them (tests, shutdown). */
    flushHits,

    /** Writes the queued entries now (tests). */
    flushEntries,

    /** Settles the semantic indexes' background rebuilds of a loaded pipeline (benchmarks). */
    async ready(tenantId: string, pipelineId: string): Promise<void> {
      await (await loaded(tenantId, pipelineId)).ready();
    },

    start(): void {
      started = true;
      schedule();
    },

    /** Whether a write is scheduled (tests: a started service with nothing waiting sets no timer). */
    flushScheduled: (): boolean => timer !== null,

    async stop(): Promise<void> {
      started = false;
      if (timer) clearTimeout(timer);
      timer = null;
      // Twice: a batch that fails now gets its second attempt before the process goes.
      await flushEntries();
      await flushEntries();
      await flushHits();
    },
  };
}

export type CacheService = ReturnType<typeof createCacheService>;
