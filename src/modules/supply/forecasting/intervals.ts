// Prediction intervals.
// - Analytic, ETS class 1 (additive error, additive or no trend/season; Hyndman et al. 2008 table 6.1):
//   σ²_h = σ²·(1 + Σ_{j<h} c_j²), c_j = α + β·j (trend A) or β·(φ + … + φ^j) (trend Ad) + γ·[j ≡ 0 mod m].
//   This covers SES, Holt, damped Holt, additive Holt-Winters, the naive methods (α = 1) and Theta
//   (SES with drift: the drift is a deterministic line, the variance is SES's).
// - Analytic, ETS class 2 (multiplicative error, no season; ibid. §6.3): θ_1 = μ_1²,
//   θ_h = μ_h² + σ²·Σ_{j<h} c_j²·θ_{h−j}, Var = (1 + σ²)·θ_h − μ_h².
// - Class 3 (multiplicative seasonality) has no closed form: seeded simulation of the fitted model's
//   sample paths (2 000 paths, the same seed every time so results are reproducible), empirical quantiles.

import { seededRandom } from '../../../platform/random.ts';
import type { EtsParams, EtsSpec, EtsState } from './ets.ts';

/** Inverse of the standard normal distribution (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('normalQuantile needs 0 < p < 1');
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const poly = (k: number[], x: number) => k.reduce((s, v) => s * x + v, 0);
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}

/** c_j of the class-1/2 variance formulas for j = 1…h−1 (index 0 holds c_1). */
export function innovationWeights(spec: EtsSpec, p: EtsParams, m: number, h: number): number[] {
  const c: number[] = [];
  let phiSum = 0;
  let power = 1;
  for (let j = 1; j < h; j++) {
    power *= p.phi;
    phiSum += power;
    let w = p.alpha;
    if (spec.trend === 'A') w += p.beta * j;
    else if (spec.trend === 'Ad') w += p.beta * phiSum;
    if (spec.season !== 'N' && m > 1 && j % m === 0) w += p.gamma;
    c.push(w);
  }
  return c;
}

/** σ_h for h = 1…horizon of an additive-error model without multiplicative parts (class 1). */
export function class1Sigmas(
  spec: EtsSpec,
  p: EtsParams,
  m: number,
  sigma2: number,
  horizon: number,
): number[] {
  const c = innovationWeights(spec, p, m, horizon);
  const out: number[] = [];
  let sum = 1;
  for (let h = 1; h <= horizon; h++) {
    if (h > 1) sum += (c[h - 2] as number) ** 2;
    out.push(Math.sqrt(sigma2 * sum));
  }
  return out;
}

/** σ_h of a multiplicative-error model with no season (class 2), around the point forecasts μ. */
export function class2Sigmas(spec: EtsSpec, p: EtsParams, sigma2: number, mu: readonly number[]): number[] {
  const c = innovationWeights(spec, p, 1, mu.length);
  const theta: number[] = [];
  const out: number[] = [];
  for (let h = 1; h <= mu.length; h++) {
    let t = (mu[h - 1] as number) ** 2;
    for (let j = 1; j < h; j++) t += sigma2 * (c[j - 1] as number) ** 2 * (theta[h - j - 1] as number);
    theta.push(t);
    out.push(Math.sqrt(Math.max(0, (1 + sigma2) * t - (mu[h - 1] as number) ** 2)));
  }
  return out;
}

export interface Band {
  lower: number[];
  upper: number[];
}

/** mean ± z·σ_h. */
export function normalBand(mean: readonly number[], sigmas: readonly number[], level: number): Band {
  const z = normalQuantile(0.5 + level / 2);
  return {
    lower: mean.map((v, k) => v - z * (sigmas[k] as number)),
    upper: mean.map((v, k) => v + z * (sigmas[k] as number)),
  };
}

const SIMULATION_PATHS = 2000;
const TINY = 1e-9;
const SIMULATION_SEED = 20260416;

/** Quantile of sorted values, linear between order statistics (R's type 7). */
function sortedQuantile(sorted: Float64Array, q: number): number {
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return (sorted[lo] as number) + (pos - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

/** Interval from simulated sample paths of a fitted ETS model (any class; used for class 3). */
export function simulatedBand(
  spec: EtsSpec,
  m: number,
  p: EtsParams,
  state: EtsState,
  n: number,
  sigma2: number,
  horizon: number,
  level: number,
): Band {
  const random = seededRandom(SIMULATION_SEED);
  const gaussian = () => {
    const u = 1 - random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const sigma = Math.sqrt(sigma2);
  const paths = Array.from({ length: horizon }, () => new Float64Array(SIMULATION_PATHS));
  const season = new Float64Array(Math.max(1, m));
  const phi = spec.trend === 'Ad' ? p.phi : 1;
  for (let path = 0; path < SIMULATION_PATHS; path++) {
    let level = state.level;
    let slope = spec.trend === 'N' ? 0 : state.trend;
    for (let j = 0; j < m; j++) season[j] = spec.season === 'N' ? 0 : (state.season[j] as number);
    for (let k = 0; k < horizon; k++) {
      const j = (n + k) % m;
      // A path that drives a multiplicative level or season to ≤ 0 cannot continue as the model says;
      // it is held at a tiny positive value so the quantiles stay finite.
      const multiplicative = spec.season === 'M';
      const base = multiplicative ? Math.max(level + phi * slope, TINY) : level + phi * slope;
      const s = multiplicative ? Math.max(season[j] as number, TINY) : (season[j] as number);
      const fit = spec.season === 'M' ? base * s : spec.season === 'A' ? base + s : base;
      const e = sigma * gaussian();
      const y = spec.error === 'M' ? fit * (1 + e) : fit + e;
      (paths[k] as Float64Array)[path] = y;
      const adjusted = spec.season === 'M' ? y / s : spec.season === 'A' ? y - s : y;
      const innovation = adjusted - base;
      level = base + p.alpha * innovation;
      if (spec.trend !== 'N') slope = phi * slope + p.beta * innovation;
      if (spec.season !== 'N') season[j] = s + p.gamma * ((spec.season === 'M' ? y / base : y - base) - s);
    }
  }
  const lower: number[] = [];
  const upper: number[] = [];
  for (const values of paths) {
    values.sort();
    lower.push(sortedQuantile(values, (1 - level) / 2));
    upper.push(sortedQuantile(values, (1 + level) / 2));
  }
  return { lower, upper };
}
