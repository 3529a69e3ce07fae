// One pipeline's cache entries in memory: a map by request hash for exact hits (no I/O on the
// request path) and, once the pipeline is first asked a semantic question, a nearest-neighbour
// index per request context (system prompt, earlier turns, tools — see contextKey) over the
// embeddings of the entries' questions. Entries come from ai_cache_entries (loaded once, lazily)
// and from the answers this process stores; expired ones are dropped when met.

import type { CachedAnswer, CacheHit } from '../contracts.ts';
import { EMBEDDING_DIMS, embed } from './embedder.ts';
import { compareQueries } from './guard.ts';
import { VectorIndex } from './vector-index.ts';

export interface MemoryEntry {
  id: string;
  keyHash: string;
  contextHash: string;
  queryText: string;
  answer: CachedAnswer;
  createdAt: number;
  expiresAt: number;
}

/** A pipeline keeps at most this many entries in memory; the oldest go first. */
export const MAX_ENTRIES = 200_000;
/** Semantic candidates the guard looks at, best first. */
const CANDIDATES = 5;

export class PipelineMemory {
  private readonly byKey = new Map<string, MemoryEntry>();
  private readonly byId = new Map<string, MemoryEntry>();
  private indexes: Map<string, VectorIndex> | null = null;

  get size(): number {
    return this.byId.size;
  }

  put(entry: MemoryEntry): void {
    const previous = this.byKey.get(entry.keyHash);
    if (previous) this.remove(previous.id);
    if (this.byId.size >= MAX_ENTRIES) {
      const oldest = this.byId.keys().next().value;
      if (oldest !== undefined) this.remove(oldest);
    }
    this.byKey.set(entry.keyHash, entry);
    this.byId.set(entry.id, entry);
    if (this.indexes) this.indexEntry(entry);
  }

  remove(id: string): boolean {
    const entry = this.byId.get(id);
    if (!entry) return false;
    this.byId.delete(id);
    if (this.byKey.get(entry.keyHash) === entry) this.byKey.delete(entry.keyHash);
    this.indexes?.get(entry.contextHash)?.remove(id);
    return true;
  }

  /** Drops the entries created before `before` (ms). */
  removeOlderThan(before: number): void {
    for (const entry of [...this.byId.values()]) if (entry.createdAt < before) this.remove(entry.id);
  }

  /** A live entry is younger than both its own expiry and the pipeline's current TTL. */
  private live(entry: MemoryEntry, now: number, ttlSeconds: number): boolean {
    if (entry.expiresAt > now && entry.createdAt + ttlSeconds * 1000 > now) return true;
    if (entry.expiresAt <= now) this.remove(entry.id);
    return false;
  }

  exact(keyHash: string, now: number, ttlSeconds: number): CacheHit | null {
    const entry = this.byKey.get(keyHash);
    if (!entry || !this.live(entry, now, ttlSeconds)) return null;
    return { kind: 'exact', entryId: entry.id, answer: entry.answer };
  }

  semantic(
    queryText: string,
    contextHash: string,
    threshold: number,
    now: number,
    ttlSeconds: number,
  ): CacheHit | null {
    if (queryText === '') return null;
    const index = this.semanticIndexes().get(contextHash);
    if (!index) return null;
    for (const near of index.search(embed(queryText), CANDIDATES, threshold)) {
      const entry = this.byId.get(near.id);
      if (!entry || !this.live(entry, now, ttlSeconds)) continue;
      if (!compareQueries(entry.queryText, queryText).ok) continue;
      return { kind: 'semantic', entryId: entry.id, answer: entry.answer, similarity: near.similarity };
    }
    return null;
  }

  private semanticIndexes(): Map<string, VectorIndex> {
    if (!this.indexes) {
      this.indexes = new Map();
      for (const entry of this.byId.values()) this.indexEntry(entry);
    }
    return this.indexes;
  }

  private indexEntry(entry: MemoryEntry): void {
    if (entry.queryText === '' || !this.indexes) return;
    let index = this.indexes.get(entry.contextHash);
    if (!index) {
      index = new VectorIndex({ dims: EMBEDDING_DIMS });
      this.indexes.set(entry.contextHash, index);
    }
    index.add(entry.id, embed(entry.queryText));
  }

  /** Waits for the indexes' background rebuilds (tests, benchmarks). */
  async ready(): Promise<void> {
    for (const index of this.indexes?.values() ?? []) await index.ready();
  }
}
