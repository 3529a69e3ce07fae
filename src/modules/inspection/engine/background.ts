// The detector's background (detector.ts): what the image would be without dark indications up to
// a given size, and so the local contrast of each pixel. Block means (factor 1–4), closed with an
// octagon wider than the largest indication (morphology.ts), less the closing's own lift on noise,
// back to full size by bilinear interpolation — except across an edge (a casting's outline, a
// bore), where a pixel takes the block value nearest its own — and finally drained where a pixel
// is well below it, so that an edge's slope ends with no contrast while a pore keeps its rim.
import { neighbourhood } from './blobs.ts';
import { blockMean, closing } from './morphology.ts';

/** Four neighbouring blocks differing by more than this (in σ) straddle an edge. */
const EDGE_SIGMA = 20;
const DRAIN_PASSES = 2;

export interface BackgroundOptions {
  /** The largest indication: the closing fills dark features up to this wide. */
  maxDiameterPx: number;
  /** Standard deviation of the noise in `image`. */
  sigma: number;
  /** Contrast (in σ) from which a pixel may seed an indication: those pixels are drained. */
  thresholdSigma: number;
}

/**
 * Local contrast of dark features, background − image (≥ 0), into `scratch.contrast`;
 * `scratch.list` holds one entry per pixel.
 */
export function darkContrast(
  image: Float32Array,
  width: number,
  height: number,
  o: BackgroundOptions,
  scratch: { contrast: Float32Array; list: Int32Array },
): Float32Array {
  const factor = Math.max(1, Math.min(4, Math.floor(o.maxDiameterPx / 10)));
  const blocks = blockMean(image, width, height, factor);
  const radius = Math.ceil((o.maxDiameterPx / 2 + 1) / factor);
  // Beyond the image the edge blocks repeat, so a strip of background along the image's edge is
  // not taken for a dark feature.
  const marker = boxBlur3(paddedClosing(blocks.data, blocks.width, blocks.height, radius), blocks.width, blocks.height);
  // The closing of noisy block means sits above their mean by the noise's upper envelope; taken
  // off (its median over the image), the marker is the local level where nothing was filled.
  const every = Math.max(1, Math.floor(marker.length / 20_000));
  const lift = new Float32Array(Math.ceil(marker.length / every));
  for (let i = 0, k = 0; i < marker.length; i += every) lift[k++] = (marker[i] as number) - (blocks.data[i] as number);
  const bias = lift.sort()[lift.length >> 1] as number;
  for (let i = 0; i < marker.length; i++) marker[i] = (marker[i] as number) - bias;
  return contrastTo(marker, blocks.width, blocks.height, factor, image, width, height, EDGE_SIGMA * o.sigma, o.thresholdSigma * o.sigma, scratch.contrast, scratch.list);
}

/** 3 × 3 mean (edges repeated): evens out the closing's plateaus on noise. */
function boxBlur3(src: Float32Array, width: number, height: number): Float32Array {
  const across = new Float32Array(src.length);
  for (let y = 0; y < height; y++)
    for (let x = 0, row = y * width; x < width; x++)
      across[row + x] =
        ((src[row + Math.max(0, x - 1)] as number) + (src[row + x] as number) + (src[row + Math.min(width - 1, x + 1)] as number)) / 3;
  const out = new Float32Array(src.length);
  for (let y = 0; y < height; y++) {
    const up = Math.max(0, y - 1) * width;
    const down = Math.min(height - 1, y + 1) * width;
    for (let x = 0, row = y * width; x < width; x++)
      out[row + x] = ((across[up + x] as number) + (across[row + x] as number) + (across[down + x] as number)) / 3;
  }
  return out;
}

/** Block centre coordinates of each pixel along one axis: lower block index and weight of the upper. */
function axis(size: number, blocks: number, factor: number) {
  const lower = new Int32Array(size);
  const weight = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    const g = Math.min(blocks - 1, Math.max(0, (i + 0.5) / factor - 0.5));
    const l = Math.min(blocks - 2, Math.floor(g));
    lower[i] = Math.max(0, l);
    weight[i] = blocks < 2 ? 0 : g - Math.max(0, l);
  }
  return { lower, weight };
}

/**
 * Background − image: the marker blocks interpolated, except in cells across an edge (the four
 * blocks around a pixel differ by more than `edge`), where a pixel takes the block value nearest
 * its own. Then every pixel at least `low` below its background, and every pixel of an edge cell,
 * is drained (DRAIN_PASSES raster and anti-raster passes): its background is lowered to its
 * lowest neighbour's, never below the pixel itself. A pixel on the slope of an edge, which the
 * blocks overshoot, so ends with no contrast, while a pore keeps the rim that holds it (measured
 * from its lowest point; blobs.ts measures depth and size again against the pore's surroundings).
 */
function contrastTo(
  marker: Float32Array,
  mw: number,
  mh: number,
  factor: number,
  image: Float32Array,
  width: number,
  height: number,
  edge: number,
  high: number,
  out: Float32Array,
  /** Scratch, one entry per pixel. */
  drain: Int32Array,
) {
  let drained = 0;
  const xs = axis(width, mw, factor);
  const ys = axis(height, mh, factor);
  const right = mw > 1 ? 1 : 0;
  const down = mh > 1 ? mw : 0;
  // Per row: each block column interpolated between its two block rows, and its low and high.
  const column = new Float32Array(mw);
  const lows = new Float32Array(mw);
  const highs = new Float32Array(mw);
  const across = new Uint8Array(mw);
  for (let y = 0; y < height; y++) {
    const top = (ys.lower[y] as number) * mw;
    const wy = ys.weight[y] as number;
    for (let j = 0; j < mw; j++) {
      const a = marker[top + j] as number;
      const c = marker[top + down + j] as number;
      column[j] = a + (c - a) * wy;
      lows[j] = a < c ? a : c;
      highs[j] = a < c ? c : a;
    }
    for (let j = 0; j < mw; j++) {
      const k = j + right < mw ? j + right : j;
      const lo = Math.min(lows[j] as number, lows[k] as number);
      const hi = Math.max(highs[j] as number, highs[k] as number);
      across[j] = hi - lo > edge ? 1 : 0;
    }
    const row = y * width;
    const lower = xs.lower;
    const weight = xs.weight;
    for (let x = 0; x < width; x++) {
      const j = lower[x] as number;
      const p = row + x;
      const v = image[p] as number;
      let background: number;
      if (across[j] === 0) {
        const left = column[j] as number;
        background = left + ((column[j + right] as number) - left) * (weight[x] as number);
        if (background - v >= high) drain[drained++] = p;
      } else {
        background = nearestBlock(marker, top + j, right, down, v);
        drain[drained++] = p;
      }
      out[p] = background > v ? background : v;
    }
  }
  drainBackground(out, image, width, height, drain.subarray(0, drained));
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) - (image[i] as number);
  return out;
}

/** Of the four blocks from `i`, the value nearest `v`. */
function nearestBlock(marker: Float32Array, i: number, right: number, down: number, v: number): number {
  let best = marker[i] as number;
  const b = marker[i + right] as number;
  const c = marker[i + down] as number;
  const d = marker[i + down + right] as number;
  if (Math.abs(b - v) < Math.abs(best - v)) best = b;
  if (Math.abs(c - v) < Math.abs(best - v)) best = c;
  if (Math.abs(d - v) < Math.abs(best - v)) best = d;
  return best;
}

/** Lowers `background` at the listed pixels towards their lowest neighbour, never below `image`. */
function drainBackground(background: Float32Array, image: Float32Array, width: number, height: number, pixels: Int32Array) {
  const steps = [-width - 1, -width, -width + 1, -1, 1, width - 1, width, width + 1];
  const near = new Int32Array(8);
  for (let pass = 0; pass < 2 * DRAIN_PASSES; pass++) {
    const forward = pass % 2 === 0;
    for (let k = 0; k < pixels.length; k++) {
      const p = pixels[forward ? k : pixels.length - 1 - k] as number;
      let low = background[p] as number;
      const x = p % width;
      if (x > 0 && x < width - 1 && p >= width && p < background.length - width)
        for (const step of steps) {
          const q = background[p + step] as number;
          if (q < low) low = q;
        }
      else {
        const n = neighbourhood(p, width, height, near);
        for (let j = 0; j < n; j++) {
          const q = background[near[j] as number] as number;
          if (q < low) low = q;
        }
      }
      const v = image[p] as number;
      background[p] = low > v ? low : v;
    }
  }
}

/** Closing of an image extended by `radius` repeated edge pixels on every side, cropped back. */
function paddedClosing(src: Float32Array, width: number, height: number, radius: number): Float32Array {
  const w = width + 2 * radius;
  const h = height + 2 * radius;
  const padded = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const from = Math.min(height - 1, Math.max(0, y - radius)) * width;
    for (let x = 0; x < w; x++) padded[y * w + x] = src[from + Math.min(width - 1, Math.max(0, x - radius))] as number;
  }
  const closed = closing(padded, w, h, radius);
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) out.set(closed.subarray((y + radius) * w + radius, (y + radius) * w + radius + width), y * width);
  return out;
}

