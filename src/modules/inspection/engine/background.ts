// The detector's background (detector.ts): what the image would be without dark indications up to
// a given size, and so the local contrast of each pixel, in O(pixels):
// - block means (factor 1–4, from the largest indication), closed with an octagon wider than the
//   largest indication (morphology.ts; beyond the image the edge blocks repeat), evened by a 3 × 3
//   mean, less the closing's own lift on noise (its median over the image);
// - back to full size by bilinear interpolation, except in cells across an edge (a casting's
//   outline, a bore: the four blocks around a pixel differ by more than EDGE_SIGMA·σ), where a
//   pixel takes the highest of the four;
// - drained where a pixel could seed an indication or lies in an edge cell: its background is
//   lowered to its lowest neighbour's but never below the pixel (a reconstruction by erosion, in
//   DRAIN_PASSES raster and anti-raster passes). The slope of an edge, which the blocks overshoot,
//   so ends with no contrast, while a pore keeps the rim that holds it (then measured from the
//   rim's lowest point; blobs.ts measures depth and size again against the pore's surroundings).
import { neighbourhood } from './blobs.ts';
import { blockMean, closing } from './morphology.ts';

/** Four neighbouring blocks differing by more than this (in σ) straddle an edge. */
const EDGE_SIGMA = 20;
const DRAIN_PASSES = 2;
const FACTOR_MAX = 4;
const FACTOR_DIV = 10;

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
  const factor = Math.max(1, Math.min(FACTOR_MAX, Math.round(o.maxDiameterPx / FACTOR_DIV)));
  const blocks = blockMean(image, width, height, factor);
  const radius = Math.ceil((o.maxDiameterPx / 2 + 1) / factor);
  // Beyond the image the edge blocks repeat, so a strip of background along the image's edge is
  // not taken for a dark feature.
  const edge = EDGE_SIGMA * o.sigma;
  const marker = evenOut(
    paddedClosing(blocks.data, blocks.width, blocks.height, radius),
    blocks.width,
    blocks.height,
    edge,
  );
  // The closing of noisy block means sits above their mean by the noise's upper envelope; taken
  // off (its median over the image), the marker is the local level where nothing was filled.
  const every = Math.max(1, Math.floor(marker.length / 20_000));
  const lift = new Float32Array(Math.ceil(marker.length / every));
  for (let i = 0, k = 0; i < marker.length; i += every)
    lift[k++] = (marker[i] as number) - (blocks.data[i] as number);
  const bias = lift.sort()[lift.length >> 1] as number;
  for (let i = 0; i < marker.length; i++) marker[i] = (marker[i] as number) - bias;
  return contrastTo(
    marker,
    blocks.width,
    blocks.height,
    factor,
    image,
    width,
    height,
    edge,
    o.thresholdSigma * o.sigma,
    scratch.contrast,
    scratch.list,
  );
}

/**
 * 3 × 3 mean (edges repeated), which evens out the closing's plateaus on noise; a block whose
 * 3 × 3 neighbourhood spans more than `edge` (it lies by a casting edge) keeps its value.
 */
function evenOut(src: Float32Array, width: number, height: number, edge: number): Float32Array {
  const out = new Float32Array(src.length);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let sum = 0;
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (let dy = -1; dy <= 1; dy++) {
        const row = Math.min(height - 1, Math.max(0, y + dy)) * width;
        for (let dx = -1; dx <= 1; dx++) {
          const v = src[row + Math.min(width - 1, Math.max(0, x + dx))] as number;
          sum += v;
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
      }
      out[y * width + x] = hi - lo > edge ? (src[y * width + x] as number) : sum / 9;
    }
  return out;
}

/** Block centre coordinates of each pixel along one axis: lower block index, weight of the next. */
function axis(size: number, blocks: number, factor: number) {
  const lower = new Int32Array(size);
  const weight = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    // Beyond the first and last block centres the weight leaves [0, 1]: linear extrapolation.
    const g = (i + 0.5) / factor - 0.5;
    const l = Math.max(0, Math.min(blocks - 2, Math.floor(g)));
    lower[i] = l;
    weight[i] = blocks < 2 ? 0 : g - l;
  }
  return { lower, weight };
}

/**
 * Background − image into `out`: the marker interpolated (the highest of the four blocks in a cell
 * across an edge, i.e. whose blocks differ by more than `edge`), then drained at every pixel of an
 * edge cell and every pixel at least `high` below it.
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
        background = Math.max(highs[j] as number, highs[j + right] as number);
        drain[drained++] = p;
      }
      out[p] = background > v ? background : v;
    }
  }
  drainBackground(out, image, width, height, drain.subarray(0, drained));
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) - (image[i] as number);
  return out;
}

/** Lowers `background` at the listed pixels towards their lowest neighbour, never below `image`. */
function drainBackground(
  background: Float32Array,
  image: Float32Array,
  width: number,
  height: number,
  pixels: Int32Array,
) {
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

/**
 * Closing of an image extended by `radius` repeated edge pixels on every side, so a dark strip
 * along the image's edge stays wide open instead of being taken for a dark feature.
 */
function paddedClosing(src: Float32Array, width: number, height: number, radius: number): Float32Array {
  const w = width + 2 * radius;
  const h = height + 2 * radius;
  const padded = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const from = Math.min(height - 1, Math.max(0, y - radius)) * width;
    for (let x = 0; x < w; x++)
      padded[y * w + x] = src[from + Math.min(width - 1, Math.max(0, x - radius))] as number;
  }
  const closed = closing(padded, w, h, radius);
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++)
    out.set(closed.subarray((y + radius) * w + radius, (y + radius) * w + radius + width), y * width);
  return out;
}
