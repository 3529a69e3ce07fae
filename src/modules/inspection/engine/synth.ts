// Synthetic radiographs of castings with known pores, for the demo station and for measuring the
// detector (eval/detect.ts): a seeded, deterministic picture in film convention (more material is
// brighter): a dark, slightly graded background; a rounded casting body whose brightness follows a
// smoothly varying wall thickness, with bore holes and thicker bosses around them; pores inside the
// body as soft round spots (darker: gas pores; brighter with polarity 'bright' or 'both':
// inclusions), their contrast varying and weaker the smaller they are, some of them in clusters;
// Gaussian noise over all. Coordinates: pixel (i, j) covers [i, i + 1) × [j, j + 1).

import { seededRandom } from '../../../platform/random.ts';
import type { Box } from './types.ts';

export type Polarity = 'dark' | 'bright';

export interface PoreOptions {
  count: number;
  minDiameterPx: number;
  maxDiameterPx: number;
  /** Share (0–1) of the pores placed in clusters. */
  clusterShare: number;
}

export interface SynthOptions {
  seed: number;
  width?: number;
  height?: number;
  bitDepth?: 8 | 16;
  /** Default: a count that varies from image to image (about 30 per megapixel on average). */
  pores?: Partial<PoreOptions>;
  /** Standard deviation of the noise as a share of full scale (default 0.006). */
  noiseSigma?: number;
  /** Pores only ('dark', the default), inclusions only ('bright'), or a quarter of them inclusions ('both'). */
  polarity?: Polarity | 'both';
}

export interface SynthPore {
  cx: number;
  cy: number;
  diameterPx: number;
  bbox: Box;
  polarity: Polarity;
  /** Peak change of brightness, as a share of full scale. */
  contrast: number;
}

export interface Radiograph {
  width: number;
  height: number;
  bitDepth: 8 | 16;
  data: Uint16Array | Uint8Array;
  truth: SynthPore[];
}

export { seededRandom };

const AIR = 0.08;
/** Smallest gap (px) between two pores' edges, and between a pore and the body's edge. */
const PORE_GAP = 3;
const EDGE_CLEARANCE = 5;

const smoothstep = (x: number) => (x <= 0 ? 0 : x >= 1 ? 1 : x * x * (3 - 2 * x));

interface Hole {
  x: number;
  y: number;
  r: number;
}

/** The casting: where its body is (0–1, soft edge) and how bright its material is there. */
function castingOf(random: () => number, width: number, height: number) {
  const u = (lo: number, hi: number) => lo + (hi - lo) * random();
  const cx = width * u(0.45, 0.55);
  const cy = height * u(0.45, 0.55);
  const a = width * u(0.34, 0.42);
  const b = height * u(0.32, 0.42);
  const n = u(2.5, 4);
  const angle = u(-0.25, 0.25);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const side = Math.min(width, height);
  const holes: Hole[] = [];
  const holeCount = 1 + Math.floor(random() * 2);
  for (let k = 0; k < holeCount; k++)
    holes.push({
      x: cx + (k === 0 ? -1 : 1) * a * u(0.35, 0.55),
      y: cy + b * u(-0.4, 0.4),
      // Bores well wider than pores (over 0.15 of the image), as on real castings.
      r: side * u(0.075, 0.11),
    });
  const waves = [0, 1, 2].map(() => ({
    fx: u(0.5, 2.5) / width,
    fy: u(0.5, 2.5) / height,
    phase: u(0, 6.3),
    amp: u(0.04, 0.08),
  }));
  const edge = u(1, 2.5);
  const gradient = { x: u(-0.03, 0.03), y: u(-0.03, 0.03) };

  /** Body coverage at (x, y): 1 inside, 0 outside or in a bore, soft over `edge` px. */
  const body = (x: number, y: number) => {
    const dx = x - cx;
    const dy = y - cy;
    const pu = Math.abs((dx * cos + dy * sin) / a);
    const pv = Math.abs((-dx * sin + dy * cos) / b);
    const s = pu ** n + pv ** n;
    const f = s ** (1 / n);
    const near = (4 * edge) / Math.min(a, b);
    let cover = f < 1 - near ? 1 : 0;
    if (Math.abs(f - 1) <= near) {
      // Distance to the outline, to first order: (f − 1) / |∇f|.
      const common = s ** (1 / n - 1);
      const gradient = Math.hypot((common * pu ** (n - 1)) / a, (common * pv ** (n - 1)) / b);
      cover = smoothstep(0.5 - (f - 1) / gradient / edge);
    }
    if (cover === 0) return 0;
    for (const h of holes) cover *= smoothstep(0.5 + (Math.hypot(x - h.x, y - h.y) - h.r) / edge);
    return cover;
  };
  /** Brightness of the material (film convention), before pores and noise. */
  const material = (x: number, y: number) => {
    let t = 0.5;
    for (const w of waves) t += w.amp * Math.cos(2 * Math.PI * (w.fx * x + w.fy * y) + w.phase);
    for (const h of holes)
      t += 0.18 * (1 - smoothstep((Math.hypot(x - h.x, y - h.y) - 1.5 * h.r) / (0.4 * h.r)));
    return 0.3 + 0.5 * t;
  };
  const air = (x: number, y: number) =>
    AIR + gradient.x * (x / width - 0.5) + gradient.y * (y / height - 0.5);
  return { body, material, air };
}

function defaultPores(
  random: () => number,
  width: number,
  height: number,
  given: Partial<PoreOptions> = {},
): PoreOptions {
  return {
    count: given.count ?? Math.round(((30 * width * height) / 1_048_576) * (0.2 + 1.6 * random())),
    minDiameterPx: given.minDiameterPx ?? 3,
    maxDiameterPx: given.maxDiameterPx ?? Math.max(8, Math.round(0.03 * Math.min(width, height))),
    clusterShare: given.clusterShare ?? 0.3,
  };
}

/** Places pores in the body, none overlapping another or the body's edge; gives up on a crowded image. */
function placePores(
  random: () => number,
  options: PoreOptions,
  fits: (x: number, y: number, r: number) => boolean,
  size: { width: number; height: number },
): { cx: number; cy: number; r: number }[] {
  const placed: { cx: number; cy: number; r: number }[] = [];
  const free = (x: number, y: number, r: number) =>
    fits(x, y, r) && placed.every((p) => Math.hypot(p.cx - x, p.cy - y) >= p.r + r + PORE_GAP);
  const logMin = Math.log(options.minDiameterPx);
  const logMax = Math.log(Math.max(options.minDiameterPx, options.maxDiameterPx));
  const diameter = (share: number) => Math.exp(logMin + (logMax - logMin) * share * random());
  const clustered = Math.round(options.count * Math.min(1, Math.max(0, options.clusterShare)));
  let attempts = 0;
  while (placed.length < clustered && attempts++ < 200) {
    const x = size.width * random();
    const y = size.height * random();
    const members = 3 + Math.floor(random() * 5);
    const spread = 2.5 * Math.exp(logMin + 0.4 * (logMax - logMin));
    for (let k = 0, tries = 0; k < members && placed.length < clustered && tries < 60; tries++) {
      const r = diameter(0.4) / 2;
      const angle = 2 * Math.PI * random();
      const dist = spread * Math.sqrt(random()) + r;
      const px = x + dist * Math.cos(angle);
      const py = y + dist * Math.sin(angle);
      if (free(px, py, r)) {
        placed.push({ cx: px, cy: py, r });
        k++;
      }
    }
  }
  attempts = 0;
  while (placed.length < options.count && attempts++ < 50 * options.count) {
    const r = diameter(1) / 2;
    const x = size.width * random();
    const y = size.height * random();
    if (free(x, y, r)) placed.push({ cx: x, cy: y, r });
  }
  return placed;
}

/** Standard normal samples from a uniform generator (Box–Muller, both values used). */
function gaussian(random: () => number): () => number {
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    const u = 1 - random();
    const v = random();
    const m = Math.sqrt(-2 * Math.log(u));
    spare = m * Math.sin(2 * Math.PI * v);
    return m * Math.cos(2 * Math.PI * v);
  };
}

export function generateRadiograph(options: SynthOptions): Radiograph {
  const { seed, width = 1024, height = 1024, bitDepth = 16, noiseSigma = 0.006, polarity = 'dark' } = options;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 32 || height < 32)
    throw new RangeError('width and height must be whole numbers ≥ 32');
  const random = seededRandom(seed);
  const casting = castingOf(random, width, height);
  const image = new Float32Array(width * height);
  const cover = new Float32Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const c = casting.body(x + 0.5, y + 0.5);
      cover[i] = c;
      const air = casting.air(x + 0.5, y + 0.5);
      image[i] = c > 0 ? air + c * (casting.material(x + 0.5, y + 0.5) - air) : air;
    }

  const inside = (x: number, y: number) => {
    const xi = Math.floor(x);
    const yi = Math.floor(y);
    return xi >= 0 && yi >= 0 && xi < width && yi < height && (cover[yi * width + xi] as number) >= 0.999;
  };
  const fits = (x: number, y: number, r: number) => {
    const reach = r + EDGE_CLEARANCE;
    if (!inside(x, y)) return false;
    for (let k = 0; k < 12; k++) {
      const a = (k * Math.PI) / 6;
      if (!inside(x + reach * Math.cos(a), y + reach * Math.sin(a))) return false;
    }
    return true;
  };
  const pores = placePores(random, defaultPores(random, width, height, options.pores), fits, {
    width,
    height,
  });

  const truth: SynthPore[] = [];
  for (const { cx, cy, r } of pores) {
    const sign: Polarity = polarity === 'both' ? (random() < 0.25 ? 'bright' : 'dark') : polarity;
    // Smaller pores are shallower: less material missing along the beam, less contrast.
    const share = (0.04 + 0.08 * random()) * Math.min(1, 0.55 + r / 10);
    const level = casting.material(cx, cy) - casting.air(cx, cy);
    const contrast = share * level;
    const x0 = Math.max(0, Math.floor(cx - r - 2));
    const x1 = Math.min(width - 1, Math.ceil(cx + r + 2));
    const y0 = Math.max(0, Math.floor(cy - r - 2));
    const y1 = Math.min(height - 1, Math.ceil(cy + r + 2));
    for (let y = y0; y <= y1; y++)
      for (let x = x0; x <= x1; x++) {
        const rho = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
        const depth =
          smoothstep((r + 0.75 - rho) / 1.5) * (0.55 + 0.45 * Math.sqrt(Math.max(0, 1 - (rho / r) ** 2)));
        const i = y * width + x;
        image[i] = (image[i] as number) + (sign === 'dark' ? -1 : 1) * contrast * depth;
      }
    truth.push({
      cx,
      cy,
      diameterPx: 2 * r,
      bbox: { x: cx - r, y: cy - r, w: 2 * r, h: 2 * r },
      polarity: sign,
      contrast,
    });
  }

  const normal = gaussian(random);
  const full = bitDepth === 16 ? 65535 : 255;
  const data = bitDepth === 16 ? new Uint16Array(width * height) : new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) {
    const v = (image[i] as number) + noiseSigma * normal();
    data[i] = Math.round(Math.min(1, Math.max(0, v)) * full);
  }
  return { width, height, bitDepth, data, truth };
}
