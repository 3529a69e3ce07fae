// Which buckets a chart query reads: a width from a ladder of round sizes, the range widened to
// whole buckets, and the table the buckets can come from (a rollup whose buckets divide the width
// exactly, so a bucket's aggregate equals that of the raw readings in it). Pure.

/** Every bucket lines up on whole widths counted from this Monday, 2000-01-03T00:00Z. */
export const ORIGIN_MS = Date.UTC(2000, 0, 3);

/** The widths `auto` chooses from, in seconds. */
export const LADDER = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 604_800,
] as const;

export const AUTO_MAX_POINTS = 2000;
/**
 * Most minute-rollup rows `auto` reads: a chart's cost is the rows it merges, not the points it
 * returns. 20,000 is a 10-minute chart of 13.9 days (2,000 points); a longer range gets the hourly
 * width the hour rollup serves instead of 15 or 30 minutes from the minute rollup (a month: 720
 * points from 720 rows, not 1,440 from 43,200).
 */
export const AUTO_MAX_MINUTE_ROWS = 20_000;
/** Most buckets an explicit width may produce. */
export const MAX_POINTS = 100_000;

export type Source = 'raw' | '1m' | '1h';
export const FIXED_WIDTH = { '1m': 60, '1h': 3600, '1d': 86_400 } as const;

export interface BucketPlan {
  widthSeconds: number;
  /** The range widened to whole buckets, in epoch ms. */
  from: number;
  to: number;
  source: Source;
  /** How the width is shown: 15s, 2m, 1h, 1d, 7d. */
  label: string;
}

export function sourceFor(widthSeconds: number): Source {
  if (widthSeconds % 3600 === 0) return '1h';
  if (widthSeconds % 60 === 0) return '1m';
  return 'raw';
}

export function labelOf(widthSeconds: number): string {
  if (widthSeconds % 86_400 === 0) return `${widthSeconds / 86_400}d`;
  if (widthSeconds % 3600 === 0) return `${widthSeconds / 3600}h`;
  if (widthSeconds % 60 === 0) return `${widthSeconds / 60}m`;
  return `${widthSeconds}s`;
}

/** [from, to) widened outwards to whole buckets of the width. */
export function align(from: number, to: number, widthSeconds: number): { from: number; to: number } {
  const w = widthSeconds * 1000;
  return {
    from: ORIGIN_MS + Math.floor((from - ORIGIN_MS) / w) * w,
    to: ORIGIN_MS + Math.ceil((to - ORIGIN_MS) / w) * w,
  };
}

/**
 * The finest width of the ladder that covers [from, to) in at most AUTO_MAX_POINTS buckets, unless
 * it would read more than AUTO_MAX_MINUTE_ROWS rows of the minute rollup.
 */
export function autoPlan(from: number, to: number): BucketPlan {
  for (const width of LADDER) {
    const range = align(from, to, width);
    const seconds = (range.to - range.from) / 1000;
    if (seconds / width > AUTO_MAX_POINTS) continue;
    if (sourceFor(width) === '1m' && seconds / 60 > AUTO_MAX_MINUTE_ROWS) continue;
    return plan(width, range);
  }
  const width = LADDER[LADDER.length - 1] as number;
  return plan(width, align(from, to, width));
}

export function fixedPlan(from: number, to: number, bucket: keyof typeof FIXED_WIDTH): BucketPlan {
  const width = FIXED_WIDTH[bucket];
  return plan(width, align(from, to, width));
}

function plan(widthSeconds: number, range: { from: number; to: number }): BucketPlan {
  return { widthSeconds, ...range, source: sourceFor(widthSeconds), label: labelOf(widthSeconds) };
}

/** How many buckets a plan spans. */
export const bucketCount = (p: BucketPlan) => (p.to - p.from) / (p.widthSeconds * 1000);
