// The standard normal distribution as the policy formulas need it, written here so that no
// statistics package decides our safety stocks: density φ, distribution Φ, its inverse Φ⁻¹ (cycle
// service level → z), the standard normal loss function G(k) = E[(Z − k)⁺] and its inverse (fill
// rate → k). Everything is accurate to about 1e-14 relative in the range planners use (|x| ≤ 8) and
// never returns NaN for a finite argument.

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** φ(x): the standard normal density. */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

/**
 * Upper tail Q(x) = 1 − Φ(x) for x ≥ 0 without cancellation. Near the centre the power series
 * Φ(x) − ½ = φ(x)·Σ x^(2n+1)/(2n+1)!! has only positive terms; further out the continued fraction of
 * the Mills ratio, Q(x)/φ(x) = 1/(x + 1/(x + 2/(x + 3/(x + …)))), converges fast and keeps the tiny
 * tail probabilities to full relative precision.
 */
function upperTail(x: number): number {
  if (x < 3) return 0.5 - normalPdf(x) * centralSeries(x);
  if (x > 38) return 0; // below the smallest double
  let t = x;
  for (let k = 120; k >= 1; k--) t = x + k / t;
  return normalPdf(x) / t;
}

function centralSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= x2 / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}

/** Φ(x): the standard normal cumulative distribution. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) throw new RangeError('normalCdf: x is NaN');
  return x >= 0 ? 1 - upperTail(x) : upperTail(-x);
}

/** 1 − Φ(x), kept precise for large x (where 1 − Φ(x) would round to 0 too early). */
export function normalSurvival(x: number): number {
  if (Number.isNaN(x)) throw new RangeError('normalSurvival: x is NaN');
  return x >= 0 ? upperTail(x) : 1 - upperTail(-x);
}

// Acklam's rational approximation of Φ⁻¹ (relative error below 1.15e-9), refined below by one
// Halley step on the accurate Φ above, which brings it to machine precision.
const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

const poly = (coef: number[], x: number): number => coef.reduce((acc, c) => acc * x + c, 0);

function acklamLower(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(C, q) / (poly(D, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (poly(A, r) * q) / (poly(B, r) * r + 1);
}

/** Φ⁻¹(p) for p in (0, 1): the z with Φ(z) = p. Throws a RangeError outside (0, 1). */
export function inverseNormalCdf(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`inverseNormalCdf: p must be in (0, 1), got ${p}`);
  if (p === 0.5) return 0;
  // Work in the smaller tail so the Halley step compares tiny probabilities to each other.
  const tail = p < 0.5 ? p : 1 - p;
  let x = acklamLower(tail);
  for (let step = 0; step < 2; step++) {
    const e = upperTail(-x) - tail; // Φ(x) − tail, x ≤ 0 here
    const u = e / normalPdf(x);
    x -= u / (1 + (x * u) / 2);
  }
  return p < 0.5 ? x : -x;
}

/**
 * G(k) = E[(Z − k)⁺] = φ(k) − k·(1 − Φ(k)): expected units short per unit of σ when the safety
 * factor is k. Decreasing from +∞ (G(k) ≈ −k for k → −∞) to 0; G(−k) = G(k) + k.
 */
export function standardNormalLoss(k: number): number {
  if (Number.isNaN(k)) throw new RangeError('standardNormalLoss: k is NaN');
  if (k < 0) return standardNormalLoss(-k) - k;
  return Math.max(0, normalPdf(k) - k * upperTail(k));
}

/**
 * The k with G(k) = g, for g > 0 (G is strictly decreasing, so there is exactly one). Bisection on a
 * bracket that always holds the root (G(−g) > g and G(k) < g far right), polished by Newton steps
 * (G′(k) = −(1 − Φ(k))).
 */
export function inverseStandardNormalLoss(g: number): number {
  if (!(g > 0) || !Number.isFinite(g)) {
    throw new RangeError(`inverseStandardNormalLoss: g must be a positive finite number, got ${g}`);
  }
  let lo = Math.min(0, -g);
  let hi = 40;
  for (let i = 0; i < 80 && hi - lo > 1e-6; i++) {
    const mid = (lo + hi) / 2;
    if (standardNormalLoss(mid) > g) lo = mid;
    else hi = mid;
  }
  let k = (lo + hi) / 2;
  for (let i = 0; i < 4; i++) {
    const slope = normalSurvival(k);
    if (slope === 0) break;
    const next = k + (standardNormalLoss(k) - g) / slope;
    if (!(next >= lo && next <= hi)) break;
    k = next;
  }
  return k;
}
