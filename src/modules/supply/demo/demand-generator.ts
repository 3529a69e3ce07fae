// Synthetic daily demand for the demo tenant: one series per SKU and warehouse with a level, a
// trend, a weekly and a yearly cycle and noise; some items are erratic (every day, very variable
// sizes) and some intermittent or lumpy (mostly zero days, occasional orders); a few SKUs have
// promotions (short windows of uplift, flagged). Pure and seeded: the same (seed, SKU, warehouse)
// gives the same series on every machine, so the job can be re-run and tests can name figures.
import { seededRandom } from '../../../platform/random.ts';
import type { DemandClass } from '../forecasting/types.ts';

export type { DemandClass };
export const DEMAND_CLASSES: readonly DemandClass[] = ['smooth', 'erratic', 'intermittent', 'lumpy'];

/** Two years of days, ending yesterday. */
export const DEMO_HISTORY_DAYS = 730;

export class DemandGeneratorError extends Error {
  override name = 'DemandGeneratorError';
}

export interface DemandProfile {
  demandClass: DemandClass;
  /**
   * Mean units per day (smooth, erratic) or per demand day (intermittent, lumpy) at the start of
   * the history, before the weekly and yearly cycles.
   */
  meanSize: number;
  /** Chance that a day sees any demand (1 for smooth and erratic items). */
  occurrence: number;
  /** Relative growth per year: 0.2 is +20 % a year (linear). */
  trendPerYear: number;
  /** Day-of-week multipliers, Monday first; their mean is 1. */
  weekly: number[];
  /** ±share of the yearly cycle (0.3: 30 % above the mean at the peak, 30 % below half a year later). */
  yearlyAmplitude: number;
  /** Day of the year (1–366) when the yearly cycle peaks. */
  peakDayOfYear: number;
  /** Coefficient of variation of a day's quantity (smooth), or the log-normal sigma of a size. */
  noise: number;
}

export interface Promotion {
  /** Index of the first promoted day in the series. */
  startIndex: number;
  days: number;
  /** Multiplier of the expected demand while it lasts. */
  uplift: number;
}

export interface DemandSeries {
  sku: string;
  warehouse: string;
  profile: DemandProfile;
  promotions: Promotion[];
  /** First day, `YYYY-MM-DD` (UTC). */
  start: string;
  /** Units per day, non-negative integers, `days` of them. */
  quantity: number[];
  /** Whether each day was in a promotion. */
  promotion: boolean[];
}

/** How a category's items tend to sell: class shares, volumes and the season. */
interface CategoryDemand {
  erratic: number;
  intermittent: number;
  lumpy: number;
  /** Units per day per warehouse for smooth and erratic items. */
  daily: [number, number];
  /** Units per demand day for intermittent and lumpy items. */
  lump: [number, number];
  amplitude: [number, number];
  /** Peak day of year; undefined: anywhere. */
  peak?: number;
}

const CATEGORY_DEMAND: Record<string, CategoryDemand> = {
  // Construction season: late spring.
  fasteners: {
    erratic: 0.1,
    intermittent: 0.02,
    lumpy: 0.01,
    daily: [40, 320],
    lump: [50, 400],
    amplitude: [0.1, 0.35],
    peak: 150,
  },
  bearings: {
    erratic: 0.15,
    intermittent: 0.1,
    lumpy: 0.05,
    daily: [6, 40],
    lump: [2, 12],
    amplitude: [0, 0.2],
  },
  // Pattern-made parts ordered per project: many items are intermittent or lumpy.
  castings: {
    erratic: 0.1,
    intermittent: 0.25,
    lumpy: 0.25,
    daily: [6, 14],
    lump: [1, 8],
    amplitude: [0, 0.15],
  },
  // Shipping peaks before Christmas.
  packaging: {
    erratic: 0.15,
    intermittent: 0.03,
    lumpy: 0.02,
    daily: [20, 200],
    lump: [20, 150],
    amplitude: [0.2, 0.45],
    peak: 330,
  },
  // Heating and lighting work in winter.
  electrical: {
    erratic: 0.15,
    intermittent: 0.1,
    lumpy: 0.08,
    daily: [6, 30],
    lump: [2, 15],
    amplitude: [0.15, 0.4],
    peak: 15,
  },
  seals: {
    erratic: 0.15,
    intermittent: 0.08,
    lumpy: 0.04,
    daily: [8, 60],
    lump: [5, 40],
    amplitude: [0.05, 0.3],
  },
};
const DEFAULT_DEMAND: CategoryDemand = {
  erratic: 0.15,
  intermittent: 0.08,
  lumpy: 0.05,
  daily: [6, 50],
  lump: [2, 20],
  amplitude: [0, 0.3],
};

/** Industrial customers order on weekdays; Saturday and Sunday are quiet. Monday first. */
const WEEKDAY_SHAPE = [1.15, 1.2, 1.2, 1.15, 1.05, 0.45, 0.25];
const DAY_MS = 86_400_000;

/** FNV-1a: a 32-bit seed from a string key. */
function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

type Rng = () => number;
const between = (rng: Rng, [lo, hi]: [number, number]) => lo + (hi - lo) * rng();

/** Standard normal variate (Box–Muller). */
function normal(rng: Rng): number {
  const u = 1 - rng(); // (0, 1]: the log stays finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** Poisson variate: Knuth's product of uniforms below 30, a rounded normal above. */
function poisson(rng: Rng, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda >= 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(rng)));
  const limit = Math.exp(-lambda);
  let k = 0;
  for (let p = rng(); p > limit; p *= rng()) k++;
  return k;
}

/** A size with mean `mean` from a log-normal with the given sigma. */
const logNormal = (rng: Rng, mean: number, sigma: number) =>
  mean * Math.exp(sigma * normal(rng) - (sigma * sigma) / 2);

function pickClass(rng: Rng, c: CategoryDemand): DemandClass {
  const u = rng();
  if (u < c.lumpy) return 'lumpy';
  if (u < c.lumpy + c.intermittent) return 'intermittent';
  if (u < c.lumpy + c.intermittent + c.erratic) return 'erratic';
  return 'smooth';
}

function weeklyShape(strength: number): number[] {
  const mean = WEEKDAY_SHAPE.reduce((a, b) => a + b, 0) / WEEKDAY_SHAPE.length;
  return WEEKDAY_SHAPE.map((w) => 1 + strength * (w / mean - 1));
}

/**
 * The demand profile of one SKU at one warehouse. What the SKU is (its class, season, trend) is
 * drawn from (seed, SKU) and so shared by its warehouses; its volume and noise from (seed, SKU,
 * warehouse).
 */
export function demandProfile(
  seed: number,
  sku: string,
  warehouse: string,
  category?: string | null,
): DemandProfile {
  const c = (category && CATEGORY_DEMAND[category]) || DEFAULT_DEMAND;
  const item = seededRandom(hashKey(`${seed}|${sku}`));
  const local = seededRandom(hashKey(`${seed}|${sku}|${warehouse}`));
  const demandClass = pickClass(item, c);
  const trendPerYear = -0.15 + 0.5 * item(); // −15 % … +35 % a year, mostly growing
  const yearlyAmplitude = between(item, c.amplitude);
  const peakDayOfYear =
    c.peak !== undefined ? c.peak + Math.round(20 * (item() - 0.5)) : 1 + Math.floor(365 * item());
  const weekly = weeklyShape(0.3 + 0.6 * item());
  const scale = 0.6 + 0.8 * local(); // a warehouse's share of the SKU's business
  const base = { demandClass, trendPerYear, yearlyAmplitude, peakDayOfYear, weekly };
  switch (demandClass) {
    case 'smooth':
      return {
        ...base,
        meanSize: Math.max(6, between(item, c.daily) * scale),
        occurrence: 1,
        noise: 0.1 + 0.2 * local(),
      };
    case 'erratic':
      return {
        ...base,
        meanSize: Math.max(4, between(item, c.daily) * scale),
        occurrence: 1,
        noise: 0.85 + 0.35 * local(),
      };
    case 'intermittent':
      return {
        ...base,
        meanSize: 1 + between(item, c.lump) * scale,
        occurrence: 0.05 + 0.25 * local(),
        noise: 0,
      };
    case 'lumpy':
      return {
        ...base,
        meanSize: Math.max(3, between(item, c.lump) * 2 * scale),
        occurrence: 0.04 + 0.16 * local(),
        noise: 0.9 + 0.4 * local(),
      };
  }
}

/** The SKU's promotions over a window of `days`: about one SKU in eight, smooth or erratic only. */
export function promotionsOf(seed: number, sku: string, profile: DemandProfile, days: number): Promotion[] {
  if (profile.demandClass !== 'smooth' && profile.demandClass !== 'erratic') return [];
  const rng = seededRandom(hashKey(`${seed}|${sku}|promotions`));
  if (rng() >= 0.12) return [];
  const count = rng() < 0.5 ? 1 : 2;
  const out: Promotion[] = [];
  // Each promotion gets its own slice of the window, so two never overlap.
  const slice = Math.floor(days / count);
  for (let n = 0; n < count; n++) {
    const length = 7 + Math.floor(8 * rng());
    const room = slice - length - 14;
    if (room <= 0) continue;
    out.push({ startIndex: n * slice + 7 + Math.floor(room * rng()), days: length, uplift: 1.5 + rng() });
  }
  return out;
}

/** Expected units per day on day `index` of the history (cycles averaged out, no promotion). */
export function expectedDailyDemand(profile: DemandProfile, index: number): number {
  return profile.meanSize * profile.occurrence * trendFactor(profile, index);
}

const trendFactor = (profile: DemandProfile, index: number) =>
  Math.max(0.3, 1 + (profile.trendPerYear * index) / 365);

function dayOfYear(ms: number): number {
  const d = new Date(ms);
  return Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS) + 1;
}

/** Parses `YYYY-MM-DD` as a UTC day (epoch ms), or throws. */
export function parseDay(value: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value)
    throw new DemandGeneratorError(`not a day (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return ms;
}

export const formatDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface GenerateOptions {
  seed: number;
  sku: string;
  warehouse: string;
  category?: string | null;
  /** Last day of the history, `YYYY-MM-DD`. */
  end: string;
  /** Number of days (default two years). */
  days?: number;
}

/** One SKU's daily demand at one warehouse, `days` days up to and including `end`. */
export function generateDemand(options: GenerateOptions): DemandSeries {
  const { seed, sku, warehouse, end } = options;
  const days = options.days ?? DEMO_HISTORY_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > 3660)
    throw new DemandGeneratorError(`days must be a whole number from 1 to 3660, not ${days}`);
  if (!Number.isFinite(seed)) throw new DemandGeneratorError('the seed must be a finite number');
  if (!sku || !warehouse) throw new DemandGeneratorError('a SKU and a warehouse are required');
  const startMs = parseDay(end) - (days - 1) * DAY_MS;
  const profile = demandProfile(seed, sku, warehouse, options.category);
  const promotions = promotionsOf(seed, sku, profile, days);
  const uplift = new Float64Array(days).fill(1);
  for (const p of promotions)
    for (let i = p.startIndex; i < p.startIndex + p.days && i < days; i++) uplift[i] = p.uplift;
  const rng = seededRandom(hashKey(`${seed}|${sku}|${warehouse}|days`));
  const quantity = new Array<number>(days);
  const promotion = new Array<boolean>(days);
  for (let i = 0; i < days; i++) {
    const ms = startMs + i * DAY_MS;
    const season =
      1 +
      profile.yearlyAmplitude * Math.cos((2 * Math.PI * (dayOfYear(ms) - profile.peakDayOfYear)) / 365.25);
    const week = profile.weekly[(new Date(ms).getUTCDay() + 6) % 7] as number;
    const cycles = trendFactor(profile, i) * season * week;
    quantity[i] = dayQuantity(rng, profile, cycles, uplift[i] as number);
    promotion[i] = (uplift[i] as number) > 1;
  }
  return { sku, warehouse, profile, promotions, start: formatDay(startMs), quantity, promotion };
}

/** One day's units given the trend and cycles (`cycles`) and a promotion's uplift. */
function dayQuantity(rng: Rng, profile: DemandProfile, cycles: number, uplift: number): number {
  const { meanSize, noise } = profile;
  switch (profile.demandClass) {
    case 'smooth': {
      // Poisson-like spread at low volumes, proportional noise at high ones.
      const mean = meanSize * cycles * uplift;
      return Math.max(0, Math.round(mean + Math.sqrt(mean + (noise * mean) ** 2) * normal(rng)));
    }
    case 'erratic':
      return Math.max(0, Math.round(logNormal(rng, meanSize * cycles * uplift, noise)));
    case 'intermittent':
      // The cycles change how often orders come, not their size (a few units each time).
      if (rng() >= Math.min(0.95, profile.occurrence * cycles)) return 0;
      return 1 + poisson(rng, meanSize - 1);
    case 'lumpy':
      if (rng() >= Math.min(0.95, profile.occurrence * cycles)) return 0;
      return Math.max(1, Math.round(logNormal(rng, meanSize, noise)));
  }
}
