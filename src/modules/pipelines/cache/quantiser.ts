// The two-level quantiser of the semantic cache's vector index (vector-index.ts explains the
// design): spherical k-means coarse cells over a bounded sample, then each cell's fine centroids
// trained on its own members, and every slot of the snapshot assigned to its leaf. Runs in slices
// (the Slicer yields to the event loop) so a rebuild never holds the loop for long.
import { kmeansSteps, nearest } from './kmeans.ts';
import type { Slicer } from './slices.ts';

export interface Quantiser {
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

/**
 * Trains a quantiser on the vectors of `snapshot` (slots of the slab `slab()` returns: the index may
 * grow its slab meanwhile, never moving a slot's vector) and assigns each of them to a leaf.
 */
export async function trainQuantiser(
  slab: () => Float32Array,
  dims: number,
  snapshot: number[],
  slicer: Slicer,
): Promise<Quantiser> {
  const n = snapshot.length;
  const coarseCount = Math.max(4, Math.min(32, Math.round(Math.sqrt(n / 16))));
  const coarseSample = Math.min(n, coarseCount * SAMPLE_PER_CENTROID * 4);
  const coarse = await slicer.drive(
    kmeansSteps(
      sampleRows(slab(), dims, snapshot, coarseSample, 1),
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
    (members[nearest(coarse, 0, coarseCount, slab(), slot * dims, dims)] as number[]).push(slot);
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
      kmeansSteps(sampleRows(slab(), dims, cell, count, c), count, dims, want, TRAIN_ITERATIONS, 31 + c),
    );
    fine.set(centroids, c * fineWidth * dims);
    fineCount[c] = centroids.length / dims;
  }
  const q: Quantiser = { coarse, coarseCount, fine, fineCount, fineWidth, lists: [] };
  q.lists = Array.from({ length: coarseCount * fineWidth }, () => []);
  for (let c = 0; c < coarseCount; c++) {
    const cell = members[c] as number[];
    for (let i = 0; i < cell.length; i++) {
      const slot = cell[i] as number;
      const leaf = nearest(fine, c * fineWidth, fineCount[c] as number, slab(), slot * dims, dims);
      (q.lists[leaf] as number[]).push(slot);
      if (slicer.due()) await slicer.pause();
    }
  }
  return q;
}

/** `count` rows of the slab, spread evenly over `slots` (offset by the seed). */
function sampleRows(
  slab: Float32Array,
  dims: number,
  slots: number[],
  count: number,
  seed: number,
): Float32Array {
  const step = slots.length / count;
  const out = new Float32Array(count * dims);
  for (let i = 0; i < count; i++) {
    const slot = slots[Math.floor(i * step + (seed % 7) * (step / 7))] ?? (slots[0] as number);
    out.set(slab.subarray(slot * dims, slot * dims + dims), i * dims);
  }
  return out;
}

/** Indices of the k best scores among 0..n-1. */
export function topK(n: number, k: number, score: (i: number) => number): number[] {
  const scored: { i: number; s: number }[] = [];
  for (let i = 0; i < n; i++) scored.push({ i, s: score(i) });
  scored.sort((a, b) => b.s - a.s);
  return scored.slice(0, k).map((x) => x.i);
}
