// Seasonality test and classical decomposition, as the M3 competition's benchmarks used them: a
// series is seasonal when its autocorrelation at lag m is significant at 90 % (two-sided), with the
// lag-m standard error from Bartlett's formula; the seasonal indices are the averages, per season
// position, of the ratios of the data to a centred 2×m moving average, normalised to mean 1.

/** Autocorrelations r_1…r_maxLag (index 0 holds r_1). */
export function autocorrelations(y: readonly number[], maxLag: number): number[] {
  const n = y.length;
  let mean = 0;
  for (const v of y) mean += v;
  mean /= n;
  let denominator = 0;
  for (const v of y) denominator += (v - mean) * (v - mean);
  const r: number[] = [];
  for (let k = 1; k <= maxLag; k++) {
    let s = 0;
    for (let t = 0; t + k < n; t++) s += ((y[t] as number) - mean) * ((y[t + k] as number) - mean);
    r.push(denominator > 0 ? s / denominator : 0);
  }
  return r;
}

/** z of a two-sided 90 % test (the M3 Theta's and R's thetaf's choice). */
const Z90 = 1.6448536269514722;

/**
 * True when |r_m| > 1.645·√((1 + 2·Σ_{k<m} r_k²)/n). Needs at least three seasons of data… of which
 * the M3 benchmarks asked at least two; here n ≥ 2m + 1 (as thetaf) — shorter series are not tested.
 */
export function isSeasonal(y: readonly number[], m: number): boolean {
  if (m <= 1 || y.length <= 2 * m) return false;
  const r = autocorrelations(y, m);
  let sum = 0;
  for (let k = 0; k < m - 1; k++) sum += (r[k] as number) ** 2;
  const limit = Z90 * Math.sqrt((1 + 2 * sum) / y.length);
  return Math.abs(r[m - 1] as number) > limit;
}

/** Centred moving average of order m (2×m for even m); undefined where the window runs off the data. */
export function centredMovingAverage(y: readonly number[], m: number): (number | undefined)[] {
  const n = y.length;
  const out: (number | undefined)[] = new Array(n).fill(undefined);
  const half = Math.floor(m / 2);
  for (let t = half; t < n - half; t++) {
    let s = 0;
    if (m % 2 === 1) {
      for (let k = -half; k <= half; k++) s += y[t + k] as number;
      out[t] = s / m;
    } else {
      for (let k = -half + 1; k < half; k++) s += y[t + k] as number;
      s += 0.5 * ((y[t - half] as number) + (y[t + half] as number));
      out[t] = s / m;
    }
  }
  return out;
}

export type SeasonalKind = 'multiplicative' | 'additive';

/**
 * Classical decomposition's seasonal figure: index j applies to every time t with t mod m = j
 * (t counted from the series' first value). Multiplicative indices average 1, additive ones 0.
 */
export function classicalSeasonalIndices(y: readonly number[], m: number, kind: SeasonalKind): number[] {
  const trend = centredMovingAverage(y, m);
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  for (let t = 0; t < y.length; t++) {
    const tr = trend[t];
    if (tr === undefined) continue;
    if (kind === 'multiplicative' && tr === 0) continue;
    const j = t % m;
    sums[j] =
      (sums[j] as number) + (kind === 'multiplicative' ? (y[t] as number) / tr : (y[t] as number) - tr);
    counts[j] = (counts[j] as number) + 1;
  }
  const figure = sums.map((s, j) =>
    (counts[j] as number) > 0 ? s / (counts[j] as number) : kind === 'multiplicative' ? 1 : 0,
  );
  const centre = figure.reduce((a, b) => a + b, 0) / m;
  if (kind === 'multiplicative') return centre > 0 ? figure.map((f) => f / centre) : figure.map(() => 1);
  return figure.map((f) => f - centre);
}

/** A seasonal adjustment: remove() gives the adjusted series, restore() puts the pattern back on a forecast. */
export interface SeasonalAdjustment {
  kind: SeasonalKind | 'none';
  indices: number[];
  remove(y: readonly number[]): number[];
  /** `values[k]` is the forecast for time n + k (n = the length of the series that was adjusted). */
  restore(values: readonly number[], n: number): number[];
}

const NO_ADJUSTMENT: SeasonalAdjustment = {
  kind: 'none',
  indices: [],
  remove: (y) => y.slice(),
  restore: (values) => values.slice(),
};

/**
 * The M3 benchmarks' adjustment: multiplicative classical decomposition when the series is seasonal
 * by the 90 % test and positive; additive when it has zeros or negatives (a ratio is meaningless
 * there); none when not seasonal or too short.
 */
export function seasonalAdjustment(y: readonly number[], m: number): SeasonalAdjustment {
  if (!isSeasonal(y, m)) return NO_ADJUSTMENT;
  const kind: SeasonalKind = y.every((v) => v > 0) ? 'multiplicative' : 'additive';
  const indices = classicalSeasonalIndices(y, m, kind);
  if (kind === 'multiplicative' && indices.some((s) => !(s > 0))) return NO_ADJUSTMENT;
  const at = (t: number) => indices[t % m] as number;
  return {
    kind,
    indices,
    remove: (series) => series.map((v, t) => (kind === 'multiplicative' ? v / at(t) : v - at(t))),
    restore: (values, n) => values.map((v, k) => (kind === 'multiplicative' ? v * at(n + k) : v + at(n + k))),
  };
}
