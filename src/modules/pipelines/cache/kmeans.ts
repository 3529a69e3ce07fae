// Spherical k-means over unit vectors packed in one Float32Array (row-major), for the semantic
// index's quantiser. Deterministic: seeded k-means++-style initialisation and a fixed number of
// Lloyd iterations; centroids are re-normalised so a dot product is a cosine.

/** Mulberry32: a small deterministic PRNG (the index must build the same way every time). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function dotAt(a: Float32Array, ao: number, b: Float32Array, bo: number, dims: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < dims; j += 4) {
    s0 += (a[ao + j] as number) * (b[bo + j] as number);
    s1 += (a[ao + j + 1] as number) * (b[bo + j + 1] as number);
    s2 += (a[ao + j + 2] as number) * (b[bo + j + 2] as number);
    s3 += (a[ao + j + 3] as number) * (b[bo + j + 3] as number);
  }
  for (; j < dims; j++) s0 += (a[ao + j] as number) * (b[bo + j] as number);
  return s0 + s1 + s2 + s3;
}

/** Index of the best centroid among `count` rows of `centroids` starting at row `first`. */
export function nearest(
  centroids: Float32Array,
  first: number,
  count: number,
  v: Float32Array,
  vo: number,
  dims: number,
): number {
  let best = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let c = first; c < first + count; c++) {
    const s = dotAt(centroids, c * dims, v, vo, dims);
    if (s > bestScore) {
      bestScore = s;
      best = c;
    }
  }
  return best;
}

function normaliseRow(m: Float32Array, row: number, dims: number): void {
  const o = row * dims;
  let sum = 0;
  for (let j = 0; j < dims; j++) sum += (m[o + j] as number) ** 2;
  if (sum === 0) return;
  const inv = 1 / Math.sqrt(sum);
  for (let j = 0; j < dims; j++) m[o + j] = (m[o + j] as number) * inv;
}

/** Rows between two pause points of kmeansSteps (a row costs k dot products). */
const ROWS_PER_STEP = 64;

/**
 * k centroids for `n` points (rows of `points`). When k ≥ n each point is its own centroid.
 * Initialisation: the first centroid at random, each next one the point least similar to its
 * nearest chosen centroid among a few random candidates (a cheap k-means++).
 */
export function sphericalKmeans(
  points: Float32Array,
  n: number,
  dims: number,
  k: number,
  iterations: number,
  seed: number,
): Float32Array {
  const steps = kmeansSteps(points, n, dims, k, iterations, seed);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * sphericalKmeans as a generator that pauses every ROWS_PER_STEP rows, so a caller can spread
 * the training over several turns of the event loop (the result is the same).
 */
export function* kmeansSteps(
  points: Float32Array,
  n: number,
  dims: number,
  k: number,
  iterations: number,
  seed: number,
): Generator<void, Float32Array, void> {
  const kk = Math.max(1, Math.min(k, n));
  const centroids = new Float32Array(kk * dims);
  const random = prng(seed);
  const pick = (row: number, c: number) =>
    centroids.set(points.subarray(row * dims, row * dims + dims), c * dims);
  pick(Math.floor(random() * n), 0);
  for (let c = 1; c < kk; c++) {
    let bestRow = 0;
    let worst = Number.POSITIVE_INFINITY;
    for (let t = 0; t < 8; t++) {
      const row = Math.floor(random() * n);
      const nc = nearest(centroids, 0, c, points, row * dims, dims);
      const s = dotAt(centroids, nc * dims, points, row * dims, dims);
      if (s < worst) {
        worst = s;
        bestRow = row;
      }
    }
    pick(bestRow, c);
    if (c % 8 === 0) yield;
  }
  const assignment = new Int32Array(n);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      assignment[i] = nearest(centroids, 0, kk, points, i * dims, dims);
      if (i % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
    }
    const sums = new Float32Array(kk * dims);
    const counts = new Int32Array(kk);
    for (let i = 0; i < n; i++) {
      const c = assignment[i] as number;
      counts[c] = (counts[c] as number) + 1;
      const so = c * dims;
      const po = i * dims;
      for (let j = 0; j < dims; j++) sums[so + j] = (sums[so + j] as number) + (points[po + j] as number);
    }
    for (let c = 0; c < kk; c++) {
      // An empty cluster keeps its centroid.
      if (counts[c] === 0) continue;
      centroids.set(sums.subarray(c * dims, c * dims + dims), c * dims);
      normaliseRow(centroids, c, dims);
    }
    yield;
  }
  return centroids;
}
