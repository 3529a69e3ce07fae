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
//
// Vectors come from the pipeline's embedder (embedders.ts): the built-in one computes them on the
// spot; an upstream one is asked in batches, asynchronously (embed-queue.ts: the warm-up awaits
// its batches; an entry put without a vector is embedded in the background and indexed when its
// vector arrives, and `onEmbedded` hears of it so the vector can be written back). An entry whose
// vector could not be had (the embedder failed) stays out of the index — exact hits only — until
// `retryEmbedding` (the service's periodic reload). An entry may arrive with its vector (stored
// with it, or computed by the lookup that preceded the store); it is dropped from the entry once
// indexed. A disposed memory (its pipeline's cache was invalidated) answers nothing.

import type { CachedAnswer, CacheHit } from '../contracts.ts';
import { EmbedQueue } from './embed-queue.ts';
import { builtinEmbedder, type Embedder } from './embedders.ts';
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
  /** Its question's unit vector when known before indexing (dropped once indexed). */
  vector?: Float32Array | null;
}

/** A pipeline keeps at most this many entries in memory; the oldest go first. */
export const MAX_ENTRIES = 200_000;
/** Semantic candidates the guard looks at, best first. */
const CANDIDATES = 5;
/** Up to this many entries the indexes are built inside the first semantic lookup. */
export const SYNC_INDEX_LIMIT = 256;

export interface MemoryOptions {
  /** What questions are embedded with (default: the built-in embedder). */
  embedder?: Embedder;
  /** The embedder failed on `entries` questions (they stay out of the index for now). */
  onEmbedFailure?: (error: unknown, entries: number) => void;
  /** Vectors that arrived in the background for entries that had none (to write them back). */
  onEmbedded?: (entries: MemoryEntry[], vectors: Float32Array[]) => void;
}

export class PipelineMemory {
  private readonly byKey = new Map<string, MemoryEntry>();
  private readonly byId = new Map<string, MemoryEntry>();
  private indexes: Map<string, VectorIndex> | null = null;
  /** The background warm-up of the indexes, while it runs. */
  private warming: Promise<void> | null = null;
  /** Set while the warm-up embeds: indexes created meanwhile start in bulk mode. */
  private bulkLoading = false;
  private disposed = false;
  private readonly embedder: Embedder;
  /** Entries waiting for a vector from an embedder that costs a call. */
  private readonly queue: EmbedQueue<MemoryEntry>;
  /** Per context, how many vectors the warm-up will add (reserved when its index is created). */
  private reserve: Map<string, number> | null = null;

  constructor(options: MemoryOptions = {}) {
    this.embedder = options.embedder ?? builtinEmbedder;
    const onEmbedded = options.onEmbedded;
    this.queue = new EmbedQueue<MemoryEntry>({
      embedder: this.embedder,
      held: (entry) => this.byId.get(entry.id) === entry,
      deliver: (entries, vectors) => {
        for (const [i, entry] of entries.entries()) {
          entry.vector = vectors[i] as Float32Array;
          this.indexEntry(entry);
        }
        onEmbedded?.(entries, vectors);
      },
      failure: options.onEmbedFailure ?? (() => {}),
    });
  }

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
    if (this.disposed) return null;
    const entry = this.byKey.get(keyHash);
    if (!entry || !this.live(entry, now, ttlSeconds)) return null;
    return { kind: 'exact', entryId: entry.id, answer: entry.answer };
  }

  /** The best live entry whose question is within `threshold` of `vector` and passes the guard. */
  semantic(
    vector: Float32Array,
    queryText: string,
    contextHash: string,
    threshold: number,
    now: number,
    ttlSeconds: number,
  ): CacheHit | null {
    if (this.disposed || queryText === '' || !this.semanticReady()) return null;
    const index = this.indexes?.get(contextHash);
    if (!index || index.dims !== vector.length) return null;
    for (const near of index.search(vector, CANDIDATES, threshold)) {
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
    this.reserve = perContext;
    await slicer.pause();
    for (const entry of entries) {
      if (this.disposed) return;
      // Removed or replaced meanwhile (or already added by put()): nothing to do.
      if (this.byId.get(entry.id) !== entry) continue;
      this.indexEntry(entry);
      if (slicer.due()) await slicer.pause();
    }
    // Vectors the embedder has to be asked for (upstream), batch by batch.
    await this.queue.run();
    this.reserve = null;
    if (this.disposed) return;
    this.bulkLoading = false;
    const indexes = [...(this.indexes?.values() ?? [])];
    for (const index of indexes) index.endBulk();
    for (const index of indexes) await index.ready();
  }

  private indexEntry(entry: MemoryEntry): void {
    if (entry.queryText === '' || !this.indexes) return;
    if (this.indexes.get(entry.contextHash)?.has(entry.id)) return;
    const vector = entry.vector ?? this.embedder.embedNow(entry.queryText);
    if (!vector) {
      this.queue.push(entry, !this.bulkLoading);
      return;
    }
    entry.vector = undefined;
    const index = this.indexFor(entry.contextHash, vector.length);
    // A vector of another length (the embedder's model changed under a running process) is left out.
    if (index.dims === vector.length) index.add(entry.id, vector);
  }

  private indexFor(contextHash: string, dims: number): VectorIndex {
    const indexes = this.indexes ?? new Map<string, VectorIndex>();
    this.indexes = indexes;
    let index = indexes.get(contextHash);
    if (!index) {
      index = new VectorIndex({ dims });
      if (this.bulkLoading) index.beginBulk();
      const count = this.reserve?.get(contextHash);
      if (count !== undefined) index.reserve(count);
      indexes.set(contextHash, index);
    }
    return index;
  }

  /** Asks the embedder again for the entries of batches that failed (the service's reload). */
  retryEmbedding(): void {
    if (!this.disposed) this.queue.retryFailed();
  }

  /**
   * Builds the semantic indexes if they are not (the first semantic lookup would) and waits for
   * them and for any background rebuild (tests, benchmarks, warming a pipeline up).
   */
  async ready(): Promise<void> {
    this.semanticReady();
    while (this.warming) await this.warming;
    await this.queue.idle();
    for (const index of this.indexes?.values() ?? []) await index.ready();
  }

  /** The semantic index of a context, once built (tests, benchmarks). */
  indexOf(contextHash: string): VectorIndex | undefined {
    return this.indexes?.get(contextHash);
  }

  /** Stops a running warm-up (the memory was dropped). */
  dispose(): void {
    this.disposed = true;
    this.queue.dispose();
  }
}
