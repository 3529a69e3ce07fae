// Streaming anomaly detectors for one sensor: an EWMA control chart and a rolling z-score. Each
// step takes the detector's state and one reading and returns the new state and a verdict, so a
// sensor's state can be kept between batches (and stored) and replayed in timestamp order. Pure.
import type { ControlLimits } from './spc.ts';

export interface EwmaOptions {
  /** Weight of the newest reading, 0 < lambda ≤ 1 (0.2 is the textbook choice). */
  lambda: number;
  /** Width of the limits in the statistic's standard deviations (3 → about one false alarm in 500 points at lambda 0.2). */
  width: number;
}

export const EWMA_DEFAULTS: EwmaOptions = { lambda: 0.2, width: 3 };

export interface EwmaState {
  /** The smoothed statistic. */
  statistic: number;
  /** Readings seen. */
  count: number;
}

export interface EwmaStep {
  state: EwmaState;
  lower: number;
  upper: number;
  signal: boolean;
}

/**
 * One reading through an EWMA chart around `limits`: z = λx + (1 − λ)z′, starting at the center,
 * with the exact (time-varying) limits center ± L·σ·√(λ/(2 − λ)·(1 − (1 − λ)^(2t))). It finds small
 * sustained shifts that the 3σ rule misses.
 */
export function ewmaStep(
  state: EwmaState | undefined,
  value: number,
  limits: ControlLimits,
  { lambda, width }: EwmaOptions = EWMA_DEFAULTS,
): EwmaStep {
  if (!(lambda > 0 && lambda <= 1) || !(width > 0)) throw new Error('invalid EWMA options');
  const previous = state ?? { statistic: limits.center, count: 0 };
  const count = previous.count + 1;
  const statistic = lambda * value + (1 - lambda) * previous.statistic;
  const spread =
    width * limits.sigma * Math.sqrt((lambda / (2 - lambda)) * (1 - (1 - lambda) ** (2 * count)));
  const lower = limits.center - spread;
  const upper = limits.center + spread;
  return { state: { statistic, count }, lower, upper, signal: statistic < lower || statistic > upper };
}

export interface ZScoreOptions {
  /** How many earlier readings the mean and deviation come from. */
  window: number;
  /** |z| above which a reading is anomalous. */
  threshold: number;
  /** Readings needed in the window before anything is judged. */
  minPoints: number;
}

export const Z_SCORE_DEFAULTS: ZScoreOptions = { window: 60, threshold: 4, minPoints: 10 };

export interface ZScoreState {
  /** The last `window` readings, oldest first. */
  recent: number[];
}

export interface ZScoreStep {
  state: ZScoreState;
  /** The reading's z-score against the readings before it; null while there are too few or they do not vary. */
  z: number | null;
  signal: boolean;
}

/** One reading against the mean and standard deviation of the `window` readings before it. */
export function zScoreStep(
  state: ZScoreState | undefined,
  value: number,
  options: ZScoreOptions = Z_SCORE_DEFAULTS,
): ZScoreStep {
  const rolling = new ZScoreWindow(state, options);
  const z = rolling.step(value);
  return { state: rolling.state(), z, signal: z !== null && Math.abs(z) > options.threshold };
}

/**
 * The rolling z-score over a stream, for judging many readings in a row: the window is a ring
 * buffer, so a step allocates nothing. The mean and deviation are computed the way `zScoreStep`
 * states them, in two passes over the window, oldest first — exact, and the same numbers to the
 * last bit (running sums would be cheaper, but they drift, and a flat window would no longer come
 * out as exactly flat).
 */
export class ZScoreWindow {
  readonly window: number;
  readonly threshold: number;
  readonly minPoints: number;
  private readonly ring: Float64Array;
  /** Where the oldest reading is, and how many there are. */
  private start = 0;
  private size = 0;
  /** A stored window longer than this one (the window was narrowed): judged against whole once. */
  private longer: readonly number[] | undefined;

  constructor(state: ZScoreState | undefined, { window, threshold, minPoints }: ZScoreOptions) {
    if (!(window >= 2 && minPoints >= 2 && minPoints <= window && threshold > 0))
      throw new Error('invalid z-score options');
    this.window = window;
    this.threshold = threshold;
    this.minPoints = minPoints;
    this.ring = new Float64Array(window);
    const recent = state?.recent ?? [];
    if (recent.length > window) this.longer = recent;
    for (let i = Math.max(0, recent.length - window); i < recent.length; i++) this.push(recent[i] as number);
  }

  private push(value: number) {
    if (this.size < this.window) {
      this.ring[(this.start + this.size) % this.window] = value;
      this.size++;
    } else {
      this.ring[this.start] = value;
      this.start = (this.start + 1) % this.window;
    }
  }

  /** The reading's z-score against the readings before it (null while too few or flat); then it joins them. */
  step(value: number): number | null {
    const { ring, size, start, window } = this;
    let z: number | null = null;
    if (this.longer) {
      const recent = this.longer;
      this.longer = undefined;
      const mean = recent.reduce((sum, x) => sum + x, 0) / recent.length;
      const variance = recent.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (recent.length - 1);
      if (variance > 0) z = (value - mean) / Math.sqrt(variance);
    } else if (size >= this.minPoints) {
      let sum = 0;
      for (let i = 0, at = start; i < size; i++, at = at + 1 === window ? 0 : at + 1)
        sum += ring[at] as number;
      const mean = sum / size;
      let squares = 0;
      for (let i = 0, at = start; i < size; i++, at = at + 1 === window ? 0 : at + 1)
        squares += ((ring[at] as number) - mean) ** 2;
      const variance = squares / (size - 1);
      if (variance > 0) z = (value - mean) / Math.sqrt(variance);
    }
    this.push(value);
    return z;
  }

  /** The readings in the window, oldest first (the stored form). */
  state(): ZScoreState {
    const recent: number[] = new Array(this.size);
    for (let i = 0; i < this.size; i++) recent[i] = this.ring[(this.start + i) % this.window] as number;
    return { recent };
  }
}
