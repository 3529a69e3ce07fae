// The Numenta Anomaly Benchmark's scoring, as its README and ../shared/datasets/nab/README.md state
// the rules (written from the rules, not from NAB's code): labelled windows, a probationary period,
// sigmoid-weighted detections, one window counted once, and a score normalised so that the null
// detector scores 0 and a perfect one 100. Pure; used by eval/anomalies.ts.

export interface Profile {
  tp: number;
  fp: number;
  fn: number;
}

/** NAB's config/profiles.json. */
export const PROFILES = {
  standard: { tp: 1, fp: 0.11, fn: 1 },
  reward_low_FP_rate: { tp: 1, fp: 0.22, fn: 1 },
  reward_low_FN_rate: { tp: 1, fp: 0.11, fn: 2 },
} as const satisfies Record<string, Profile>;

/** A labelled window as row indices, both ends included. */
export type Window = readonly [start: number, end: number];

/** NAB's scaled sigmoid: 2/(1 + e^(5y)) − 1, and −1 beyond y = 3. */
export function scaledSigmoid(y: number): number {
  return y > 3 ? -1 : 2 / (1 + Math.exp(5 * y)) - 1;
}

/** Rows not scored at the start of a file of `rows` rows. */
export function probationOf(rows: number): number {
  return Math.min(Math.floor(0.15 * rows), Math.floor(0.15 * 5000));
}

export interface FileScore {
  /** Raw score: the windows' contributions plus the false positives'. */
  score: number;
  /** Windows scored (those clear of the probationary period). */
  windows: number;
  detectedWindows: number;
  falsePositives: number;
}

/**
 * The raw score of one file: `detections` are the rows flagged (any order), `windows` the
 * labelled windows (sorted or not, not overlapping).
 */
export function scoreFile(
  rows: number,
  windows: readonly Window[],
  detections: Iterable<number>,
  profile: Profile,
): FileScore {
  const probation = probationOf(rows);
  const scored = [...windows].filter(([start]) => start >= probation).sort((a, b) => a[0] - b[0]);
  const best = new Array<number | undefined>(scored.length).fill(undefined);
  let score = 0;
  let falsePositives = 0;
  for (const row of new Set(detections)) {
    if (row < probation || row >= rows) continue;
    const inside = scored.findIndex(([start, end]) => row >= start && row <= end);
    if (inside >= 0) {
      const [start, end] = scored[inside] as Window;
      const width = end - start + 1;
      const weight = (profile.tp * scaledSigmoid(-(end - row + 1) / width)) / scaledSigmoid(-1);
      best[inside] = Math.max(best[inside] ?? Number.NEGATIVE_INFINITY, weight);
      continue;
    }
    falsePositives += 1;
    // The window this false positive follows, if any: its distance from that window's right edge.
    let previous: Window | undefined;
    for (const window of scored) if (window[1] < row) previous = window;
    if (!previous) {
      score -= profile.fp;
    } else {
      const width = previous[1] - previous[0] + 1;
      score += profile.fp * scaledSigmoid(Math.abs(previous[1] - row) / Math.max(1, width - 1));
    }
  }
  let detectedWindows = 0;
  for (const weight of best) {
    if (weight === undefined) score -= profile.fn;
    else {
      score += weight;
      detectedWindows += 1;
    }
  }
  return { score, windows: scored.length, detectedWindows, falsePositives };
}

/** 100 × (S − S_null)/(S_perfect − S_null) over files with `windows` windows in all. */
export function normalizedScore(rawTotal: number, windows: number, profile: Profile): number {
  const nullScore = -profile.fn * windows;
  const perfect = profile.tp * windows;
  return (100 * (rawTotal - nullScore)) / (perfect - nullScore);
}
