// A chart's series: one point per bucket, zeros where nothing happened, the open bucket marked.
import { toMetrics } from './aggregates.sql.ts';
import type { SeriesRow } from './dashboard.repo.ts';
import { EMPTY_METRICS, type Metrics24h } from './metrics24h.repo.ts';

export interface SeriesPoint extends Metrics24h {
  at: string;
  /** The bucket is still open (its figures grow). */
  partial: boolean;
}

const ms = (v: Date | string) => new Date(v).getTime();

/** One point per bucket from `from` (inclusive) to `end` (exclusive), zeros where nothing happened. */
export function fillSeries(
  rows: SeriesRow[],
  from: number,
  end: number,
  step: number,
  now: number,
): SeriesPoint[] {
  const byBucket = new Map(rows.map((r) => [ms(r.bucket), r]));
  const points: SeriesPoint[] = [];
  for (let t = from; t < end; t += step) {
    const row = byBucket.get(t);
    points.push({
      at: new Date(t).toISOString(),
      partial: t + step > now,
      ...(row ? toMetrics(row) : EMPTY_METRICS),
    });
  }
  return points;
}
