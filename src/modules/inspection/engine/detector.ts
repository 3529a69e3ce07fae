// The built-in detector: round dark (pores) or bright (inclusions) indications on a grayscale
// radiograph, by classical image processing in plain typed arrays, O(pixels):
// 1. Smooth with a 5 × 5 binomial kernel (a matched filter for the smallest pores); the noise from
//    the median absolute difference of neighbouring pixels (pixels.ts).
// 2. Local contrast against a background that follows the casting's edges and bores but fills
//    dark features up to a scale (background.ts). Scales: maxDiameterPx and, while above 24 px,
//    steps of ÷2.5 below it — a structure narrower than the largest indication (a boss's ring, a
//    rib) is filled at that scale and would hide the pores on it; a smaller scale sees them. Each
//    larger scale is looked for on the image halved once more, so it costs a quarter of the one
//    before. Bright indications: the same on the negated image.
// 3. Blobs (blobs.ts): hysteresis at 2σ and thresholdSigma·σ (σ of the smoothed noise), each then
//    measured against a plane fitted to a ring around it and outlined at a share of its depth.
// 4. Kept when the equivalent diameter and roundness (√(λmin/λmax) of the second moments) are in
//    range and no smaller scale found it already. Confidence = depth / noise: 0.5 at the
//    threshold, 1 at twice it.
// The figures on synthetic radiographs: npm run eval:detect.
import { darkContrast } from './background.ts';
import { findBlobs } from './blobs.ts';
import { negate } from './morphology.ts';
import { estimateNoise, halve, SMOOTH_GAIN, smooth } from './pixels.ts';
import type { Box } from './types.ts';

export type DetectPolarity = 'dark' | 'bright';
const POLARITIES = ['dark', 'bright', 'both'] as const;

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

const LOW_SIGMA = 2;
const SCALE_STEP = 2.5;
const SCALE_MIN_PX = 24;

/** Checks and completes detector options (from a camera's settings); throws RangeError when one is wrong. */
export function resolveDetectOptions(
  options: Record<string, unknown> | DetectOptions = {},
): Required<DetectOptions> {
  const o = options as Record<string, unknown>;
  const known = new Set(Object.keys(DETECT_DEFAULTS));
  for (const key of Object.keys(o))
    if (!known.has(key)) throw new RangeError(`unknown detector option ${key}`);
  const num = (key: keyof DetectOptions, min: number, max: number) => {
    const v = o[key] ?? DETECT_DEFAULTS[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
      throw new RangeError(`detector option ${key} must be a number from ${min} to ${max}`);
    return v;
  };
  const polarity = (o.polarity ?? DETECT_DEFAULTS.polarity) as Required<DetectOptions>['polarity'];
  if (!POLARITIES.includes(polarity))
    throw new RangeError('detector option polarity must be dark, bright or both');
  const resolved = {
    polarity,
    minDiameterPx: num('minDiameterPx', 1, 1000),
    maxDiameterPx: num('maxDiameterPx', 1, 1000),
    thresholdSigma: num('thresholdSigma', 1, 100),
    minRoundness: num('minRoundness', 0, 1),
    maxDetections: Math.floor(num('maxDetections', 1, 100_000)),
  };
  if (resolved.maxDiameterPx < resolved.minDiameterPx)
    throw new RangeError('detector option maxDiameterPx is below minDiameterPx');
  return resolved;
}

/** The scales looked for, smallest first: maxDiameterPx and steps of ÷SCALE_STEP down to SCALE_MIN_PX. */
export function scalesUpTo(maxDiameterPx: number): number[] {
  const scales = [maxDiameterPx];
  while ((scales[0] as number) / SCALE_STEP >= SCALE_MIN_PX)
    scales.unshift((scales[0] as number) / SCALE_STEP);
  return scales;
}

/** Whether a blob at (cx, cy) in `bbox` is one already found: either's centre inside the other's box. */
function overlap(d: Detection, cx: number, cy: number, bbox: Box): boolean {
  const inside = (x: number, y: number, b: Box) => x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h;
  return inside(cx, cy, d.bbox) || inside(d.cx, d.cy, bbox);
}

interface Workspace {
  image: Float32Array;
  contrast: Float32Array;
  state: Uint8Array;
  list: Int32Array;
}

/**
 * Full-size arrays by pixel count, kept for the next call on an image of the same size: a fresh
 * 16 MB array costs tens of ms in page faults on first touch, more than a pass over it.
 */
const workspaces = new Map<number, Workspace>();

function workspaceFor(pixels: number, keep: number[]): Workspace {
  for (const size of workspaces.keys()) if (!keep.includes(size)) workspaces.delete(size);
  let work = workspaces.get(pixels);
  if (!work) {
    work = {
      image: new Float32Array(pixels),
      contrast: new Float32Array(pixels),
      state: new Uint8Array(pixels),
      list: new Int32Array(pixels),
    };
    workspaces.set(pixels, work);
  }
  return work;
}

interface Level {
  width: number;
  height: number;
  data: Uint8Array | Uint16Array;
  /** Pixels of the image per pixel of this level, each way. */
  shrink: number;
}

/** Finds round indications on a grayscale image; the most confident first. */
export function detect({ width, height, data, options }: GrayImage): Detection[] {
  if (
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    width < 1 ||
    height < 1 ||
    data.length !== width * height
  )
    throw new RangeError(`expected ${width} × ${height} pixels, got ${data.length}`);
  const o = resolveDetectOptions(options);
  const scales = scalesUpTo(o.maxDiameterPx);
  // Scale k is looked for on the image shrunk 2^k times (its smallest indications are still
  // some 13 px across there): each larger scale costs a quarter of the one before.
  const levels: Level[] = [{ width, height, data, shrink: 1 }];
  for (let k = 1; k < scales.length; k++) {
    const last = levels[k - 1] as Level;
    if (last.width < 64 || last.height < 64) break;
    levels.push({ ...halve(last.data, last.width, last.height), shrink: 2 * last.shrink });
  }
  const sizes = levels.map((l) => l.width * l.height);
  const found: Detection[] = [];
  levels.forEach((level, k) => {
    const largest = k === levels.length - 1 ? o.maxDiameterPx : (scales[k] as number);
    for (const d of detectLevel(level, largest, o, workspaceFor(level.width * level.height, sizes))) {
      if (found.some((f) => f.polarity === d.polarity && overlap(f, d.cx, d.cy, d.bbox))) continue;
      found.push(d);
    }
  });
  found.sort((a, b) => b.confidence - a.confidence || a.cy - b.cy || a.cx - b.cx);
  return found.slice(0, o.maxDetections);
}

/** Indications up to `largestPx` (image pixels) on one level, in image pixels. */
function detectLevel(
  level: Level,
  largestPx: number,
  o: Required<DetectOptions>,
  work: Workspace,
): Detection[] {
  const { width, height, data, shrink } = level;
  const scale = largestPx / shrink;
  const image = smooth(data, width, height, work.image);
  const sigma = estimateNoise(data, width, height) * SMOOTH_GAIN;
  const t = { high: o.thresholdSigma * sigma, low: Math.min(LOW_SIGMA, o.thresholdSigma) * sigma, sigma };
  const found: Detection[] = [];
  const polarities: DetectPolarity[] = o.polarity === 'both' ? ['dark', 'bright'] : [o.polarity];
  for (const polarity of polarities) {
    if (polarity === 'bright') negate(image);
    const contrast = darkContrast(
      image,
      width,
      height,
      { maxDiameterPx: scale, sigma, thresholdSigma: o.thresholdSigma },
      work,
    );
    work.state.fill(0);
    const maxAreaPx = Math.PI * scale ** 2; // four times the largest indication's area
    for (const blob of findBlobs(contrast, image, width, height, t, work.state, maxAreaPx)) {
      const diameter = 2 * Math.sqrt(blob.areaPx / Math.PI) * shrink;
      if (diameter < o.minDiameterPx || diameter > largestPx || blob.roundness < o.minRoundness) continue;
      found.push({
        cx: blob.cx * shrink,
        cy: blob.cy * shrink,
        bbox: {
          x: blob.x0 * shrink,
          y: blob.y0 * shrink,
          w: (blob.x1 - blob.x0 + 1) * shrink,
          h: (blob.y1 - blob.y0 + 1) * shrink,
        },
        areaPx: blob.areaPx * shrink * shrink,
        contrast: Math.round(blob.depth * 100) / 100,
        polarity,
        roundness: Math.round(blob.roundness * 1000) / 1000,
        confidence: Math.round(Math.min(1, blob.depth / sigma / (2 * o.thresholdSigma)) * 1000) / 1000,
      });
    }
  }
  return found;
}
