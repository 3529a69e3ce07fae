// The cache service's side of embedding (cache.service.ts): loading entries with the vectors their
// embedder stored, embedding a lookup's question, counting and reporting failures, and writing
// back vectors that arrived in the background.
//
// Vectors are read as binary arrays (array_send: 4 bytes a float, no text to parse) and only those
// this embedder made (its id is kept in the entry's `answer`); the periodic reload reads vectors
// only for entries this process does not hold yet. Vectors embedded in the background (an entry
// stored while the embedder failed, or made by another model) are written back once the entry's row
// is written, so the next process does not pay for them again.
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../../platform/db/database.ts';
import { inTenant, readInTenant } from '../../../platform/db/scope.ts';
import type { CachedAnswer, CacheQuery } from '../contracts.ts';
import * as repo from './cache.repo.ts';
import type { Embedder } from './embedders.ts';
import type { MemoryEntry, MemoryOptions } from './memory.ts';

/** At most one warning a minute about a failing embedder. */
const EMBED_WARN_MS = 60_000;

/** What the `answer` column holds besides the answer: the context and the vector's embedder. */
export type StoredAnswer = CachedAnswer & { contextHash?: string; embedder?: string };

type Row = Awaited<ReturnType<typeof repo.liveEntries>>[number];

function toMemory(row: Row, vector: Float32Array | null, embedder: Embedder): MemoryEntry {
  const { contextHash, embedder: embeddedBy, ...answer } = row.answer as unknown as StoredAnswer;
  return {
    id: row.id,
    keyHash: row.keyHash,
    contextHash: contextHash ?? '',
    queryText: row.queryText,
    answer,
    createdAt: row.createdAt.getTime(),
    expiresAt: row.expiresAt.getTime(),
    // A stored vector counts only if this embedder made it (else the warm-up asks for a new one).
    vector: embeddedBy === embedder.id ? vector : null,
  };
}

export function createEntryVectors({
  db,
  logger,
  embedder,
  now,
  flushEntries,
  countFailures,
}: {
  db: Db;
  logger: Pick<FastifyBaseLogger, 'warn'>;
  embedder: Embedder;
  now: () => number;
  /** Writes the queued entries (a write-back must find their rows). */
  flushEntries: () => Promise<void>;
  /** Counts questions and entries the embedder failed on (for /metrics). */
  countFailures: (n: number) => void;
}) {
  let warnedAt = -Infinity;

  function failed(error: unknown, entries: number): void {
    countFailures(entries);
    if (now() - warnedAt < EMBED_WARN_MS) return;
    warnedAt = now();
    logger.warn(
      { err: error, embedder: embedder.id, entries },
      'semantic cache: the embedder failed; those lookups are misses and those entries exact-only',
    );
  }

  /** Writes vectors that arrived in the background to their rows (after the queued rows). */
  function writeBack(tenantId: string, entries: MemoryEntry[], vectors: Float32Array[]): void {
    if (!embedder.persist) return;
    void flushEntries()
      .then(() =>
        inTenant(db, tenantId, (tx) =>
          repo.setEmbeddings(
            tx,
            entries.map((e) => e.id),
            vectors,
            embedder.id,
          ),
        ),
      )
      .catch((error: unknown) => logger.warn({ err: error, tenantId }, 'cache vectors not written back'));
  }

  return {
    /** The memory's embedding hooks for one pipeline of a tenant. */
    memoryOptions(tenantId: string): MemoryOptions {
      return {
        embedder,
        onEmbedFailure: failed,
        onEmbedded: (entries, vectors) => writeBack(tenantId, entries, vectors),
      };
    },

    /**
     * The pipeline's live entries, with the stored vectors of those `held` does not name (all, on
     * a first load) when the embedder's vectors are worth storing.
     */
    entries(tenantId: string, pipelineId: string, held?: (id: string) => boolean): Promise<MemoryEntry[]> {
      return readInTenant(db, tenantId, async (tx) => {
        const rows = await repo.liveEntries(tx, pipelineId);
        const wanted = embedder.persist ? rows.filter((r) => !held?.(r.id)).map((r) => r.id) : [];
        const stored = wanted.length > 0 ? await repo.entryVectors(tx, wanted) : new Map();
        return rows.map((row) => toMemory(row, stored.get(row.id) ?? null, embedder));
      });
    },

    /** The question's vector, or null when the embedder failed (the lookup is then a miss). */
    async of(q: CacheQuery): Promise<Float32Array | null> {
      const ready = embedder.embedNow(q.queryText);
      if (ready) return ready;
      try {
        return (await embedder.embed([q.queryText]))[0] ?? null;
      } catch (error) {
        failed(error, 1);
        return null;
      }
    },
  };
}
