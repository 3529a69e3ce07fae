// Blobs in a local-contrast image, for the detector (detector.ts): which pixels form an
// indication and how big it is. Hysteresis finds them: components of contrast ≥ `low` holding a
// pixel ≥ `high`; within one, every peak ≥ `high` (highest first) gives a blob — the pixels
// reachable from it at ≥ half its depth — and the slope around the blob is claimed by it, so a
// broad indication does not yield a ring of small ones. Each blob is then measured against its own
// surroundings: the background is a plane fitted to a ring around it in the image, the depth that
// plane less the image at the peak, and the indication the connected pixels at least SIZE_LEVEL of
// that depth below the plane (so its size does not depend on how noise lifted the peak or lowered
// the rim, nor on the slope it lies on). A blob is dropped when it is not `high` below the plane,
// not SCATTER_RATIO times deeper than the ring scatters about it (a ring across an edge or a boss
// scatters by its height), or when the image's edge cuts away much of its ring. Neighbours are
// 8-connected.
import { fitPlane, type Plane, planeAt } from './plane.ts';

/** Share of the depth at which a blob's outline is drawn. */
const SIZE_LEVEL = 0.4;
/** A blob must be this many times deeper than its ring scatters about the fitted plane. */
const SCATTER_RATIO = 3;
/** Least share of its ring an indication needs inside the image. */
const MIN_RING_SHARE = 0.6;
/** Times a blob is measured again with its ring moved out to its new outline. */
const REMEASURE = 3;

export interface BlobThresholds {
  high: number;
  low: number;
  /** Standard deviation of the noise in the image measured. */
  sigma: number;
}

export interface Blob {
  cx: number;
  cy: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  areaPx: number;
  /** √(λmin/λmax) of the pixels' second moments. */
  roundness: number;
  /** Background less image at the peak (3 × 3 mean), in grey levels. */
  depth: number;
}

/** Writes the in-image 8-neighbours of p into `out`; returns how many. */
export function neighbourhood(p: number, width: number, height: number, out: Int32Array): number {
  const x = p % width;
  const y = (p - x) / width;
  let n = 0;
  for (let dy = -1; dy <= 1; dy++) {
    const yy = y + dy;
    if (yy < 0 || yy >= height) continue;
    for (let dx = -1; dx <= 1; dx++) {
      const xx = x + dx;
      if ((dx === 0 && dy === 0) || xx < 0 || xx >= width) continue;
      out[n++] = yy * width + xx;
    }
  }
  return n;
}

/** The middle value (upper median), by quickselect: partially reorders `values`. */
export function median(values: number[]): number {
  const k = values.length >> 1;
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k] as number;
}

/**
 * Blobs of dark indications: `contrast` is background − image (≥ 0 where darker), `image` the
 * (smoothed) image itself, where each blob is measured.
 */
export function findBlobs(
  contrast: Float32Array,
  image: Float32Array,
  width: number,
  height: number,
  t: BlobThresholds,
  /** Scratch, all 0 (0: untouched, 1: in a component, 2: in a blob, 3: claimed by a blob's slope). */
  state: Uint8Array = new Uint8Array(contrast.length),
  /** Blobs larger than this at half depth are not measured (a structure, not an indication). */
  maxAreaPx = Number.POSITIVE_INFINITY,
): Blob[] {
  const near = new Int32Array(8);
  const blobs: Blob[] = [];
  const stack: number[] = [];
  for (let seed = 0; seed < contrast.length; seed++) {
    if ((contrast[seed] as number) < t.high || state[seed] !== 0) continue;
    const component = [seed];
    state[seed] = 1;
    for (let k = 0; k < component.length; k++) {
      const n = neighbourhood(component[k] as number, width, height, near);
      for (let j = 0; j < n; j++) {
        const q = near[j] as number;
        if (state[q] === 0 && (contrast[q] as number) >= t.low) {
          state[q] = 1;
          component.push(q);
        }
      }
    }
    const peaks = component.filter((p) => (contrast[p] as number) >= t.high);
    peaks.sort((a, b) => (contrast[b] as number) - (contrast[a] as number) || a - b);
    for (const peak of peaks) {
      if (state[peak] !== 1) continue;
      const level = Math.max(t.low, meanAround(contrast, peak, width, height, near) / 2);
      const blob = [peak];
      state[peak] = 2;
      for (let k = 0; k < blob.length; k++) {
        const n = neighbourhood(blob[k] as number, width, height, near);
        for (let j = 0; j < n; j++) {
          const q = near[j] as number;
          if (state[q] === 1 && (contrast[q] as number) >= level) {
            state[q] = 2;
            blob.push(q);
          }
        }
      }
      for (const p of blob) stack.push(p);
      while (stack.length > 0) {
        const p = stack.pop() as number;
        const limit = (contrast[p] as number) + t.sigma;
        const n = neighbourhood(p, width, height, near);
        for (let j = 0; j < n; j++) {
          const q = near[j] as number;
          if (state[q] === 1 && (contrast[q] as number) <= limit) {
            state[q] = 3;
            stack.push(q);
          }
        }
      }
      if (blob.length > maxAreaPx) continue;
      const measured = measure(blob, peak, image, width, height, t, near);
      if (measured) blobs.push(measured);
    }
  }
  return blobs;
}

function meanAround(
  values: Float32Array,
  p: number,
  width: number,
  height: number,
  near: Int32Array,
): number {
  const n = neighbourhood(p, width, height, near);
  let sum = values[p] as number;
  for (let j = 0; j < n; j++) sum += values[near[j] as number] as number;
  return sum / (n + 1);
}

/**
 * The plane through a ring's pixels, refitted without the ring's outliers (e.g. a neighbouring
 * pore), and the ring's robust scatter about the first fit.
 */
function fitRing(xs: number[], ys: number[], vs: number[]): { plane: Plane; scatter: number } | undefined {
  const first = fitPlane(xs, ys, vs);
  if (!first) return undefined;
  const off = vs.map((v, i) => v - planeAt(first, xs[i] as number, ys[i] as number));
  const mid = median([...off]);
  const scatter = 1.4826 * median(off.map((r) => Math.abs(r - mid)));
  const plane = fitPlane(xs, ys, vs, (i) => Math.abs((off[i] as number) - mid) <= 3 * scatter) ?? first;
  return { plane, scatter };
}

interface Outline {
  pixels: number[];
  depth: number;
}

/**
 * Measures a blob against a plane fitted to a ring just outside it, and again while the outline
 * so found is clearly larger than the pixels it came from (a broad, shallow pore whose first blob
 * was only its deepest part); undefined when the first measure finds no indication.
 */
function measure(
  blob: number[],
  peak: number,
  image: Float32Array,
  width: number,
  height: number,
  t: BlobThresholds,
  near: Int32Array,
) {
  let outline: Outline | undefined;
  let pixels = blob;
  for (let round = 0; round < REMEASURE; round++) {
    const next = outlineOf(pixels, peak, image, width, height, t, near);
    if (!next) break;
    outline = next;
    if (next.pixels.length <= 1.3 * pixels.length) break;
    pixels = next.pixels;
  }
  return outline && shapeOf(outline.pixels, width, outline.depth);
}

/**
 * The indication around `peak`: the plane through a ring around `pixels` (refitted without the
 * ring's outliers, e.g. a neighbouring pore), the depth below it at the peak (3 × 3 mean), and the
 * pixels connected to the peak at least SIZE_LEVEL of that depth below it. Undefined when the depth is
 * below `high`, or not SCATTER_RATIO times the ring's own scatter about the plane (a ring across
 * an edge or a boss scatters by its height).
 */
function outlineOf(
  pixels: number[],
  peak: number,
  image: Float32Array,
  width: number,
  height: number,
  t: BlobThresholds,
  near: Int32Array,
): Outline | undefined {
  let sx = 0;
  let sy = 0;
  for (const p of pixels) {
    const x = p % width;
    sx += x + 0.5;
    sy += (p - x) / width + 0.5;
  }
  const cx0 = sx / pixels.length;
  const cy0 = sy / pixels.length;
  const px0 = (p: number) => (p % width) + 0.5 - cx0;
  const py0 = (p: number) => Math.floor(p / width) + 0.5 - cy0;
  const r0 = Math.sqrt(pixels.length / Math.PI);
  const inner = r0 + 2;
  const outer = inner + Math.max(3, r0 / 2);
  const xs: number[] = [];
  const ys: number[] = [];
  const vs: number[] = [];
  for (let y = Math.max(0, Math.floor(cy0 - outer)); y <= Math.min(height - 1, Math.ceil(cy0 + outer)); y++)
    for (
      let x = Math.max(0, Math.floor(cx0 - outer));
      x <= Math.min(width - 1, Math.ceil(cx0 + outer));
      x++
    ) {
      const d = Math.hypot(x + 0.5 - cx0, y + 0.5 - cy0);
      if (d < inner || d > outer) continue;
      xs.push(x + 0.5 - cx0);
      ys.push(y + 0.5 - cy0);
      vs.push(image[y * width + x] as number);
    }
  // A ring the image's edge cuts by much leaves the background, and the indication, uncertain.
  if (vs.length < 8 || vs.length < MIN_RING_SHARE * Math.PI * (outer * outer - inner * inner))
    return undefined;
  const fit = fitRing(xs, ys, vs);
  if (!fit) return undefined;
  const { plane, scatter } = fit;
  const at = (p: number) => planeAt(plane, px0(p), py0(p));
  const depth = at(peak) - meanAround(image, peak, width, height, near);
  if (depth < t.high || depth < SCATTER_RATIO * scatter) return undefined;
  const level = Math.max(t.low, SIZE_LEVEL * depth);
  const reach = 1.5 * r0 + 3;
  const px = peak % width;
  const py = (peak - px) / width;
  // Visited marks over the square the outline may reach.
  const side = 2 * Math.ceil(reach) + 1;
  const gx = px - Math.ceil(reach);
  const gy = py - Math.ceil(reach);
  const seen = new Uint8Array(side * side);
  seen[(py - gy) * side + (px - gx)] = 1;
  const inside = [peak];
  for (let k = 0; k < inside.length; k++) {
    const n = neighbourhood(inside[k] as number, width, height, near);
    for (let j = 0; j < n; j++) {
      const q = near[j] as number;
      const qx = q % width;
      const qy = (q - qx) / width;
      if (Math.hypot(qx - px, qy - py) > reach) continue;
      const mark = (qy - gy) * side + (qx - gx);
      if (seen[mark] === 1) continue;
      seen[mark] = 1;
      if (at(q) - (image[q] as number) >= level) inside.push(q);
    }
  }
  return { pixels: inside, depth };
}

function shapeOf(pixels: number[], width: number, depth: number): Blob {
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const p of pixels) {
    const xi = p % width;
    const yi = (p - xi) / width;
    const x = xi + 0.5;
    const y = yi + 0.5;
    sx += x;
    sy += y;
    sxx += x * x;
    syy += y * y;
    sxy += x * y;
    if (xi < x0) x0 = xi;
    if (xi > x1) x1 = xi;
    if (yi < y0) y0 = yi;
    if (yi > y1) y1 = yi;
  }
  const n = pixels.length;
  const cx = sx / n;
  const cy = sy / n;
  // Second moments, each pixel a unit square (its own variance 1/12).
  const mxx = sxx / n - cx * cx + 1 / 12;
  const myy = syy / n - cy * cy + 1 / 12;
  const mxy = sxy / n - cx * cy;
  const mean = (mxx + myy) / 2;
  const spread = Math.sqrt(((mxx - myy) / 2) ** 2 + mxy * mxy);
  return {
    cx,
    cy,
    x0,
    y0,
    x1,
    y1,
    areaPx: n,
    roundness: Math.sqrt(Math.max(0, mean - spread) / (mean + spread)),
    depth,
  };
}
