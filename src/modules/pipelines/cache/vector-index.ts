// The semantic cache's nearest-neighbour index (one per pipeline and request context).
//
// Why this shape — measured on the 2-core machine: a brute-force scan of 100,000 × 512 floats in
// one contiguous Float32Array takes 35–50 ms per query in V8 (4-way unrolled), far from the
// 10 ms p99 goal. So above FLAT_LIMIT entries the index becomes an inverted file (IVF) with a
// two-level quantiser: C1 coarse centroids, each split into up to C2 fine centroids (≈ 512 leaves
// at 100k, ≈ 200 entries a leaf). Putting a vector in costs C1 + C2 dot products (≈ 48) instead
// of one per leaf (512), which keeps building the whole index from 100k rows at a few seconds and
// an insert at tens of microseconds. A query ranks the coarse centroids, ranks the fine centroids
// of the best COARSE_PROBE coarse cells, and scans the entries of the best LEAF_PROBE leaves
// exactly (≈ 2–3 % of the entries). Random-hyperplane LSH was the alternative; at the cosines a
// cache cares about (0.8 and up) it needs many tables and big buckets for the same recall, and
// bucket sizes follow the data's skew, which IVF's centroids absorb.
//
// Leaves: each coarse cell gets about one fine centroid per LEAF_SIZE of its members (cells differ
// a lot in size: questions cluster by topic), so leaves stay near LEAF_SIZE (at 100k bench
// questions: ≈ 500 leaves, p90 310, max 620 entries; ≈ 2,000 candidates a query, p99 2,800).
// After a rebuild the vectors sit in a new slab in leaf order (a leaf is one contiguous run):
// scanning 2,000 contiguous vectors takes half the time of 2,000 spread over a 200 MB slab.
// Slots are renumbered by updating the `Held` records, so the id → slot map is not rebuilt.
//
// Measured (PipelineMemory, 100,000 bench questions, machine at load 7–8 on its 2 cores): index
// search p50 ≈ 1.0–1.3 ms (was 2.4 ms before leaf-ordered slabs and sized leaves); brute force
// at the same load 35–50 ms p50.
//
// Rebuilds: the quantiser is trained (spherical k-means on a bounded sample) when the index first
// passes FLAT_LIMIT and again each time it has grown 4×, or once at the end of a bulk load
// (beginBulk/endBulk: PipelineMemory's warm-up). The training, the assignment of every vector and
// the copy into the new slab run in time slices that yield to the event loop (slices.ts), while
// the previous structure keeps answering; the swap at the end is synchronous (≈ 15 ms at 100k).
// Memory: while the copy runs the old and the new slab coexist (2 × 2 KB per vector).
// Vectors must be unit length (a dot product is the cosine).

import { dotAt, nearest } from './kmeans.ts';
import { type Quantiser, topK, trainQuantiser } from './quantiser.ts';
import { Slicer } from './slices.ts';

export interface Neighbour {
  id: string;
  similarity: number;
}

export interface VectorIndexOptions {
  dims: number;
  /** Up to this many entries every query scans all of them. */
  flatLimit?: number;
  coarseProbe?: number;
  leafProbe?: number;
}

interface Held {
  id: string;
  slot: number;
}

export class VectorIndex {
  readonly dims: number;
  private readonly flatLimit: number;
  private readonly coarseProbe: number;
  private readonly leafProbe: number;
  private slab: Float32Array;
  /** What each slot holds (null: free); a rebuild renumbers slots by updating the records. */
  private held: (Held | null)[] = [];
  private readonly slotOf = new Map<string, Held>();
  private free: number[] = [];
  private quantiser: Quantiser | null = null;
  /** Leaf of each slot under the current quantiser (-1: none). */
  private leafOf: Int32Array;
  private builtAt = 0;
  private building: Promise<void> | null = null;
  /** While set (a bulk load), adds do not start a rebuild; endBulk() starts the one it needs. */
  private bulk = false;
  /** Bumped by clear(): a rebuild that started before it is thrown away. */
  private generation = 0;

  constructor(options: VectorIndexOptions) {
    this.dims = options.dims;
    this.flatLimit = options.flatLimit ?? 2048;
    this.coarseProbe = options.coarseProbe ?? 3;
    this.leafProbe = options.leafProbe ?? 10;
    this.slab = new Float32Array(64 * this.dims);
    this.leafOf = new Int32Array(64).fill(-1);
  }

  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Adds (or replaces) a unit vector. */
  add(id: string, vector: Float32Array): void {
    if (vector.length !== this.dims)
      throw new Error(`vector of ${vector.length} dims, index has ${this.dims}`);
    this.remove(id);
    // While a rebuild runs, slots are only appended so the rebuild's snapshot stays valid.
    const slot =
      this.building === null && this.free.length > 0 ? (this.free.pop() as number) : this.held.length;
    if (slot === this.held.length) this.grow(slot + 1);
    const held = { id, slot };
    this.held[slot] = held;
    this.slab.set(vector, slot * this.dims);
    this.slotOf.set(id, held);
    if (this.quantiser) this.place(this.quantiser, slot);
    this.maybeRebuild();
  }

  /** Defers training until endBulk(), so a bulk load is trained once, on all its vectors. */
  beginBulk(): void {
    this.bulk = true;
  }

  /** Makes room for `count` vectors at once (a bulk load: no doubling and copying as it grows). */
  reserve(count: number): void {
    this.grow(this.held.length + count);
  }

  endBulk(): void {
    this.bulk = false;
    this.maybeRebuild();
  }

  /** How many vectors the current quantiser was trained on (0: none yet). */
  get trainedOn(): number {
    return this.builtAt;
  }

  /** Whether searches go through the trained quantiser (false: a flat scan). */
  get trained(): boolean {
    return this.quantiser !== null;
  }

  private maybeRebuild(): void {
    if (this.bulk || this.building !== null) return;
    if (this.size <= this.flatLimit || this.size < this.builtAt * 4) return;
    this.building = this.rebuild().finally(() => {
      this.building = null;
      // Adds that came while it ran may already call for the next one.
      this.maybeRebuild();
    });
  }

  remove(id: string): boolean {
    const slot = this.slotOf.get(id)?.slot;
    if (slot === undefined) return false;
    this.slotOf.delete(id);
    this.held[slot] = null;
    const leaf = this.leafOf[slot] as number;
    if (this.quantiser && leaf >= 0) {
      const list = this.quantiser.lists[leaf] as number[];
      const at = list.indexOf(slot);
      if (at >= 0) {
        list[at] = list[list.length - 1] as number;
        list.pop();
      }
    }
    this.leafOf[slot] = -1;
    if (this.building === null) this.free.push(slot);
    return true;
  }

  clear(): void {
    this.slab = new Float32Array(64 * this.dims);
    this.held = [];
    this.slotOf.clear();
    this.free = [];
    this.quantiser = null;
    this.leafOf = new Int32Array(64).fill(-1);
    this.builtAt = 0;
    this.generation++;
  }

  /** Settles a running rebuild (tests, benchmarks). */
  async ready(): Promise<void> {
    while (this.building) await this.building;
  }

  /** The k most similar entries with a similarity of at least `min`, best first. */
  search(query: Float32Array, k: number, min = Number.NEGATIVE_INFINITY): Neighbour[] {
    const best: Neighbour[] = [];
    const consider = (slot: number) => {
      const id = this.held[slot]?.id;
      if (id === undefined) return;
      const s = dotAt(this.slab, slot * this.dims, query, 0, this.dims);
      if (s < min || (best.length === k && s <= (best[k - 1] as Neighbour).similarity)) return;
      let at = best.length === k ? k - 1 : best.length;
      if (best.length < k) best.push({ id, similarity: s });
      while (at > 0 && (best[at - 1] as Neighbour).similarity < s) {
        best[at] = best[at - 1] as Neighbour;
        at--;
      }
      best[at] = { id, similarity: s };
    };
    const q = this.quantiser;
    if (!q) {
      for (let slot = 0; slot < this.held.length; slot++) consider(slot);
      return best;
    }
    for (const leaf of this.probe(q, query)) for (const slot of q.lists[leaf] as number[]) consider(slot);
    // Entries added since the last build that no leaf holds yet are none: place() runs on add.
    return best;
  }

  /** Exhaustive search (tests compare the index's recall with it). */
  searchExact(query: Float32Array, k: number, min = Number.NEGATIVE_INFINITY): Neighbour[] {
    const all: Neighbour[] = [];
    for (const { id, slot } of this.slotOf.values()) {
      const s = dotAt(this.slab, slot * this.dims, query, 0, this.dims);
      if (s >= min) all.push({ id, similarity: s });
    }
    return all.sort((a, b) => b.similarity - a.similarity).slice(0, k);
  }

  private probe(q: Quantiser, query: Float32Array): number[] {
    const coarse = topK(q.coarseCount, this.coarseProbe, (c) =>
      dotAt(q.coarse, c * this.dims, query, 0, this.dims),
    );
    const leaves: { leaf: number; score: number }[] = [];
    for (const c of coarse) {
      for (let f = 0; f < (q.fineCount[c] as number); f++) {
        const row = c * q.fineWidth + f;
        leaves.push({ leaf: row, score: dotAt(q.fine, row * this.dims, query, 0, this.dims) });
      }
    }
    leaves.sort((a, b) => b.score - a.score);
    return leaves.slice(0, this.leafProbe).map((l) => l.leaf);
  }

  private place(q: Quantiser, slot: number): void {
    const c = nearest(q.coarse, 0, q.coarseCount, this.slab, slot * this.dims, this.dims);
    const f = nearest(
      q.fine,
      c * q.fineWidth,
      q.fineCount[c] as number,
      this.slab,
      slot * this.dims,
      this.dims,
    );
    this.leafOf[slot] = f;
    (q.lists[f] as number[]).push(slot);
  }

  private grow(slots: number): void {
    if (slots * this.dims <= this.slab.length) return;
    let capacity = this.slab.length / this.dims;
    while (capacity < slots) capacity *= 2;
    const slab = new Float32Array(capacity * this.dims);
    slab.set(this.slab);
    this.slab = slab;
    const leafOf = new Int32Array(capacity).fill(-1);
    leafOf.set(this.leafOf);
    this.leafOf = leafOf;
  }

  private async rebuild(): Promise<void> {
    const slicer = new Slicer();
    // Nothing of the rebuild runs inside the add() that started it.
    await slicer.pause();
    const generation = this.generation;
    const dims = this.dims;
    const snapshot = [...this.slotOf.values()].map((h) => h.slot);
    const n = snapshot.length;
    const q = await trainQuantiser(() => this.slab, dims, snapshot, slicer);
    // A new slab in leaf order: a search scans whole leaves, and contiguous vectors scan about
    // twice as fast as vectors spread over the slab. The lists are renumbered as they are copied.
    let slab = new Float32Array((Math.ceil(n * 1.25) + 64) * dims);
    const moved = new Int32Array(this.held.length).fill(-1);
    let next = 0;
    for (const list of q.lists) {
      for (let i = 0; i < list.length; i++) {
        const old = list[i] as number;
        slab.set(this.slab.subarray(old * dims, old * dims + dims), next * dims);
        moved[old] = next;
        list[i] = next++;
        if (slicer.due()) await slicer.pause();
      }
    }
    if (generation !== this.generation) return;
    // Swap, in one go: what was added meanwhile is copied over and placed, what was removed
    // meanwhile is dropped (slots are only appended while a rebuild runs, never reused).
    const oldHeld = this.held;
    const appended: number[] = [];
    for (let old = 0; old < oldHeld.length; old++)
      if (oldHeld[old] && (old >= moved.length || (moved[old] as number) < 0)) appended.push(old);
    const slots = next + appended.length;
    if (slots * dims > slab.length) {
      const bigger = new Float32Array((slots + 64) * dims);
      bigger.set(slab.subarray(0, next * dims));
      slab = bigger;
    }
    const held: (Held | null)[] = new Array(slots).fill(null);
    for (let old = 0; old < moved.length; old++) {
      const h = oldHeld[old];
      const slot = moved[old] as number;
      if (!h || slot < 0) continue;
      h.slot = slot;
      held[slot] = h;
    }
    const first = next;
    for (const old of appended) {
      slab.set(this.slab.subarray(old * dims, old * dims + dims), next * dims);
      const h = oldHeld[old] as Held;
      h.slot = next;
      held[next++] = h;
    }
    const leafOf = new Int32Array(slab.length / dims).fill(-1);
    for (let leaf = 0; leaf < q.lists.length; leaf++) {
      const list = q.lists[leaf] as number[];
      let w = 0;
      for (const slot of list) {
        if (held[slot] === null) continue;
        list[w++] = slot;
        leafOf[slot] = leaf;
      }
      list.length = w;
    }
    this.slab = slab;
    this.held = held;
    this.leafOf = leafOf;
    this.free = [];
    for (let slot = 0; slot < first; slot++) if (held[slot] === null) this.free.push(slot);
    for (let slot = first; slot < slots; slot++) this.place(q, slot);
    this.quantiser = q;
    this.builtAt = n;
  }
}
