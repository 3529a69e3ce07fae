// PlantIntel's default streaming anomaly detector for one sensor (rule id `anomaly`). Pure: a step
// takes the stored state and one reading and returns the new state and a verdict; no look-ahead,
// deterministic, O(window + seasonSlots) per reading (usually far less), state is plain JSON.
//
// How a reading is judged:
// 1. Two forecasts of the reading, each from the readings before it:
//    - level:    the median of the last `window` readings;
//    - seasonal: a weekly profile of `seasonSlots` slots (168 → hourly), read by linear
//                interpolation between the two slots around the reading's time of week and
//                nudged towards each reading (rate `seasonRate`).
//    Each model keeps its mean absolute error (exponentially weighted over `errorSpan` readings);
//    the model with the smaller error explains the sensor better and is the one used, so a sensor
//    with a daily or weekly rhythm is judged against its rhythm and any other against its level.
// 2. The residual in units of that error, |z| = |value − expected| / (1.25 · MAE), becomes a raw
//    anomaly score min(|z| / cap, 1) in [0, 1].
// 3. Anomaly likelihood (after Numenta's, used by HTM on NAB): the mean raw score of the last
//    `shortWindow` readings is compared with the raw score's own long-run mean and standard
//    deviation (exponentially weighted over `historySpan` readings). The score is the Gaussian tail
//    probability of that short mean as −log10 p: 2 means "a 1 in 100 level of surprise for this
//    sensor". A sensor that is always jumpy learns that jumps are ordinary.
// 4. A signal is a score at or above `threshold`, at least `warmup` readings into the stream and
//    at least `debounce` readings after the previous signal (one alarm per episode, not one per
//    reading).
// Parameters were chosen on NAB's realKnownCause files (eval/nab.ts); see /work/notes/nab.md.

import { Ring, SortedWindow } from './rolling.ts';

export interface UnivariateOptions {
  /** Readings behind the level model's rolling median (≥ 3). */
  window: number;
  /** Slots of the weekly seasonal profile (168 = hourly); 0 turns the seasonal model off. */
  seasonSlots: number;
  /** How far a reading moves the profile towards itself, 0 < rate ≤ 1. */
  seasonRate: number;
  /** Readings over which each model's mean absolute error is averaged (exponential weights). */
  errorSpan: number;
  /** Residuals a model must have made before it can be chosen. */
  minResiduals: number;
  /** |z| at which the raw anomaly score reaches 1. */
  cap: number;
  /** Readings in the short-term mean of the raw score. */
  shortWindow: number;
  /** Readings over which the raw score's mean and variance are averaged (exponential weights). */
  historySpan: number;
  /** Readings before anything is scored (the warm-up; score 0 and no signal until then). */
  warmup: number;
  /** Score (−log10 of the tail probability, > 0) at or above which a reading signals. */
  threshold: number;
  /** Readings after a signal during which no further signal is raised. */
  debounce: number;
  /**
   * The sensor's resolution, in its units (0 → none): the deviation scale is never smaller, and
   * residuals within one step count as none.
   */
  resolution: number;
}

export const UNIVARIATE_DEFAULTS: UnivariateOptions = {
  window: 30,
  seasonSlots: 168,
  seasonRate: 0.3,
  errorSpan: 1000,
  minResiduals: 50,
  cap: 8,
  shortWindow: 5,
  historySpan: 1000,
  warmup: 300,
  threshold: 2,
  debounce: 200,
  resolution: 0,
};

/** A forecasting model's running error: mean absolute residual and how many residuals it has. */
export interface ModelError {
  mae: number;
  count: number;
}

/**
 * What is stored per sensor between batches (plain JSON, about 250 numbers with the defaults).
 * Build it with `univariateStep(undefined, …)`; do not edit it by hand.
 */
export interface UnivariateState {
  version: 1;
  /** Readings judged so far (finite values only). */
  count: number;
  /** The last `window` readings, oldest first. */
  recent: number[];
  /** Weekly profile, `seasonSlots` slots from Thursday 00:00 UTC; null = slot not seen yet. Empty when off. */
  season: (number | null)[];
  level: ModelError;
  seasonal: ModelError;
  /** The last `shortWindow` raw scores, oldest first. */
  raw: number[];
  /** Exponentially weighted mean and variance of the raw score (weights 1/count, at least 1/historySpan). */
  mean: number;
  variance: number;
  /** Readings since the last signal; null before the first. */
  sinceSignal: number | null;
}

export type UnivariateModel = 'level' | 'seasonal';

export interface UnivariateResult {
  state: UnivariateState;
  /** −log10 of the tail probability of the recent raw anomaly level; 0 during the warm-up. */
  score: number;
  signal: boolean;
  /** The chosen model's forecast of this reading, null while no model is ready. */
  expected: number | null;
  model: UnivariateModel | null;
  /** (value − expected) in units of the chosen model's typical error (1.25 · MAE, ≈ σ); null while no model is ready. */
  deviation: number | null;
}

const WEEK_MS = 7 * 24 * 3600 * 1000;
/** The raw score's σ is never taken as smaller than this, so a near-flat sensor is not hypersensitive. */
const MIN_SD = 0.05;

/** The Gaussian upper tail as −log10 Q(z), computed in logs so that it does not underflow. */
export function gaussianSurprise(z: number): number {
  // erfc by Chebyshev fit (Numerical Recipes' erfcc, |error| < 1.2e-7 relative), in log form.
  const x = z / Math.SQRT2;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.5 * a);
  const poly =
    -a * a -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const lnErfc = Math.log(t) + poly; // ln erfc(|x|)
  const lnQ = x >= 0 ? Math.log(0.5) + lnErfc : Math.log(1 - 0.5 * Math.exp(lnErfc));
  return -lnQ / Math.LN10;
}

function check(options: UnivariateOptions): void {
  const o = options;
  const ok =
    Number.isInteger(o.window) &&
    o.window >= 3 &&
    Number.isInteger(o.seasonSlots) &&
    o.seasonSlots >= 0 &&
    o.seasonSlots <= 10_080 &&
    o.seasonRate > 0 &&
    o.seasonRate <= 1 &&
    o.errorSpan >= 1 &&
    o.minResiduals >= 1 &&
    o.cap > 0 &&
    Number.isInteger(o.shortWindow) &&
    o.shortWindow >= 1 &&
    o.historySpan >= 1 &&
    o.warmup >= 0 &&
    o.threshold > 0 &&
    Number.isFinite(o.threshold) &&
    o.debounce >= 0 &&
    o.resolution >= 0;
  if (!ok) throw new Error('invalid univariate detector options');
}

/**
 * The detector over a stream, for judging many readings of one sensor in a row without copying
 * the state at each reading: construct it from the stored state (or undefined), `step` each
 * reading in timestamp order, then store `state()`. `univariateStep` is the one-reading form.
 */
export class UnivariateDetector {
  readonly options: UnivariateOptions;
  private count: number;
  private recent: Ring;
  /** `recent`, sorted: the median without sorting at every reading. */
  private sorted: SortedWindow;
  private season: Float64Array;
  private level: ModelError;
  private seasonal: ModelError;
  private raw: Ring;
  private mean: number;
  private variance: number;
  private sinceSignal: number | null;

  constructor(state: UnivariateState | undefined, options: Partial<UnivariateOptions> = {}) {
    const o = { ...UNIVARIATE_DEFAULTS, ...options };
    check(o);
    this.options = o;
    const s = state?.version === 1 ? state : undefined;
    this.count = s?.count ?? 0;
    this.recent = new Ring(o.window, s?.recent ?? []);
    this.sorted = new SortedWindow(o.window + 1, this.recent.toArray());
    this.season = new Float64Array(o.seasonSlots).fill(Number.NaN);
    // A profile stored with another slot count cannot be read with this one: it is relearnt.
    const stored = s?.season ?? [];
    if (stored.length === o.seasonSlots)
      stored.forEach((value, i) => {
        if (value !== null) this.season[i] = value;
      });
    this.level = { ...(s?.level ?? { mae: 0, count: 0 }) };
    this.seasonal =
      stored.length === o.seasonSlots && o.seasonSlots > 0
        ? { ...(s?.seasonal ?? { mae: 0, count: 0 }) }
        : { mae: 0, count: 0 };
    this.raw = new Ring(o.shortWindow, s?.raw ?? []);
    this.mean = s?.mean ?? 0;
    this.variance = s?.variance ?? 0;
    this.sinceSignal = s?.sinceSignal ?? null;
  }

  /** Judges one reading (`ts` in ms since the epoch), then learns from it. */
  step(value: number, ts: number): Omit<UnivariateResult, 'state'> {
    const o = this.options;
    if (!Number.isFinite(value))
      return { score: 0, signal: false, expected: null, model: null, deviation: null };

    // 1. The two forecasts, from the readings before this one.
    const levelForecast = this.sorted.length >= Math.min(5, o.window) ? this.sorted.median() : null;
    // The two slots around the reading's time of week (k0, k1) and the weight of the second (f).
    const slots = o.seasonSlots;
    const seasonal = slots > 0 && Number.isFinite(ts);
    let k0 = 0;
    let k1 = 0;
    let f = 0;
    let seasonalForecast: number | null = null;
    if (seasonal) {
      const phase = (((ts % WEEK_MS) + WEEK_MS) % WEEK_MS) / (WEEK_MS / slots) - 0.5;
      const floor = Math.floor(phase);
      k0 = ((floor % slots) + slots) % slots;
      k1 = (k0 + 1) % slots;
      f = phase - floor;
      const p0 = this.season[k0] as number;
      const p1 = this.season[k1] as number;
      if (!Number.isNaN(p0) && !Number.isNaN(p1)) seasonalForecast = p0 * (1 - f) + p1 * f;
    }

    // 2. The model with the smaller error so far (both must have `minResiduals` behind them).
    let model: UnivariateModel | null = null;
    if (levelForecast !== null && this.level.count >= o.minResiduals) model = 'level';
    if (
      seasonalForecast !== null &&
      this.seasonal.count >= o.minResiduals &&
      (model === null || this.seasonal.mae < this.level.mae)
    )
      model = 'seasonal';
    let expected: number | null = null;
    let deviation: number | null = null;
    let rawScore = 0;
    if (model) {
      const error = model === 'level' ? this.level : this.seasonal;
      expected = (model === 'level' ? levelForecast : seasonalForecast) as number;
      const residual = value - expected;
      const scale = Math.max(1.25 * error.mae, o.resolution, 1e-9 * Math.abs(expected));
      if (scale > 0) {
        deviation = residual / scale;
        // A residual within one resolution step is quantisation, not news.
        rawScore = Math.min(Math.max(Math.abs(residual) - o.resolution, 0) / scale / o.cap, 1);
      } else {
        deviation = residual === 0 ? 0 : Math.sign(residual) * Number.POSITIVE_INFINITY;
        rawScore = residual === 0 ? 0 : 1;
      }
    }

    // 3. Learn: the models' errors, the rolling window, the profile.
    if (levelForecast !== null) this.learnError(this.level, value - levelForecast);
    if (seasonalForecast !== null) this.learnError(this.seasonal, value - seasonalForecast);
    this.sorted.insert(value);
    const old = this.recent.push(value);
    // Every value pushed out of the window is in its sorted copy (values are finite here).
    if (old !== undefined && !this.sorted.remove(old))
      throw new Error('univariate: the sorted window lost a value');
    if (seasonal) this.learnSeason(k0, k1, f, value, seasonalForecast);

    // 4. Anomaly likelihood of the recent raw scores against their history.
    this.raw.push(rawScore);
    let score = 0;
    if (this.count >= o.warmup) {
      // Summed afresh (not kept as a running sum) so that the result does not depend on where
      // the stream was cut into batches.
      const shortMean = this.raw.sum() / this.raw.length;
      const sd = Math.max(Math.sqrt(this.variance), MIN_SD);
      score = Math.max(0, gaussianSurprise((shortMean - this.mean) / sd));
    }
    this.count += 1;
    const rate = Math.max(1 / this.count, 1 / o.historySpan);
    const d = rawScore - this.mean;
    this.mean += rate * d;
    this.variance = (1 - rate) * (this.variance + rate * d * d);

    // 5. The verdict, one per episode (score is 0 during the warm-up).
    if (this.sinceSignal !== null) this.sinceSignal += 1;
    const signal = score >= o.threshold && (this.sinceSignal === null || this.sinceSignal >= o.debounce);
    if (signal) this.sinceSignal = 0;
    return { score, signal, expected, model, deviation };
  }

  /** The stored form: plain JSON. */
  state(): UnivariateState {
    return {
      version: 1,
      count: this.count,
      recent: this.recent.toArray(),
      season: Array.from(this.season, (x) => (Number.isNaN(x) ? null : x)),
      level: { ...this.level },
      seasonal: { ...this.seasonal },
      raw: this.raw.toArray(),
      mean: this.mean,
      variance: this.variance,
      sinceSignal: this.sinceSignal,
    };
  }

  private learnError(error: ModelError, residual: number) {
    error.count += 1;
    error.mae += (Math.abs(residual) - error.mae) / Math.min(error.count, this.options.errorSpan);
  }

  /** Moves the profile's slots k0 and k1 (weights 1 − f and f) towards the reading. */
  private learnSeason(k0: number, k1: number, f: number, value: number, forecast: number | null) {
    const { season } = this;
    if (forecast === null) {
      // A slot seen for the first time starts at the reading.
      if (Number.isNaN(season[k0] as number)) season[k0] = value;
      if (Number.isNaN(season[k1] as number)) season[k1] = value;
      return;
    }
    const step = this.options.seasonRate * (value - forecast);
    season[k0] = (season[k0] as number) + step * (1 - f);
    season[k1] = (season[k1] as number) + step * f;
  }
}

/**
 * One reading (`ts` in ms since the epoch) of one sensor through the detector: the stored state
 * (undefined for a new sensor) in, the new state and the verdict out. Readings must come in
 * timestamp order; a non-finite value is ignored (state unchanged, no signal).
 *
 *   let state: UnivariateState | undefined;
 *   for (const { ts, value } of readings) {
 *     const step = univariateStep(state, value, ts);       // options: Partial<UnivariateOptions>
 *     state = step.state;
 *     if (step.signal) raise('anomaly', ts, value, step.score, step.expected);
 *   }
 *
 * For a batch, `new UnivariateDetector(state, options)` with `step` per reading and `state()` at
 * the end gives the same results without copying the state at every reading.
 */
export function univariateStep(
  state: UnivariateState | undefined,
  value: number,
  ts: number,
  options: Partial<UnivariateOptions> = {},
): UnivariateResult {
  const detector = new UnivariateDetector(state, options);
  const result = detector.step(value, ts);
  return { state: detector.state(), ...result };
}
