import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seededRandom } from '../../../platform/random.ts';
import { clusterQueries, dot, kMeans, silhouette } from './kmeans.ts';

/** `perBlob` unit vectors around each of `blobs` orthogonal directions in `dim` dimensions. */
function blobs(blobCount: number, perBlob: number, dim = 32, spread = 0.15, seed = 3) {
  const random = seededRandom(seed);
  const points: Float32Array[] = [];
  const truth: number[] = [];
  for (let b = 0; b < blobCount; b++)
    for (let i = 0; i < perBlob; i++) {
      const v = new Float32Array(dim);
      v[b] = 1;
      for (let d = 0; d < dim; d++) v[d] = (v[d] as number) + spread * (random() - 0.5);
      const n = Math.sqrt(dot(v, v));
      points.push(v.map((x) => x / n));
      truth.push(b);
    }
  return { points, truth };
}

/** Same partition up to the numbering of the clusters. */
function samePartition(a: ArrayLike<number>, b: ArrayLike<number>) {
  const map = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    const seen = map.get(a[i] as number);
    if (seen === undefined) map.set(a[i] as number, b[i] as number);
    else if (seen !== b[i]) return false;
  }
  return new Set(map.values()).size === map.size;
}

describe('spherical k-means', () => {
  test('recovers well-separated blobs with unit centroids', () => {
    const { points, truth } = blobs(4, 25);
    const result = kMeans(points, 4, undefined, { seed: 5 });
    assert.ok(samePartition(truth, result.assignments));
    for (const c of result.centroids) assert.ok(Math.abs(Math.sqrt(dot(c, c)) - 1) < 1e-9);
  });

  test('the same seed gives the same clusters; k above n is cut to n; no points, no clusters', () => {
    const { points } = blobs(3, 10);
    assert.deepEqual(kMeans(points, 3, undefined, { seed: 9 }), kMeans(points, 3, undefined, { seed: 9 }));
    assert.equal(kMeans(points.slice(0, 2), 5).centroids.length, 2);
    assert.deepEqual(kMeans([], 3), { assignments: new Int32Array(0), centroids: [], iterations: 0 });
  });

  test('a heavy point pulls its centroid towards itself', () => {
    const a = Float32Array.from([1, 0]);
    const b = Float32Array.from([Math.SQRT1_2, Math.SQRT1_2]);
    const light = kMeans([a, b], 1, [1, 1]).centroids[0] as Float64Array;
    const heavy = kMeans([a, b], 1, [10, 1]).centroids[0] as Float64Array;
    assert.ok(dot(heavy, a) > dot(light, a));
  });

  test('the silhouette is high for separated blobs and near zero for one blob split in two', () => {
    const sep = blobs(3, 20);
    const sample = sep.points.map((_, i) => i);
    const good = silhouette(sep.points, Int32Array.from(sep.truth), 3, sample);
    assert.ok(good > 0.8, `separated: ${good}`);
    const one = blobs(1, 40, 8, 0.6);
    const halves = Int32Array.from(one.points, (_, i) => i % 2);
    const bad = silhouette(
      one.points,
      halves,
      2,
      one.points.map((_, i) => i),
    );
    assert.ok(Math.abs(bad) < 0.1, `arbitrary split: ${bad}`);
  });
});

describe('clusterQueries', () => {
  test('chooses k by the silhouette: five blobs give five clusters', () => {
    const { points, truth } = blobs(5, 30);
    const result = clusterQueries(points);
    assert.equal(result.k, 5);
    assert.ok(samePartition(truth, result.assignments));
  });

  test('fewer than four points form one cluster', () => {
    const { points } = blobs(3, 1);
    const result = clusterQueries(points);
    assert.equal(result.k, 1);
    assert.deepEqual([...result.assignments], [0, 0, 0]);
  });
});
