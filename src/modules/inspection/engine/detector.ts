// The built-in detector: round dark (pores) or bright (inclusions) indications on a grayscale
// radiograph, by classical image processing in plain typed arrays, O(pixels):
// 1. Smooth with a 5 × 5 binomial kernel (a matched filter for the smallest pores).
// 2. Noise: the median absolute difference of horizontal neighbours in the raw image, scaled to a
//    standard deviation (robust to edges and pores, which are a small share of pixels).
// 3. Background, per polarity (bright indications: the same on the negated image): block means,
//    closed with an octagon wider than the largest indication (morphology.ts), less the closing's
//    own lift on noise, back to full size by bilinear interpolation — except across a casting edge
//    or bore (the four blocks around a pixel differ by more than EDGE_SIGMA·σ), where a pixel takes
//    the block value nearest its own, so the background does not smear over the edge.
//    Local contrast = background − image.
// 4. Blobs (blobs.ts): hysteresis at 2σ and thresholdSigma·σ (σ of the smoothed noise), each
//    outlined at a share of its depth below the median of a ring around it.
// 5. Kept when the equivalent diameter and roundness (√(λmin/λmax) of the second moments) are in
//    range. Confidence = depth / noise: 0.5 at the threshold, 1 at twice it.
import { darkContrast } from './background.ts';
import { findBlobs } from './blobs.ts';
import { negate } from './morphology.ts';
import type { Box } from './types.ts';

export type DetectPolarity = 'dark' | 'bright';

export interface DetectOptions {
  polarity?: DetectPolarity | 'both';
  minDiameterPx?: number;
  maxDiameterPx?: number;
  /** Peak contrast needed, in standard deviations of the (smoothed) noise. */
  thresholdSigma?: number;
  /** Smallest √(λmin/λmax) of a blob's second moments (1: round, 0.5: twice as long as wide). */
  minRoundness?: number;
  /** Most detections returned (the most confident). */
  maxDetections?: number;
}

export const DETECT_DEFAULTS: Required<DetectOptions> = {
  polarity: 'both',
  minDiameterPx: 3,
  maxDiameterPx: 80,
  thresholdSigma: 4,
  minRoundness: 0.5,
  maxDetections: 1000,
};

export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array | Uint16Array;
  options?: DetectOptions | undefined;
}

/** A found indication, in pixels of the image (DefectGeometry-compatible). */
export interface Detection {
  cx: number;
  cy: number;
  bbox: Box;
  areaPx: number;
  /** Peak contrast against the surrounding background, in the image's grey levels. */
  contrast: number;
  polarity: DetectPolarity;
  roundness: number;
  confidence: number;
}

/** Noise gain of the 5 × 5 binomial kernel on white noise: √(Σw²) = 70/256. */
const SMOOTH_GAIN = 70 / 256;
const LOW_SIGMA = 2;

/** Checks and completes detector options (from a camera's settings); throws RangeError when one is wrong. */
export function resolveDetectOptions(options: Record<string, unknown> | DetectOptions = {}): Required<DetectOptions> {
  const o = options as Record<string, unknown>;
  const known = new Set(Object.keys(DETECT_DEFAULTS));
  for (const key of Object.keys(o)) if (!known.has(key)) throw new RangeError(`unknown detector option ${key}`);
  const num = (key: keyof DetectOptions, min: number, max: number) => {
    const v = o[key] ?? DETECT_DEFAULTS[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
      throw new RangeError(`detector option ${key} must be a number from ${min} to ${max}`);
    return v;
  };
  const polarity = o.polarity ?? DETECT_DEFAULTS.polarity;
  if (polarity !== 'dark' && polarity !== 'bright' && polarity !== 'both')
    throw new RangeError('detector option polarity must be dark, bright or both');
  const resolved = {
    polarity,
    minDiameterPx: num('minDiameterPx', 1, 1000),
    maxDiameterPx: num('maxDiameterPx', 1, 1000),
    thresholdSigma: num('thresholdSigma', 1, 100),
    minRoundness: num('minRoundness', 0, 1),
    maxDetections: Math.floor(num('maxDetections', 1, 100_000)),
  };
  if (resolved.maxDiameterPx < resolved.minDiameterPx) throw new RangeError('detector option maxDiameterPx is below minDiameterPx');
  return resolved;
}

const BINOMIAL = [1, 4, 6, 4, 1];

/** 5 × 5 binomial smoothing ([1 4 6 4 1] / 16 both ways, edges repeated), into `out`. */
export function smooth(data: ArrayLike<number>, width: number, height: number, out = new Float32Array(width * height)): Float32Array {
  // Rows smoothed across, five kept in a ring, then combined down.
  const ring = [0, 1, 2, 3, 4].map(() => new Float32Array(width));
  const last = width - 1;
  const across = (y: number, into: Float32Array) => {
    const row = y * width;
    for (let x = 2; x < width - 2; x++) {
      const p = row + x;
      into[x] =
        ((data[p - 2] as number) + 4 * (data[p - 1] as number) + 6 * (data[p] as number) + 4 * (data[p + 1] as number) + (data[p + 2] as number)) /
        16;
    }
    for (const x of new Set([0, 1, last - 1, last])) {
      if (x < 0 || (x >= 2 && x < width - 2)) continue;
      let sum = 0;
      for (let d = -2; d <= 2; d++) sum += (BINOMIAL[d + 2] as number) * (data[row + Math.min(last, Math.max(0, x + d))] as number);
      into[x] = sum / 16;
    }
  };
  const clampY = (y: number) => Math.min(height - 1, Math.max(0, y));
  for (let y = -2; y <= 1; y++) across(clampY(y), ring[(y + 5) % 5] as Float32Array);
  for (let y = 0; y < height; y++) {
    across(clampY(y + 2), ring[(y + 2) % 5] as Float32Array);
    const r0 = ring[(y + 3) % 5] as Float32Array;
    const r1 = ring[(y + 4) % 5] as Float32Array;
    const r2 = ring[y % 5] as Float32Array;
    const r3 = ring[(y + 1) % 5] as Float32Array;
    const r4 = ring[(y + 2) % 5] as Float32Array;
    const row = y * width;
    for (let x = 0; x < width; x++)
      out[row + x] =
        ((r0[x] as number) + 4 * (r1[x] as number) + 6 * (r2[x] as number) + 4 * (r3[x] as number) + (r4[x] as number)) / 16;
  }
  return out;
}

/**
 * The noise's standard deviation in grey levels: 1.4826 × the median |difference| of horizontal
 * neighbours / √2, from about 256 rows; at least half a grey level (quantization).
 */
export function estimateNoise(data: Uint8Array | Uint16Array, width: number, height: number): number {
  const counts = new Uint32Array(data instanceof Uint8Array ? 256 : 65536);
  const step = Math.max(1, Math.floor(height / 256));
  let total = 0;
  for (let y = 0; y < height; y += step)
    for (let x = y * width, end = x + width - 1; x < end; x++) {
      const d = (data[x + 1] as number) - (data[x] as number);
      counts[d < 0 ? -d : d]++;
      total++;
    }
  let seen = 0;
  let median = 0;
  while (median < counts.length - 1 && seen + (counts[median] as number) < total / 2) seen += counts[median++] as number;
  return Math.max(0.5, (1.4826 * median) / Math.SQRT2);
}

interface Workspace {
  pixels: number;
  image: Float32Array;
  contrast: Float32Array;
  state: Uint8Array;
  list: Int32Array;
}

/**
 * The last call's full-size arrays, reused by the next call on an image of the same size: a fresh
 * 16 MB array costs tens of ms in page faults on first touch, more than a pass over it.
 */
let workspace: Workspace | undefined;

function workspaceFor(pixels: number): Workspace {
  if (workspace?.pixels !== pixels)
    workspace = {
      pixels,
      image: new Float32Array(pixels),
      contrast: new Float32Array(pixels),
      state: new Uint8Array(pixels),
      list: new Int32Array(pixels),
    };
  return workspace;
}

/** Finds round indications on a grayscale image; the most confident first. */
export function detect({ width, height, data, options }: GrayImage): Detection[] {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || data.length !== width * height)
    throw new RangeError(`expected ${width} × ${height} pixels, got ${data.length}`);
  const o = resolveDetectOptions(options);
  const work = workspaceFor(width * height);
  const image = smooth(data, width, height, work.image);
  const sigma = estimateNoise(data, width, height) * SMOOTH_GAIN;
  const t = { high: o.thresholdSigma * sigma, low: Math.min(LOW_SIGMA, o.thresholdSigma) * sigma, sigma };
  const found: Detection[] = [];
  const polarities: DetectPolarity[] = o.polarity === 'both' ? ['dark', 'bright'] : [o.polarity];
  for (const polarity of polarities) {
    if (polarity === 'bright') negate(image);
    const contrast = darkContrast(image, width, height, { maxDiameterPx: o.maxDiameterPx, sigma, thresholdSigma: o.thresholdSigma }, work);
    work.state.fill(0);
    for (const blob of findBlobs(contrast, image, width, height, t, work.state)) {
      const diameter = 2 * Math.sqrt(blob.areaPx / Math.PI);
      if (diameter < o.minDiameterPx || diameter > o.maxDiameterPx || blob.roundness < o.minRoundness) continue;
      found.push({
        cx: blob.cx,
        cy: blob.cy,
        bbox: { x: blob.x0, y: blob.y0, w: blob.x1 - blob.x0 + 1, h: blob.y1 - blob.y0 + 1 },
        areaPx: blob.areaPx,
        contrast: Math.round(blob.depth * 100) / 100,
        polarity,
        roundness: Math.round(blob.roundness * 1000) / 1000,
        confidence: Math.round(Math.min(1, blob.depth / sigma / (2 * o.thresholdSigma)) * 1000) / 1000,
      });
    }
  }
  found.sort((a, b) => b.confidence - a.confidence || a.cy - b.cy || a.cx - b.cx);
  return found.slice(0, o.maxDetections);
}
