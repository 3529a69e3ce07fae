// A KPI's report and dashboard card from its stored measurements: daily figures combined per
// bucket (day, Monday week, month), the range against the one before it, aggregates of the
// buckets, and the target. Pure.
import { bucketOf, bucketStart, type DemandBucket } from '../entities/buckets.ts';
import { addDays } from '../policy/dates.ts';
import {
  aggregatesOf,
  type Better,
  combine,
  type DailyFigure,
  isKpiName,
  KPIS,
  type KpiStatus,
  statusOf,
  type Trend,
  trendOf,
} from './kpis.ts';

export interface StoredFigure {
  day: string;
  value: number;
  dimensions: Record<string, unknown>;
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** A stored row as a figure; numerator and denominator only when both are numbers. */
export function figureOf(row: StoredFigure): DailyFigure {
  const { numerator, denominator } = row.dimensions;
  return finite(numerator) && finite(denominator)
    ? { day: row.day, value: row.value, numerator, denominator }
    : { day: row.day, value: row.value };
}

export interface BucketPoint {
  start: string;
  end: string;
  value: number;
  count: number;
}

/** Figures combined per bucket; buckets without a figure are left out. */
export function bucketPoints(figures: readonly DailyFigure[], bucket: DemandBucket): BucketPoint[] {
  const groups = new Map<number, DailyFigure[]>();
  for (const f of figures) {
    const n = bucketOf(bucket, f.day);
    const group = groups.get(n);
    if (group) group.push(f);
    else groups.set(n, [f]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([n, group]) => ({
      start: bucketStart(bucket, n),
      end: addDays(bucketStart(bucket, n + 1), -1),
      value: combine(group) as number,
      count: group.length,
    }));
}

export interface KpiTarget {
  value: number | null;
  source: 'default' | 'tenant' | 'none';
}

/** The target of `kpi`: the tenant's, else the default; custom KPIs have none. */
export function targetOf(kpi: string, tenantTargets: Record<string, number>): KpiTarget {
  const own = tenantTargets[kpi];
  if (finite(own)) return { value: own, source: 'tenant' };
  if (isKpiName(kpi)) return { value: KPIS[kpi].target, source: 'default' };
  return { value: null, source: 'none' };
}

export function describe(kpi: string) {
  if (isKpiName(kpi)) {
    const spec = KPIS[kpi];
    return { kpi, label: spec.label, unit: spec.unit, better: spec.better, description: spec.description };
  }
  return {
    kpi,
    label: kpi.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase()),
    unit: null,
    better: null,
    description: null,
  };
}

/** The days of the period before `from` … `to`, of the same length. */
export function previousPeriod(from: string, days: number) {
  return { from: addDays(from, -days), to: addDays(from, -1) };
}

export interface Comparison {
  value: number | null;
  previous: number | null;
  trend: Trend;
  status: KpiStatus;
}

/** The current period's value against the previous period's and the target. */
export function compare(
  current: readonly DailyFigure[],
  previous: readonly DailyFigure[],
  better: Better | null,
  target: number | null,
): Comparison {
  const value = combine(current);
  const before = combine(previous);
  const judged = better ?? 'higher';
  return {
    value,
    previous: before,
    trend: better ? trendOf(value, before, judged) : { ...trendOf(value, before, judged), improving: null },
    status: better ? statusOf(value, target, judged) : value === null ? 'no_data' : 'no_target',
  };
}

/** The report of one KPI over `from` … `to` (figures of the range and of the period before it). */
export function kpiReport(input: {
  kpi: string;
  bucket: DemandBucket;
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  warehouseId: string | null;
  current: DailyFigure[];
  previous: DailyFigure[];
  target: KpiTarget;
}) {
  const info = describe(input.kpi);
  const points = bucketPoints(input.current, input.bucket);
  const judged = compare(input.current, input.previous, info.better, input.target.value);
  return {
    ...info,
    bucket: input.bucket,
    from: input.from,
    to: input.to,
    warehouseId: input.warehouseId,
    points,
    value: judged.value,
    previous: { from: input.previousFrom, to: input.previousTo, value: judged.previous },
    trend: judged.trend,
    aggregates: aggregatesOf(points.map((p) => p.value)),
    target: { value: input.target.value, source: input.target.source, status: judged.status },
  };
}

/** A dashboard card: the period's value, trend, target and status, and its daily sparkline. */
export function kpiCard(input: {
  kpi: string;
  current: DailyFigure[];
  previous: DailyFigure[];
  target: KpiTarget;
}) {
  const info = describe(input.kpi);
  const judged = compare(input.current, input.previous, info.better, input.target.value);
  return {
    ...info,
    value: judged.value,
    previous: judged.previous,
    trend: judged.trend,
    target: input.target.value,
    targetSource: input.target.source,
    status: judged.status,
    sparkline: bucketPoints(input.current, 'day').map((p) => ({ day: p.start, value: p.value })),
  };
}
