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
// Measured (PipelineMemory, 100,000 questions from the eval's intents, machine at load 7–8 on its
// 2 cores): ≈ 2,600 candidates a query, index search p50 2.6–4.7 ms, p99 18–29 ms; brute force at
// the same load took 35–50 ms p50. If the idle figure misses 10 ms p99, the next step is per-leaf
// contiguous slabs (the scan now follows slot numbers across one big slab).
//
// Rebuilds: the quantiser is trained (spherical k-means on a bounded sample) when the index first
// passes FLAT_LIMIT and again each time it has grown 4×; the training and the assignment of every
// vector run in chunks that yield to the event loop, while the previous structure keeps answering.
// Vectors must be unit length (a dot product is the cosine).

import { dotAt, kmeansSteps, nearest } from './kmeans.ts';
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

interface Quantiser {
  coarse: Float32Array;
  coarseCount: number;
  /** fine centroids, C2 rows per coarse cell (fineCount[c] of them used). */
  fine: Float32Array;
  fineCount: Int32Array;
  fineWidth: number;
  /** slots per leaf (leaf = coarse × fineWidth + fine). */
  lists: number[][];
}

const SAMPLE_PER_CENTROID = 24;
const TRAIN_ITERATIONS = 4;
/** The entries a leaf is trained to hold, and the most fine centroids a coarse cell gets. */
const LEAF_SIZE = 200;
const MAX_FINE = 96;

export class VectorIndex {
  readonly dims: number;
  private readonly flatLimit: number;
  private readonly coarseProbe: number;
  private readonly leafProbe: number;
  private slab: Float32Array;
  private ids: (string | null)[] = [];
  private readonly slotOf = new Map<string, number>();
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
      this.building === null && this.free.length > 0 ? (this.free.pop() as number) : this.ids.length;
    if (slot === this.ids.length) this.grow(slot + 1);
    this.ids[slot] = id;
    this.slab.set(vector, slot * this.dims);
    this.slotOf.set(id, slot);
    if (this.quantiser) this.place(this.quantiser, slot);
    this.maybeRebuild();
  }

  /** Defers training until endBulk(), so a bulk load is trained once, on all its vectors. */
  beginBulk(): void {
    this.bulk = true;
  }

  /** Makes room for `count` vectors at once (a bulk load: no doubling and copying as it grows). */
  reserve(count: number): void {
    this.grow(this.ids.length + count);
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
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.slotOf.delete(id);
    this.ids[slot] = null;
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
    this.ids = [];
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
      const id = this.ids[slot];
      if (id === null || id === undefined) return;
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
      for (let slot = 0; slot < this.ids.length; slot++) consider(slot);
      return best;
    }
    for (const leaf of this.probe(q, query)) for (const slot of q.lists[leaf] as number[]) consider(slot);
    // Entries added since the last build that no leaf holds yet are none: place() runs on add.
    return best;
  }

  /** Exhaustive search (tests compare the index's recall with it). */
  searchExact(query: Float32Array, k: number, min = Number.NEGATIVE_INFINITY): Neighbour[] {
    const all: Neighbour[] = [];
    for (const [id, slot] of this.slotOf) {
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

  private sample(slots: number[], count: number, seed: number): Float32Array {
    const step = slots.length / count;
    const out = new Float32Array(count * this.dims);
    for (let i = 0; i < count; i++) {
      const slot = slots[Math.floor(i * step + (seed % 7) * (step / 7))] ?? (slots[0] as number);
      out.set(this.slab.subarray(slot * this.dims, slot * this.dims + this.dims), i * this.dims);
    }
    return out;
  }

  private async rebuild(): Promise<void> {
    const slicer = new Slicer();
    // Nothing of the rebuild runs inside the add() that started it.
    await slicer.pause();
    const generation = this.generation;
    const dims = this.dims;
    const snapshot = [...this.slotOf.values()];
    const n = snapshot.length;
    const coarseCount = Math.max(4, Math.min(32, Math.round(Math.sqrt(n / 16))));
    const coarseSample = Math.min(n, coarseCount * SAMPLE_PER_CENTROID * 4);
    const coarse = await slicer.drive(
      kmeansSteps(
        this.sample(snapshot, coarseSample, 1),
        coarseSample,
        dims,
        coarseCount,
        TRAIN_ITERATIONS,
        17,
      ),
    );
    // Split the snapshot by coarse cell, then train each cell's fine centroids on its members.
    const members: number[][] = Array.from({ length: coarseCount }, () => []);
    for (let i = 0; i < n; i++) {
      const slot = snapshot[i] as number;
      (members[nearest(coarse, 0, coarseCount, this.slab, slot * dims, dims)] as number[]).push(slot);
      if (slicer.due()) await slicer.pause();
    }
    // Cells differ in size (questions cluster by topic): each gets ≈ LEAF_SIZE entries a leaf.
    let fineWidth = 1;
    for (const cell of members) fineWidth = Math.max(fineWidth, Math.round(cell.length / LEAF_SIZE));
    fineWidth = Math.min(MAX_FINE, fineWidth);
    const fine = new Float32Array(coarseCount * fineWidth * dims);
    const fineCount = new Int32Array(coarseCount);
    for (let c = 0; c < coarseCount; c++) {
      const cell = members[c] as number[];
      if (cell.length === 0) {
        fine.set(coarse.subarray(c * dims, c * dims + dims), c * fineWidth * dims);
        fineCount[c] = 1;
        continue;
      }
      const want = Math.max(1, Math.min(fineWidth, Math.round(cell.length / LEAF_SIZE)));
      const count = Math.min(cell.length, want * SAMPLE_PER_CENTROID);
      const centroids = await slicer.drive(
        kmeansSteps(this.sample(cell, count, c), count, dims, want, TRAIN_ITERATIONS, 31 + c),
      );
      fine.set(centroids, c * fineWidth * dims);
      fineCount[c] = centroids.length / dims;
    }
    const q: Quantiser = { coarse, coarseCount, fine, fineCount, fineWidth, lists: [] };
    q.lists = Array.from({ length: coarseCount * fineWidth }, () => []);
    const leafOf = new Int32Array(this.leafOf.length).fill(-1);
    for (let c = 0; c < coarseCount; c++) {
      const cell = members[c] as number[];
      for (let i = 0; i < cell.length; i++) {
        const slot = cell[i] as number;
        const leaf = nearest(fine, c * fineWidth, fineCount[c] as number, this.slab, slot * dims, dims);
        leafOf[slot] = leaf;
        (q.lists[leaf] as number[]).push(slot);
        if (slicer.due()) await slicer.pause();
      }
    }
    if (generation !== this.generation) return;
    // Swap: drop what was removed meanwhile, place what was added meanwhile.
    const swapped = leafOf.length === this.leafOf.length ? leafOf : grownCopy(leafOf, this.leafOf.length);
    for (const list of q.lists) {
      let w = 0;
      for (const slot of list) if (this.ids[slot] !== null && this.ids[slot] !== undefined) list[w++] = slot;
      list.length = w;
    }
    this.leafOf = swapped;
    for (let slot = 0; slot < this.ids.length; slot++) {
      if (this.ids[slot] !== null && this.ids[slot] !== undefined && (swapped[slot] as number) < 0)
        this.place(q, slot);
      else if (this.ids[slot] === null || this.ids[slot] === undefined) swapped[slot] = -1;
    }
    this.quantiser = q;
    this.builtAt = n;
    this.free = [];
    for (let slot = 0; slot < this.ids.length; slot++) if (this.ids[slot] === null) this.free.push(slot);
  }
}

function grownCopy(from: Int32Array, length: number): Int32Array {
  const out = new Int32Array(length).fill(-1);
  out.set(from);
  return out;
}

/** Indices of the k best scores among 0..n-1. */
function topK(n: number, k: number, score: (i: number) => number): number[] {
  const scored: { i: number; s: number }[] = [];
  for (let i = 0; i < n; i++) scored.push({ i, s: score(i) });
  scored.sort((a, b) => b.s - a.s);
  return scored.slice(0, k).map((x) => x.i);
}
