// The ETS state-space family (Hyndman, Koehler, Ord & Snyder 2008, "Forecasting with Exponential
// Smoothing"): error A/M, trend N/A/Ad, season N/A/M. Point forecasts and state updates are the same
// for additive and multiplicative errors given the parameters (the error type changes only the
// likelihood and the intervals), so one recursion serves all; it is written in error-correction form
// with β acting on the level's innovation (β ≤ α), as in R's forecast::ets.
//
// Season storage: `season[j]` is the seasonal state used at every time t with t mod m = j, t counted
// from the first observation; the recursion updates it in place, so after n observations it holds the
// latest estimate for each season position and a forecast for time n + k − 1 reads season[(n+k−1) mod m].

export type ErrorType = 'A' | 'M';
export type TrendType = 'N' | 'A' | 'Ad';
export type SeasonType = 'N' | 'A' | 'M';

export interface EtsSpec {
  error: ErrorType;
  trend: TrendType;
  season: SeasonType;
}

export interface EtsParams {
  alpha: number;
  /** Slope smoothing (0 without a trend). */
  beta: number;
  /** Seasonal smoothing (0 without a season). */
  gamma: number;
  /** Damping (1 for an undamped trend, unused without a trend). */
  phi: number;
}

export interface EtsState {
  level: number;
  trend: number;
  season: number[];
}

export const etsName = (s: EtsSpec) => `ETS(${s.error},${s.trend},${s.season})`;

export interface FilterSums {
  /** Σe² with e = y − ŷ (additive error) or e = (y − ŷ)/ŷ (multiplicative error). */
  sse: number;
  /** Σ log|ŷ| (enters the likelihood of a multiplicative-error model). */
  sumLogFit: number;
  /** False when a multiplicative piece met a non-positive value (the model cannot describe the data). */
  ok: boolean;
}

/**
 * Runs the recursion over y from `init`; `out`, when given, receives the final state and the one-step
 * residuals (in y's units: y − ŷ). `season` is a scratch buffer of length ≥ m (reused by the optimiser).
 */
export function etsFilter(
  spec: EtsSpec,
  m: number,
  p: EtsParams,
  init: EtsState,
  y: readonly number[],
  season: Float64Array,
  out?: { state: EtsState; residuals: number[]; fitted: number[] },
): FilterSums {
  const seasonal = spec.season !== 'N';
  const multSeason = spec.season === 'M';
  const multError = spec.error === 'M';
  const hasTrend = spec.trend !== 'N';
  const phi = spec.trend === 'Ad' ? p.phi : 1;
  const { alpha, beta, gamma } = p;
  const period = seasonal ? m : 1;
  for (let j = 0; j < period; j++) season[j] = seasonal ? (init.season[j] as number) : 0;
  let level = init.level;
  let slope = hasTrend ? init.trend : 0;
  let sse = 0;
  let sumLogFit = 0;
  // Σ log ŷ is accumulated as a running product, taking the logarithm only when it nears the range's
  // ends: one log per many steps instead of one per step (the likelihood is evaluated thousands of times).
  let product = 1;
  let j = 0;
  for (let t = 0; t < y.length; t++) {
    const obs = y[t] as number;
    const damped = phi * slope;
    const base = level + damped;
    const s = season[j] as number;
    let fit = base;
    let adjusted = obs;
    if (seasonal) {
      if (multSeason) {
        if (!(s > 0) || !(base > 0)) return { sse, sumLogFit, ok: false };
        fit = base * s;
        adjusted = obs / s;
      } else {
        fit = base + s;
        adjusted = obs - s;
      }
    }
    const e = obs - fit;
    if (multError) {
      if (!(fit > 0)) return { sse, sumLogFit, ok: false };
      const rel = e / fit;
      sse += rel * rel;
      product *= fit;
      if (product > 1e250 || product < 1e-250) {
        sumLogFit += Math.log(product);
        product = 1;
      }
    } else sse += e * e;
    if (out) {
      out.residuals.push(e);
      out.fitted.push(fit);
    }
    const innovation = adjusted - base;
    level = base + alpha * innovation;
    if (hasTrend) slope = damped + beta * innovation;
    if (seasonal) season[j] = s + gamma * ((multSeason ? obs / base : obs - base) - s);
    j = j + 1 === period ? 0 : j + 1;
  }
  sumLogFit += Math.log(product);
  if (out) {
    out.state = { level, trend: slope, season: seasonal ? Array.from(season.subarray(0, m)) : [] };
  }
  return { sse, sumLogFit, ok: true };
}

/** Point forecasts for times n … n+h−1 from the state after n observations. */
export function etsPointForecast(
  spec: EtsSpec,
  m: number,
  phi: number,
  state: EtsState,
  n: number,
  h: number,
): number[] {
  const out: number[] = [];
  let trendSum = 0;
  let power = 1;
  for (let k = 1; k <= h; k++) {
    if (spec.trend === 'A') trendSum = k;
    else if (spec.trend === 'Ad') {
      power *= phi;
      trendSum += power;
    }
    const base = state.level + trendSum * (spec.trend === 'N' ? 0 : state.trend);
    const s = spec.season === 'N' ? 0 : (state.season[(n + k - 1) % m] as number);
    out.push(spec.season === 'M' ? base * s : base + s);
  }
  return out;
}

/** −2·log-likelihood of the Gaussian innovations model, σ² at its maximum-likelihood value. */
export function minus2LogLikelihood(spec: EtsSpec, sums: FilterSums, n: number): number {
  const sigma2 = Math.max(sums.sse / n, 1e-300);
  const base = n * (Math.log(2 * Math.PI * sigma2) + 1);
  return spec.error === 'M' ? base + 2 * sums.sumLogFit : base;
}

/** Free parameters counted by AICc: smoothing parameters, initial states and σ. */
export function parameterCount(spec: EtsSpec, m: number): number {
  let k = 2; // α and ℓ0
  if (spec.trend !== 'N') k += 2; // β and b0
  if (spec.trend === 'Ad') k += 1; // φ
  if (spec.season !== 'N') k += 1 + (m - 1); // γ and m−1 free initial seasonal states
  return k + 1; // σ
}

export function aicc(minus2LogLik: number, k: number, n: number): number {
  const aic = minus2LogLik + 2 * k;
  return n - k - 1 > 0 ? aic + (2 * k * (k + 1)) / (n - k - 1) : Number.POSITIVE_INFINITY;
}
