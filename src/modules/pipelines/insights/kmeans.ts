// Clusters of similar queries for the query map: spherical k-means (cosine similarity on unit
// vectors, the embedder's own measure) with weighted points — a query asked 40 times pulls its
// centroid harder than one asked once — k-means++ seeding from a seeded generator (the same input
// gives the same clusters on every machine), and k chosen by the silhouette on a sample.
import { seededRandom } from '../../../platform/random.ts';

export type Vector = ArrayLike<number>;

export interface KMeansResult {
  /** Cluster index of each point (0 … k-1). */
  assignments: Int32Array;
  /** Unit-length centroids. */
  centroids: Float64Array[];
  iterations: number;
}

export interface KMeansOptions {
  seed?: number;
  maxIterations?: number;
}

export function dot(a: Vector, b: Vector): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

function normalise(v: Float64Array): Float64Array {
  const n = Math.sqrt(dot(v, v));
  if (n > 0) for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) / n;
  return v;
}

/** Picks the index of a weighted draw (weights ≥ 0; a zero total draws uniformly). */
function draw(weights: Float64Array, random: () => number): number {
  let total = 0;
  for (const w of weights) total += w;
  if (total <= 0) return Math.floor(random() * weights.length);
  let r = random() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] as number;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** k-means++: each next seed drawn with probability ∝ weight × (1 − best similarity to a seed). */
function seedCentroids(points: Vector[], weights: number[], k: number, random: () => number): Float64Array[] {
  const dim = points[0]?.length ?? 0;
  const first = draw(Float64Array.from(weights), random);
  const centroids = [normalise(Float64Array.from(points[first] as Vector))];
  const gap = new Float64Array(points.length).fill(Number.POSITIVE_INFINITY);
  while (centroids.length < k) {
    const last = centroids[centroids.length - 1] as Float64Array;
    const chance = new Float64Array(points.length);
    for (let i = 0; i < points.length; i++) {
      gap[i] = Math.min(gap[i] as number, Math.max(0, 1 - dot(points[i] as Vector, last)));
      chance[i] = (weights[i] as number) * (gap[i] as number);
    }
    const next = draw(chance, random);
    centroids.push(normalise(Float64Array.from(points[next] ?? new Float64Array(dim))));
  }
  return centroids;
}

function nearest(p: Vector, centroids: Float64Array[]): number {
  let best = 0;
  let bestSim = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < centroids.length; c++) {
    const s = dot(p, centroids[c] as Float64Array);
    if (s > bestSim) {
      bestSim = s;
      best = c;
    }
  }
  return best;
}

/**
 * Spherical k-means of unit vectors. `weights` (default 1 each) weigh each point in its centroid.
 * An emptied cluster is re-seeded with the point least similar to its own centroid.
 */
export function kMeans(
  points: Vector[],
  k: number,
  weights: number[] = points.map(() => 1),
  { seed = 1, maxIterations = 50 }: KMeansOptions = {},
): KMeansResult {
  const n = points.length;
  const dim = points[0]?.length ?? 0;
  const clusters = Math.max(0, Math.min(k, n));
  const assignments = new Int32Array(n);
  if (clusters === 0) return { assignments, centroids: [], iterations: 0 };
  const random = seededRandom(seed);
  const centroids = seedCentroids(points, weights, clusters, random);
  let iterations = 0;
  for (let changed = true; changed && iterations < maxIterations; iterations++) {
    changed = false;
    for (let i = 0; i < n; i++) {
      const c = nearest(points[i] as Vector, centroids);
      if (c !== assignments[i]) {
        changed = true;
        assignments[i] = c;
      }
    }
    const sums = centroids.map(() => new Float64Array(dim));
    const mass = new Float64Array(clusters);
    for (let i = 0; i < n; i++) {
      const c = assignments[i] as number;
      const w = weights[i] as number;
      const p = points[i] as Vector;
      const s = sums[c] as Float64Array;
      for (let d = 0; d < dim; d++) s[d] = (s[d] as number) + w * (p[d] as number);
      mass[c] = (mass[c] as number) + w;
    }
    for (let c = 0; c < clusters; c++) {
      if ((mass[c] as number) > 0) centroids[c] = normalise(sums[c] as Float64Array);
      else {
        centroids[c] = normalise(
          Float64Array.from(points[leastSimilar(points, assignments, centroids)] as Vector),
        );
        changed = true;
      }
    }
  }
  return { assignments, centroids, iterations };
}

function leastSimilar(points: Vector[], assignments: Int32Array, centroids: Float64Array[]): number {
  let worst = 0;
  let worstSim = Number.POSITIVE_INFINITY;
  for (let i = 0; i < points.length; i++) {
    const s = dot(points[i] as Vector, centroids[assignments[i] as number] as Float64Array);
    if (s < worstSim) {
      worstSim = s;
      worst = i;
    }
  }
  return worst;
}

/**
 * Mean silhouette (cosine distance) over the points `sample` names: near 1 when each point is far
 * closer to its own cluster than to the next one, near 0 when clusters overlap.
 */
export function silhouette(points: Vector[], assignments: Int32Array, k: number, sample: number[]): number {
  if (k < 2) return 0;
  let total = 0;
  for (const i of sample) {
    const sums = new Float64Array(k);
    const counts = new Float64Array(k);
    for (const j of sample) {
      if (i === j) continue;
      const c = assignments[j] as number;
      sums[c] = (sums[c] as number) + (1 - dot(points[i] as Vector, points[j] as Vector));
      counts[c] = (counts[c] as number) + 1;
    }
    const own = assignments[i] as number;
    if ((counts[own] as number) === 0) continue; // a singleton scores 0
    const a = (sums[own] as number) / (counts[own] as number);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++)
      if (c !== own && (counts[c] as number) > 0)
        b = Math.min(b, (sums[c] as number) / (counts[c] as number));
    if (Number.isFinite(b) && Math.max(a, b) > 0) total += (b - a) / Math.max(a, b);
  }
  return total / Math.max(1, sample.length);
}

export interface ClusteringOptions {
  seed?: number;
  /** Largest k tried (default 24). */
  maxK?: number;
  /** Points k is chosen on (default 600). */
  sampleSize?: number;
}

/**
 * Clusters with k chosen by the silhouette among 2 … 10 and a few larger candidates up to maxK,
 * measured on a seeded sample (k-means on the sample too, so choosing k stays cheap for thousands
 * of queries); then k-means of every point with that k. Fewer than 4 points form one cluster.
 */
export function clusterQueries(
  points: Vector[],
  weights: number[] = points.map(() => 1),
  { seed = 1, maxK = 24, sampleSize = 600 }: ClusteringOptions = {},
): KMeansResult & { k: number; score: number } {
  const n = points.length;
  if (n < 4) return { ...kMeans(points, Math.min(1, n), weights, { seed }), k: Math.min(1, n), score: 0 };
  const sample = sampleIndices(n, sampleSize, seededRandom(seed + 7));
  const samplePoints = sample.map((i) => points[i] as Vector);
  const sampleWeights = sample.map((i) => weights[i] as number);
  const everyIndex = samplePoints.map((_, i) => i);
  const candidates = [...new Set([2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 16, 20, 24])]
    .map((k) => Math.min(k, maxK, sample.length - 1))
    .filter((k, i, all) => k >= 2 && all.indexOf(k) === i);
  let bestK = 1;
  let bestScore = 0;
  for (const k of candidates) {
    const result = kMeans(samplePoints, k, sampleWeights, { seed });
    const score = silhouette(samplePoints, result.assignments, k, everyIndex);
    // A slightly better score does not buy more clusters: more clusters make a busier map.
    if (score > bestScore + 0.01) {
      bestK = k;
      bestScore = score;
    }
  }
  return { ...kMeans(points, bestK, weights, { seed }), k: bestK, score: bestScore };
}

function sampleIndices(n: number, size: number, random: () => number): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (n <= size) return all;
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (n - i));
    [all[i], all[j]] = [all[j] as number, all[i] as number];
  }
  return all.slice(0, size).sort((a, b) => a - b);
}
