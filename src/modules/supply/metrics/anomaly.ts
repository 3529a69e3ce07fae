// Anomaly scores. An order quantity or a route's cost per stop is compared with its own history by
// a robust z-score — distance from the median in units of the median absolute deviation (MAD),
// scaled by 0.6745 so it reads like a z-score for normal data (Iglewicz & Hoaglin) — which a few
// earlier outliers cannot inflate the way they inflate a standard deviation. Pure.

/** |z| above this is flagged (Iglewicz & Hoaglin's recommended cut-off). */
export const ROBUST_Z_LIMIT = 3.5;
/** Fewer earlier values than this: no judgement (a new client, a new SKU; a short history's MAD is noise). */
export const MIN_HISTORY = 12;
/** Scores are capped (a constant history makes any difference "infinitely" unusual). */
export const MAX_SCORE = 99;
/** A delivery this many minutes past its window's end is flagged. */
export const LATE_MINUTES = 30;

const MAD_TO_SIGMA = 0.6745;
/** Mean absolute deviation → σ for normal data (√(π/2)), when the MAD is 0. */
const MEAN_AD_TO_SIGMA = 1.2533;
/** With a constant history, a value this far from it (relative) is flagged. */
const CONSTANT_HISTORY_JUMP = 0.5;

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface RobustScore {
  /** Signed robust z (capped at ±99). */
  score: number;
  median: number;
  /** The median absolute deviation (0 for a history of mostly equal values). */
  mad: number;
  flagged: boolean;
}

/**
 * How unusual `value` is against `history`; null when the history is shorter than `MIN_HISTORY`.
 * When more than half the history is one value (MAD 0) the mean absolute deviation stands in; when
 * every value is the same, a value at least 50 % away is flagged with the capped score.
 */
export function robustScore(value: number, history: readonly number[]): RobustScore | null {
  if (history.length < MIN_HISTORY) return null;
  const m = median(history);
  const mad = median(history.map((h) => Math.abs(h - m)));
  let score: number;
  if (mad > 0) score = (MAD_TO_SIGMA * (value - m)) / mad;
  else {
    const meanAd = history.reduce((sum, h) => sum + Math.abs(h - m), 0) / history.length;
    if (meanAd > 0) score = (value - m) / (MEAN_AD_TO_SIGMA * meanAd);
    else {
      const jump = Math.abs(value - m) / Math.max(Math.abs(m), Number.MIN_VALUE);
      score = jump >= CONSTANT_HISTORY_JUMP ? Math.sign(value - m) * MAX_SCORE : 0;
    }
  }
  score = Math.max(-MAX_SCORE, Math.min(MAX_SCORE, score));
  return { score, median: m, mad, flagged: Math.abs(score) > ROBUST_Z_LIMIT };
}

/**
 * Minutes `deliveredAt` is past the end of the delivery window on the requested day (the end of
 * that day without a window); 0 or less is on time. Days and clock times are UTC.
 */
export function minutesLate(deliveredAt: Date, requestedDate: string, windowEnd: string | null): number {
  const [h, m] = (windowEnd ?? '24:00').split(':').map(Number);
  const due = Date.parse(`${requestedDate}T00:00:00Z`) + ((h as number) * 60 + (m as number)) * 60_000;
  return (deliveredAt.getTime() - due) / 60_000;
}
