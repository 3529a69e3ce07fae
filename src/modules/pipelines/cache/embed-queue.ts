// The entries of a PipelineMemory waiting for a vector from an embedder that costs a call (an
// upstream API): embedded in batches of the embedder's size, one batch at a time, in the
// background. What arrives goes to `deliver` (the memory indexes it and the cache service writes it
// back to the table); entries removed or replaced meanwhile are skipped before and after the call.
// A batch that fails is reported and its entries kept aside until `retryFailed` (the service's
// periodic reload), so an upstream outage costs misses, not entries lost from the index for good.
// The queue is bounded: beyond MAX_PENDING the oldest waiting entries are set aside as failed.

import type { Embedder } from './embedders.ts';

/** Entries waiting at most; more (an upstream that hangs under a flood of misses) are set aside. */
export const MAX_PENDING = 20_000;

export interface Waiting {
  id: string;
  queryText: string;
}

export class EmbedQueue<E extends Waiting> {
  private pending: E[] = [];
  private failed: E[] = [];
  private running: Promise<void> | null = null;
  private disposed = false;

  private readonly embedder: Embedder;
  /** Whether the memory still holds this very entry. */
  private readonly held: (entry: E) => boolean;
  private readonly deliver: (entries: E[], vectors: Float32Array[]) => void;
  private readonly failure: (error: unknown, entries: number) => void;

  constructor(options: {
    embedder: Embedder;
    held: (entry: E) => boolean;
    deliver: (entries: E[], vectors: Float32Array[]) => void;
    failure: (error: unknown, entries: number) => void;
  }) {
    this.embedder = options.embedder;
    this.held = options.held;
    this.deliver = options.deliver;
    this.failure = options.failure;
  }

  get size(): number {
    return this.pending.length;
  }

  /** Queues the entry; the background run starts on the next turn of the event loop (batching). */
  push(entry: E, start = true): void {
    this.pending.push(entry);
    if (this.pending.length > MAX_PENDING) {
      const dropped = this.pending.splice(0, this.pending.length - MAX_PENDING);
      this.failed.push(...dropped);
      this.failure(new Error(`more than ${MAX_PENDING} entries waiting for the embedder`), dropped.length);
    }
    if (start) void this.run();
  }

  /** Puts the entries of failed batches back in the queue and runs it. */
  retryFailed(): void {
    if (this.failed.length === 0) return;
    const again = this.failed.filter((e) => this.held(e));
    this.failed = [];
    for (const entry of again) this.push(entry, false);
    void this.run();
  }

  /** Embeds what is queued (and what is queued meanwhile); resolves when the queue is empty. */
  run(): Promise<void> {
    if (this.running) return this.running;
    const running = this.drain().finally(() => {
      this.running = null;
      // Queued between the loop's last look and now: another run.
      if (this.pending.length > 0 && !this.disposed) void this.run();
    });
    this.running = running;
    return running;
  }

  /** Resolves once nothing is queued or being embedded. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  dispose(): void {
    this.disposed = true;
    this.pending = [];
    this.failed = [];
  }

  private async drain(): Promise<void> {
    // One turn of the event loop first, so entries queued together go in one call.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.pending.length > 0 && !this.disposed) {
      const batch = this.pending.splice(0, this.embedder.batchSize).filter((e) => this.held(e));
      if (batch.length === 0) continue;
      let vectors: Float32Array[];
      try {
        vectors = await this.embedder.embed(
          batch.map((e) => e.queryText),
          { batch: true },
        );
      } catch (error) {
        if (this.disposed) return;
        this.failed.push(...batch);
        this.failure(error, batch.length);
        continue;
      }
      if (this.disposed) return;
      const kept = batch.map((e, i) => [e, vectors[i]] as const).filter(([e, v]) => v && this.held(e));
      if (kept.length > 0)
        this.deliver(
          kept.map(([e]) => e),
          kept.map(([, v]) => v as Float32Array),
        );
    }
  }
}
