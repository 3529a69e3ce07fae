// Calendar arithmetic of demand buckets (UTC days; weeks start on Monday, months on the 1st) and the
// forecast put on the chart's buckets: a forecast made per week read per day or per month.

export type CalendarBucket = 'day' | 'week' | 'month';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' day. */
export const dayNumber = (iso: string) => Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
export const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The first day of `n` buckets after the bucket starting on `day`. */
export function addBuckets(day: number, bucket: CalendarBucket, n: number): number {
  if (bucket === 'day') return day + n;
  if (bucket === 'week') return day + 7 * n;
  const date = new Date(day * DAY_MS);
  return Math.round(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + n, 1) / DAY_MS);
}

/** The first day of the bucket holding `day`. */
export function bucketStart(day: number, bucket: CalendarBucket): number {
  if (bucket === 'day') return day;
  // 1970-01-01 was a Thursday: Monday is 3 days before it.
  if (bucket === 'week') return day - ((((day + 3) % 7) + 7) % 7);
  const date = new Date(day * DAY_MS);
  return Math.round(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY_MS);
}

export interface ForecastInput {
  startDate: string;
  mean: readonly number[];
  lower: readonly number[];
  upper: readonly number[];
}

export interface ForecastPoint {
  /** First day of the chart bucket. */
  start: number;
  mean: number;
  lower: number;
  upper: number;
}

/**
 * The forecast on the chart's buckets. Each forecast bucket's quantity is spread evenly over its
 * days and summed per chart bucket; chart buckets the forecast covers only in part are left out.
 * The mean is exact under that spreading; the interval bounds are scaled the same way, which is
 * only approximate when the buckets differ (the caller says so).
 */
export function forecastOnBuckets(
  forecast: ForecastInput,
  from: CalendarBucket,
  to: CalendarBucket,
): ForecastPoint[] {
  const start = dayNumber(forecast.startDate);
  if (from === to) {
    return forecast.mean.map((mean, i) => ({
      start: addBuckets(start, from, i),
      mean,
      lower: forecast.lower[i] ?? mean,
      upper: forecast.upper[i] ?? mean,
    }));
  }
  const end = addBuckets(start, from, forecast.mean.length);
  const perDay = {
    mean: new Float64Array(end - start),
    lower: new Float64Array(end - start),
    upper: new Float64Array(end - start),
  };
  forecast.mean.forEach((mean, i) => {
    const s = addBuckets(start, from, i);
    const e = addBuckets(start, from, i + 1);
    for (let d = s; d < e; d++) {
      perDay.mean[d - start] = mean / (e - s);
      perDay.lower[d - start] = (forecast.lower[i] ?? mean) / (e - s);
      perDay.upper[d - start] = (forecast.upper[i] ?? mean) / (e - s);
    }
  });
  const points: ForecastPoint[] = [];
  for (let s = bucketStart(start, to); s < end; s = addBuckets(s, to, 1)) {
    const e = addBuckets(s, to, 1);
    if (s < start || e > end) continue;
    let mean = 0;
    let lower = 0;
    let upper = 0;
    for (let d = s; d < e; d++) {
      mean += perDay.mean[d - start] ?? 0;
      lower += perDay.lower[d - start] ?? 0;
      upper += perDay.upper[d - start] ?? 0;
    }
    points.push({ start: s, mean, lower, upper });
  }
  return points;
}
