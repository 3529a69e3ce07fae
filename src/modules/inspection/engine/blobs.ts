// Blobs in a local-contrast image, for the detector (detector.ts): which pixels form an
// indication and how big it is. Hysteresis finds them: components of contrast ≥ `low` holding a
// pixel ≥ `high`; within one, every peak ≥ `high` (highest first) gives a blob — the pixels
// reachable from it at ≥ half its depth — and the slope around the blob is claimed by it, so a
// broad indication does not yield a ring of small ones. Each blob is then measured against its own
// surroundings: the background is the median of a ring around it in the image, the depth that
// background less the image at the peak, and the indication the connected pixels at least
// SIZE_LEVEL of that depth below the background (so its size does not depend on how noise lifted
// the peak or lowered the rim). Neighbours are 8-connected.

/** Share of the depth at which a blob's outline is drawn. */
export const SIZE_LEVEL = 0.4;

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

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  return values[values.length >> 1] as number;
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
  state = new Uint8Array(contrast.length),
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
      const top = contrast[peak] as number;
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
      const measured = measure(blob, peak, image, width, height, t, near);
      if (measured) blobs.push(measured);
    }
  }
  return blobs;
}

function meanAround(values: Float32Array, p: number, width: number, height: number, near: Int32Array): number {
  const n = neighbourhood(p, width, height, near);
  let sum = values[p] as number;
  for (let j = 0; j < n; j++) sum += values[near[j] as number] as number;
  return sum / (n + 1);
}

interface Plane {
  a: number;
  b: number;
  c: number;
}

/** Least-squares plane v = a + b·x + c·y through the points. */
function fitPlane(xs: number[], ys: number[], vs: number[], use: (i: number) => boolean): Plane | undefined {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sv = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  let sxv = 0;
  let syv = 0;
  for (let i = 0; i < vs.length; i++) {
    if (!use(i)) continue;
    const x = xs[i] as number;
    const y = ys[i] as number;
    const v = vs[i] as number;
    n++;
    sx += x;
    sy += y;
    sv += v;
    sxx += x * x;
    syy += y * y;
    sxy += x * y;
    sxv += x * v;
    syv += y * v;
  }
  if (n < 8) return undefined;
  // Centred normal equations for the slopes, then the offset.
  const mx = sx / n;
  const my = sy / n;
  const mv = sv / n;
  const cxx = sxx / n - mx * mx;
  const cyy = syy / n - my * my;
  const cxy = sxy / n - mx * my;
  const cxv = sxv / n - mx * mv;
  const cyv = syv / n - my * mv;
  const det = cxx * cyy - cxy * cxy;
  if (!(Math.abs(det) > 1e-9)) return { a: mv, b: 0, c: 0 };
  const b = (cxv * cyy - cyv * cxy) / det;
  const c = (cyv * cxx - cxv * cxy) / det;
  return { a: mv - b * mx - c * my, b, c };
}

/**
 * Re-outlines a blob against a plane fitted to a ring around it (refitted without the ring's
 * outliers, e.g. a neighbouring pore); undefined when the blob is not `high` below that plane, or
 * not clearly deeper than the ring's own scatter (a ring across an edge scatters by the edge).
 */
function measure(blob: number[], peak: number, image: Float32Array, width: number, height: number, t: BlobThresholds, near: Int32Array): Blob | undefined {
  let sx = 0;
  let sy = 0;
  for (const p of blob) {
    const x = p % width;
    sx += x + 0.5;
    sy += (p - x) / width + 0.5;
  }
  const cx0 = sx / blob.length;
  const cy0 = sy / blob.length;
  const r0 = Math.sqrt(blob.length / Math.PI);
  const inner = r0 + 2;
  const outer = inner + Math.max(3, r0 / 2);
  const xs: number[] = [];
  const ys: number[] = [];
  const vs: number[] = [];
  for (let y = Math.max(0, Math.floor(cy0 - outer)); y <= Math.min(height - 1, Math.ceil(cy0 + outer)); y++)
    for (let x = Math.max(0, Math.floor(cx0 - outer)); x <= Math.min(width - 1, Math.ceil(cx0 + outer)); x++) {
      const d = Math.hypot(x + 0.5 - cx0, y + 0.5 - cy0);
      if (d < inner || d > outer) continue;
      xs.push(x + 0.5 - cx0);
      ys.push(y + 0.5 - cy0);
      vs.push(image[y * width + x] as number);
    }
  const first = fitPlane(xs, ys, vs, () => true);
  if (!first) return undefined;
  const off = vs.map((v, i) => v - (first.a + first.b * (xs[i] as number) + first.c * (ys[i] as number)));
  const mid = median([...off]);
  const scatter = 1.4826 * median(off.map((r) => Math.abs(r - mid)));
  const plane = fitPlane(xs, ys, vs, (i) => Math.abs((off[i] as number) - mid) <= 3 * scatter) ?? first;
  const at = (p: number) => {
    const x = p % width;
    return plane.a + plane.b * (x + 0.5 - cx0) + plane.c * ((p - x) / width + 0.5 - cy0);
  };
  const depth = at(peak) - meanAround(image, peak, width, height, near);
  if (depth < t.high || depth < (t.high / t.sigma) * scatter) return undefined;
  const level = Math.max(t.low, SIZE_LEVEL * depth);
  const reach = 1.5 * r0 + 3;
  const px = peak % width;
  const py = (peak - px) / width;
  const seen = new Set<number>([peak]);
  const inside = [peak];
  for (let k = 0; k < inside.length; k++) {
    const n = neighbourhood(inside[k] as number, width, height, near);
    for (let j = 0; j < n; j++) {
      const q = near[j] as number;
      if (seen.has(q)) continue;
      seen.add(q);
      const qx = q % width;
      const qy = (q - qx) / width;
      if (at(q) - (image[q] as number) >= level && Math.hypot(qx - px, qy - py) <= reach) inside.push(q);
    }
  }
  return shapeOf(inside, width, depth);
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
  return { cx, cy, x0, y0, x1, y1, areaPx: n, roundness: Math.sqrt(Math.max(0, mean - spread) / (mean + spread)), depth };
}
