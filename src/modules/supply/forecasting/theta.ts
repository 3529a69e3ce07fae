// The Theta method of Assimakopoulos & Nikolopoulos (2000) in the form Hyndman & Billah (2003)
// showed it to be: simple exponential smoothing with a drift of half the slope of the least-squares
// line through the data,
//   ŷ_{n+h} = ℓ_n + (b/2)·(h − 1 + (1 − (1 − α)^n)/α),
// with α and ℓ_0 by least squares. As in the M3 competition the series is first seasonally adjusted
// (classical multiplicative decomposition) when the 90 % autocorrelation test at lag m says seasonal;
// the caller does that (smoothing.ts onAdjusted). Intervals are SES's (the drift is deterministic).
import { fitEts } from './ets-fit.ts';
import { class1Sigmas, normalBand } from './intervals.ts';
import type { MethodContext, MethodOutput } from './smoothing.ts';

const SES = { error: 'A', trend: 'N', season: 'N' } as const;

/** Slope of the least-squares line through (t, y_t). */
export function trendSlope(y: readonly number[]): number {
  const n = y.length;
  if (n < 2) return 0;
  const meanT = (n - 1) / 2;
  let meanY = 0;
  for (const v of y) meanY += v;
  meanY /= n;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < n; t++) {
    sxy += (t - meanT) * ((y[t] as number) - meanY);
    sxx += (t - meanT) ** 2;
  }
  return sxy / sxx;
}

/** Theta point forecasts from a fitted SES (α, final level ℓ_n), the slope b and the series length n. */
export function thetaPoints(
  level: number,
  alpha: number,
  slope: number,
  n: number,
  horizon: number,
): number[] {
  const start = (1 - (1 - alpha) ** n) / alpha;
  return Array.from({ length: horizon }, (_, k) => level + (slope / 2) * (k + start));
}

/** Theta on a (seasonally adjusted) series; undefined when SES cannot be fitted (fewer than 3 values). */
export function thetaMethod(y: readonly number[], c: MethodContext): MethodOutput | undefined {
  if (y.length < 3) return undefined;
  const fit = fitEts(y, SES, 1);
  if (!fit) return undefined;
  const { alpha } = fit.params;
  const slope = trendSlope(y);
  const mean = thetaPoints(fit.state.level, alpha, slope, y.length, c.horizon);
  let ss = 0;
  for (const e of fit.residuals) ss += e * e;
  const sigma = Math.sqrt(ss / Math.max(1, y.length - fit.k));
  const band = c.pointOnly
    ? { lower: mean.slice(), upper: mean.slice() }
    : normalBand(mean, class1Sigmas(SES, fit.params, 1, fit.sigma2, c.horizon), c.level);
  return {
    mean,
    ...band,
    sigma,
    params: { alpha, level: fit.state.level, drift: slope / 2, intervals: 'analytic (SES, ETS class 1)' },
  };
}
