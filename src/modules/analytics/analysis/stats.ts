// The statistics the analyzers share: normal and Student-t tails, two-proportion and Welch tests,
// Benjamini–Hochberg control of the false-discovery rate over many entities, Mann–Kendall with
// Sen's slope for trends, Spearman's rank correlation, robust z-scores. Pure and small on purpose:
// these are textbook formulas, and owning them keeps the analyzers dependency-free in worker threads.

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 on erf; |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** Two-sided p-value of a z statistic. */
export const twoSidedP = (z: number) => (Number.isFinite(z) ? 2 * (1 - normalCdf(Math.abs(z))) : 0);

/** ln Γ(x), Lanczos (g = 7, n = 9). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let a = c[0] as number;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += (c[i] as number) / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised incomplete beta I_x(a, b) by its continued fraction (Lentz). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a);
  const front =
    Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x)) / a;
  const tiny = 1e-300;
  let f = 1;
  let c = 1;
  let d = 0;
  for (let i = 0; i <= 300; i++) {
    const m = Math.floor(i / 2);
    let num: number;
    if (i === 0) num = 1;
    else if (i % 2 === 0) num = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    else num = -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 + num * d;
    d = Math.abs(d) < tiny ? tiny : d;
    d = 1 / d;
    c = 1 + num / c;
    c = Math.abs(c) < tiny ? tiny : c;
    const cd = c * d;
    f *= cd;
    if (Math.abs(1 - cd) < 1e-12) break;
  }
  return front * (f - 1);
}

/** Two-sided p-value of Student's t with `df` degrees of freedom. */
export function tTwoSidedP(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  if (!(df > 0)) return Number.NaN;
  return incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

export interface TestResult {
  statistic: number;
  pValue: number;
}

/** Is the share x1/n1 different from x2/n2? Pooled two-proportion z-test. */
export function twoProportionZ(x1: number, n1: number, x2: number, n2: number): TestResult {
  if (n1 <= 0 || n2 <= 0) return { statistic: 0, pValue: 1 };
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return { statistic: 0, pValue: 1 };
  const z = (x1 / n1 - x2 / n2) / se;
  return { statistic: z, pValue: twoSidedP(z) };
}

export interface Moments {
  n: number;
  mean: number;
  /** Sample variance (n − 1). */
  variance: number;
}

export function moments(values: ArrayLike<number>): Moments {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    n += 1;
    const delta = v - mean;
    mean += delta / n;
    m2 += delta * (v - mean);
  }
  return { n, mean: n ? mean : Number.NaN, variance: n > 1 ? m2 / (n - 1) : Number.NaN };
}

/** Welch's t-test of two means from their moments. */
export function welchT(a: Moments, b: Moments): TestResult {
  if (a.n < 2 || b.n < 2) return { statistic: 0, pValue: 1 };
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const se = Math.sqrt(va + vb);
  if (se === 0)
    return a.mean === b.mean
      ? { statistic: 0, pValue: 1 }
      : { statistic: Infinity * Math.sign(a.mean - b.mean), pValue: 0 };
  const t = (a.mean - b.mean) / se;
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  return { statistic: t, pValue: tTwoSidedP(t, df) };
}

/** Benjamini–Hochberg adjusted p-values (same order as given). */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((x, y) => x[0] - y[0]);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    const [p, i] = order[k] as readonly [number, number];
    running = Math.min(running, (p * m) / (k + 1));
    adjusted[i] = Math.min(1, running);
  }
  return adjusted;
}

export interface TrendResult {
  /** Mann–Kendall S and its normal approximation z (with the tie correction). */
  s: number;
  z: number;
  pValue: number;
  /** Kendall's tau-a. */
  tau: number;
  /** Sen's slope: median of pairwise slopes, per unit of x. */
  slope: number;
  intercept: number;
}

/** Mann–Kendall trend test and Sen's slope of y over x (x strictly increasing, e.g. week numbers). */
export function mannKendall(x: readonly number[], y: readonly number[]): TrendResult {
  const n = y.length;
  let s = 0;
  const slopes: number[] = [];
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = (y[j] as number) - (y[i] as number);
      s += Math.sign(d);
      slopes.push(d / ((x[j] as number) - (x[i] as number)));
    }
  }
  const ties = new Map<number, number>();
  for (const v of y) ties.set(v, (ties.get(v) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of ties.values()) tieTerm += t * (t - 1) * (2 * t + 5);
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  const z =
    variance > 0 ? (s > 0 ? (s - 1) / Math.sqrt(variance) : s < 0 ? (s + 1) / Math.sqrt(variance) : 0) : 0;
  const slope = median(slopes);
  const intercept = median(y.map((v, i) => v - slope * (x[i] as number)));
  return { s, z, pValue: twoSidedP(z), tau: n > 1 ? s / ((n * (n - 1)) / 2) : 0, slope, intercept };
}

/** Average ranks (1-based), ties sharing their mean rank. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const result = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (
      j + 1 < order.length &&
      (order[j + 1] as readonly [number, number])[0] === (order[i] as readonly [number, number])[0]
    )
      j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) result[(order[k] as readonly [number, number])[1]] = rank;
    i = j + 1;
  }
  return result;
}

/** Spearman's rho (Pearson on ranks) with the t approximation for its p-value. */
export function spearman(
  a: readonly number[],
  b: readonly number[],
): { rho: number; pValue: number; n: number } {
  const n = a.length;
  if (n < 3) return { rho: 0, pValue: 1, n };
  const ra = ranks(a);
  const rb = ranks(b);
  const ma = moments(ra).mean;
  const mb = moments(rb).mean;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = (ra[i] as number) - ma;
    const db = (rb[i] as number) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (saa === 0 || sbb === 0) return { rho: 0, pValue: 1, n };
  const rho = sab / Math.sqrt(saa * sbb);
  if (Math.abs(rho) >= 1) return { rho, pValue: 0, n };
  const t = rho * Math.sqrt((n - 2) / (1 - rho * rho));
  return { rho, pValue: tTwoSidedP(t, n - 2), n };
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Linear-interpolated quantile of the finite values (NaN when there are none). */
export function quantile(values: readonly number[] | Float64Array, q: number): number {
  const sorted = Array.from(values)
    .filter((v) => Number.isFinite(v))
    .sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}

/** Robust z-scores: (x − median) / (1.4826 · MAD); NaN stays NaN, a zero MAD gives 0 or ±Infinity. */
export function robustZ(values: readonly number[] | Float64Array): Float64Array {
  const med = quantile(values, 0.5);
  const mad =
    quantile(
      Array.from(values, (v) => Math.abs(v - med)),
      0.5,
    ) * 1.4826;
  return Float64Array.from(values, (v) =>
    Number.isNaN(v) ? Number.NaN : mad > 0 ? (v - med) / mad : v === med ? 0 : Math.sign(v - med) * Infinity,
  );
}
