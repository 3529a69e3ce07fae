// The query map's 2-D layout: principal component analysis by power iteration (no d × d matrix is
// formed: each step is Xᵀ(X v), so 5,000 queries of a 1,024-wide embedding cost a few million
// multiply-adds per step). The axes can be fitted on one set of vectors (the cluster centroids,
// weighted by size — so clusters spread apart instead of overlapping in the bulk's directions) and
// applied to another (every query). Deterministic: a seeded start and a sign convention.
import { seededRandom } from '../../../platform/random.ts';
import type { Vector } from './kmeans.ts';

export interface Axes {
  mean: Float64Array;
  /** Unit-length principal directions, the strongest first (fewer when the data has fewer). */
  components: Float64Array[];
  /** Variance along each component. */
  variances: number[];
}

export interface PcaOptions {
  components?: number;
  seed?: number;
  maxIterations?: number;
  /** Stops when the direction changes by less than this between steps (1 − |cos|). */
  tolerance?: number;
}

/** The top principal axes of weighted vectors. */
export function principalAxes(
  vectors: Vector[],
  weights: number[] = vectors.map(() => 1),
  { components = 2, seed = 1, maxIterations = 300, tolerance = 1e-10 }: PcaOptions = {},
): Axes {
  const dim = vectors[0]?.length ?? 0;
  const mean = new Float64Array(dim);
  let mass = 0;
  vectors.forEach((v, i) => {
    const w = weights[i] as number;
    mass += w;
    for (let d = 0; d < dim; d++) mean[d] = (mean[d] as number) + w * (v[d] as number);
  });
  if (mass > 0) for (let d = 0; d < dim; d++) mean[d] = (mean[d] as number) / mass;
  const centred = vectors.map((v) => {
    const c = new Float64Array(dim);
    for (let d = 0; d < dim; d++) c[d] = (v[d] as number) - (mean[d] as number);
    return c;
  });
  const random = seededRandom(seed);
  const found: Float64Array[] = [];
  const variances: number[] = [];
  for (let k = 0; k < Math.min(components, dim); k++) {
    let v = orthogonalise(
      Float64Array.from({ length: dim }, () => random() - 0.5),
      found,
    );
    if (!normaliseInPlace(v)) break;
    let variance = 0;
    for (let it = 0; it < maxIterations; it++) {
      const next = orthogonalise(covarianceTimes(centred, weights, mass, v), found);
      variance = Math.sqrt(dotF(next, next));
      if (!normaliseInPlace(next)) {
        variance = 0;
        break;
      }
      const change = 1 - Math.abs(dotF(next, v));
      v = next;
      if (change < tolerance) break;
    }
    if (variance <= 1e-12) break;
    found.push(orient(v));
    variances.push(variance);
  }
  return { mean, components: found, variances };
}

/** C v with C = Σ wᵢ xᵢ xᵢᵀ / Σ w, without forming C. */
function covarianceTimes(
  centred: Float64Array[],
  weights: number[],
  mass: number,
  v: Float64Array,
): Float64Array {
  const out = new Float64Array(v.length);
  centred.forEach((x, i) => {
    const s = ((weights[i] as number) * dotF(x, v)) / (mass || 1);
    if (s !== 0) for (let d = 0; d < x.length; d++) out[d] = (out[d] as number) + s * (x[d] as number);
  });
  return out;
}

function dotF(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

function orthogonalise(v: Float64Array, basis: Float64Array[]): Float64Array {
  for (const b of basis) {
    const s = dotF(v, b);
    for (let d = 0; d < v.length; d++) v[d] = (v[d] as number) - s * (b[d] as number);
  }
  return v;
}

function normaliseInPlace(v: Float64Array): boolean {
  const n = Math.sqrt(dotF(v, v));
  if (!(n > 1e-12)) return false;
  for (let d = 0; d < v.length; d++) v[d] = (v[d] as number) / n;
  return true;
}

/** Sign convention: the largest coordinate (by magnitude, first on ties) is positive. */
function orient(v: Float64Array): Float64Array {
  let at = 0;
  for (let d = 1; d < v.length; d++) if (Math.abs(v[d] as number) > Math.abs(v[at] as number) + 1e-12) at = d;
  if ((v[at] as number) < 0) for (let d = 0; d < v.length; d++) v[d] = -(v[d] as number);
  return v;
}

/** Coordinates of `vectors` on the axes (0 for a component the axes lack). */
export function project(vectors: Vector[], axes: Axes, dimensions = 2): [number, number][] {
  return vectors.map((v) => {
    const out: number[] = [];
    for (let k = 0; k < dimensions; k++) {
      const c = axes.components[k];
      if (!c) {
        out.push(0);
        continue;
      }
      let s = 0;
      for (let d = 0; d < c.length; d++)
        s += ((v[d] as number) - (axes.mean[d] as number)) * (c[d] as number);
      out.push(s);
    }
    return [out[0] ?? 0, out[1] ?? 0];
  });
}

/** Scales a layout into [-1, 1] on both axes with one factor (keeps its shape); centred on 0. */
export function fitToSquare(points: [number, number][]): [number, number][] {
  if (points.length === 0) return [];
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const half = Math.max(maxX - minX, maxY - minY) / 2;
  const scale = half > 1e-12 ? 1 / half : 0;
  return points.map(([x, y]) => [round4((x - cx) * scale), round4((y - cy) * scale)]);
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
