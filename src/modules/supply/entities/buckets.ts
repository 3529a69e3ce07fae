// Calendar buckets of demand: days, weeks starting on Monday, months. A bucket is numbered (days
// since 1970-01-01, Monday-weeks since 1970-01-05, months since January 1970) so a series can be
// made dense by position; its start is an ISO date. Pure.

export const DEMAND_BUCKETS = ['day', 'week', 'month'] as const;
export type DemandBucket = (typeof DEMAND_BUCKETS)[number];

const DAY_MS = 86_400_000;
/** 1970-01-05, the first Monday after the epoch, is day 4. */
const FIRST_MONDAY = 4;

const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The number of the bucket holding `day` (an ISO date). */
export function bucketOf(bucket: DemandBucket, day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (!Number.isFinite(ms)) throw new RangeError(`not a date: ${day}`);
  return bucketOfDay(bucket, Math.round(ms / DAY_MS));
}

/** The number of the bucket holding day number `day` (days since 1970-01-01). */
export function bucketOfDay(bucket: DemandBucket, day: number): number {
  if (bucket === 'day') return day;
  if (bucket === 'week') return Math.floor((day - FIRST_MONDAY) / 7);
  const d = new Date(day * DAY_MS);
  return (d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth();
}

/** The first day of bucket number `n`, as an ISO date. */
export function bucketStart(bucket: DemandBucket, n: number): string {
  if (bucket === 'day') return isoOf(n * DAY_MS);
  if (bucket === 'week') return isoOf((n * 7 + FIRST_MONDAY) * DAY_MS);
  const months = n + 1970 * 12;
  return isoOf(Date.UTC(Math.floor(months / 12), ((months % 12) + 12) % 12, 1));
}
