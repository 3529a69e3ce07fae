// One pipeline's cache entries in memory: a map by request hash for exact hits (no I/O on the
// request path) and, once the pipeline is first asked a semantic question, a nearest-neighbour
// index per request context (system prompt, earlier turns, tools — see contextKey) over the
// embeddings of the entries' questions. Entries come from ai_cache_entries (loaded once, lazily)
// and from the answers this process stores; expired ones are dropped when met.
//
// Building the indexes (warm-up): up to SYNC_INDEX_LIMIT entries are embedded inside the first
// semantic lookup. More (a loaded pipeline with 100k entries costs seconds of embedding and a
// second or two of index training) are embedded and trained in the background in slices of a few
// ms (slices.ts), each index in bulk mode so it is trained once on all its vectors; until that is
// done semantic lookups are misses (exact hits are served throughout). Answering from a
// half-built index instead would mean a flat scan of up to 100k vectors per lookup (≈ 50 ms).

import type { CachedAnswer, CacheHit } from '../contracts.ts';
import { EMBEDDING_DIMS, embed } from './embedder.ts';
import { compareQueries } from './guard.ts';
import { Slicer } from './slices.ts';
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
/** Up to this many entries the indexes are built inside the first semantic lookup. */
export const SYNC_INDEX_LIMIT = 256;

export class PipelineMemory {
  private readonly byKey = new Map<string, MemoryEntry>();
  private readonly byId = new Map<string, MemoryEntry>();
  private indexes: Map<string, VectorIndex> | null = null;
  /** The background warm-up of the indexes, while it runs. */
  private warming: Promise<void> | null = null;
  /** Set while the warm-up embeds: indexes created meanwhile start in bulk mode. */
  private bulkLoading = false;
  private disposed = false;

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

  /**
   * Brings the memory in step with the table's rows: drops what the table no longer holds, unless
   * `keep` names it (written later), and adds what it holds that memory lacks. Entries present in
   * both keep their embeddings (no re-indexing).
   */
  syncWith(entries: MemoryEntry[], keep: (id: string) => boolean): void {
    const fresh = new Set(entries.map((e) => e.id));
    for (const entry of [...this.byId.values()])
      if (!fresh.has(entry.id) && !keep(entry.id)) this.remove(entry.id);
    for (const entry of entries) {
      if (this.byId.has(entry.id)) continue;
      const current = this.byKey.get(entry.keyHash);
      if (current && keep(current.id)) continue;
      this.put(entry);
    }
  }

  has(id: string): boolean {
    return this.byId.has(id);
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
    if (queryText === '' || !this.semanticReady()) return null;
    const index = this.indexes?.get(contextHash);
    if (!index) return null;
    for (const near of index.search(embed(queryText), CANDIDATES, threshold)) {
      const entry = this.byId.get(near.id);
      if (!entry || !this.live(entry, now, ttlSeconds)) continue;
      if (!compareQueries(entry.queryText, queryText).ok) continue;
      return { kind: 'semantic', entryId: entry.id, answer: entry.answer, similarity: near.similarity };
    }
    return null;
  }

  /** Whether the indexes can answer; the first call starts building them. */
  semanticReady(): boolean {
    if (!this.indexes) this.startIndexing();
    return this.warming === null;
  }

  private startIndexing(): void {
    this.indexes = new Map();
    if (this.byId.size <= SYNC_INDEX_LIMIT) {
      for (const entry of this.byId.values()) this.indexEntry(entry);
      return;
    }
    this.bulkLoading = true;
    this.warming = this.warmUp([...this.byId.values()]).finally(() => {
      this.warming = null;
      this.bulkLoading = false;
    });
  }

  /** Embeds `entries` in slices into indexes in bulk mode, then trains each index once. */
  private async warmUp(entries: MemoryEntry[]): Promise<void> {
    const slicer = new Slicer();
    await slicer.pause();
    const perContext = new Map<string, number>();
    for (const e of entries) perContext.set(e.contextHash, (perContext.get(e.contextHash) ?? 0) + 1);
    for (const [contextHash, count] of perContext) this.indexFor(contextHash).reserve(count);
    await slicer.pause();
    for (const entry of entries) {
      if (this.disposed) return;
      // Removed or replaced meanwhile (or already added by put()): nothing to do.
      if (this.byId.get(entry.id) !== entry) continue;
      this.indexEntry(entry);
      if (slicer.due()) await slicer.pause();
    }
    this.bulkLoading = false;
    const indexes = [...(this.indexes?.values() ?? [])];
    for (const index of indexes) index.endBulk();
    for (const index of indexes) await index.ready();
  }

  private indexEntry(entry: MemoryEntry): void {
    if (entry.queryText === '' || !this.indexes) return;
    const index = this.indexFor(entry.contextHash);
    if (!index.has(entry.id)) index.add(entry.id, embed(entry.queryText));
  }

  private indexFor(contextHash: string): VectorIndex {
    const indexes = this.indexes ?? new Map<string, VectorIndex>();
    this.indexes = indexes;
    let index = indexes.get(contextHash);
    if (!index) {
      index = new VectorIndex({ dims: EMBEDDING_DIMS });
      if (this.bulkLoading) index.beginBulk();
      indexes.set(contextHash, index);
    }
    return index;
  }

  /**
   * Builds the semantic indexes if they are not (the first semantic lookup would) and waits for
   * them and for any background rebuild (tests, benchmarks, warming a pipeline up).
   */
  async ready(): Promise<void> {
    this.semanticReady();
    while (this.warming) await this.warming;
    for (const index of this.indexes?.values() ?? []) await index.ready();
  }

  /** The semantic index of a context, once built (tests, benchmarks). */
  indexOf(contextHash: string): VectorIndex | undefined {
    return this.indexes?.get(contextHash);
  }

  /** Stops a running warm-up (the memory was dropped). */
  dispose(): void {
    this.disposed = true;
  }
}
